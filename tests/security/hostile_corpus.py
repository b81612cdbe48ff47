"""The hostile-text corpus, generated from the schema: every text field and name the schema accepts.

:func:`sites` walks the pydantic model of a topology together with the example topologies (smallest
first) and yields one site per model field that holds text (``str`` scalars, list items, mapping
values, attribute values) and per mapping whose keys are names: the first example that has the
field's parent is its base topology. :func:`outcome` puts one hostile string into one site (after the
value already there, so a path stays a path) and says what became of it: rejected by ``check`` with
located errors, or accepted and kept as data in every output (compared with the same site holding a
harmless marker).
"""

from __future__ import annotations

import copy
import enum
import functools
import json
import re
import shlex
import types
import typing
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from generator.build.pipeline import derivation
from generator.core.artifacts import RenderContext
from generator.estate.estate import Estate
from generator.formats.registry import render_all
from generator.input.schema import Topology

from .hostile_support import ROOT, check_data, maincf_problems, shell_operators

HOSTILE = ("$(id)", "`id`", "'\"", "; reboot", "\nreboot", "<script>alert(1)</script>", "{raw} html",
           "%s%n", "# c", "日本é", "x" * 2000)
MARKER = "safe"
Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Site:
    label: str
    """``Model.field`` with ``[]`` for a list item, ``{}`` for a mapping value, ``{name}`` for a key."""
    example: str
    path: Path_
    """Where the parent (the mapping holding the field) sits in the example's data."""
    key: str
    mode: str
    """``scalar``, ``item``, ``value`` or ``name``."""

    def apply(self, data: dict[str, Any], text: str) -> dict[str, Any]:
        out = copy.deepcopy(data)
        parent = _at(out, self.path)
        current = parent.get(self.key)
        if self.mode == "scalar":
            parent[self.key] = (current if isinstance(current, str) else "") + text
        elif self.mode == "item":
            items = current or []
            parent[self.key] = [str(items[0]) + text, *items[1:]] if items else [text]
        elif self.mode == "value":
            first = next(iter(current))
            current[first] = str(current[first]) + text
        else:
            first = next(iter(current))
            _rename(out, first, first + text)
        return out


def _rename(data: Any, old: str, new: str) -> Any:
    """Rename a name everywhere: mapping keys, values and ``a/b`` references."""
    if isinstance(data, dict):
        renamed = {(new if k == old else k): _rename(v, old, new) for k, v in data.items()}
        data.clear()
        data.update(renamed)
        return data
    if isinstance(data, list):
        data[:] = [_rename(v, old, new) for v in data]
        return data
    if isinstance(data, str) and old in data.split("/"):
        return "/".join(new if p == old else p for p in data.split("/"))
    return data


