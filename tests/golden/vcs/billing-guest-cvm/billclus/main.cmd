haconf -makerw
hagrp -add billdg_grp
hagrp -modify billdg_grp Parallel 1
hagrp -modify billdg_grp SystemList billdb1 0 billdb2 1
hagrp -modify billdg_grp AutoStartList billdb1 billdb2
hares -add billdg_billvol_cfsmnt CFSMount billdg_grp
hares -modify billdg_billvol_cfsmnt MountPoint /billing
hares -modify billdg_billvol_cfsmnt BlockDevice /dev/vx/dsk/billdg/billvol
hares -modify billdg_billvol_cfsmnt Enabled 1
hares -add billdg_voldg CVMVolDg billdg_grp
hares -modify billdg_voldg CVMDiskGroup billdg
hares -modify billdg_voldg CVMVolume billvol
hares -modify billdg_voldg CVMActivation sw
hares -modify billdg_voldg Enabled 1
hares -link billdg_billvol_cfsmnt billdg_voldg
hagrp -add billing_grp
hagrp -modify billing_grp Parallel 1
hagrp -modify billing_grp SystemList billdb1 0 billdb2 1
hagrp -modify billing_grp AutoStartList billdb1 billdb2
hares -add billing_app Application billing_grp
hares -modify billing_app StartProgram /opt/billing/bin/billing-start
hares -modify billing_app StopProgram /opt/billing/bin/billing-stop
hares -modify billing_app MonitorProcesses /opt/billing/bin/billingd
hares -modify billing_app Enabled 1
hagrp -add billing_vip_grp
hagrp -modify billing_vip_grp SystemList billdb1 0 billdb2 1
hagrp -modify billing_vip_grp AutoStartList billdb1
hares -add billing_vip_app Application billing_vip_grp
hares -modify billing_vip_app StartProgram /opt/billing/bin/lb-register
hares -modify billing_vip_app StopProgram /opt/billing/bin/lb-deregister
hares -modify billing_vip_app MonitorProgram /opt/billing/bin/lb-check
hares -modify billing_vip_app Enabled 1
hares -add billing_vip_ip IP billing_vip_grp
hares -modify billing_vip_ip Device net0
hares -modify billing_vip_ip Address 10.20.30.40
hares -modify billing_vip_ip NetMask 255.255.255.0
hares -modify billing_vip_ip Enabled 1
hares -add billing_vip_nic NIC billing_vip_grp
hares -modify billing_vip_nic Device net0
hares -modify billing_vip_nic Enabled 1
hares -link billing_vip_app billing_vip_ip
hares -link billing_vip_ip billing_vip_nic
hagrp -add cvm
hagrp -modify cvm Parallel 1
hagrp -modify cvm SystemList billdb1 0 billdb2 1
hagrp -modify cvm AutoFailOver 0
hagrp -modify cvm AutoStartList billdb1 billdb2
hares -add vxfsckd CFSfsckd cvm
hares -modify vxfsckd Enabled 1
hares -add cvm_clus CVMCluster cvm
hares -modify cvm_clus Critical 0
hares -modify cvm_clus CVMClustName billclus
hares -modify cvm_clus CVMNodeId billdb1 0 billdb2 1
hares -modify cvm_clus CVMTransport gab
hares -modify cvm_clus CVMTimeout 200
hares -modify cvm_clus Enabled 1
hares -add cvm_vxconfigd CVMVxconfigd cvm
hares -modify cvm_vxconfigd Critical 0
hares -modify cvm_vxconfigd CVMVxconfigdArgs syslog
hares -modify cvm_vxconfigd Enabled 1
hares -link cvm_clus cvm_vxconfigd
hares -link vxfsckd cvm_clus
hagrp -link billdg_grp cvm online local firm
hagrp -link billing_grp billdg_grp online local firm
haconf -dump -makero
