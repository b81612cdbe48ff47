haconf -makerw
hagrp -add crs_grp
hagrp -modify crs_grp Parallel 1
hagrp -modify crs_grp SystemList racg1 0 racg2 1
hagrp -modify crs_grp AutoStartList racg1 racg2
hares -add ocrvote_mnt CFSMount crs_grp
hares -modify ocrvote_mnt MountPoint /ocrvote
hares -modify ocrvote_mnt BlockDevice /dev/vx/dsk/ocrdg/ocrvote
hares -modify ocrvote_mnt Enabled 1
hares -add cssd CSSD crs_grp
hares -modify cssd Critical 0
hares -modify cssd Enabled 1
hares -add ocrvote_ocrdg_voldg CVMVolDg crs_grp
hares -modify ocrvote_ocrdg_voldg CVMDiskGroup ocrdg
hares -modify ocrvote_ocrdg_voldg CVMVolume ocrvote
hares -modify ocrvote_ocrdg_voldg CVMActivation sw
hares -modify ocrvote_ocrdg_voldg Enabled 1
hares -link cssd ocrvote_mnt
hares -link ocrvote_mnt ocrvote_ocrdg_voldg
hagrp -add cvm
hagrp -modify cvm Parallel 1
hagrp -modify cvm SystemList racg1 0 racg2 1
hagrp -modify cvm AutoFailOver 0
hagrp -modify cvm AutoStartList racg1 racg2
hares -add vxfsckd CFSfsckd cvm
hares -modify vxfsckd Enabled 1
hares -add cvm_clus CVMCluster cvm
hares -modify cvm_clus Critical 0
hares -modify cvm_clus CVMClustName racclus
hares -modify cvm_clus CVMNodeId racg1 0 racg2 1
hares -modify cvm_clus CVMTransport gab
hares -modify cvm_clus CVMTimeout 200
hares -modify cvm_clus Enabled 1
hares -add cvm_vxconfigd CVMVxconfigd cvm
hares -modify cvm_vxconfigd Critical 0
hares -modify cvm_vxconfigd CVMVxconfigdArgs syslog
hares -modify cvm_vxconfigd Enabled 1
hares -link cvm_clus cvm_vxconfigd
hares -link vxfsckd cvm_clus
hagrp -add orafin_grp
hagrp -modify orafin_grp Parallel 1
hagrp -modify orafin_grp SystemList racg1 0 racg2 1
hagrp -modify orafin_grp AutoStartList racg1 racg2
hares -add orafin_oradata_mnt CFSMount orafin_grp
hares -modify orafin_oradata_mnt MountPoint /oradata
hares -modify orafin_oradata_mnt BlockDevice /dev/vx/dsk/oradg/oradata
hares -modify orafin_oradata_mnt Enabled 1
hares -add orafin_oradg_voldg CVMVolDg orafin_grp
hares -modify orafin_oradg_voldg CVMDiskGroup oradg
hares -modify orafin_oradg_voldg CVMVolume oradata
hares -modify orafin_oradg_voldg CVMActivation sw
hares -modify orafin_oradg_voldg Enabled 1
hares -add orafin_ora Oracle orafin_grp
hares -local orafin_ora Sid
hares -modify orafin_ora Sid ORAFIN1 -sys racg1
hares -modify orafin_ora Sid ORAFIN2 -sys racg2
hares -modify orafin_ora Owner oracle
hares -modify orafin_ora Home /u01/app/oracle/product/19.0.0/dbhome_1
hares -modify orafin_ora StartUpOpt SRVCTLSTART
hares -modify orafin_ora ShutDownOpt SRVCTLSTOP
hares -modify orafin_ora Enabled 1
hares -link orafin_ora orafin_oradata_mnt
hares -link orafin_oradata_mnt orafin_oradg_voldg
hagrp -link crs_grp cvm online local firm
hagrp -link orafin_grp crs_grp online local firm
haconf -dump -makero
