"""Deepnote's own command-line client against the fake: ``make compat``.

    python scripts/compat.py              # every ready step
    python scripts/compat.py run-cloud    # the named steps
    python scripts/compat.py --list       # the steps, and what the pending ones wait for
    python scripts/compat.py --include-pending NAME   # a step still waiting for the fake (none now)

Deepnote publishes its CLI as ``deepnote-cli`` on PyPI (a wheel bundling the native ``deepnote``
executable), pinned in pyproject.toml's [dev] extra as ``CLI_VERSION``. It is a real API v2 client
nobody on this project wrote. Each step gets a fresh fake on a free 127.0.0.1 port, served in this
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

from deepnote_fake import (
    SEED_NOTEBOOK_ID,
    SEED_POSTGRES_INTEGRATION_ID,
    SEED_PROJECT_ID,
    FakeDeepnote,
    ServerHandle,
    deepnote_format,
    running_server,
    snapshots,
)

CLI_VERSION = "0.10.0"  # keep in step with the deepnote-cli pin in pyproject.toml
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


@dataclass
class Context:
    """What a step works with: the CLI, the running fake and an empty working directory."""

    cli: Path
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


@dataclass(frozen=True)
class Step:
    """A named check. ``pending``: what the fake still lacks for it; such a step runs only when
    named with ``--include-pending`` (and tests/test_compat.py expects it to fail until then)."""

    name: str
    run: Callable[[Context], None]
    summary: str
    pending: str | None = None


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
)


@contextmanager
def step_context(cli: Path, log: Callable[[str], None] = print) -> Iterator[Context]:
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

    try:
        cli = find_cli()
    except CompatError as exc:
        print(f"compat: {exc}", file=sys.stderr)
        return 2
    version = cli_version(cli)
    if version != CLI_VERSION:
        print(
            f"compat: {cli} is deepnote-cli {version!r}; this check is pinned to {CLI_VERSION}",
            file=sys.stderr,
        )
        return 2
    print(f"compat: deepnote-cli {version} ({cli}) against the fake")
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
