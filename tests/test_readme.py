"""The README's tour runs as written, against the fake API on loopback."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from deepnote_fake import SEED_PROJECT_ID, FakeDeepnote, running_server
from tests.spec_tools import ROOT


def tour_blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    tour = readme.split("## A short tour", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", tour, flags=re.DOTALL)


@pytest.fixture
def real_clock_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDeepnote]:
    # The tour waits for a run, so runs must end on the real clock, and quickly.
    fake = FakeDeepnote(pending_seconds=0.05, running_seconds=0.05, snapshot_seconds=0.0)
    with running_server(fake) as server:
        monkeypatch.setenv("DEEPNOTE_TOKEN", server.token)
        monkeypatch.setenv("DEEPNOTE_BASE_URL", server.base_url)
        monkeypatch.setenv("DEEPNOTE_PROJECT_ID", SEED_PROJECT_ID)
        yield fake


def test_tour_runs_as_written(real_clock_server: FakeDeepnote, capsys: pytest.CaptureFixture[str]) -> None:
    blocks = tour_blocks()
    assert len(blocks) == 2
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 -- running the docs is the point

    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "success"
    assert lines[1].endswith(" success"), "the run shows up in the history"
    assert lines[2] == "404 Notebook not found"
    assert lines[3].startswith("200 GetNotebookResponse(")
    assert real_clock_server.notebook_names(SEED_PROJECT_ID).count("Report") == 1


async def test_the_async_example_runs_as_written(
    real_clock_server: FakeDeepnote, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## `Deepnote` and `AsyncDeepnote`", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    namespace: dict[str, Any] = {}
    exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 -- running the docs is the point
    await namespace["show_workspace"]()
    assert capsys.readouterr().out.splitlines() == ["Fake workspace", "- Fake project"]


def test_the_files_section_runs_as_written(
    real_clock_server: FakeDeepnote, capsys: pytest.CaptureFixture[str]
) -> None:
    # issue 11b: uploading a CSV, downloading it, exporting and importing the project.
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Files and project export/import", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    exec(compile(block, "README.md", "exec"), {})  # noqa: S102 -- running the docs is the point
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "uploaded data/sales.csv 28",
        "EU,120",
        "exported seed-notebook.deepnote",
        "imported [('Seed notebook', 'overwritten')]",
    ]
    assert real_clock_server.file_contents[(SEED_PROJECT_ID, "data/sales.csv")].startswith(b"region,amount")
