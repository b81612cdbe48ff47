haconf -makerw
hagrp -add trading_grp
hagrp -modify trading_grp SystemList trade1 0 trade2 1
hagrp -modify trading_grp AutoStartList trade1
hares -add trading_app Application trading_grp
hares -modify trading_app StartProgram /opt/trading/bin/engine-start
hares -modify trading_app StopProgram /opt/trading/bin/engine-stop
hares -modify trading_app MonitorProcesses /opt/trading/bin/matchd
hares -modify trading_app Enabled 1
hares -add tradedg_dg DiskGroup trading_grp
hares -modify tradedg_dg DiskGroup tradedg
hares -modify tradedg_dg Enabled 1
hares -add trading_ip IP trading_grp
hares -modify trading_ip Device net0
hares -modify trading_ip Address 10.20.40.50
hares -modify trading_ip NetMask 255.255.255.0
hares -modify trading_ip Enabled 1
hares -add tradedg_tradevol_mnt Mount trading_grp
hares -modify tradedg_tradevol_mnt MountPoint /trading
hares -modify tradedg_tradevol_mnt BlockDevice /dev/vx/dsk/tradedg/tradevol
hares -modify tradedg_tradevol_mnt FSType vxfs
hares -modify tradedg_tradevol_mnt FsckOpt -y
hares -modify tradedg_tradevol_mnt Enabled 1
hares -add trading_nic NIC trading_grp
hares -modify trading_nic Device net0
hares -modify trading_nic Enabled 1
hares -add tradedg_tradevol_vol Volume trading_grp
hares -modify tradedg_tradevol_vol DiskGroup tradedg
hares -modify tradedg_tradevol_vol Volume tradevol
hares -modify tradedg_tradevol_vol Enabled 1
hares -link tradedg_tradevol_mnt tradedg_tradevol_vol
hares -link tradedg_tradevol_vol tradedg_dg
hares -link trading_app tradedg_tradevol_mnt
hares -link trading_app trading_ip
hares -link trading_ip trading_nic
haconf -dump -makero