def _kind(tp: Any) -> Any:
    """``str``, ``any``, ``("model", M)``, ``("list", k)``, ``("dict", k)`` or ``None`` (not text)."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _kind(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        kinds = [_kind(a) for a in typing.get_args(tp) if a is not type(None)]
        return kinds[0] if len(kinds) == 1 else None
    if tp is str:
        return "str"
    if tp is Any:
        return "any"
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return ("model", tp)
    if origin in (list, dict):
        return (origin.__name__, _kind(typing.get_args(tp)[-1]))
    return None if isinstance(tp, type) and issubclass(tp, enum.Enum | int | float | bool) else None


def _walk(model: type[BaseModel], data: dict[str, Any], path: Path_, example: str) -> Iterator[Site]:
    for name, info in model.model_fields.items():
        alias, label = info.alias or name, f"{model.__name__}.{info.alias or name}"
        kind, here = _kind(info.annotation), data.get(info.alias or name)
        if kind in ("str", "any"):
            yield Site(label, example, path, alias, "scalar")
        elif kind in (("list", "str"), ("list", "any")):
            yield Site(label + "[]", example, path, alias, "item")
        elif isinstance(kind, tuple) and kind[0] == "dict" and isinstance(here, dict) and here:
            yield Site(label + "{name}", example, path, alias, "name")
            inner = kind[1]
            if inner in ("str", "any"):
                yield Site(label + "{}", example, path, alias, "value")
            elif isinstance(inner, tuple) and inner[0] == "model":
                for key, value in here.items():
                    if isinstance(value, dict):
                        yield from _walk(inner[1], value, (*path, alias, key), example)
        elif isinstance(kind, tuple) and kind[0] == "model" and isinstance(here, dict):
            yield from _walk(kind[1], here, (*path, alias), example)
        elif isinstance(kind, tuple) and kind == ("list", kind[1]) and isinstance(kind[1], tuple) \
                and kind[1][0] == "model" and isinstance(here, list) and here and isinstance(here[0], dict):
            yield from _walk(kind[1][1], here[0], (*path, alias, 0), example)


def examples() -> list[tuple[str, dict[str, Any]]]:
    from .hostile_support import example

    files = [*(ROOT / "topologies").glob("*.yaml"), *(ROOT / "tests" / "topologies" / "valid").glob("*.yaml")]
    return [(str(p.relative_to(ROOT)), example(p)) for p in sorted(files, key=lambda p: (p.stat().st_size, p.name))]


def sites() -> list[Site]:
    """One site per text field of the schema, in the smallest example that has its parent."""
    present: dict[str, Site] = {}
    anywhere: dict[str, Site] = {}
    for name, data in examples():
        for site in _walk(Topology, data, (), name):
            anywhere.setdefault(site.label, site)
            if site.key in _at(data, site.path):
                present.setdefault(site.label, site)
    return sorted({**anywhere, **present}.values(), key=lambda s: s.label)


def _at(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


def render(estate: Estate) -> dict[str, bytes]:
    context = RenderContext("hostile.yaml", "0" * 64)
    return {a.path: a.data for a in render_all(derivation(estate), context, only=["vcs", "migrations", "runbooks"])
            if a.convert is None}


SH_BLOCK = re.compile(r"^```sh\n(.*?)^```$", re.M | re.S)
HEREDOC = re.compile(r"<<'(\w+)'$")


def sh_lines(markdown: str) -> list[tuple[str, bool]]:
    """Lines of every ``sh`` block; ``True`` for a line of here-document content (not shell)."""
    out: list[tuple[str, bool]] = []
    for block in SH_BLOCK.findall(markdown):
        end: str | None = None
        for line in block.splitlines():
            if end is not None:
                out.append((line, line != end))
                end = None if line == end else end
                continue
            out.append((line, False))
            match = HEREDOC.search(line)
            end = match.group(1) if match else None
    return out


def _tokens(line: str) -> list[str]:
    """Words and operators of a shell line; the script of ``bash -c`` / ``su ... -c`` is split too."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    words = list(lexer)
    out: list[str] = []
    for i, word in enumerate(words):
        out += ["<script>", *_tokens(word), "</script>"] if i and words[i - 1] == "-c" else [word]
    return out


SAFE_WORD = re.compile(r"[\w@%+=:,./-]+", re.ASCII)


def _same_argv(got: list[str], expected: list[str], text: str) -> bool:
    """The same words and operators, the text in place of the marker; a word the tool derived from the
    text (a VCS name made of it) may differ when it is a plain safe word."""
    return len(got) == len(expected) and all(
        g.replace(text, MARKER) == e or (g != e and SAFE_WORD.fullmatch(g) is not None and text not in g)
        for g, e in zip(got, expected, strict=True))


def compare(hostile: dict[str, bytes], baseline: dict[str, bytes], text: str) -> list[str]:
    """What differs between the outputs with ``text`` and with the marker, beyond the text itself."""
    problems: list[str] = []
    if sorted(hostile) != sorted(baseline):
        return [f"other files: {sorted(set(hostile) ^ set(baseline))}"]
    for path, data in hostile.items():
        problems += [f"{path}: {p}" for p in _compare_file(path, data.decode(), baseline[path].decode(), text)]
    return problems


