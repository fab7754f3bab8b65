"""Deepnote's own clients against the fake: ``make compat``.

    python scripts/compat.py              # every ready step
    python scripts/compat.py run-cloud    # the named steps
    python scripts/compat.py --list       # the steps, and what the pending ones wait for
    python scripts/compat.py --include-pending NAME   # a step still waiting for the fake (none now)

Two clients nobody on this project wrote. Deepnote publishes its CLI as ``deepnote-cli`` on PyPI (a wheel bundling the native ``deepnote``
executable), pinned in pyproject.toml's [dev] extra as ``CLI_VERSION``; every command of it that
talks to the API has a step. Its Python notebook runner, ``deepnote-toolkit``'s
``DeepnoteCloudRunner`` (``TOOLKIT_VERSION``), lives in ``.venv-compat`` (``make compat-venv``, from
``scripts/compat-toolkit.txt``: the toolkit's own dependencies are the whole Deepnote kernel
runtime) and is driven through ``scripts/compat_toolkit.py`` in a subprocess. Each step gets a fresh fake on a free 127.0.0.1 port, served in this
process so the step can read the fake's state, and an empty temporary directory to run ``deepnote``
in, with ``--url http://127.0.0.1:PORT`` (the CLI appends ``/v2`` itself, where the fake is mounted)
and the token in ``DEEPNOTE_TOKEN`` (not on the command line, where ``ps`` would show it). A step
asserts on the CLI's exit code and JSON output (``-o json``) and on the fake's state, and every
``.deepnote`` document involved must pass ``deepnote validate``. Exits non-zero on the first failed
step. ``tests/test_compat.py`` runs the same steps under pytest (``make test``, so CI).

Steps:
- ``run-cloud``: ``run --cloud`` of the seeded notebook succeeds and saves a valid snapshot; a local
  ``.deepnote`` source document (as an export would give it) runs with a typed input; with the
  fake's run outcome set to ``error`` the CLI reports the failure and exits 1, with
  ``internal_error`` it reports no snapshot and the run's error message. The inline snapshot and
  the one behind the download URL pass ``deepnote validate`` as served.
- ``sync``: pull into an empty directory (the seeded notebook and one with a SQL block), edit a
  pulled file, push, pull fresh and see the edit; a second sync changes nothing; a cloud change
  during a local edit is skipped (``--on-conflict skip``) or pulled over it (``override``).
- ``schedule``: ``deepnote convert`` of a small ``.py`` file, then ``schedule`` of the new local
  notebook: the CLI creates project, notebook and blocks, then the schedule; again, it only updates.
- ``run-shapes``: ``run --cloud`` with the fake answering in the older run shapes
  (``FakeDeepnote.run_shape``): every trait, in two combinations, succeeds with a valid snapshot; a
  run's ``error`` as an object and an error body keyed ``error`` reach the CLI's output.
- ``integrations-pull``: ``integrations pull`` writes the workspace's integrations into
  ``.deepnote.env.yaml``, their secrets into ``.env`` only.
- ``streamlit-publish``: ``streamlit publish`` of a project file creates the app and waits for it
  to run; again, it finds the app (the fake's 409) and changes nothing; a missing entrypoint fails.
- ``publish``: ``publish`` of a build directory uploads it under ``_deepnote_static/`` and turns
  sharing and API access on; again with ``--prune``, replaced and stale files are handled.
- ``static-site-access``: ``static-site access`` turns sharing and API access off and on.
- ``toolkit``: ``DeepnoteCloudRunner`` reads the seeded notebook's inputs, and runs a notebook of
  every output kind (``seed.every_output_blocks``): its ``text``, ``first_dataframe``, ``images``
  and ``agent_text`` are what the fake produced; a failing run is reported as failed.

Every command of the CLI that talks to the API has a step; none needs an endpoint the spec lacks.

A step the fake cannot pass yet is marked ``pending=`` (none is now): it runs only with
``--include-pending``, and ``--list`` says what it needs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml

from deepnote_fake import (
    SEED_NOTEBOOK_ID,
    SEED_POSTGRES_INTEGRATION_ID,
    SEED_PROJECT_ID,
    SEED_SNOWFLAKE_INTEGRATION_ID,
    FakeDeepnote,
    ServerHandle,
    deepnote_format,
    running_server,
    snapshots,
)
from deepnote_fake.outputs import DATAFRAME_MIME, PNG_BYTES
from deepnote_fake.run_shapes import RUN_SHAPE_TRAITS
from deepnote_fake.seed import every_output_blocks

ROOT = Path(__file__).resolve().parent.parent
CLI_VERSION = "0.10.0"  # keep in step with the deepnote-cli pin in pyproject.toml
TOOLKIT_VERSION = "2.9.0"  # keep in step with scripts/compat-toolkit.txt
TOOLKIT_VENV = ROOT / ".venv-compat"
TOOLKIT_DRIVER = ROOT / "scripts" / "compat_toolkit.py"
# A cloud run takes the CLI's 2 s poll interval plus the fake's short run; this bounds a hung CLI.
CLI_TIMEOUT_S = 90

JSON = dict[str, Any]


class CompatError(AssertionError):
    """A step found the CLI and the fake disagreeing."""


def find_cli() -> Path:
    """The ``deepnote`` executable of this virtual environment (installed by the [dev] extra), else
    the one on ``PATH``."""
    beside = Path(sys.executable).parent / ("deepnote.exe" if os.name == "nt" else "deepnote")
    found = beside if beside.exists() else shutil.which("deepnote")
    if not found:
        raise CompatError(
            f"the deepnote CLI is not installed: pip install deepnote-cli=={CLI_VERSION} "
            "(the [dev] extra has it where Deepnote ships a wheel: Linux x86-64, macOS arm64, Windows x64)"
        )
    return Path(found)


@dataclass
class CliResult:
    args: list[str]
    code: int
    stdout: str
    stderr: str

    def json(self) -> JSON:
        try:
            data = json.loads(self.stdout)
        except json.JSONDecodeError as exc:
            raise CompatError(f"{self.describe()}: stdout is not JSON ({exc})") from exc
        if not isinstance(data, dict):
            raise CompatError(f"{self.describe()}: expected a JSON object")
        return data

    def describe(self) -> str:
        return (
            f"`deepnote {' '.join(self.args)}` exited {self.code}\n"
            f"--- stdout\n{self.stdout}--- stderr\n{self.stderr}"
        )


def find_toolkit_python() -> Path:
    """The interpreter of ``.venv-compat``, where ``make compat-venv`` installs deepnote-toolkit."""
    python = TOOLKIT_VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if not python.exists():
        raise CompatError(
            f"{TOOLKIT_VENV} is missing: `make compat-venv` creates it (make test and make compat do)"
        )
    return python


def toolkit_version(python: Path) -> str:
    """The deepnote-toolkit version installed for ``python`` (read without importing the package)."""
    completed = subprocess.run(
        [str(python), "-c", "import importlib.metadata as m; print(m.version('deepnote-toolkit'))"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return completed.stdout.strip()


@dataclass
class Context:
    """What a step works with: the CLI (``None`` where Deepnote ships no wheel of it: only the
    toolkit step runs then), the running fake and an empty working directory."""

    cli: Path | None
    server: ServerHandle
    workdir: Path
    log: Callable[[str], None] = print
    validated: list[Path] = field(default_factory=list)

    @property
    def fake(self) -> FakeDeepnote:
        return self.server.state

    @property
    def url(self) -> str:
        # The CLI's --url is the API root without /v2: it appends /v2 to every path itself.
        return self.server.root_url

    def deepnote(self, *args: str, expect_code: int | None = 0) -> CliResult:
        """Run ``deepnote ARGS`` in the working directory against this fake."""
        if self.cli is None:
            raise CompatError("this step needs the deepnote CLI, which is not installed here")
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(self.workdir / ".home"),  # nothing read from, or written to, the user's home
            "DEEPNOTE_TOKEN": self.server.token,
            "NO_COLOR": "1",
        }
        if os.name == "nt":  # pragma: no cover - Windows needs these to start a process
            env.update({k: os.environ[k] for k in ("SYSTEMROOT", "TEMP", "TMP") if k in os.environ})
        completed = subprocess.run(
            [str(self.cli), *args],
            cwd=self.workdir,
            env=env,
            capture_output=True,
            text=True,
            timeout=CLI_TIMEOUT_S,
            check=False,
        )
        result = CliResult(list(args), completed.returncode, completed.stdout, completed.stderr)
        if expect_code is not None and result.code != expect_code:
            raise CompatError(f"expected exit code {expect_code}: {result.describe()}")
        return result

    def toolkit(self, notebook_id: str, *inputs: str, expect_code: int = 0) -> JSON:
        """Run ``scripts/compat_toolkit.py`` in ``.venv-compat``: deepnote-toolkit's
        ``DeepnoteCloudRunner`` against this fake; what it read, as JSON."""
        env = {"PATH": os.environ.get("PATH", ""), "DEEPNOTE_TOKEN": self.server.token}
        if os.name == "nt":  # pragma: no cover - Windows needs these to start a process
            env.update({k: os.environ[k] for k in ("SYSTEMROOT", "TEMP", "TMP") if k in os.environ})
        args = [str(TOOLKIT_DRIVER), self.url, notebook_id, *inputs]
        completed = subprocess.run(
            [str(find_toolkit_python()), *args],
            cwd=self.workdir,
            env=env,
            capture_output=True,
            text=True,
            timeout=CLI_TIMEOUT_S,
            check=False,
        )
        result = CliResult(args, completed.returncode, completed.stdout, completed.stderr)
        if result.code != expect_code:
            raise CompatError(f"the toolkit driver: expected exit code {expect_code}: {result.describe()}")
        return result.json() if expect_code == 0 else {"stderr": result.stderr}

    def validate(self, path: Path) -> None:
        """``deepnote validate``: the document at ``path`` is valid by Deepnote's own schema."""
        report = self.deepnote("validate", str(path), "-o", "json", expect_code=None)
        data = report.json() if report.stdout.strip() else {}
        if report.code != 0 or data.get("valid") is not True:
            raise CompatError(f"{path.name} is not a valid .deepnote document: {report.describe()}")
        self.validated.append(path)

    def validate_text(self, name: str, text: str) -> Path:
        """Write ``text`` to ``documents/NAME`` in the working directory and validate it."""
        path = self.workdir / "documents" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.validate(path)
        return path

    def only_requests_ok(self) -> None:
        """Every request the CLI made reached an operation of the fake and succeeded."""
        failed = [r for r in self.fake.requests if not (isinstance(r.status, int) and r.status < 400)]
        check(not failed, f"requests the fake refused: {failed}")


