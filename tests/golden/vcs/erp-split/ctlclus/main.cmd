haconf -makerw
hagrp -add cvm
hagrp -modify cvm Parallel 1
hagrp -modify cvm SystemList t8a 0 t8b 1
hagrp -modify cvm AutoFailOver 0
hagrp -modify cvm AutoStartList t8a t8b
hares -add cvm_clus CVMCluster cvm
hares -modify cvm_clus Critical 0
hares -modify cvm_clus CVMClustName ctlclus
hares -modify cvm_clus CVMNodeId t8a 0 t8b 1
hares -modify cvm_clus CVMTransport gab
hares -modify cvm_clus CVMTimeout 200
hares -modify cvm_clus Enabled 1
hares -add cvm_vxconfigd CVMVxconfigd cvm
hares -modify cvm_vxconfigd Critical 0
hares -modify cvm_vxconfigd CVMVxconfigdArgs syslog
hares -modify cvm_vxconfigd Enabled 1
hares -link cvm_clus cvm_vxconfigd
hagrp -add erpdb_grp
hagrp -modify erpdb_grp SystemList t8a 0 t8b 1
hagrp -modify erpdb_grp AutoStartList t8a
hares -add erpdb_ldom LDom erpdb_grp
hares -modify erpdb_ldom LDomName erpdb
hares -modify erpdb_ldom CfgFile /etc/ldoms/erpdb.xml
hares -modify erpdb_ldom UserName ldmmig
hares -modify erpdb_ldom Password hvnTkvK
hares -modify erpdb_ldom Enabled 1
hares -add erpdb_vnet0_proxy Proxy erpdb_grp
hares -modify erpdb_vnet0_proxy TargetResName primary_vsw0_nic
hares -modify erpdb_vnet0_proxy Enabled 1
hares -link erpdb_ldom erpdb_vnet0_proxy
hagrp -add erpdg_grp
hagrp -modify erpdg_grp Parallel 1
hagrp -modify erpdg_grp SystemList t8a 0 t8b 1
hagrp -modify erpdg_grp AutoStartList t8a t8b
hares -add erpdg_voldg CVMVolDg erpdg_grp
hares -modify erpdg_voldg CVMDiskGroup erpdg
hares -modify erpdg_voldg CVMVolume erpboot erpdata
hares -modify erpdg_voldg CVMActivation sw
hares -modify erpdg_voldg Enabled 1
hagrp -add ldom_net_grp
hagrp -modify ldom_net_grp Parallel 1
hagrp -modify ldom_net_grp SystemList t8a 0 t8b 1
hagrp -modify ldom_net_grp AutoStartList t8a t8b
hares -add primary_vsw0_nic NIC ldom_net_grp
hares -modify primary_vsw0_nic Device net0
hares -modify primary_vsw0_nic Enabled 1
hares -add ldom_net_phantom Phantom ldom_net_grp
hares -modify ldom_net_phantom Enabled 1
hagrp -link erpdb_grp erpdg_grp online local firm
hagrp -link erpdg_grp cvm online local firm
haconf -dump -makero