def _compare_file(path: str, got: str, base: str, text: str) -> list[str]:
    if path.endswith(".md"):
        return _compare_sh(sh_lines(got), sh_lines(base), text)
    if path.endswith("main.cmd"):
        return [f"shell operator in {line!r}" for line in got.splitlines()
                if line and not line.startswith("#") and shell_operators(line)]
    if path.endswith(".svg"):
        try:
            ET.fromstring(got)
        except ET.ParseError as exc:
            return [f"not XML: {exc}"]
    if path.endswith(".html") and got.count("<script") != base.count("<script"):
        return ["a script element appeared"]
    return []


def _compare_sh(got: list[tuple[str, bool]], base: list[tuple[str, bool]], text: str) -> list[str]:
    if len(got) != len(base):
        return [f"sh blocks have {len(got)} lines, {len(base)} with the marker"]
    problems = []
    for (line, content), (expected, _) in zip(got, base, strict=True):
        if content:
            same = line.replace(text, MARKER) == expected
        else:
            try:
                same = _same_argv(_tokens(line), _tokens(expected), text)
            except ValueError as exc:
                same, line = False, f"{line!r} ({exc})"
        if not same:
            problems.append(f"sh line {line!r} is not {expected!r} with the text as data")
    return problems


@dataclass(frozen=True)
class Outcome:
    site: str
    text: str
    result: str
    """``rejected`` (check: located errors), ``handled`` (accepted, kept as data) or ``FAILED``."""
    problems: tuple[str, ...] = ()


BaselineCache = dict[str, dict[str, bytes] | None]


def outcome(site: Site, data: dict[str, Any], text: str, cache: BaselineCache) -> Outcome:
    estate, diagnostics = check_data(site.apply(data, text))
    if estate is None:
        unlocated = [d for d in diagnostics if d.line < 1]
        return Outcome(site.label, text, "FAILED" if unlocated or not diagnostics else "rejected",
                       tuple(d.message for d in unlocated))
    if site.label not in cache:
        base, _ = check_data(site.apply(data, MARKER))
        cache[site.label] = render(base) if base else None
    baseline = cache[site.label]
    problems = maincf_problems(estate)
    got = render(estate)
    if baseline is None:
        problems.append("accepted, but the same site with a harmless marker is not")
    else:
        problems += compare(got, baseline, text)
    return Outcome(site.label, text, "FAILED" if problems else "handled", tuple(problems))


def run(select: Callable[[Site], bool] = lambda s: True) -> list[Outcome]:
    data = dict(examples())
    cache: BaselineCache = {}
    return [_guarded(s, data[s.example], text, cache) for s in sites() if select(s) for text in HOSTILE]


def _guarded(site: Site, data: dict[str, Any], text: str, cache: BaselineCache) -> Outcome:
    try:
        return outcome(site, data, text, cache)
    except Exception as exc:  # a crash is a finding, reported with the others
        return Outcome(site.label, text, "FAILED", (f"crashed: {type(exc).__name__}: {exc}",))


def summary(outcomes: list[Outcome]) -> str:
    counts = {r: sum(o.result == r for o in outcomes) for r in ("rejected", "handled", "FAILED")}
    return json.dumps({"sites": len({o.site for o in outcomes}), "tried": len(outcomes), **counts})


def schema_labels() -> set[str]:
    """Every text site the schema declares, from the models alone (the corpus must cover each)."""
    labels: set[str] = set()

    def walk(model: type[BaseModel], seen: set[type[BaseModel]]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            label, kind = f"{model.__name__}.{info.alias or name}", _kind(info.annotation)
            if kind in ("str", "any"):
                labels.add(label)
            elif kind in (("list", "str"), ("list", "any")):
                labels.add(label + "[]")
            elif isinstance(kind, tuple) and kind[0] == "dict":
                labels.add(label + "{name}")
                labels.update([label + "{}"] if kind[1] in ("str", "any") else [])
            for inner in (kind, kind[1] if isinstance(kind, tuple) else None):
                if isinstance(inner, tuple) and inner[0] == "model":
                    walk(inner[1], seen)
                elif isinstance(inner, tuple) and isinstance(inner[1], tuple) and inner[1][0] == "model":
                    walk(inner[1][1], seen)

    walk(Topology, set())
    return labels


@functools.cache
def all_outcomes() -> tuple[Outcome, ...]:
    """The whole corpus, run once per test session."""
    return tuple(run())