def check(condition: bool, message: str) -> None:
    if not condition:
        raise CompatError(message)


def expect(actual: Any, expected: Any, what: str) -> None:
    check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


def _run_of(ctx: Context, output: JSON) -> Any:
    run_id = output.get("runId")
    check(run_id in ctx.fake.runs, f"the CLI reports run {run_id!r}, which the fake never created")
    return ctx.fake.runs[run_id]


def _saved_snapshot(ctx: Context, output: JSON) -> JSON:
    """The snapshot the CLI saved: valid, and read back as a document."""
    check(output.get("artifactStatus") == "saved", f"artifactStatus: {output.get('artifactStatus')!r}")
    path = Path(str(output.get("snapshotPath")))
    check(path.is_file(), f"the CLI reported snapshot {path}, which does not exist")
    # The CLI names a snapshot it could read after its project and notebook, and one it could
    # not read after the run id only.
    check(path.name.startswith("fake-project_"), f"the CLI did not read the snapshot as one: {path.name}")
    ctx.validate(path)
    document = deepnote_format.load(path.read_text(encoding="utf-8"))
    check(isinstance(document, dict), f"{path.name} is not a mapping")
    return dict(document)


def _expect_outputs(ctx: Context, document: JSON, run: Any) -> None:
    """Each executed block in the snapshot carries the outputs the fake produced for it."""
    entries = [n for n in document["project"]["notebooks"] if n["id"] == run.notebook_id]
    check(len(entries) == 1, f"the snapshot does not hold the run's notebook {run.notebook_id} once")
    by_id = {block["id"]: block for block in entries[0]["blocks"]}
    for block, produced in snapshots.outputs(ctx.fake, run):
        if block.type in deepnote_format.EXECUTABLE_BLOCK_TYPES:
            expect(by_id[block.id].get("outputs"), produced, f"outputs of {block.id}")


