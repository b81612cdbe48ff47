haconf -makerw
hagrp -add hrportal_grp
hagrp -modify hrportal_grp SystemList hrg1 0 hrg2 1
hagrp -modify hrportal_grp ContainerInfo Name hrz2 Type Zone Enabled 1
hagrp -modify hrportal_grp AutoStartList hrg1
hares -add hrportal_app Application hrportal_grp
hares -modify hrportal_app StartProgram /opt/portal/bin/portal-start
hares -modify hrportal_app StopProgram /opt/portal/bin/portal-stop
hares -modify hrportal_app MonitorProcesses /opt/portal/bin/portald
hares -modify hrportal_app Enabled 1
hares -add hrportal_ip IP hrportal_grp
hares -modify hrportal_ip Device net0
hares -modify hrportal_ip Address 10.20.50.60
hares -modify hrportal_ip NetMask 255.255.255.0
hares -modify hrportal_ip Enabled 1
hares -add hrdg_portaldata_mnt Mount hrportal_grp
hares -modify hrdg_portaldata_mnt MountPoint /portal
hares -modify hrdg_portaldata_mnt BlockDevice /dev/vx/dsk/hrdg/portaldata
hares -modify hrdg_portaldata_mnt FSType vxfs
hares -modify hrdg_portaldata_mnt FsckOpt -y
hares -modify hrdg_portaldata_mnt Enabled 1
hares -add hrportal_nic NIC hrportal_grp
hares -modify hrportal_nic Device net0
hares -modify hrportal_nic Enabled 1
hares -add hrz2_zone Zone hrportal_grp
hares -modify hrz2_zone DetachZonePath 1
hares -modify hrz2_zone ForceAttach 1
hares -modify hrz2_zone Enabled 1
hares -link hrdg_portaldata_mnt hrz2_zone
hares -link hrportal_app hrdg_portaldata_mnt
hares -link hrportal_app hrportal_ip
hares -link hrportal_app hrz2_zone
hares -link hrportal_ip hrportal_nic
hares -link hrportal_ip hrz2_zone
hagrp -add hrz2_root_grp
hagrp -modify hrz2_root_grp SystemList hrg1 0 hrg2 1
hagrp -modify hrz2_root_grp AutoStartList hrg1
hares -add hrdg_dg DiskGroup hrz2_root_grp
hares -modify hrdg_dg DiskGroup hrdg
hares -modify hrdg_dg Enabled 1
hares -add hrdg_hrz2root_vol Volume hrz2_root_grp
hares -modify hrdg_hrz2root_vol DiskGroup hrdg
hares -modify hrdg_hrz2root_vol Volume hrz2root
hares -modify hrdg_hrz2root_vol Enabled 1
hares -add hrdg_portaldata_vol Volume hrz2_root_grp
hares -modify hrdg_portaldata_vol DiskGroup hrdg
hares -modify hrdg_portaldata_vol Volume portaldata
hares -modify hrdg_portaldata_vol Enabled 1
hares -add hrz2_root_zpool Zpool hrz2_root_grp
hares -modify hrz2_root_zpool PoolName hrz2_pool
hares -modify hrz2_root_zpool DeviceDir /dev/vx/dsk/hrdg
hares -modify hrz2_root_zpool Enabled 1
hares -link hrdg_hrz2root_vol hrdg_dg
hares -link hrdg_portaldata_vol hrdg_dg
hares -link hrz2_root_zpool hrdg_hrz2root_vol
hagrp -add payroll_grp
hagrp -modify payroll_grp SystemList hrg1 0 hrg2 1
hagrp -modify payroll_grp ContainerInfo Name hrz1 Type Zone Enabled 1
hagrp -modify payroll_grp AutoStartList hrg1
hares -add payroll_app Application payroll_grp
hares -modify payroll_app StartProgram /opt/payroll/bin/payroll-start
hares -modify payroll_app StopProgram /opt/payroll/bin/payroll-stop
hares -modify payroll_app MonitorProcesses /opt/payroll/bin/payrolld
hares -modify payroll_app Enabled 1
hares -add payrolldg_dg DiskGroup payroll_grp
hares -modify payrolldg_dg DiskGroup payrolldg
hares -modify payrolldg_dg Enabled 1
hares -add hrz1_zone Zone payroll_grp
hares -modify hrz1_zone DetachZonePath 0
hares -modify hrz1_zone ForceAttach 0
hares -modify hrz1_zone Enabled 1
hares -link payroll_app hrz1_zone
hares -link payroll_app payrolldg_dg
hagrp -link hrportal_grp hrz2_root_grp online local hard
haconf -dump -makero
