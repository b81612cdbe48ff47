haconf -makerw
hagrp -add cvm
hagrp -modify cvm Parallel 1
hagrp -modify cvm SystemList fssg1 0 fssg2 1
hagrp -modify cvm AutoFailOver 0
hagrp -modify cvm AutoStartList fssg1 fssg2
hares -add vxfsckd CFSfsckd cvm
hares -modify vxfsckd Enabled 1
hares -add cvm_clus CVMCluster cvm
hares -modify cvm_clus Critical 0
hares -modify cvm_clus CVMClustName fssclus
hares -modify cvm_clus CVMNodeId fssg1 0 fssg2 1
hares -modify cvm_clus CVMTransport gab
hares -modify cvm_clus CVMTimeout 200
hares -modify cvm_clus Enabled 1
hares -add cvm_vxconfigd CVMVxconfigd cvm
hares -modify cvm_vxconfigd Critical 0
hares -modify cvm_vxconfigd CVMVxconfigdArgs syslog
hares -modify cvm_vxconfigd Enabled 1
hares -link cvm_clus cvm_vxconfigd
hares -link vxfsckd cvm_clus
hagrp -add docstore_grp
hagrp -modify docstore_grp Parallel 1
hagrp -modify docstore_grp SystemList fssg1 0 fssg2 1
hagrp -modify docstore_grp AutoStartList fssg1 fssg2
hares -add docstore_app Application docstore_grp
hares -modify docstore_app StartProgram /opt/docstore/bin/docstore-start
hares -modify docstore_app StopProgram /opt/docstore/bin/docstore-stop
hares -modify docstore_app MonitorProcesses /opt/docstore/bin/docstored
hares -modify docstore_app Enabled 1
hagrp -add docstore_vip_grp
hagrp -modify docstore_vip_grp SystemList fssg1 0 fssg2 1
hagrp -modify docstore_vip_grp AutoStartList fssg1
hares -add docstore_vip_app Application docstore_vip_grp
hares -modify docstore_vip_app StartProgram /opt/docstore/bin/vip-notify
hares -modify docstore_vip_app StopProgram /opt/docstore/bin/vip-withdraw
hares -modify docstore_vip_app MonitorProgram /opt/docstore/bin/vip-check
hares -modify docstore_vip_app Enabled 1
hares -add docstore_vip_ip IP docstore_vip_grp
hares -modify docstore_vip_ip Device net0
hares -modify docstore_vip_ip Address 10.20.60.70
hares -modify docstore_vip_ip NetMask 255.255.255.0
hares -modify docstore_vip_ip Enabled 1
hares -add docstore_vip_nic NIC docstore_vip_grp
hares -modify docstore_vip_nic Device net0
hares -modify docstore_vip_nic Enabled 1
hares -link docstore_vip_app docstore_vip_ip
hares -link docstore_vip_ip docstore_vip_nic
hagrp -add fssdg_grp
hagrp -modify fssdg_grp Parallel 1
hagrp -modify fssdg_grp SystemList fssg1 0 fssg2 1
hagrp -modify fssdg_grp AutoStartList fssg1 fssg2
hares -add fssdg_docvol_cfsmnt CFSMount fssdg_grp
hares -modify fssdg_docvol_cfsmnt MountPoint /docs
hares -modify fssdg_docvol_cfsmnt BlockDevice /dev/vx/dsk/fssdg/docvol
hares -modify fssdg_docvol_cfsmnt Enabled 1
hares -add fssdg_voldg CVMVolDg fssdg_grp
hares -modify fssdg_voldg CVMDiskGroup fssdg
hares -modify fssdg_voldg CVMVolume docvol
hares -modify fssdg_voldg CVMActivation sw
hares -modify fssdg_voldg Enabled 1
hares -link fssdg_docvol_cfsmnt fssdg_voldg
hagrp -link docstore_grp fssdg_grp online local firm
hagrp -link fssdg_grp cvm online local firm
haconf -dump -makero