def _served_snapshots(ctx: Context, run_id: str) -> None:
    """The inline snapshot and the one behind the download URL are valid as the fake serves them."""
    headers = {"Authorization": f"Bearer {ctx.server.token}"}
    with httpx.Client(base_url=ctx.server.base_url, timeout=10) as http:
        inline = http.get(f"/runs/{run_id}", params={"snapshotDelivery": "inline"}, headers=headers)
        inline.raise_for_status()
        ctx.validate_text(f"{run_id}-inline.snapshot.deepnote", inline.json()["run"]["snapshotContent"])
        linked = http.get(f"/runs/{run_id}", params={"snapshotDelivery": "downloadUrl"}, headers=headers)
        linked.raise_for_status()
        download = httpx.get(linked.json()["run"]["snapshotDownloadUrl"], timeout=10)  # no token: presigned
        download.raise_for_status()
        ctx.validate_text(f"{run_id}-download.snapshot.deepnote", download.text)


def step_run_cloud(ctx: Context) -> None:
    """``run --cloud``: success by notebook id, a local source document with a typed input, and a
    failing run."""
    fake = ctx.fake

    # 1. The seeded notebook by id: POST /v2/runs, polling GET /v2/runs/{id}?snapshotDelivery=inline.
    result = ctx.deepnote("run", "--cloud", "--notebook-id", SEED_NOTEBOOK_ID, "--url", ctx.url, "-o", "json")
    output = result.json()
    expect(output.get("success"), True, "success")
    expect(output.get("status"), "success", "status")
    run = _run_of(ctx, output)
    expect(run.notebook_id, SEED_NOTEBOOK_ID, "the run's notebook")
    expect(run.detached, True, "a whole-notebook cloud run is detached")
    expect(run.status(fake.now()), "success", "the fake's run status")
    document = _saved_snapshot(ctx, output)
    expect(document["project"]["id"], SEED_PROJECT_ID, "snapshot project id")
    expect(document["project"]["name"], fake.projects[SEED_PROJECT_ID].name, "snapshot project name")
    expect(document["execution"]["summary"]["blocksFailed"], 0, "execution.summary.blocksFailed")
    _expect_outputs(ctx, document, run)
    polls = [r for r in fake.requests if r.method == "GET" and r.path == f"/runs/{run.id}"]
    check(bool(polls), "the CLI never polled the run")
    expect({r.query for r in polls}, {"snapshotDelivery=inline"}, "the CLI's poll query")
    _served_snapshots(ctx, run.id)
    ctx.log(f"  run {run.id}: success, snapshot saved and valid")

    # 2. A local .deepnote source document, as an export hands it out: the CLI takes the notebook
    #    id from it and types `-i region=US` against its input block.
    with fake.lock:
        notebook = fake.notebooks[SEED_NOTEBOOK_ID]
        project = fake.projects[SEED_PROJECT_ID]
        source = deepnote_format.project_document(
            project,
            [deepnote_format.NotebookEntry(notebook)],
            created_at=fake.iso(project.created_t),
            modified_at=fake.iso(notebook.updated_t),
        )
    local = ctx.validate_text("seed.deepnote", deepnote_format.dump(source))
    result = ctx.deepnote("run", str(local), "--cloud", "-i", "region=US", "--url", ctx.url, "-o", "json")
    output = result.json()
    expect(output.get("success"), True, "success of the local document's run")
    run = _run_of(ctx, output)
    expect(run.notebook_id, SEED_NOTEBOOK_ID, "the local document's notebook")
    expect(run.inputs, {"region": "US"}, "the inputs the CLI sent")
    document = _saved_snapshot(ctx, output)
    expect(document["execution"]["inputs"], {"region": "US"}, "execution.inputs")
    ctx.log(f"  run {run.id}: a local source document with -i region=US")

    # 3. A failing run: the CLI's failure result, exit code 1, and still a valid snapshot.
    fake.run_outcome = "error"
    result = ctx.deepnote(
        "run", "--cloud", "--notebook-id", SEED_NOTEBOOK_ID, "--url", ctx.url, "-o", "json", expect_code=1
    )
    output = result.json()
    expect(output.get("success"), False, "success of a failing run")
    expect(output.get("status"), "error", "status of a failing run")
    run = _run_of(ctx, output)
    expect(run.status(fake.now()), "error", "the fake's run status")
    document = _saved_snapshot(ctx, output)
    check("error" in document["execution"], "a failed run's snapshot has no execution.error")
    check(document["execution"]["summary"]["blocksFailed"] > 0, "a failed run's snapshot has no failed block")
    _expect_outputs(ctx, document, run)
    _served_snapshots(ctx, run.id)
    ctx.log(f"  run {run.id}: error, exit code 1, snapshot saved and valid")

    # 4. An internal error: no snapshot (snapshotStatus unavailable) and the run's `error` message.
    fake.run_outcome = "internal_error"
    result = ctx.deepnote(
        "run", "--cloud", "--notebook-id", SEED_NOTEBOOK_ID, "--url", ctx.url, "-o", "json", expect_code=1
    )
    output = result.json()
    expect(
        (output.get("success"), output.get("status"), output.get("artifactStatus")),
        (False, "internal_error", "not_produced"),
        "success, status and artifactStatus of an internal error",
    )
    run = _run_of(ctx, output)
    expect(output.get("error"), fake.render.run(run, "inline", "")["error"], "the run's error message")
    ctx.log(f"  run {run.id}: internal_error, exit code 1, no snapshot")
    ctx.only_requests_ok()


