haconf -makerw
hagrp -add crm_grp
hagrp -modify crm_grp SystemList crmg1 0 crmg2 1
hagrp -modify crm_grp AutoStartList crmg1
hares -add crm_app Application crm_grp
hares -modify crm_app StartProgram /opt/crm/bin/crm-start
hares -modify crm_app StopProgram /opt/crm/bin/crm-stop
hares -modify crm_app MonitorProcesses /opt/crm/bin/crmd
hares -modify crm_app Enabled 1
hares -add crmdg_dg DiskGroup crm_grp
hares -modify crmdg_dg DiskGroup crmdg
hares -modify crmdg_dg Enabled 1
hares -add crm_ip IP crm_grp
hares -modify crm_ip Device net0
hares -modify crm_ip Address 10.20.70.80
hares -modify crm_ip NetMask 255.255.255.0
hares -modify crm_ip Enabled 1
hares -add crmdg_crmvol_mnt Mount crm_grp
hares -modify crmdg_crmvol_mnt MountPoint /crm
hares -modify crmdg_crmvol_mnt BlockDevice /dev/vx/dsk/crmdg/crmvol
hares -modify crmdg_crmvol_mnt FSType vxfs
hares -modify crmdg_crmvol_mnt FsckOpt -y
hares -modify crmdg_crmvol_mnt Enabled 1
hares -add crm_nic NIC crm_grp
hares -modify crm_nic Device net0
hares -modify crm_nic Enabled 1
hares -add crmdg_crmvol_vol Volume crm_grp
hares -modify crmdg_crmvol_vol DiskGroup crmdg
hares -modify crmdg_crmvol_vol Volume crmvol
hares -modify crmdg_crmvol_vol Enabled 1
hares -link crm_app crm_ip
hares -link crm_app crmdg_crmvol_mnt
hares -link crm_ip crm_nic
hares -link crmdg_crmvol_mnt crmdg_crmvol_vol
hares -link crmdg_crmvol_vol crmdg_dg
haconf -dump -makero
