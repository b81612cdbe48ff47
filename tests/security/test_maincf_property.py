"""main.cf structure injection: whatever ``check`` accepts, every generated main.cf parses and verifies.

Text reaches main.cf from the Application agent's programs and processes, group and resource
attributes and the LDom agent's credentials. The printer quotes and escapes (``\\`` and ``"``) by the
main.cf string grammar; a line break cannot be written in a main.cf string, so ``check`` rejects it.
"""

from __future__ import annotations

import copy
import shlex
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.derive.vcs.api import ClusterConfigs, derived
from generator.derive.vcs.cluster import with_provenance
from generator.maincf.parser import parse
from generator.maincf.printer import format_config

from .hostile_support import check_data, example, maincf_problems, maincmd_lines, shell_operators

BASE = example("crm-both-vcs")
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
hostile = st.one_of(text, st.sampled_from(['x"\ngroup evil (\n', 'a\\"b', "\\", '"', "a\rb", "$(id)", "{ }",
                                            "x) group g (", "// c", "/* c */", "é 日本"]))


def _with(data: dict[str, Any], value: str, password: bool = True) -> dict[str, Any]:
    out = copy.deepcopy(data)
    app = out["clusters"]["crmclus"]["applications"]["crm"]
    app["start"] = "/opt/crm/bin/crm-start " + value
    app["monitor-processes"] = [value]
    out["clusters"]["crmclus"]["groups"] = {"extra": {"attributes": {"UserStrGlobal": value}}}
    if password:
        out["clusters"]["ctlclus"]["migration-auth"] = {"user": "root", "password-encrypted": value}
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile)
def test_every_accepted_topology_gives_a_main_cf_that_parses_and_verifies(value: str) -> None:
    estate, diagnostics = check_data(_with(BASE, value))
    if estate is None:
        assert all(d.line > 0 for d in diagnostics), "a rejection is located"
        return
    assert maincf_problems(estate) == []
    config = with_provenance(derived(ClusterConfigs(estate), "crmclus").config, "hostile.yaml")
    reparsed, problems = parse(format_config(config))
    assert not problems and reparsed.groups == config.groups, "the text comes back as the same values"
    for line in maincmd_lines(estate):
        assert shell_operators(line) == [], line
        shlex.split(line)


def test_a_line_break_in_a_program_is_rejected_where_it_stands() -> None:
    estate, diagnostics = check_data(_with(BASE, '"\ngroup evil (\n'))
    assert estate is None
    assert {d.rule for d in diagnostics} == {"SCH003"}


def test_quotes_and_backslashes_stay_inside_one_main_cf_string() -> None:
    estate, _ = check_data(_with(BASE, 'say "hi" \\ ) group evil (', password=False))
    assert estate is not None and maincf_problems(estate) == []
    config = with_provenance(derived(ClusterConfigs(estate), "crmclus").config, "hostile.yaml")
    reparsed, _ = parse(format_config(config))
    assert [g.name for g in reparsed.groups] == [g.name for g in config.groups]