def _sync(ctx: Context, directory: str, on_conflict: str = "skip") -> JSON:
    """``deepnote sync DIRECTORY``, never asking (conflicts are skipped by default), exit code 0."""
    output = ctx.deepnote(
        "sync", directory, "--url", ctx.url, "--on-conflict", on_conflict, "-o", "json"
    ).json()
    expect(output.get("success"), True, f"sync {directory}: success")
    return output


def _synced_project(ctx: Context, output: JSON, action: str) -> Path:
    """The seeded project's entry of a sync result, with ``action``; its local directory."""
    entries = [p for p in output.get("projects", []) if p.get("projectId") == SEED_PROJECT_ID]
    check(len(entries) == 1, f"the seeded project is not in the sync result: {output}")
    expect(entries[0].get("action"), action, "the seeded project's sync action")
    return Path(str(output["root"])) / str(entries[0]["path"])


def _notebook_files(ctx: Context, directory: Path) -> list[Path]:
    """The project's ``.deepnote`` files in ``directory``, each valid."""
    files = sorted(directory.glob("*.deepnote"))
    check(bool(files), f"no .deepnote file in {directory}")
    for path in files:
        ctx.validate(path)
    return files


def step_sync(ctx: Context) -> None:
    """``sync``: pull into an empty directory, edit a pulled file, push it, pull it fresh."""
    fake = ctx.fake
    edited = "print(greeting, region, 'edited locally')"
    # A second notebook with a SQL block on the seeded integration: its metadata makes the round
    # trip too (export, push of the unchanged file, export again).
    queries = fake.add_notebook(SEED_PROJECT_ID, "Queries")
    sql, _ = fake.create_block(
        queries.id, "sql", content="select * from orders", integration_id=SEED_POSTGRES_INTEGRATION_ID
    )

    # 1. Pull: GET /v2/projects?pageSize=100, then GET /v2/projects/{id}/export (a ZIP of .deepnote
    #    documents, one per notebook, written as they come).
    project_dir = _synced_project(ctx, _sync(ctx, "workspace"), "pulled")
    files = _notebook_files(ctx, project_dir)
    seed_file = next((f for f in files if "print(greeting, region)" in f.read_text(encoding="utf-8")), None)
    check(seed_file is not None, f"no pulled file has the seeded code block: {[f.name for f in files]}")
    assert seed_file is not None
    ctx.log(f"  pulled {[f.name for f in files]} into {project_dir}")

    # 2. Edit the code block in the pulled file, as a user would in an editor.
    text = seed_file.read_text(encoding="utf-8")
    seed_file.write_text(text.replace("print(greeting, region)", edited, 1), encoding="utf-8")
    ctx.validate(seed_file)

    # 3. Push: POST /v2/projects/{id}/import (the same ZIP layout, with baseModifiedAt and
    #    baseContentHash), then a fresh export is written back.
    _synced_project(ctx, _sync(ctx, "workspace"), "pushed")
    imports = [
        r for r in fake.requests if r.method == "POST" and r.path == f"/projects/{SEED_PROJECT_ID}/import"
    ]
    check(len(imports) == 1, f"expected one import request, got {imports}")
    check("baseContentHash=" in imports[0].query, f"the push sent no baseContentHash: {imports[0].query!r}")
    code = next(b for b in fake.notebooks[SEED_NOTEBOOK_ID].blocks if b.type == "code")
    expect(code.content, edited, "the seeded code block in the fake after the push")
    expect(
        [(b.id, b.content, b.integration_id) for b in fake.notebooks[queries.id].blocks],
        [(sql.id, sql.content, SEED_POSTGRES_INTEGRATION_ID)],
        "the untouched SQL notebook after the push",
    )
    _notebook_files(ctx, project_dir)

    # 4. A fresh pull into another empty directory shows the edit; a second sync changes nothing.
    fresh_dir = _synced_project(ctx, _sync(ctx, "fresh"), "pulled")
    fresh = _notebook_files(ctx, fresh_dir)
    check(any(edited in f.read_text(encoding="utf-8") for f in fresh), "the fresh pull lacks the edit")
    _synced_project(ctx, _sync(ctx, "fresh"), "unchanged")  # exports are deterministic
    ctx.log("  edit pushed, fresh pull shows it, a second sync is a no-op")

    # 5. A conflict: the cloud changes (the SQL block's query) while a local file is edited. The
    #    CLI sees it itself (the export's hash is not the one it pulled) and never imports:
    #    `--on-conflict skip` leaves both sides, `override` pulls the cloud over the local edit.
    seed_fresh = next(f for f in fresh if edited in f.read_text(encoding="utf-8"))
    local_edit = "print('local edit during a cloud change')"
    text = seed_fresh.read_text(encoding="utf-8")
    seed_fresh.write_text(text.replace(edited, local_edit, 1), encoding="utf-8")
    fake.update_block(sql.id, content="select count(*) from orders")
    _synced_project(ctx, _sync(ctx, "fresh"), "skipped-conflict")
    check(local_edit in seed_fresh.read_text(encoding="utf-8"), "a skipped conflict changed the local file")
    output = _sync(ctx, "fresh", on_conflict="override")
    _synced_project(ctx, output, "pulled")
    check(edited in seed_fresh.read_text(encoding="utf-8"), "override did not pull the cloud's version")
    imports_now = [r for r in fake.requests if r.method == "POST" and r.path.endswith("/import")]
    check(imports_now == imports, f"a conflicting sync sent an import: {imports_now}")
    expect(code.content, edited, "the seeded code block after the conflict")
    ctx.log("  a cloud change and a local edit: skip keeps both, override pulls the cloud's version")
    ctx.only_requests_ok()


