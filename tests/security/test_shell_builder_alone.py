"""The second defence alone: with the schema's forms bypassed, runbook commands still keep text as data.

The schema rejects shell syntax in every field that reaches a command; this test injects hostile text
after validation (``model_copy`` on the validated topology, so no form runs) into the fields that
reach commands and checks that every shell line of every runbook still parses into the same argv as
with a harmless marker: the one command builder quotes each argument. Here-document content (llttab,
vxfenmode, zonecfg) is not shell: its own grammar is protected by the schema's forms only.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from generator.estate.estate import Estate
from generator.input.schema import Topology

from .hostile_corpus import MARKER, Site, _compare_sh, examples, render, sh_lines, sites
from .hostile_support import check_data

COMMAND_FIELDS = ("VswSpec.net-dev", "VccSpec.port-range", "Zone.zonepath", "FileSystem.mount", "Vdisk.mpgroup",
                  "Domain.master", "PhysicalIo.device", "RacSpec.oracle-home", "RacSpec.owner", "MigrationAuth.user",
                  "Fencing.cp-servers[]", "Cluster.llt-links[]", "Vdisk.zvol", "RacSpec.database")
HOSTILE = ("$(id)`id`", "'\"x\\y", "; reboot # c", "a b|&<>")


def _inject(model: Any, path: tuple[str | int, ...], key: str, value: Any) -> Any:
    """``model`` with the field ``key`` at ``path`` (YAML spellings) set to ``value``, bypassing validation."""
    if not path:
        name = _field(model, key)
        current = getattr(model, name)
        new = [value(current[0]), *current[1:]] if isinstance(current, list) else value(current)
        return model.model_copy(update={name: new})
    head, rest = path[0], path[1:]
    if isinstance(model, BaseModel):
        name = _field(model, str(head))
        return model.model_copy(update={name: _inject(getattr(model, name), rest, key, value)})
    if isinstance(model, dict):
        return {**model, head: _inject(model[head], rest, key, value)}
    return [_inject(m, rest, key, value) if i == head else m for i, m in enumerate(model)]


def _field(model: BaseModel, alias: str) -> str:
    return next(n for n, f in type(model).model_fields.items() if (f.alias or n) == alias)


def _shell_lines(site: Site, topology: Topology, text: str) -> dict[str, list[tuple[str, bool]]]:
    hostile = _inject(topology, site.path, site.key, lambda old: f"{old or ''}{text}")
    files = render(Estate(hostile))
    return {p: sh_lines(d.decode()) for p, d in files.items() if p.endswith(".md")}


CASES = [s for s in sites() if s.label in COMMAND_FIELDS]


@pytest.mark.parametrize("site", CASES, ids=[s.label for s in CASES])
def test_the_builder_alone_keeps_hostile_text_as_data(site: Site) -> None:
    estate, _ = check_data(dict(examples())[site.example])
    assert estate is not None
    baseline = _shell_lines(site, estate.topology, MARKER)
    for text in HOSTILE:
        got = _shell_lines(site, estate.topology, text)
        problems = [p for path in got for p in _compare_sh(got[path], baseline[path], text)]
        assert not problems, (text, problems[:3])


def test_every_command_field_is_exercised() -> None:
    assert sorted(s.label for s in CASES) == sorted(COMMAND_FIELDS)
