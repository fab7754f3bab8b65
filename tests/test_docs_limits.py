"""The examples of docs/rate-limits.md and docs/errors-and-retries.md run as written.

Each ```python block runs on its own (it starts its own fake); ``print(...)  # -> VALUE`` claims
that the line it prints is ``VALUE``.
"""

from __future__ import annotations

import re

import pytest

from tests.spec_tools import ROOT

PAGES = ["docs/rate-limits.md", "docs/errors-and-retries.md"]
BLOCKS = [
    pytest.param(page, block, id=f"{page}:{number}")
    for page in PAGES
    for number, block in enumerate(
        re.findall(r"```python\n(.*?)```", (ROOT / page).read_text(), flags=re.DOTALL)
    )
]


@pytest.mark.parametrize(("page", "block"), BLOCKS)
def test_the_example_runs_as_written(page: str, block: str, capsys: pytest.CaptureFixture[str]) -> None:
    claims = re.findall(r"print\(.*#\s*->\s?(.*)$", block, flags=re.MULTILINE)
    assert claims, "an example claims what it prints"
    exec(compile(block, page, "exec"), {"__name__": "__docs__"})  # noqa: S102 -- running the docs is the point
    assert capsys.readouterr().out.splitlines() == claims