PERCENT_SCRIPT = """\
# %% [markdown]
# # Daily report

# %%
total = sum(range(10))
print("total", total)
"""


def step_schedule(ctx: Context) -> None:
    """``schedule`` of a new local notebook made with ``deepnote convert`` from a ``.py`` file."""
    fake = ctx.fake
    (ctx.workdir / "report.py").write_text(PERCENT_SCRIPT, encoding="utf-8")
    ctx.deepnote("convert", "report.py", "-o", "report.deepnote")
    local = ctx.workdir / "report.deepnote"
    ctx.validate(local)
    local_id = deepnote_format.load(local.read_text(encoding="utf-8"))["project"]["notebooks"][0]["id"]

    # The CLI schedules its local notebook id, gets 404, looks the project up by name, creates the
    # project, the notebook and each block (POST /v2/blocks), deletes the placeholder notebook, then
    # schedules the new notebook.
    args = ("schedule", "report.deepnote", "--daily", "--at", "09:00", "--timezone", "Europe/Prague")
    output = ctx.deepnote(*args, "--url", ctx.url, "-o", "json").json()
    expect(output.get("success"), True, "schedule: success")
    expect(output.get("created"), True, "schedule: created")
    notebook_id = str(output.get("notebookId"))
    check(notebook_id != local_id and notebook_id in fake.notebooks, f"unknown notebook {notebook_id!r}")
    expect(output["schedule"]["cron"], "0 9 * * *", "the schedule's cron")
    expect(output["schedule"]["timezone"], "Europe/Prague", "the schedule's time zone")
    notebook = fake.notebooks[notebook_id]
    project = fake.projects[notebook.project_id]
    expect(project.name, "report", "the created project's name")
    expect(fake.notebook_names(project.id), ["report"], "the created project's notebooks")
    expect(
        [(b.type, b.content) for b in notebook.blocks],
        [
            ("markdown", "# Daily report"),
            ("code", 'total = sum(range(10))\nprint("total", total)'),
        ],
        "the created notebook's blocks",
    )
    check(project.schedule is not None and project.schedule.notebook_id == notebook_id, "not scheduled")
    blocks = [r for r in fake.requests if r.method == "POST" and r.path == "/blocks"]
    expect(len(blocks), 2, "POST /blocks requests")

    # Again: the CLI finds the notebook by project and notebook name and only updates the schedule.
    output = ctx.deepnote(*args[:-2], "--timezone", "UTC", "--url", ctx.url, "-o", "json").json()
    expect((output.get("created"), output.get("notebookId")), (False, notebook_id), "a second schedule")
    expect(len([p for p in fake.projects.values() if p.name == "report"]), 1, "projects named report")
    ctx.log(f"  scheduled new notebook {notebook_id} in project {project.id}")


def step_run_shapes(ctx: Context) -> None:
    """``run --cloud`` with the fake answering runs in the older shapes Deepnote's clients read."""
    fake = ctx.fake
    older = [trait for trait in RUN_SHAPE_TRAITS if trait != "spec"]
    # Two combinations hold every trait once (the exclusive pairs are split between them).
    combinations = [
        "bare,id,snapshot-nested,error-object,error-body,status-200,deliver-download-url",
        "post-nested,snapshot-nested,error-object-error,status-201,deliver-inline",
    ]
    covered = {trait for combination in combinations for trait in combination.split(",")}
    expect(covered, set(older), "the traits the combinations cover")
    for combination in combinations:
        fake.run_shape = combination
        fake.run_outcome = "success"
        result = ctx.deepnote(
            "run", "--cloud", "--notebook-id", SEED_NOTEBOOK_ID, "--url", ctx.url, "-o", "json"
        )
        output = result.json()
        expect(
            (output.get("success"), output.get("status")), (True, "success"), f"run in shape {combination}"
        )
        run = _run_of(ctx, output)
        document = _saved_snapshot(ctx, output)
        _expect_outputs(ctx, document, run)
        ctx.log(f"  shape {combination}: success, snapshot saved and valid")

    # A run's error as an object: the CLI shows its message.
    fake.run_shape = "bare,id,error-object"
    fake.run_outcome = "internal_error"
    result = ctx.deepnote(
        "run", "--cloud", "--notebook-id", SEED_NOTEBOOK_ID, "--url", ctx.url, "-o", "json", expect_code=1
    )
    output = result.json()
    run = _run_of(ctx, output)
    expect(output.get("error"), fake.render.run(run, "inline", "")["error"], "the error object's message")
    # An error body keyed `error` (here POST /runs of an unknown notebook): the CLI shows it.
    fake.run_shape = "error-body"
    result = ctx.deepnote(
        "run", "--cloud", "--notebook-id", "no-such-notebook", "--url", ctx.url, "-o", "json", expect_code=1
    )
    expect(result.json().get("error"), "Notebook not found", "the error body's `error`")
    ctx.log("  error as an object and error bodies keyed `error` reach the CLI's output")
    fake.run_shape = "spec"


