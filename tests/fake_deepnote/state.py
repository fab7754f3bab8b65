"""``FakeDeepnote``: the whole in-memory state of the fake API and its documented semantics.

HTTP parsing lives in ``routes``; this module receives validated Python values, applies Deepnote's
rules (reference: ``/work/shared/reference/deepnote-api-v2.md`` and ``openapi.yaml``) and raises
``ApiError`` with the documented status and message. Every public method takes the state lock,
because the server thread serves requests while the test thread inspects or changes the state.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import threading
import time
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .clock import Clock, MonotonicClock
from .cron import CronError, CronExpression
from .errors import ApiError
from .faults import FaultPlan, RecordedRequest
from .models import (
    TERMINAL_STATUSES,
    Block,
    Folder,
    Notebook,
    NotebookInput,
    Project,
    Run,
    RunOutcome,
    Schedule,
)
from .outputs import input_values, run_raises, snapshot_blocks
from .pagination import PageTokenCodec

__all__ = [
    "SEED_BLOCK_IDS",
    "SEED_FOLDER_ID",
    "SEED_NOTEBOOK_ID",
    "SEED_PROJECT_ID",
    "SEED_TOKEN",
    "SEED_WORKSPACE_ID",
    "FakeDeepnote",
]

# Seed data: documented in tests/fake_deepnote/README.md so a newcomer can call the fake at once.
SEED_TOKEN = "fake-deepnote-token-3b5f0c9e"
SEED_WORKSPACE_ID = "0b7a9f56-6c1d-4d8e-9b35-2a4c8e1f7d10"
SEED_PROJECT_ID = "6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
SEED_FOLDER_ID = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
# Notebook ids are opaque strings in v2 (not uuids): the fake uses 32 hex digits so a client that
# wrongly expects a uuid fails here rather than in production.
SEED_NOTEBOOK_ID = "5e2f8a1c9b7d4e6f8a0b1c2d3e4f5a6b"
SEED_BLOCK_IDS = {
    "markdown": "blk-seed-markdown",
    "region": "blk-seed-input-region",
    "greeting": "blk-seed-input-greeting",
    "verbose": "blk-seed-input-verbose",
    "code": "blk-seed-code",
}

RUN_OUTCOMES: frozenset[str] = frozenset({"success", "error", "internal_error", "stopped", "never"})
PROJECT_TYPES = frozenset({"standard", "notebook", "agent"})
# Input types whose value is a single string (slider values are numeric strings; reference R1).
_STRING_INPUTS = frozenset({"input-text", "input-textarea", "input-file", "input-date", "input-slider"})


def _new_notebook_id() -> str:
    return uuid.uuid4().hex


class FakeDeepnote:
    """The fake's state: projects, notebooks, runs, faults, counters and knobs.

    Knobs a test may change at any time: ``run_outcome`` (for runs created afterwards),
    ``pending_seconds``/``running_seconds``/``snapshot_seconds``, ``latency`` (seconds added to every
    ``/v2`` request), ``rate_limit`` (``(N, window_seconds)`` per token, or ``None``),
    ``record_requests``.
    """

    def __init__(
        self,
        *,
        token: str = SEED_TOKEN,
        clock: Clock | None = None,
        pending_seconds: float = 0.3,
        running_seconds: float = 1.0,
        snapshot_seconds: float = 0.2,
        run_outcome: RunOutcome = "success",
        latency: float = 0.0,
        rate_limit: tuple[int, float] | None = None,
        seed: bool = True,
    ) -> None:
        self.token = token
        self.clock: Clock = clock if clock is not None else MonotonicClock()
        self.pending_seconds = pending_seconds
        self.running_seconds = running_seconds
        self.snapshot_seconds = snapshot_seconds
        self.run_outcome = run_outcome
        self.latency = latency
        self.rate_limit = rate_limit
        self.record_requests = True

        self.projects: dict[str, Project] = {}
        self.notebooks: dict[str, Notebook] = {}
        self.runs: dict[str, Run] = {}
        self.folders: dict[str, Folder] = {}
        self.faults = FaultPlan()
        self.requests: list[RecordedRequest] = []
        self.request_count = 0
        self.rate_limited = 0

        self._lock = threading.RLock()
        self._seq = 0
        self._pages = PageTokenCodec()
        self._snapshot_key = os.urandom(16)
        self._rate_windows: dict[str, tuple[float, int]] = {}
        # Wall time is derived from the clock so that a FakeClock also moves createdAt/completedAt.
        self._wall0 = time.time()
        self._clock0 = self.clock.now()
        if seed:
            self._seed()

    # ------------------------------------------------------------------ knobs and helpers

    @property
    def run_outcome(self) -> RunOutcome:
        return self._run_outcome

    @run_outcome.setter
    def run_outcome(self, value: RunOutcome) -> None:
        if value not in RUN_OUTCOMES:
            raise ValueError(f"run_outcome must be one of {sorted(RUN_OUTCOMES)}, not {value!r}")
        self._run_outcome = value

    def now(self) -> float:
        return self.clock.now()

    def iso(self, t: float) -> str:
        """RFC 3339 UTC timestamp (millisecond precision) of clock reading ``t``."""
        moment = datetime.fromtimestamp(self._wall0 + (t - self._clock0), UTC)
        return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def record_request(self, record: RecordedRequest) -> None:
        """Count a request that reached ``/v2`` and keep it in ``requests`` (unless switched off
        with ``record_requests = False``, for very long benchmarks)."""
        with self._lock:
            self.request_count += 1
            if self.record_requests:
                self.requests.append(record)

    def reset_counters(self) -> None:
        """Forget recorded requests and zero every counter (faults stay armed)."""
        with self._lock:
            self.requests.clear()
            self.request_count = 0
            self.rate_limited = 0
            self.faults.reset_counters()

    def notebook_names(self, project_id: str) -> list[str]:
        """Names of the project's notebooks in creation order (for "no duplicate, none lost" tests)."""
        with self._lock:
            project = self.projects[project_id]
            return [self.notebooks[nid].name for nid in project.notebook_ids]

    def suspend_project(self, project_id: str, suspended: bool = True) -> None:
        """Mark a project suspended: notebook and run operations in it then fail (400 or 409)."""
        with self._lock:
            self.projects[project_id].suspended = suspended

    # ------------------------------------------------------------------ seeding

    def _seed(self) -> None:
        now = self.now()
        folder = Folder(SEED_FOLDER_ID, "Fake folder")
        self.folders[folder.id] = folder
        project = self._add_project("Fake project", "standard", folder=folder, project_id=SEED_PROJECT_ID)
        project.files = [{"path": "data/example.csv", "size": 42, "updatedAt": self.iso(now)}]
        ids = SEED_BLOCK_IDS
        blocks = [
            Block(ids["markdown"], "markdown", "# Seed notebook\nRuns greet the chosen region."),
            Block(
                ids["region"],
                "input-select",
                "",
                NotebookInput("region", "EU", label="Region", options=["EU", "US"], multiple=False),
            ),
            Block(ids["greeting"], "input-text", "", NotebookInput("greeting", "hello", label="Greeting")),
            Block(ids["verbose"], "input-checkbox", "", NotebookInput("verbose", False, label="Verbose")),
            Block(ids["code"], "code", "print(greeting, region)"),
        ]
        self._add_notebook(project, "Seed notebook", notebook_id=SEED_NOTEBOOK_ID, blocks=blocks)

    def _add_project(
        self,
        name: str,
        project_type: str,
        *,
        folder: Folder | None = None,
        project_id: str | None = None,
        environment_id: str | None = None,
    ) -> Project:
        now = self.now()
        project = Project(
            id=project_id or str(uuid.uuid4()),
            name=name,
            project_type=project_type,
            created_t=now,
            updated_t=now,
            seq=self._next_seq(),
            folder=folder,
            environment_id=environment_id,
        )
        self.projects[project.id] = project
        return project

    def _add_notebook(
        self,
        project: Project,
        name: str,
        *,
        notebook_id: str | None = None,
        blocks: list[Block] | None = None,
    ) -> Notebook:
        now = self.now()
        notebook = Notebook(
            id=notebook_id or _new_notebook_id(),
            project_id=project.id,
            name=name,
            created_t=now,
            updated_t=now,
            seq=self._next_seq(),
            blocks=blocks or [],
        )
        self.notebooks[notebook.id] = notebook
        project.notebook_ids.append(notebook.id)
        project.updated_t = now
        return notebook

    def add_notebook(self, project_id: str, name: str, blocks: list[Block]) -> Notebook:
        """Add a notebook with these blocks (for tests of runs and their outputs)."""
        with self._lock:
            return self._add_notebook(self.projects[project_id], name, blocks=blocks)

    # ------------------------------------------------------------------ lookups

    def _project(self, project_id: str, *, message: str = "Project not found") -> Project:
        project = self.projects.get(project_id)
        if project is None:
            raise ApiError(404, message)
        return project

    def _notebook(self, notebook_id: str, *, suspended_status: int | None = 409) -> Notebook:
        notebook = self.notebooks.get(notebook_id)
        if notebook is None:
            raise ApiError(404, "Notebook not found")
        if suspended_status is not None and self.projects[notebook.project_id].suspended:
            raise ApiError(suspended_status, "Project is suspended")
        return notebook

    def _check_name_free(self, project: Project, name: str, *, except_id: str | None = None) -> None:
        # Names are unique per project, case-sensitively (reference N1); message from R-nbpatch.
        for nid in project.notebook_ids:
            if nid != except_id and self.notebooks[nid].name == name:
                raise ApiError(409, f'Notebook with name "{name}" already exists in the project.')

    # ------------------------------------------------------------------ notebooks

    def create_notebook(self, project_id: str, name: str | None) -> Notebook:
        with self._lock:
            project = self._project(project_id)
            if project.suspended:
                raise ApiError(409, "Project is suspended")
            if project.project_type != "standard":
                # Single-notebook and agent projects accept no new notebooks (reference N1).
                raise ApiError(409, f"Projects of type {project.project_type} cannot have more notebooks")
            if name is None:
                taken = {self.notebooks[nid].name for nid in project.notebook_ids}
                name = next(f"Notebook {n}" for n in range(1, len(taken) + 2) if f"Notebook {n}" not in taken)
            self._check_name_free(project, name)
            return self._add_notebook(project, name)

    def get_notebook(self, notebook_id: str) -> Notebook:
        with self._lock:
            # GET is the one notebook operation that reports a suspended project as 400 (docs quirk).
            return self._notebook(notebook_id, suspended_status=400)

    def delete_notebook(self, notebook_id: str) -> None:
        with self._lock:
            notebook = self._notebook(notebook_id)
            project = self.projects[notebook.project_id]
            project.notebook_ids.remove(notebook.id)
            project.updated_t = self.now()
            if project.schedule is not None and project.schedule.notebook_id == notebook.id:
                project.schedule = None
            for run in notebook.runs:
                self.runs.pop(run.id, None)
            del self.notebooks[notebook.id]

    def rename_notebook(self, notebook_id: str, name: str) -> Notebook:
        with self._lock:
            notebook = self._notebook(notebook_id)
            project = self.projects[notebook.project_id]
            if project.project_type != "standard":
                raise ApiError(409, "The project owns its notebook's name")
            self._check_name_free(project, name, except_id=notebook.id)
            notebook.name = name
            notebook.updated_t = self.now()
            return notebook

    def reorder_blocks(
        self, notebook_id: str, block_ids: list[str], placement: Mapping[str, Any]
    ) -> list[str]:
        with self._lock:
            notebook = self._notebook(notebook_id)
            by_id = {b.id: b for b in notebook.blocks}
            for block_id in block_ids:
                if block_id not in by_id:
                    raise ApiError(400, f'Block "{block_id}" not found in notebook')
            moved = set(block_ids)
            rest = [b.id for b in notebook.blocks if b.id not in moved]
            kind = placement["type"]
            if kind == "start":
                order = block_ids + rest
            elif kind == "end":
                order = rest + block_ids
            else:
                anchor = placement["blockId"]
                if anchor in moved:
                    raise ApiError(400, "placement.blockId must not be one of the moved blocks")
                if anchor not in by_id:
                    raise ApiError(400, f'Anchor block "{anchor}" not found in notebook')
                at = rest.index(anchor) + 1
                order = rest[:at] + block_ids + rest[at:]
            if order != [b.id for b in notebook.blocks]:
                notebook.blocks = [by_id[i] for i in order]
                notebook.updated_t = self.now()
            return order

    def schedule_notebook(self, notebook_id: str, cron: str, timezone: str | None) -> Schedule:
        with self._lock:
            notebook = self._notebook(notebook_id)
            try:
                CronExpression.parse(cron)
            except CronError:
                raise ApiError(400, "Invalid cron expression") from None
            tz = timezone or "UTC"
            try:
                ZoneInfo(tz)
            except (ZoneInfoNotFoundError, ValueError):
                raise ApiError(400, f'Invalid timezone "{tz}"') from None
            project = self.projects[notebook.project_id]
            now = self.now()
            created = project.schedule.created_t if project.schedule else now
            # One schedule per project: scheduling another notebook re-points it (reference N7).
            project.schedule = Schedule(notebook.id, cron, tz, created, now)
            return project.schedule

    # ------------------------------------------------------------------ runs

    def create_run(
        self,
        notebook_id: str,
        *,
        detached: bool | None = None,
        block_ids: list[str] | None = None,
        run_dependent_blocks: bool | None = None,
        inputs: Mapping[str, Any] | None = None,
    ) -> Run:
        with self._lock:
            notebook = self.notebooks.get(notebook_id)
            if notebook is None:
                # An unknown notebook is a 400 on POST /runs, not a 404 (reference R1).
                raise ApiError(400, "Notebook not found")
            if self.projects[notebook.project_id].suspended:
                raise ApiError(400, "Project is suspended")
            if block_ids is not None and detached:
                raise ApiError(400, "blockIds is not supported for detached runs")
            if run_dependent_blocks and block_ids is None:
                raise ApiError(400, "runDependentBlocks requires blockIds")
            known_blocks = {b.id for b in notebook.blocks}
            for block_id in block_ids or []:
                if block_id not in known_blocks:
                    raise ApiError(400, "Block not found in notebook")
            checked = self._check_inputs(notebook, inputs or {})
            # A notebook whose code raises with these inputs fails (see outputs.py).
            ran = [b for b in notebook.blocks if block_ids is None or b.id in block_ids]
            raises = run_raises(ran, input_values(notebook.blocks, checked))
            return self._add_run(
                notebook,
                self.now(),
                detached=bool(detached),
                block_ids=block_ids,
                inputs=checked,
                outcome="error" if raises else None,
            )

    def _check_inputs(self, notebook: Notebook, inputs: Mapping[str, Any]) -> dict[str, Any]:
        by_name = {b.input.name: b for b in notebook.blocks if b.input is not None}
        for name, value in inputs.items():
            block = by_name.get(name)
            if block is None:
                raise ApiError(400, f'Input "{name}" is not defined for this notebook')
            assert block.input is not None
            if not _input_value_fits(block.type, block.input, value):
                raise ApiError(400, f'Input "{name}" has a value of the wrong type for a {block.type} block')
        return dict(inputs)

    def _add_run(
        self,
        notebook: Notebook,
        created_t: float,
        *,
        detached: bool = False,
        block_ids: list[str] | None = None,
        inputs: dict[str, Any] | None = None,
        outcome: RunOutcome | None = None,
        pending_s: float | None = None,
        running_s: float | None = None,
        snapshot_s: float | None = None,
    ) -> Run:
        outcome = outcome or self.run_outcome
        running = self.running_seconds if running_s is None else running_s
        run = Run(
            id=str(uuid.uuid4()),
            notebook_id=notebook.id,
            seq=self._next_seq(),
            created_t=created_t,
            pending_s=self.pending_seconds if pending_s is None else pending_s,
            running_s=running,
            snapshot_s=self.snapshot_seconds if snapshot_s is None else snapshot_s,
            outcome="never" if math.isinf(running) else outcome,
            detached=detached,
            block_ids=block_ids,
            inputs=inputs or {},
        )
        self.runs[run.id] = run
        notebook.runs.append(run)
        return run

    def add_runs(self, notebook_id: str, count: int, *, outcome: RunOutcome = "success") -> list[str]:
        """Bulk-create ``count`` finished historical runs (oldest first) and return their ids.

        Fast enough for 10,000 runs. Their ``createdAt`` increase by 1 ms, end about now, and come
        after every run the notebook already had, so a list shows them first, newest first.
        """
        if outcome == "never":
            raise ValueError("historical runs are finished; use run_outcome='never' for live runs")
        with self._lock:
            notebook = self.notebooks[notebook_id]
            start = self.now() - count * 0.001
            if notebook.runs:
                start = max(start, notebook.runs[-1].created_t)
            ids = []
            for i in range(count):
                run = self._add_run(
                    notebook, start + (i + 1) * 0.001, outcome=outcome, pending_s=0.0, running_s=0.0
                )
                run.historical = True
                ids.append(run.id)
            return ids

    def get_run(self, run_id: str) -> Run:
        with self._lock:
            run = self.runs.get(run_id)
            if run is None:
                raise ApiError(404, "Run not found")
            if self.projects[self.notebooks[run.notebook_id].project_id].suspended:
                raise ApiError(409, "Project is suspended")
            return run

    def list_runs(
        self, notebook_id: str, page_size: int, page_token: str | None
    ) -> tuple[list[Run], str | None]:
        """One page of the notebook's runs, newest first, and the token of the next page."""
        with self._lock:
            notebook = self._notebook(notebook_id)
            scope = f"runs:{notebook.id}"
            runs = notebook.runs  # ascending seq
            end = len(runs)
            if page_token is not None:
                after = self._pages.decode(page_token, scope)
                # Keyset cursor: runs started after the first page was read do not shift the pages.
                end = _bisect_seq(runs, after)
            start = max(0, end - page_size)
            page = runs[start:end][::-1]
            token = self._pages.encode(scope, page[-1].seq) if start > 0 and page else None
            return page, token

    # ------------------------------------------------------------------ projects

    def list_projects(
        self, page_size: int, page_token: str | None, name_contains: str | None
    ) -> tuple[list[Project], str | None]:
        with self._lock:
            needle = (name_contains or "").casefold()
            scope = f"projects:{needle}"
            after = self._pages.decode(page_token, scope) if page_token is not None else 0
            matching = [
                p
                for p in sorted(self.projects.values(), key=lambda p: p.seq)
                if p.seq > after and needle in p.name.casefold()
            ]
            page = matching[:page_size]
            more = len(matching) > page_size
            return page, (self._pages.encode(scope, page[-1].seq) if more else None)

    def create_project(
        self,
        name: str,
        *,
        folder_id: str | None = None,
        project_type: str | None = None,
        environment_id: str | None = None,
    ) -> Project:
        with self._lock:
            folder = None
            if folder_id is not None:
                folder = self.folders.get(folder_id)
                if folder is None:
                    raise ApiError(404, "Folder not found")
            project = self._add_project(
                name, project_type or "standard", folder=folder, environment_id=environment_id
            )
            # Deepnote seeds every new project with one empty placeholder notebook (reference P2).
            self._add_notebook(project, "Notebook 1")
            return project

    def get_project(self, project_id: str) -> Project:
        with self._lock:
            return self._project(project_id)

    def delete_project(self, project_id: str) -> None:
        with self._lock:
            project = self._project(project_id)
            for notebook_id in list(project.notebook_ids):
                for run in self.notebooks[notebook_id].runs:
                    self.runs.pop(run.id, None)
                del self.notebooks[notebook_id]
            del self.projects[project.id]

    # ------------------------------------------------------------------ rate limiting

    def check_rate_limit(self, key: str) -> ApiError | None:
        """Count a request for ``key`` (the caller's Authorization header) in a fixed window.

        Returns the 429 to send when the key is over ``rate_limit``; ``Retry-After`` and
        ``RateLimit-Reset`` are the whole seconds (rounded up) until the window resets.
        """
        limit = self.rate_limit
        if limit is None:
            return None
        allowed, window = limit
        with self._lock:
            now = self.now()
            start, count = self._rate_windows.get(key, (now, 0))
            if now - start >= window:
                start, count = now, 0
            count += 1
            self._rate_windows[key] = (start, count)
            if count <= allowed:
                return None
            self.rate_limited += 1
            wait = str(max(1, math.ceil(start + window - now)))
            return ApiError(429, "Rate limit exceeded", {"Retry-After": wait, "RateLimit-Reset": wait})

    # ------------------------------------------------------------------ JSON rendering

    def notebook_json(self, notebook: Notebook) -> dict[str, Any]:
        with self._lock:
            data: dict[str, Any] = {
                "id": notebook.id,
                "projectId": notebook.project_id,
                "name": notebook.name,
                "blocks": [b.to_json() for b in notebook.blocks],
            }
            inputs = [b.input_json() for b in notebook.blocks if b.input is not None]
            if inputs:  # present only when the notebook has input blocks (reference N2)
                data["inputs"] = inputs
            data["createdAt"] = self.iso(notebook.created_t)
            data["updatedAt"] = self.iso(notebook.updated_t)
            return data

    def _project_notebook_json(self, project: Project, notebook: Notebook) -> dict[str, Any]:
        last = notebook.runs[-1] if notebook.runs else None
        return {
            "id": notebook.id,
            "name": notebook.name,
            "createdAt": self.iso(notebook.created_t),
            "isInit": notebook.is_init,
            "isScheduled": project.schedule is not None and project.schedule.notebook_id == notebook.id,
            "lastRunAt": self.iso(last.created_t) if last else None,
            "lastRunId": last.id if last else None,
        }

    def project_json(self, project: Project, *, detail: bool = False) -> dict[str, Any]:
        with self._lock:
            data: dict[str, Any] = {
                "id": project.id,
                "name": project.name,
                "createdAt": self.iso(project.created_t),
                "updatedAt": self.iso(project.updated_t),
                "projectType": project.project_type,
                "folder": project.folder.to_json() if project.folder else None,
                "notebooks": [
                    self._project_notebook_json(project, self.notebooks[nid]) for nid in project.notebook_ids
                ],
            }
            if detail:
                data["files"] = list(project.files)
                data["staticFiles"] = {
                    "sharingEnabled": False,
                    "apiAccessEnabled": False,
                    "url": f"https://deepnote.example/static/{project.id}",
                }
            return data

    def schedule_json(self, schedule: Schedule) -> dict[str, Any]:
        with self._lock:
            tz = ZoneInfo(schedule.timezone)
            now_local = datetime.fromtimestamp(self._wall0 + (self.now() - self._clock0), tz)
            following = CronExpression.parse(schedule.cron).next_after(now_local)
            data: dict[str, Any] = {
                "notebookId": schedule.notebook_id,
                "cron": schedule.cron,
                "timezone": schedule.timezone,
            }
            if following is not None:
                data["nextRunAt"] = following.astimezone(UTC).isoformat().replace("+00:00", "Z")
            data["createdAt"] = self.iso(schedule.created_t)
            data["updatedAt"] = self.iso(schedule.updated_t)
            return data

    def run_summary_json(self, run: Run) -> dict[str, Any]:
        now = self.now()
        status = run.status(now)
        return {
            "runId": run.id,
            "notebookId": run.notebook_id,
            "status": status,
            "createdAt": self.iso(run.created_t),
            "completedAt": self.iso(run.end_t) if status in TERMINAL_STATUSES else None,
        }

    def run_json(self, run: Run, delivery: str, snapshot_base_url: str) -> dict[str, Any]:
        with self._lock:
            data = self.run_summary_json(run)
            snapshot_status = run.snapshot_status(self.now())
            data["error"] = (
                "Internal error while running the notebook" if data["status"] == "internal_error" else None
            )
            data["snapshotStatus"] = snapshot_status
            ready = snapshot_status == "available"
            data["snapshotContent"] = self.snapshot_document(run) if ready and delivery == "inline" else None
            data["snapshotDownloadUrl"] = (
                f"{snapshot_base_url}/{run.id}?sig={self.snapshot_signature(run.id)}"
                if ready and delivery == "downloadUrl"
                else None
            )
            data["snapshotBlocks"] = self._snapshot_blocks(run) if ready and delivery == "blocks" else None
            return data

    def snapshot_signature(self, run_id: str) -> str:
        """Signature of a run's snapshot URL, standing in for a presigned URL (no bearer token)."""
        return hmac.new(self._snapshot_key, run_id.encode(), hashlib.sha256).hexdigest()[:32]

    def _executed_blocks(self, run: Run) -> list[Block]:
        notebook = self.notebooks[run.notebook_id]
        if run.block_ids is None:
            return list(notebook.blocks)
        by_id = {b.id: b for b in notebook.blocks}
        return [by_id[i] for i in run.block_ids if i in by_id]

    def _snapshot_blocks(self, run: Run) -> list[dict[str, Any]]:
        values = input_values(self.notebooks[run.notebook_id].blocks, run.inputs)
        return snapshot_blocks(self._executed_blocks(run), values, failed=run.outcome == "error")

    def snapshot_document(self, run: Run) -> str:
        """A small `.snapshot.deepnote`-like YAML document of the run."""
        notebook = self.notebooks[run.notebook_id]
        lines = [
            "version: '1.0'",
            "metadata:",
            f"  runId: {run.id}",
            f"  status: {run.status(self.now())}",
            "project:",
            f"  id: {notebook.project_id}",
            "  notebooks:",
            f"    - id: {notebook.id}",
            f"      name: {notebook.name!r}",
            "      blocks:",
        ]
        for block in self._snapshot_blocks(run):
            lines.append(f"        - id: {block['id']}")
            lines.append(f"          type: {block['type']}")
            lines.append(f"          outputs: {len(block['outputs'])}")
        return "\n".join(lines) + "\n"

    def me_json(self) -> dict[str, Any]:
        return {
            "apiKey": {"type": "workspace", "name": "fake key"},
            "user": {"id": "fake-user-1", "name": "Fake User", "email": "fake.user@example.com"},
            "workspace": {"id": SEED_WORKSPACE_ID, "slug": "fake-workspace", "name": "Fake workspace"},
            "accessLevel": "admin",
        }


def _bisect_seq(runs: list[Run], seq: int) -> int:
    """Index of the first run whose seq is >= ``seq`` (runs are sorted by seq)."""
    lo, hi = 0, len(runs)
    while lo < hi:
        mid = (lo + hi) // 2
        if runs[mid].seq < seq:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _input_value_fits(block_type: str, spec: NotebookInput, value: Any) -> bool:
    """Whether ``value`` has the JSON type the input block takes (reference R1 "inputs")."""
    if block_type == "input-checkbox":
        return isinstance(value, bool)
    if block_type == "input-select":
        if spec.multiple:
            return isinstance(value, list) and all(isinstance(v, str) for v in value)
        return isinstance(value, str)
    if block_type == "input-date-range":
        if isinstance(value, list):
            return len(value) == 2 and all(isinstance(v, str) for v in value)
        return isinstance(value, str)
    if block_type == "input-slider":
        if not isinstance(value, str):
            return False
        try:
            float(value)
        except ValueError:
            return False
        return True
    if block_type in _STRING_INPUTS:
        return isinstance(value, str)
    return True
