haconf -makerw
hagrp -add anag1_grp
hagrp -modify anag1_grp SystemList t7e 0 t7f 1
hagrp -modify anag1_grp AutoStartList t7e
hares -add anadg_dg DiskGroup anag1_grp
hares -modify anadg_dg DiskGroup anadg
hares -modify anadg_dg Enabled 1
hares -add anag1_ldom LDom anag1_grp
hares -modify anag1_ldom LDomName anag1
hares -modify anag1_ldom CfgFile /etc/ldoms/anag1.xml
hares -modify anag1_ldom Enabled 1
hares -add anag1_vnet0_proxy Proxy anag1_grp
hares -modify anag1_vnet0_proxy TargetResName primary_vsw0_nic
hares -modify anag1_vnet0_proxy Enabled 1
hares -add anadg_anaboot_vol Volume anag1_grp
hares -modify anadg_anaboot_vol DiskGroup anadg
hares -modify anadg_anaboot_vol Volume anaboot
hares -modify anadg_anaboot_vol Enabled 1
hares -add anadg_anadata_vol Volume anag1_grp
hares -modify anadg_anadata_vol DiskGroup anadg
hares -modify anadg_anadata_vol Volume anadata
hares -modify anadg_anadata_vol Enabled 1
hares -link anadg_anaboot_vol anadg_dg
hares -link anadg_anadata_vol anadg_dg
hares -link anag1_ldom anadg_anaboot_vol
hares -link anag1_ldom anadg_anadata_vol
hares -link anag1_ldom anag1_vnet0_proxy
hagrp -add ldom_net_grp
hagrp -modify ldom_net_grp Parallel 1
hagrp -modify ldom_net_grp SystemList t7e 0 t7f 1
hagrp -modify ldom_net_grp AutoStartList t7e t7f
hares -add primary_vsw0_nic NIC ldom_net_grp
hares -modify primary_vsw0_nic Device net0
hares -modify primary_vsw0_nic Enabled 1
hares -add ldom_net_phantom Phantom ldom_net_grp
hares -modify ldom_net_phantom Enabled 1
haconf -dump -makero