def step_integrations_pull(ctx: Context) -> None:
    """``integrations pull``: the integrations in ``.deepnote.env.yaml``, their secrets in ``.env``."""
    fake = ctx.fake
    result = ctx.deepnote("integrations", "pull", "--url", ctx.url)
    check(
        "Found 2 integration(s)" in result.stdout,
        f"the CLI did not see both integrations: {result.describe()}",
    )
    requests = [(r.method, r.path, r.query) for r in fake.requests]
    expect(requests, [("GET", "/integrations", "includeMetadata=true")], "the CLI's requests")
    local = yaml.safe_load((ctx.workdir / ".deepnote.env.yaml").read_text(encoding="utf-8"))
    by_id = {entry["id"]: entry for entry in local["integrations"]}
    expect(
        set(by_id), {SEED_POSTGRES_INTEGRATION_ID, SEED_SNOWFLAKE_INTEGRATION_ID}, "pulled integration ids"
    )
    for integration_id, entry in by_id.items():
        integration = fake.integrations[integration_id]
        expect((entry["name"], entry["type"]), (integration.name, integration.type), f"{integration_id}")
    warehouse = by_id[SEED_POSTGRES_INTEGRATION_ID]["metadata"]
    expect(warehouse["host"], "db.example.com", "the pulled host")
    secret = str(fake.integrations[SEED_POSTGRES_INTEGRATION_ID].metadata["password"])
    check(
        str(warehouse["password"]).startswith("env:"), f"the password is not an env: reference: {warehouse}"
    )
    check(
        secret not in (ctx.workdir / ".deepnote.env.yaml").read_text(encoding="utf-8"), "a secret in the YAML"
    )
    check(secret in (ctx.workdir / ".env").read_text(encoding="utf-8"), "the secret is not in .env")

    # Without the permission to read metadata the API answers 403, and the CLI says so.
    fake.can_edit_integrations = False
    denied = ctx.deepnote("integrations", "pull", "--url", ctx.url, expect_code=None)
    check(denied.code != 0, f"a 403 did not fail the pull: {denied.describe()}")
    ctx.log("  pulled 2 integrations; secrets in .env only; a 403 fails the pull")


def step_streamlit_publish(ctx: Context) -> None:
    """``streamlit publish``: create the app and wait until it runs; again: found, unchanged."""
    fake = ctx.fake
    fake.streamlit_unavailable_seconds = 0.2
    fake.streamlit_starting_seconds = 0.2
    fake.write_file(SEED_PROJECT_ID, "apps/dashboard.py", b"import streamlit as st\nst.write('hi')\n")
    args = ("streamlit", "publish", "apps/dashboard.py", "--project-id", SEED_PROJECT_ID, "--url", ctx.url)
    result = ctx.deepnote(*args)
    apps = list(fake.streamlit_apps.values())
    expect([(a.project_id, a.entrypoint) for a in apps], [(SEED_PROJECT_ID, "apps/dashboard.py")], "apps")
    app = apps[0]
    check(f"https://deepnote.example/streamlit/{app.id}" in result.stdout, f"no app URL: {result.describe()}")
    check("App is running" in result.stdout, f"the CLI did not wait for the app: {result.describe()}")
    expect(app.status(fake.now()), "running", "the app's status")
    polls = [r for r in fake.requests if r.path == f"/streamlit-apps/{app.id}/status"]
    check(len(polls) >= 1, "the CLI never polled the app's status")

    # Again: POST answers 409, the CLI finds the app in the project's list and changes nothing.
    before = len(fake.requests)
    result = ctx.deepnote(*args)
    expect(len(fake.streamlit_apps), 1, "apps after publishing again")
    check(f"already served by app {app.id}" in result.stdout, f"not found again: {result.describe()}")
    again = [(r.method, r.path, r.status) for r in fake.requests[before:]][:2]
    expect(
        again,
        [("POST", "/streamlit-apps", 409), ("GET", "/streamlit-apps", 200)],
        "the second publish's first requests",
    )

    # A missing entrypoint: the fake's 404 message, exit code 1.
    missing = ctx.deepnote(
        "streamlit",
        "publish",
        "apps/missing.py",
        "--project-id",
        SEED_PROJECT_ID,
        "--url",
        ctx.url,
        expect_code=1,
    )
    check(
        "Entrypoint file not found" in missing.stdout + missing.stderr,
        f"no 404 message: {missing.describe()}",
    )
    ctx.log(f"  app {app.id} created and running; published again: unchanged; a missing file fails")


def _static_file(ctx: Context, path: str) -> bytes | None:
    return ctx.fake.file_contents.get((SEED_PROJECT_ID, f"_deepnote_static/{path}"))


