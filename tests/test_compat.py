"""``make compat`` under pytest (so CI runs it): Deepnote's own clients, deepnote-cli and
deepnote-toolkit's notebook runner, against the fake.

The steps live in scripts/compat.py; each test here runs one step with a fresh fake. The CLI
comes with the [dev] extra where Deepnote ships a wheel of it; on other platforms these tests skip
and say so, everywhere else a missing CLI is a failure. The toolkit lives in ``.venv-compat``,
which ``make test`` and ``make compat`` create (``make compat-venv``); a missing one is a failure
that says so.
"""

from __future__ import annotations

import importlib.util
import platform
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Where deepnote-cli 0.10.0 has a wheel on PyPI (see the marker in pyproject.toml's [dev] extra).
CLI_PLATFORMS = {("linux", "x86_64"), ("darwin", "arm64"), ("win32", "AMD64")}


def _load_compat() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compat_script", ROOT / "scripts" / "compat.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module's annotations through it
    spec.loader.exec_module(module)
    return module


compat = _load_compat()
# A pending step waits for the fake (none does now): it must fail, with the CLI and the fake
# disagreeing; once it passes, strict xfail fails the suite, so its `pending=` is dropped then.
STEPS = [
    pytest.param(
        step,
        id=step.name,
        marks=[pytest.mark.xfail(strict=True, raises=compat.CompatError, reason=f"needs {step.pending}")]
        if step.pending
        else [],
    )
    for step in compat.STEPS
    if not step.needs_toolkit
]


@pytest.fixture(scope="module")
def cli() -> Path:
    try:
        path: Path = compat.find_cli()
    except compat.CompatError as exc:
        if (sys.platform, platform.machine()) not in CLI_PLATFORMS:
            pytest.skip(f"Deepnote ships no deepnote-cli wheel for {sys.platform}/{platform.machine()}")
        pytest.fail(str(exc))
    version = compat.cli_version(path)
    assert version == compat.CLI_VERSION, (
        f"{path} is deepnote-cli {version}, not the pinned {compat.CLI_VERSION}"
    )
    return path


@pytest.fixture
def ctx(cli: Path) -> Iterator[Any]:
    with compat.step_context(cli, log=lambda _line: None) as context:
        yield context


@pytest.fixture(scope="module")
def toolkit_python() -> Path:
    try:
        path: Path = compat.find_toolkit_python()
    except compat.CompatError as exc:
        pytest.fail(str(exc))
    version = compat.toolkit_version(path)
    assert version == compat.TOOLKIT_VERSION, (
        f"{path} has deepnote-toolkit {version}, not the pinned {compat.TOOLKIT_VERSION}"
    )
    return path


@pytest.mark.parametrize("step", STEPS)
def test_step(ctx: Any, step: Any) -> None:
    step.run(ctx)
    if step.documents:
        assert ctx.validated, "the step validated no .deepnote document"


@pytest.mark.parametrize("step", [s for s in compat.STEPS if s.needs_toolkit], ids=lambda s: s.name)
def test_toolkit_step(toolkit_python: Path, step: Any) -> None:
    """The toolkit's steps need no CLI (the snapshot is validated too where the CLI is there)."""
    try:
        cli: Path | None = compat.find_cli()
    except compat.CompatError:
        cli = None
    with compat.step_context(cli, log=lambda _line: None) as context:
        step.run(context)
        assert cli is None or context.validated, "the snapshot was not validated"


def test_every_api_command_of_the_cli_has_a_step() -> None:
    """The CLI's commands that talk to the API (docs/deepnote-cli-0.10.0.md) each have a step; the
    older run shapes and the toolkit have theirs."""
    commands = {
        "run --cloud": "run-cloud",
        "sync": "sync",
        "schedule": "schedule",
        "integrations pull": "integrations-pull",
        "streamlit publish": "streamlit-publish",
        "publish": "publish",
        "static-site access": "static-site-access",
    }
    names = [step.name for step in compat.STEPS]
    assert set(names) == {*commands.values(), "run-shapes", "toolkit"}
    assert not [step.name for step in compat.STEPS if step.pending]


def test_validate_rejects_the_old_snapshot_shape(ctx: Any) -> None:
    """The validator check has teeth: the snapshot shape the fake served before (no createdAt,
    no project name, blocks without blockGroup/sortingKey, outputs a count) fails it."""
    old = (
        "version: '1.0'\nmetadata:\n  runId: r1\n  status: success\nproject:\n  id: p1\n  notebooks:\n"
        "    - id: n1\n      name: 'Seed notebook'\n      blocks:\n        - id: b1\n          type: code\n"
        "          outputs: 1\n"
    )
    with pytest.raises(compat.CompatError, match="not a valid .deepnote document") as error:
        ctx.validate_text("old.snapshot.deepnote", old)
    for field in ("metadata.createdAt", "project.name", "blockGroup", "sortingKey", "outputs"):
        assert field in str(error.value)


def test_every_input_type_renders_valid(ctx: Any) -> None:
    """A source document and a snapshot of a notebook with every input type the fake knows pass
    `deepnote validate` (the seeded notebook has only select, text and checkbox)."""
    from deepnote_fake import SEED_PROJECT_ID, Block, NotebookInput
    from deepnote_fake import deepnote_format as fmt

    fake = ctx.fake
    inputs = [
        ("input-text", NotebookInput("t", "hello", label="Text")),
        ("input-textarea", NotebookInput("ta", "a\nb")),
        ("input-checkbox", NotebookInput("c", True)),
        ("input-select", NotebookInput("s", ["a", "b"], options=["a", "b", "c"], multiple=True)),
        ("input-slider", NotebookInput("sl", "5", min=0, max=10, step=1)),
        ("input-date", NotebookInput("d", "2026-01-02")),
        ("input-date-range", NotebookInput("dr", ["2026-01-01", "2026-01-31"])),
        ("input-file", NotebookInput("f", "data/example.csv")),
    ]
    blocks = [Block(f"blk-{spec.name}", kind, "", spec) for kind, spec in inputs]
    blocks.append(Block("blk-code", "code", "import sys\nprint(t, file=sys.stderr)\n"))
    notebook = fake.add_notebook(SEED_PROJECT_ID, "Every input", blocks=blocks)
    project = fake.projects[SEED_PROJECT_ID]
    source = fmt.project_document(
        project, [fmt.NotebookEntry(notebook)], created_at="2026-01-02T03:04:05.000Z"
    )
    ctx.validate_text("every-input.deepnote", fmt.dump(source))
    outputs = {"blk-code": [{"output_type": "stream", "name": "stderr", "text": "hello\n"}]}
    execution = fmt.execution_metadata(
        started_at="2026-01-02T03:04:05.000Z",
        finished_at="2026-01-02T03:04:06.000Z",
        duration_ms=1000,
        inputs={"sl": "7"},
        outputs=outputs,
    )
    entry = fmt.NotebookEntry(notebook, outputs=outputs, input_values={"sl": "7"})
    snapshot = fmt.project_document(
        project, [entry], created_at="2026-01-02T03:04:05.000Z", execution=execution
    )
    ctx.validate_text("every-input.snapshot.deepnote", fmt.dump(snapshot))


def test_whole_project_snapshot_with_an_init_notebook_is_valid(ctx: Any) -> None:
    """A run's snapshot holds every notebook of the project (here the seeded one and an Init
    notebook, named by project.initNotebookId); Deepnote's validator takes it."""
    from deepnote_fake import SEED_NOTEBOOK_ID, SEED_PROJECT_ID, Block, snapshots

    fake = ctx.fake
    fake.add_notebook(SEED_PROJECT_ID, "Init", blocks=[Block("blk-init", "code", "import os\n")])
    (run_id,) = fake.add_runs(SEED_NOTEBOOK_ID, 1)
    ctx.validate_text("whole-project.snapshot.deepnote", snapshots.document(fake, fake.runs[run_id]))
