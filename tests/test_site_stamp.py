"""``make docs`` skips sphinx-build when the site's inputs and output are as the last build left them
(issue 17: a no-op site rebuild), and that skip is safe: a run of sphinx-build would change no byte."""

from __future__ import annotations

from pathlib import Path

from generator.build import site_stamp

from .site_build import BuiltSite, sphinx_build

OPTIONS = ["-W", "--keep-going", "-q"]


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _changed_then_restored(path: Path, built_site: BuiltSite) -> None:
    original = path.read_bytes()
    path.write_bytes(original + b"\n")
    try:
        assert not site_stamp.up_to_date(built_site.src, built_site.html, OPTIONS), path
    finally:
        path.write_bytes(original)
    assert site_stamp.up_to_date(built_site.src, built_site.html, OPTIONS)


def test_an_unchanged_site_is_not_built_again_and_building_it_would_change_nothing(built_site: BuiltSite) -> None:
    src, html = built_site.src, built_site.html
    assert site_stamp.main(["check", str(src), str(html), *OPTIONS]) == 1  # never stamped
    assert site_stamp.main(["write", str(src), str(html), *OPTIONS]) == 0
    assert site_stamp.main(["check", str(src), str(html), *OPTIONS]) == 0
    before = _bytes(html)
    result = sphinx_build(src, html)  # what the skip stands for
    assert result.returncode == 0, result.stderr
    assert _bytes(html) == before
    assert site_stamp.up_to_date(src, html, OPTIONS)  # the build left every input as it was (its lock aside)
    assert not site_stamp.up_to_date(src, html, [*OPTIONS, "-D", "language=ja"])
    for path in (src / "topologies" / "hr-zones.yaml", src / "docs" / "index.md", src / "conf.py",
                 html / "index.html"):
        _changed_then_restored(path, built_site)