def step_publish(ctx: Context) -> None:
    """``publish``: a build directory into ``_deepnote_static/``, sharing on; again with ``--prune``."""
    fake = ctx.fake
    project = fake.projects[SEED_PROJECT_ID]
    build = ctx.workdir / "dist"
    (build / "assets").mkdir(parents=True)
    (build / "index.html").write_text("<h1>v1</h1>", encoding="utf-8")
    (build / "assets" / "app.js").write_text("console.log(1)", encoding="utf-8")
    args = ("publish", "dist", "--project-id", SEED_PROJECT_ID, "--no-sync-root", "--url", ctx.url)
    result = ctx.deepnote(*args, "--api-access", "enabled")
    expect(
        (_static_file(ctx, "index.html"), _static_file(ctx, "assets/app.js")),
        (b"<h1>v1</h1>", b"console.log(1)"),
        "the uploaded files",
    )
    expect(
        (project.static_sharing_enabled, project.static_api_access_enabled),
        (True, True),
        "sharing, API access",
    )
    check(
        f"https://deepnote.example/static/{SEED_PROJECT_ID}" in result.stdout, f"no URL: {result.describe()}"
    )

    # Again, with a changed page and a removed asset: replaced (DELETE, then POST) and pruned.
    (build / "index.html").write_text("<h1>v2</h1>", encoding="utf-8")
    (build / "assets" / "app.js").unlink()
    ctx.deepnote(*args, "--prune")
    expect(
        (_static_file(ctx, "index.html"), _static_file(ctx, "assets/app.js")),
        (b"<h1>v2</h1>", None),
        "the files after a pruning publish",
    )
    expect(project.static_api_access_enabled, True, "API access left as it was")
    # The only refusals: the CLI deletes each file before uploading it, and the first time there is none.
    refused = {
        (r.method, r.path, r.status)
        for r in fake.requests
        if not (isinstance(r.status, int) and r.status < 400)
    }
    expect(refused, {("DELETE", "/files", 404)}, "the requests the fake refused")
    ctx.log("  published 2 files, sharing and API access on; republished with --prune")


def step_static_site_access(ctx: Context) -> None:
    """``static-site access``: sharing and API access off, then on, then API access alone off."""
    project = ctx.fake.projects[SEED_PROJECT_ID]
    base = ("static-site", "access", "--project-id", SEED_PROJECT_ID, "--url", ctx.url)
    for flags, expected in [
        (("--sharing", "enabled", "--api-access", "enabled"), (True, True)),
        (("--sharing", "disabled"), (False, False)),  # disabling sharing turns API access off too
        (("--sharing", "enabled"), (True, False)),
        (("--api-access", "enabled"), (True, True)),
        (("--api-access", "disabled"), (True, False)),
    ]:
        result = ctx.deepnote(*base, *flags)
        state = (project.static_sharing_enabled, project.static_api_access_enabled)
        expect(state, expected, f"sharing and API access after {' '.join(flags)}")
        words = [
            f"Sharing: {'enabled' if expected[0] else 'disabled'}",
            f"API access: {'enabled' if expected[1] else 'disabled'}",
        ]
        check(all(word in result.stdout for word in words), f"the CLI reports otherwise: {result.describe()}")
    patches = [r for r in ctx.fake.requests if r.method == "PATCH"]
    expect(len(patches), 5, "PATCH /projects/{id} requests")
    ctx.only_requests_ok()
    ctx.log("  sharing and API access switched five times, as the CLI reported")


def _toolkit_text(produced: list[list[JSON]]) -> str:
    """What the toolkit's ``RunResult.text()`` joins: stream text and every ``text/plain``."""
    parts = [
        output["text"] if output["output_type"] == "stream" else output.get("data", {}).get("text/plain", "")
        for outputs in produced
        for output in outputs
    ]
    return "".join(parts).strip()


def step_toolkit(ctx: Context) -> None:
    """deepnote-toolkit's ``DeepnoteCloudRunner``: the seeded notebook's inputs, then a notebook of
    every output kind read back as the fake produced it, and a failing run."""
    import base64

    fake = ctx.fake
    seeded = ctx.toolkit(SEED_NOTEBOOK_ID, "region=US")
    expect(seeded["info"]["notebook"], "Seed notebook", "the notebook's name")
    expect(
        seeded["info"]["inputs"],
        [
            ["region", "input-select", "EU"],
            ["greeting", "input-text", "hello"],
            ["verbose", "input-checkbox", False],
        ],
        "the inputs the toolkit read",
    )
    expect(seeded["result"]["text"], "hello US", "the seeded notebook's text with region=US")
    run = fake.runs[seeded["result"]["run_id"]]
    expect((run.detached, run.inputs), (True, {"region": "US"}), "the toolkit's run: detached, inputs")

    blocks = every_output_blocks()
    notebook = fake.add_notebook(SEED_PROJECT_ID, "Every output", blocks=blocks[:-1])  # without the raise
    before = len(fake.requests)
    report = ctx.toolkit(notebook.id)
    result = report["result"]
    run = fake.runs[result["run_id"]]
    produced = [outputs for _, outputs in snapshots.outputs(fake, run)]
    expect(
        (result["success"], result["status"], result["snapshot_status"]),
        (True, "success", "available"),
        "the toolkit's result",
    )
    expect(result["text"], _toolkit_text(produced), "RunResult.text()")
    expect(result["html"], "<b>bold</b>", "RunResult.text('text/html')")
    expect(result["agent_text"], blocks[-2].content, "RunResult.agent_text()")
    frame = next(
        o["data"][DATAFRAME_MIME]
        for outputs in produced
        for o in outputs
        if DATAFRAME_MIME in o.get("data", {})
    )
    got = result["first_dataframe"]
    expect(
        (got["columns"], got["rows"], got["row_count"]),
        (frame["columns"], frame["rows"], 250),
        "first_dataframe",
    )
    expect((len(got["rows"]), got["is_truncated"]), (10, True), "the first page and truncation")
    check("_deepnote_index_column" not in got["records_without_index"][0], "the index column was not dropped")
    expect([base64.b64decode(image) for image in result["images"]], [PNG_BYTES], "RunResult.images()")
    expect(
        [tuple(o) for o in result["outputs"]],
        [
            (block.id, block.type, output["output_type"])
            for block, outputs in snapshots.outputs(fake, run)
            for output in outputs
        ],
        "the outputs, block by block",
    )
    # The token provider is asked once per request (the toolkit's support for short-lived tokens).
    expect(report["token_requests"], len(fake.requests) - before, "token provider calls, one per request")
    # The same run's inline snapshot is a valid document (where the CLI, the validator, is there).
    if ctx.cli is not None:
        ctx.validate_text("every-output.snapshot.deepnote", snapshots.document(fake, run))

    failing = fake.add_notebook(SEED_PROJECT_ID, "Failing", blocks=blocks[-1:])
    failed = ctx.toolkit(failing.id)["result"]
    expect((failed["success"], failed["status"]), (False, "error"), "a failing run")
    expect([o[2] for o in failed["outputs"]], ["error"], "the failing block's output")
    ctx.log("  text, first_dataframe, images and agent_text as the fake produced them; a failing run fails")


