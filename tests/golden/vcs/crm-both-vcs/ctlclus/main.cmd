haconf -makerw
hagrp -add crmg1_grp
hagrp -modify crmg1_grp SystemList t8i 0 t8j 1
hagrp -modify crmg1_grp AutoStartList t8i
hares -add crmg1_boot_disk Disk crmg1_grp
hares -modify crmg1_boot_disk Partition /dev/dsk/c0t60000970000197600222533036423030d0s2
hares -modify crmg1_boot_disk Enabled 1
hares -add crmg1_data0_disk Disk crmg1_grp
hares -modify crmg1_data0_disk Partition /dev/dsk/c0t60000970000197600222533036423130d0s2
hares -modify crmg1_data0_disk Enabled 1
hares -add crmg1_ldom LDom crmg1_grp
hares -modify crmg1_ldom LDomName crmg1
hares -modify crmg1_ldom CfgFile /etc/ldoms/crmg1.xml
hares -modify crmg1_ldom Enabled 1
hares -add crmg1_vnet0_proxy Proxy crmg1_grp
hares -modify crmg1_vnet0_proxy TargetResName primary_vsw0_nic
hares -modify crmg1_vnet0_proxy Enabled 1
hares -add crmg1_vnet1_proxy Proxy crmg1_grp
hares -modify crmg1_vnet1_proxy TargetResName primary_vsw1_nic
hares -modify crmg1_vnet1_proxy Enabled 1
hares -add crmg1_vnet2_proxy Proxy crmg1_grp
hares -modify crmg1_vnet2_proxy TargetResName primary_vsw2_nic
hares -modify crmg1_vnet2_proxy Enabled 1
hares -link crmg1_ldom crmg1_boot_disk
hares -link crmg1_ldom crmg1_data0_disk
hares -link crmg1_ldom crmg1_vnet0_proxy
hares -link crmg1_ldom crmg1_vnet1_proxy
hares -link crmg1_ldom crmg1_vnet2_proxy
hagrp -add crmg2_grp
hagrp -modify crmg2_grp SystemList t8j 0 t8i 1
hagrp -modify crmg2_grp AutoStartList t8j
hares -add crmg2_boot_disk Disk crmg2_grp
hares -modify crmg2_boot_disk Partition /dev/dsk/c0t60000970000197600222533036423031d0s2
hares -modify crmg2_boot_disk Enabled 1
hares -add crmg2_data0_disk Disk crmg2_grp
hares -modify crmg2_data0_disk Partition /dev/dsk/c0t60000970000197600222533036423130d0s2
hares -modify crmg2_data0_disk Enabled 1
hares -add crmg2_ldom LDom crmg2_grp
hares -modify crmg2_ldom LDomName crmg2
hares -modify crmg2_ldom CfgFile /etc/ldoms/crmg2.xml
hares -modify crmg2_ldom Enabled 1
hares -add crmg2_vnet0_proxy Proxy crmg2_grp
hares -modify crmg2_vnet0_proxy TargetResName primary_vsw0_nic
hares -modify crmg2_vnet0_proxy Enabled 1
hares -add crmg2_vnet1_proxy Proxy crmg2_grp
hares -modify crmg2_vnet1_proxy TargetResName primary_vsw1_nic
hares -modify crmg2_vnet1_proxy Enabled 1
hares -add crmg2_vnet2_proxy Proxy crmg2_grp
hares -modify crmg2_vnet2_proxy TargetResName primary_vsw2_nic
hares -modify crmg2_vnet2_proxy Enabled 1
hares -link crmg2_ldom crmg2_boot_disk
hares -link crmg2_ldom crmg2_data0_disk
hares -link crmg2_ldom crmg2_vnet0_proxy
hares -link crmg2_ldom crmg2_vnet1_proxy
hares -link crmg2_ldom crmg2_vnet2_proxy
hagrp -add ldom_net_grp
hagrp -modify ldom_net_grp Parallel 1
hagrp -modify ldom_net_grp SystemList t8i 0 t8j 1
hagrp -modify ldom_net_grp AutoStartList t8i t8j
hares -add primary_vsw0_nic NIC ldom_net_grp
hares -modify primary_vsw0_nic Device net0
hares -modify primary_vsw0_nic Enabled 1
hares -add primary_vsw1_nic NIC ldom_net_grp
hares -modify primary_vsw1_nic Device net2
hares -modify primary_vsw1_nic Enabled 1
hares -add primary_vsw2_nic NIC ldom_net_grp
hares -modify primary_vsw2_nic Device net3
hares -modify primary_vsw2_nic Enabled 1
hares -add ldom_net_phantom Phantom ldom_net_grp
hares -modify ldom_net_phantom Enabled 1
haconf -dump -makero
