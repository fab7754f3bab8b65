"""The overlay's layers, as CONTRIBUTING.md draws them: each module imports only modules on its own
line of the table or a lower one (imports under ``TYPE_CHECKING`` and inside functions count), and
every module of the package is on the map."""

from __future__ import annotations

import re

from tests.import_graph import import_graph
from tests.spec_tools import ROOT

PACKAGE = "deepnote_overlay"


def layers() -> dict[str, int]:
    """Module -> layer, read from the table in CONTRIBUTING.md (the one place it is written)."""
    text = (ROOT / "CONTRIBUTING.md").read_text()
    found: dict[str, int] = {}
    for number, modules in re.findall(r"^\| (\d+) \| (.*?) \|", text, flags=re.MULTILINE):
        for name in re.findall(r"`(\w+)`", modules):
            found[f"{PACKAGE}.{name}" if name != "__init__" else PACKAGE] = int(number)
    return found


def test_every_overlay_module_is_on_the_map() -> None:
    modules = set(import_graph(ROOT / "overlay" / PACKAGE))
    assert modules == set(layers()), "CONTRIBUTING.md's layer table and overlay/ disagree"


def test_modules_import_only_their_own_layer_or_lower_ones() -> None:
    layer = layers()
    upward = [
        (module, imported)
        for module, imports in import_graph(ROOT / "overlay" / PACKAGE).items()
        for imported in imports
        if imported in layer and layer[imported] > layer[module]
    ]
    assert upward == []
