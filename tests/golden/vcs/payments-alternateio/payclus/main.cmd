haconf -makerw
hagrp -add pay1_aio_grp
hagrp -modify pay1_aio_grp SystemList t8e 0 t8f 1
hagrp -modify pay1_aio_grp AutoStartList t8e
hares -add pay1_aio AlternateIO pay1_aio_grp
hares -local pay1_aio StorageSG
hares -modify pay1_aio StorageSG t8e_stor_grp 0 -sys t8e
hares -modify pay1_aio StorageSG t8f_stor_grp 0 -sys t8f
hares -local pay1_aio NetworkSG
hares -modify pay1_aio NetworkSG t8e_net_grp 0 -sys t8e
hares -modify pay1_aio NetworkSG t8f_net_grp 0 -sys t8f
hares -modify pay1_aio Enabled 1
hagrp -add pay1_grp
hagrp -modify pay1_grp SystemList t8e 0 t8f 1
hagrp -modify pay1_grp AutoStartList t8e
hares -add pay1_ldom LDom pay1_grp
hares -modify pay1_ldom LDomName pay1
hares -modify pay1_ldom CfgFile /etc/ldoms/pay1.xml
hares -modify pay1_ldom DomainFailurePolicy primary ignore
hares -modify pay1_ldom UserName ldmmig
hares -modify pay1_ldom Password gvnTlvIbyV
hares -modify pay1_ldom Enabled 1
hagrp -add pay2_aio_grp
hagrp -modify pay2_aio_grp SystemList t8f 0 t8e 1
hagrp -modify pay2_aio_grp AutoStartList t8f
hares -add pay2_aio AlternateIO pay2_aio_grp
hares -local pay2_aio StorageSG
hares -modify pay2_aio StorageSG t8f_stor_grp 0 -sys t8f
hares -modify pay2_aio StorageSG t8e_stor_grp 0 -sys t8e
hares -local pay2_aio NetworkSG
hares -modify pay2_aio NetworkSG t8f_net_grp 0 -sys t8f
hares -modify pay2_aio NetworkSG t8e_net_grp 0 -sys t8e
hares -modify pay2_aio Enabled 1
hagrp -add pay2_grp
hagrp -modify pay2_grp SystemList t8f 0 t8e 1
hagrp -modify pay2_grp AutoStartList t8f
hares -add pay2_ldom LDom pay2_grp
hares -modify pay2_ldom LDomName pay2
hares -modify pay2_ldom CfgFile /etc/ldoms/pay2.xml
hares -modify pay2_ldom DomainFailurePolicy primary ignore
hares -modify pay2_ldom UserName ldmmig
hares -modify pay2_ldom Password gvnTlvIbyV
hares -modify pay2_ldom Enabled 1
hagrp -add t8e_net_grp
hagrp -modify t8e_net_grp Parallel 1
hagrp -modify t8e_net_grp SystemList t8e 0 t8e-altio 1
hagrp -modify t8e_net_grp AutoStartList t8e t8e-altio
hares -add t8e_nic0 NIC t8e_net_grp
hares -local t8e_nic0 Device
hares -modify t8e_nic0 Device net0 -sys t8e
hares -modify t8e_nic0 Device net4 -sys t8e-altio
hares -modify t8e_nic0 Enabled 1
hares -add t8e_net_phantom Phantom t8e_net_grp
hares -modify t8e_net_phantom Enabled 1
hagrp -add t8e_stor_grp
hagrp -modify t8e_stor_grp Parallel 1
hagrp -modify t8e_stor_grp SystemList t8e 0 t8e-altio 1
hagrp -modify t8e_stor_grp AutoStartList t8e t8e-altio
hares -add t8e_emc0_2d00_disk Disk t8e_stor_grp
hares -modify t8e_emc0_2d00_disk Partition /dev/vx/dmp/emc0_2d00s2
hares -modify t8e_emc0_2d00_disk Enabled 1
hares -add t8e_emc0_2d01_disk Disk t8e_stor_grp
hares -modify t8e_emc0_2d01_disk Partition /dev/vx/dmp/emc0_2d01s2
hares -modify t8e_emc0_2d01_disk Enabled 1
hares -add t8e_emc0_2d10_disk Disk t8e_stor_grp
hares -modify t8e_emc0_2d10_disk Partition /dev/vx/dmp/emc0_2d10s2
hares -modify t8e_emc0_2d10_disk Enabled 1
hares -add t8e_emc0_2d11_disk Disk t8e_stor_grp
hares -modify t8e_emc0_2d11_disk Partition /dev/vx/dmp/emc0_2d11s2
hares -modify t8e_emc0_2d11_disk Enabled 1
hares -add t8e_stor_phantom Phantom t8e_stor_grp
hares -modify t8e_stor_phantom Enabled 1
hagrp -add t8f_net_grp
hagrp -modify t8f_net_grp Parallel 1
hagrp -modify t8f_net_grp SystemList t8f 0 t8f-altio 1
hagrp -modify t8f_net_grp AutoStartList t8f t8f-altio
hares -add t8f_nic0 NIC t8f_net_grp
hares -local t8f_nic0 Device
hares -modify t8f_nic0 Device net0 -sys t8f
hares -modify t8f_nic0 Device net4 -sys t8f-altio
hares -modify t8f_nic0 Enabled 1
hares -add t8f_net_phantom Phantom t8f_net_grp
hares -modify t8f_net_phantom Enabled 1
hagrp -add t8f_stor_grp
hagrp -modify t8f_stor_grp Parallel 1
hagrp -modify t8f_stor_grp SystemList t8f 0 t8f-altio 1
hagrp -modify t8f_stor_grp AutoStartList t8f t8f-altio
hares -add t8f_emc0_2d00_disk Disk t8f_stor_grp
hares -modify t8f_emc0_2d00_disk Partition /dev/vx/dmp/emc0_2d00s2
hares -modify t8f_emc0_2d00_disk Enabled 1
hares -add t8f_emc0_2d01_disk Disk t8f_stor_grp
hares -modify t8f_emc0_2d01_disk Partition /dev/vx/dmp/emc0_2d01s2
hares -modify t8f_emc0_2d01_disk Enabled 1
hares -add t8f_emc0_2d10_disk Disk t8f_stor_grp
hares -modify t8f_emc0_2d10_disk Partition /dev/vx/dmp/emc0_2d10s2
hares -modify t8f_emc0_2d10_disk Enabled 1
hares -add t8f_emc0_2d11_disk Disk t8f_stor_grp
hares -modify t8f_emc0_2d11_disk Partition /dev/vx/dmp/emc0_2d11s2
hares -modify t8f_emc0_2d11_disk Enabled 1
hares -add t8f_stor_phantom Phantom t8f_stor_grp
hares -modify t8f_stor_phantom Enabled 1
hagrp -link pay1_grp pay1_aio_grp online local hard
hagrp -link pay2_grp pay2_aio_grp online local hard
haconf -dump -makero