@dataclass(frozen=True)
class Step:
    """A named check. ``pending``: what the fake still lacks for it; such a step runs only when
    named with ``--include-pending`` (and tests/test_compat.py expects it to fail until then)."""

    name: str
    run: Callable[[Context], None]
    summary: str
    pending: str | None = None
    needs_toolkit: bool = False  # runs deepnote-toolkit from .venv-compat
    documents: bool = True  # involves .deepnote documents, each validated


STEPS: tuple[Step, ...] = (
    Step(
        "run-cloud",
        step_run_cloud,
        "run --cloud: success, a local document with an input, a failing run and an internal error (exit 1)",
    ),
    Step(
        "sync",
        step_sync,
        "sync pull into an empty directory, edit a pulled .deepnote file, sync push, pull again",
    ),
    Step(
        "schedule",
        step_schedule,
        "schedule a notebook made with `deepnote convert` from a .py file",
    ),
    Step(
        "run-shapes",
        step_run_shapes,
        "run --cloud against every older run shape of the fake (run_shape)",
    ),
    Step(
        "integrations-pull",
        step_integrations_pull,
        "integrations pull into .deepnote.env.yaml (secrets into .env); a 403 fails",
        documents=False,
    ),
    Step(
        "streamlit-publish",
        step_streamlit_publish,
        "streamlit publish: created and running, published again unchanged, a missing entrypoint fails",
        documents=False,
    ),
    Step(
        "publish",
        step_publish,
        "publish a build directory into _deepnote_static/, then again with --prune",
        documents=False,
    ),
    Step(
        "static-site-access",
        step_static_site_access,
        "static-site access: sharing and API access off and on",
        documents=False,
    ),
    Step(
        "toolkit",
        step_toolkit,
        "deepnote-toolkit's DeepnoteCloudRunner: inputs, text, first_dataframe, images, agent_text",
        needs_toolkit=True,
        documents=False,
    ),
)


@contextmanager
def step_context(cli: Path | None, log: Callable[[str], None] = print) -> Iterator[Context]:
    """A fresh fake (short runs on the real clock) and an empty working directory."""
    state = FakeDeepnote(pending_seconds=0.1, running_seconds=0.3, snapshot_seconds=0.1)
    with tempfile.TemporaryDirectory(prefix="deepnote-compat-") as tmp, running_server(state) as server:
        workdir = Path(tmp)
        (workdir / ".home").mkdir()
        yield Context(cli=cli, server=server, workdir=workdir, log=log)


def cli_version(cli: Path) -> str:
    completed = subprocess.run(
        [str(cli), "--version"], capture_output=True, text=True, timeout=30, check=False
    )
    return completed.stdout.strip()


def _pinned_tool(
    name: str, find: Callable[[], Path], version_of: Callable[[Path], str], pinned: str
) -> Path | None:
    """The tool's path when it is found at its pinned version; else ``None``, having said why."""
    try:
        path = find()
    except CompatError as exc:
        print(f"compat: {exc}", file=sys.stderr)
        return None
    version = version_of(path)
    if version != pinned:
        print(f"compat: {path} has {name} {version!r}; this check is pinned to {pinned}", file=sys.stderr)
        return None
    print(f"compat: {name} {version} ({path}) against the fake")
    return path


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="python scripts/compat.py", description=__doc__.split("\n")[0])
    parser.add_argument("steps", nargs="*", help="step names (default: every ready step)")
    parser.add_argument("--list", action="store_true", help="list the steps and exit")
    parser.add_argument(
        "--include-pending", action="store_true", help="also run the steps waiting for the fake (see --list)"
    )
    args = parser.parse_args(argv)
    by_name = {step.name: step for step in STEPS}
    if args.list:
        for step in STEPS:
            state = f"pending: needs {step.pending}" if step.pending else "ready"
            print(f"{step.name:10} {step.summary} [{state}]")
        return 0
    unknown = [name for name in args.steps if name not in by_name]
    if unknown:
        parser.error(f"unknown step(s) {', '.join(unknown)}; --list shows them")
    chosen = [by_name[name] for name in args.steps] if args.steps else list(STEPS)

    cli = _pinned_tool("deepnote-cli", find_cli, cli_version, CLI_VERSION)
    if cli is None:
        return 2
    needs_toolkit = any(step.needs_toolkit for step in chosen)
    if (
        needs_toolkit
        and _pinned_tool("deepnote-toolkit", find_toolkit_python, toolkit_version, TOOLKIT_VERSION) is None
    ):
        return 2
    for step in chosen:
        if step.pending and not args.include_pending:
            print(f"- {step.name}: PENDING, needs {step.pending} (--include-pending runs it)")
            continue
        print(f"- {step.name}: {step.summary}")
        try:
            with step_context(cli) as ctx:
                step.run(ctx)
        except (CompatError, subprocess.TimeoutExpired, httpx.HTTPError) as exc:
            print(f"FAILED {step.name}: {exc}", file=sys.stderr)
            return 1
        print(f"  ok ({len(ctx.validated)} documents valid)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
