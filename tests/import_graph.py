"""Guarantees: ``import_graph`` reads a package's imports with ``ast`` (never importing it), counting
every ``import``/``from ... import`` statement wherever it stands, under ``if TYPE_CHECKING:`` and
inside functions included; ``import_cycles`` returns each strongly connected group of two or more
modules (or a module importing itself), so an empty list means the package's import graph is acyclic.

A reusable checker: point it at any package directory of this repository.

    import_cycles(ROOT / "fake" / "deepnote_fake")  # [] when the package has no import cycle

An edge goes to the module a statement names: ``from .store import core`` is an edge to
``pkg.store.core`` when that is a module, else to ``pkg.store`` (the name is then an attribute of the
package). The parent packages Python initialises on the way are not edges: counting them would make
every package whose ``__init__`` imports its own submodules cyclic.
"""

from __future__ import annotations

import ast
from pathlib import Path

__all__ = ["import_cycles", "import_graph"]


def _modules(package_dir: Path) -> dict[str, Path]:
    root = package_dir.name
    found = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = [root, *path.relative_to(package_dir).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _base(module: str, is_package: bool, level: int, target: str | None) -> str:
    """The absolute module a ``from`` statement of ``module`` names (``level`` dots, then ``target``)."""
    parts = module.split(".")
    if not is_package:
        parts.pop()
    if level > 1:
        parts = parts[: len(parts) - (level - 1)]
    if target:
        parts.extend(target.split("."))
    return ".".join(parts)


def import_graph(package_dir: Path) -> dict[str, set[str]]:
    """Each module of the package -> the modules of the same package it imports."""
    modules = _modules(package_dir)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _base(name, is_package, node.level, node.module) if node.level else node.module or ""
                for alias in node.names:
                    submodule = f"{base}.{alias.name}"
                    targets.append(submodule if submodule in modules else base)
            for target in targets:
                while target and target not in modules:  # `import pkg.a.b` with b a name: pkg.a
                    target = target.rpartition(".")[0]
                if target:
                    graph[name].add(target)
    return graph


def import_cycles(package_dir: Path) -> list[list[str]]:
    """The strongly connected components with a cycle (Tarjan's algorithm), each sorted."""
    graph = import_graph(package_dir)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph[node]:
                cycles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(cycles)
