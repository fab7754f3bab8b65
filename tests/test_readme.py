"""The README's tour runs as written, against the fake API on loopback."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from deepnote_fake import SEED_PROJECT_ID, FakeDeepnote, running_server
from tests.spec_tools import ROOT, operations


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


def section_blocks(title: str) -> list[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split(f"## {title}", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


def test_running_notebooks_runs_as_written(
    real_clock_server: FakeDeepnote, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from deepnote_fake import SEED_BLOCK_IDS, SEED_NOTEBOOK_ID, Block

    fake = real_clock_server
    monkeypatch.setenv("DEEPNOTE_NOTEBOOK_ID", SEED_NOTEBOOK_ID)
    for i in range(49):  # the project's other notebooks, one of which fails
        source = "raise ValueError('boom')" if i == 7 else f"print('notebook {i}')"
        fake.add_notebook(SEED_PROJECT_ID, f"extra {i}", blocks=[Block(f"blk-extra-{i}", "code", source)])
    inputs, failure, many, known_limit = section_blocks("Running notebooks")
    namespace: dict[str, object] = {}

    exec(compile(inputs, "README.md", "exec"), namespace)  # noqa: S102 -- running the docs is the point
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2:] == ["stream hello US", ""]  # the text ends with print's newline
    assert f"{SEED_BLOCK_IDS['code']} code 'hello US\\n'" in lines

    fake.run_outcome = "error"
    exec(compile(failure, "README.md", "exec"), namespace)  # noqa: S102
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{SEED_BLOCK_IDS['code']} RuntimeError the run failed in this block"
    assert lines[1].endswith(f" {SEED_NOTEBOOK_ID}")

    fake.run_outcome = "success"
    exec(compile(many, "README.md", "exec"), namespace)  # noqa: S102
    assert capsys.readouterr().out.splitlines() == ["50 runs, 1 failed"]
    assert len(fake.runs) == 52  # 50 here and one in each block before: every run created once

    fake.rate_limit = (20, 60.0)  # the limit the example knows
    exec(compile(known_limit, "README.md", "exec"), namespace)  # noqa: S102
    assert capsys.readouterr().out.splitlines() == [fake.notebooks[SEED_NOTEBOOK_ID].name]
    assert fake.rate_limited == 0


def test_blocks_integrations_sql_and_files_runs_as_written(
    real_clock_server: FakeDeepnote, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 11's walk-through: upload a CSV, a SQL block on an integration, run, download a file
    # the run wrote.
    (block,) = section_blocks("Blocks, integrations, SQL and files")
    exec(compile(block, "README.md", "exec"), {})  # noqa: S102 -- running the docs is the point
    assert capsys.readouterr().out.splitlines() == [
        "uploaded data/orders.csv",
        "['orders']",
        "True",
        "2",
        "success",
        "orders by region: EU, US",
        "integrationId is only allowed for sql blocks",
    ]
    fake = real_clock_server
    (notebook,) = [n for n in fake.notebooks.values() if n.name == "Orders by region"]
    sql, code = notebook.blocks
    assert (sql.type, sql.content, code.type) == ("sql", "select count(*) from orders", "code")
    assert sql.integration_id is not None and fake.integrations[sql.integration_id].name == "Fake warehouse"
    assert fake.file_contents[(SEED_PROJECT_ID, "data/orders.csv")] == b"region,total\nEU,120\nUS,340\n"
    assert fake.file_contents[(SEED_PROJECT_ID, "out/summary.txt")] == b"orders by region: EU, US"


def test_the_files_section_runs_as_written(
    real_clock_server: FakeDeepnote, capsys: pytest.CaptureFixture[str]
) -> None:
    # issue 11b: uploading a CSV, downloading it, exporting and importing the project.
    (block,) = section_blocks("Files and project export/import")
    exec(compile(block, "README.md", "exec"), {})  # noqa: S102 -- running the docs is the point
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "uploaded data/sales.csv 28",
        "EU,120",
        "exported seed-notebook.deepnote",
        "imported [('Seed notebook', 'overwritten')]",
    ]
    assert real_clock_server.file_contents[(SEED_PROJECT_ID, "data/sales.csv")].startswith(b"region,amount")


def test_the_x_source_table_lists_every_operation_under_its_source() -> None:
    readme = (ROOT / "README.md").read_text()
    table = readme.split("| `x-source` | Meaning | Operations |\n", 1)[1].split("\n\n", 1)[0]
    rows = re.findall(r"^\| `([a-z-]+)` \| .+ \| ([A-Za-z, ]+) \|$", table, flags=re.MULTILINE)
    assert [source for source, _ in rows] == ["seed", "docs", "deepnote-client"]
    listed = [(operation.strip(), source) for source, names in rows for operation in names.split(",")]
    in_spec = [(operation["operationId"], operation["x-source"]) for _, _, operation, _ in operations()]
    assert sorted(listed) == sorted(in_spec)
