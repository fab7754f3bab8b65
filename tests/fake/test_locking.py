"""Lock discipline of the store: the server thread serves while the test thread reads and steers.

Every public rule method of ``FakeDeepnote`` and every rendering of a record holds the store's lock
(``fake.lock``) around its work. Checked on the source, because a missing lock shows up only as a
rare race; and behaviourally for one method, so the check is known to mean something.
"""

from __future__ import annotations

import ast
import threading
from pathlib import Path

import pytest

from deepnote_fake import SEED_NOTEBOOK_ID, FakeDeepnote

PACKAGE = Path(__file__).resolve().parents[2] / "fake" / "deepnote_fake"
RULE_MODULES = sorted(p for p in (PACKAGE / "store").glob("*.py") if p.name not in ("__init__.py", "core.py"))
RECORD_TYPES = {"Notebook", "Project", "Run", "Schedule", "Block", "Folder"}


def _takes_the_lock(function: ast.FunctionDef) -> bool:
    return any(
        isinstance(node, ast.With)
        and any(ast.unparse(item.context_expr).endswith(".lock") for item in node.items)
        for node in ast.walk(function)
    )


def _public_methods(path: Path) -> list[tuple[str, ast.FunctionDef]]:
    tree = ast.parse(path.read_text())
    return [
        (f"{path.name}:{cls.name}.{item.name}", item)
        for cls in tree.body
        if isinstance(cls, ast.ClassDef)
        for item in cls.body
        if isinstance(item, ast.FunctionDef) and not item.name.startswith("_")
    ]


def _takes_a_record(function: ast.FunctionDef) -> bool:
    names = {ast.unparse(arg.annotation) for arg in function.args.args if arg.annotation is not None}
    return bool(names & RECORD_TYPES)


def test_there_are_rule_modules() -> None:
    assert len(RULE_MODULES) >= 3


@pytest.mark.parametrize("path", RULE_MODULES, ids=lambda p: p.name)
def test_every_public_rule_takes_the_lock(path: Path) -> None:
    methods = _public_methods(path)
    assert methods
    assert [name for name, function in methods if not _takes_the_lock(function)] == []


def test_every_rendering_of_a_record_takes_the_lock() -> None:
    renderings = [
        (name, function)
        for name, function in _public_methods(PACKAGE / "render.py")
        if _takes_a_record(function)
    ]
    assert len(renderings) >= 4
    assert [name for name, function in renderings if not _takes_the_lock(function)] == []


def test_a_rule_waits_while_another_thread_holds_the_lock() -> None:
    fake = FakeDeepnote()
    done = threading.Event()

    def rename() -> None:
        fake.rename_notebook(SEED_NOTEBOOK_ID, "renamed")
        done.set()

    with fake.lock:
        worker = threading.Thread(target=rename)
        worker.start()
        assert not done.wait(0.2)  # blocked on the lock
        assert fake.notebooks[SEED_NOTEBOOK_ID].name == "Seed notebook"
    assert done.wait(5)
    worker.join()
    assert fake.notebooks[SEED_NOTEBOOK_ID].name == "renamed"
