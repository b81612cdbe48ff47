"""Split the generated ha command script so CVM can start before the groups that need storage.

Shared (CVM) disk groups can only be created once CVM runs, and CVM runs once the ``cvm`` group of
the configuration is online; the groups that use those disk groups (and the LDom groups whose
guests boot from them) can only be applied afterwards. The script is cut at group blocks
(``hagrp -add G`` up to the next group), never inside one, so together the two parts are exactly the
generated script.
"""

from __future__ import annotations

OPEN, CLOSE = "haconf -makerw", "haconf -dump -makero"


def _blocks(script: list[str]) -> tuple[list[list[str]], list[str]]:
    """Group blocks in order, and the trailing group-link lines."""
    blocks: list[list[str]] = []
    links: list[str] = []
    for line in script:
        if line in (OPEN, CLOSE):
            continue
        if line.startswith("hagrp -link "):
            links.append(line)
        elif line.startswith("hagrp -add ") or not blocks:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return blocks, links


def split_script(script: list[str], first_groups: set[str]) -> tuple[list[str], list[str]]:
    """(commands for ``first_groups``, commands for everything else); each part opens and saves the config."""
    blocks, links = _blocks(script)

    def group_of(block: list[str]) -> str:
        words = block[0].split()
        return words[2] if words[:2] == ["hagrp", "-add"] and len(words) > 2 else ""

    first = [line for b in blocks if group_of(b) in first_groups for line in b]
    rest = [line for b in blocks if group_of(b) not in first_groups for line in b]
    first_links = [ln for ln in links if ln.split()[2] in first_groups and ln.split()[3] in first_groups]
    rest_links = [ln for ln in links if ln not in first_links]
    if not first:
        return [], script
    return [OPEN, *first, *first_links, CLOSE], [OPEN, *rest, *rest_links, CLOSE]
