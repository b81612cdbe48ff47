"""The parser reads main.cf constructs beyond what the printer writes, with positions."""

from __future__ import annotations

from generator.maincf.parser import parse
from generator.maincf.tree import Assoc, Attr, AttrDecl, GroupDep, Items, Pos, ResourceDep, Scalar

TEXT = '''// top comment kept as header
include "types.cf"   // trailing comment
/* block
   comment */
cluster demo ( UserNames = { admin = cDRpdxPmHzpS } Administrators = { admin } )
system Server1
system Server2 ( SysName = "Server 2" )
remotecluster rc ( ClusterAddress = "10.0.0.9" )
type MyApp (
    static int OnlineTimeout = 600
    static temp str Tmp
    static keylist SupportedActions = { "a.vfd", b }
    NameRule = resource.Address
    float Weight = -1
    str Env{} = { LANG = C }
    )
group NFS_group1 (
    SystemList = { Server1=0, Server2=1 }
    AutoStartList = { Server1 }
    ContainerInfo @Server1 = { Name = z1, Type = Zone, Enabled = 1 }
    )
    DiskGroup DG_shared1 ( DiskGroup = shared1 )
    MyApp app ( Env @Server2 = { LANG = "en_US.UTF-8" } Weight = "say \\"hi\\"" )
    app requires atleast 1 of { DG_shared1, other }
    app requires DG_shared1
    requires group other online global soft
    requires group third offline local
'''


def test_parser_reads_every_construct_with_positions() -> None:
    config, problems = parse(TEXT, "demo.cf")
    assert [p.format() for p in problems] == [
        "demo.cf:8:1: warning[VCS002]: remotecluster 'rc' is not modelled by this tool; ignored"]
    assert config.header == ("top comment kept as header",)
    assert [i.path for i in config.includes] == ["types.cf"]
    assert config.cluster is not None and config.cluster.attrs[0].value == Assoc((("admin", "cDRpdxPmHzpS"),))
    assert [(s.name, s.pos) for s in config.systems] == [("Server1", Pos(6, 8)), ("Server2", Pos(7, 8))]
    assert config.systems[1].attrs == (Attr("SysName", Scalar("Server 2")),)
    t = config.types[0]
    assert t.name_rule == "resource.Address"
    assert t.decls[1] == AttrDecl("Tmp", "str", "scalar", static=True, temp=True)
    assert t.decls[2] == AttrDecl("SupportedActions", "str", "keylist", True, False, Items(("a.vfd", "b")))
    assert t.decls[3] == AttrDecl("Weight", "float", "scalar", default=Scalar("-1"))
    assert t.decls[4].dim == "association" and t.decls[4].default == Assoc((("LANG", "C"),))
    g = config.groups[0]
    assert g.system_list() == ["Server1", "Server2"] and g.pos == Pos(17, 7)
    assert g.attrs[2] == Attr("ContainerInfo", Assoc((("Name", "z1"), ("Type", "Zone"), ("Enabled", "1"))),
                              "Server1")
    app = g.resources[1]
    assert app.attrs[0].system == "Server2" and app.attrs[1].value == Scalar('say "hi"')
    assert app.attrs[1].pos == Pos(23, 57)
    assert g.resource_deps == (ResourceDep("app", ("DG_shared1", "other"), 1),
                               ResourceDep("app", ("DG_shared1",)))
    assert g.group_deps == (GroupDep("other", "online", "global", "soft"),
                            GroupDep("third", "offline", "local", None))


def test_parser_reports_every_syntax_error_in_one_run() -> None:
    text = ('include types.cf\ngroup g (\n    SystemList = { a = 0 \n)\n'
            'NIC n ( Device = "net0 )\ngroup h ( x = )\n')
    _, problems = parse(text, "bad.cf")
    assert [p.format() for p in problems] == [
        "bad.cf:1:9: error[VCS001]: expected a quoted file name after 'include', found 'types.cf'",
        "bad.cf:4:1: error[VCS001]: expected a list item or '}', found ')'",
        "bad.cf:5:18: error[VCS001]: unterminated quoted string",
        "bad.cf:6:15: error[VCS001]: expected a value, found ')'",
    ]
