"""``StoreCore``: the records, the lock, the clock and the knobs every rule module shares.

The server thread serves requests while the test thread inspects or changes the state, so every
public method here and in the rule modules (``store.notebooks``, ``store.runs``,
``store.projects``) takes ``lock`` (re-entrant) before touching records. Reading a single record
attribute (``fake.notebooks[id].name``) needs no lock; hold ``with fake.lock:`` to read several
consistently.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from datetime import UTC, datetime, tzinfo

from ..clock import Clock, MonotonicClock
from ..errors import ApiError
from ..faults import FaultPlan
from ..pagination import PageTokenCodec
from ..ratelimit import RateLimiter
from ..recording import RecordedRequest, RequestLog
from ..records import (
    RUN_OUTCOMES,
    Block,
    Folder,
    Integration,
    MachineType,
    Notebook,
    Project,
    ProjectMachine,
    Run,
    RunOutcome,
    Session,
    StreamlitApp,
)
from ..run_shapes import RunShape
from ..seed import (
    SEED_FILE,
    SEED_FOLDER_ID,
    SEED_FOLDER_NAME,
    SEED_NOTEBOOK_ID,
    SEED_NOTEBOOK_NAME,
    SEED_PROJECT_ID,
    SEED_PROJECT_NAME,
    SEED_TOKEN,
    seed_blocks,
    seed_integrations,
    seed_machine_types,
)

__all__ = ["DEFAULT_MAX_JSON_BYTES", "StoreCore"]

DEFAULT_MAX_JSON_BYTES = 4 * 1024 * 1024
"""Largest JSON request body the fake reads (the spec's bodies are a few kilobytes)."""


class StoreCore:
    """Records (``projects``, ``notebooks``, ``runs``, ``folders``), faults, counters and knobs.

    Knobs a test may change at any time: ``run_outcome`` (for runs created afterwards),
    ``pending_seconds``/``running_seconds``/``snapshot_seconds``, ``run_shape`` (the older shapes of
    the run answers, ``run_shapes.RUN_SHAPE_TRAITS``), ``latency`` (seconds added to every
    ``/v2`` request), ``rate_limit`` (``(N, window_seconds)`` per token, or ``None``),
    ``record_requests``, ``max_json_bytes``.
    """

    max_json_bytes: int = DEFAULT_MAX_JSON_BYTES
    """JSON bodies larger than this are refused with 413 before they are read; a test may change it."""

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
        run_shape: str = "spec",
        seed: bool = True,
    ) -> None:
        self.token = token
        self.clock: Clock = clock if clock is not None else MonotonicClock()
        self.pending_seconds = pending_seconds
        self.running_seconds = running_seconds
        self.snapshot_seconds = snapshot_seconds
        self.run_outcome = run_outcome
        self.run_shape = run_shape
        self.latency = latency

        self.projects: dict[str, Project] = {}
        self.notebooks: dict[str, Notebook] = {}
        self.runs: dict[str, Run] = {}
        self.folders: dict[str, Folder] = {}
        # The bytes of each project file, by (project id, path) (see store/files.py).
        self.file_contents: dict[tuple[str, str], bytes] = {}
        self.faults = FaultPlan()
        self.request_log = RequestLog()
        self.rate_limiter = RateLimiter(self.clock, rate_limit)
        self.pages = PageTokenCodec()
        self.snapshot_key = os.urandom(16)  # signs snapshot download URLs (see snapshots.py)

        # Integrations, machines, sessions, streamlit apps, search.
        self.integrations: dict[str, Integration] = {}
        self.machine_types: list[MachineType] = []  # in the order the editor lists them
        self.machines: dict[str, ProjectMachine] = {}  # by project id; a stopped one on first read
        self.sessions: dict[str, Session] = {}
        self.streamlit_apps: dict[str, StreamlitApp] = {}
        # includeMetadata=true is "restricted to Admins with EDIT_INTEGRATIONS permission" (403).
        self.can_edit_integrations = True
        self.sessions_enabled = True  # False: POST /sessions is 403 "sessions are not enabled"
        self.search_unavailable: set[str] = set()  # resource types reported in partialFailure
        self.streamlit_unavailable_seconds = 1.0
        self.streamlit_starting_seconds = 2.0

        self.lock = threading.RLock()
        self._seq = 0
        # Wall time is derived from the clock so that a FakeClock also moves createdAt/completedAt.
        self._wall0 = time.time()
        self._clock0 = self.clock.now()
        if seed:
            self._add_seed()

    def _add_seed(self) -> None:
        """The seed folder, project (with its file), notebook, integrations and machine types."""
        folder = Folder(SEED_FOLDER_ID, SEED_FOLDER_NAME)
        self.folders[folder.id] = folder
        project = self.add_project(SEED_PROJECT_NAME, folder=folder, project_id=SEED_PROJECT_ID)
        path, content = SEED_FILE
        project.files = [{"path": path, "size": len(content), "updatedAt": self.iso(self.now())}]
        self.file_contents[(project.id, path)] = content
        self.add_notebook(project.id, SEED_NOTEBOOK_NAME, notebook_id=SEED_NOTEBOOK_ID, blocks=seed_blocks())
        self.integrations.update(seed_integrations())
        self.machine_types[:] = seed_machine_types()

    # ------------------------------------------------------------------ knobs and counters

    @property
    def run_outcome(self) -> RunOutcome:
        return self._run_outcome

    @run_outcome.setter
    def run_outcome(self, value: RunOutcome) -> None:
        if value not in RUN_OUTCOMES:
            raise ValueError(f"run_outcome must be one of {sorted(RUN_OUTCOMES)}, not {value!r}")
        self._run_outcome = value

    @property
    def run_shape(self) -> RunShape:
        """The shape of the run answers: ``RunShape()`` is the spec's; set it with a string of
        ``RUN_SHAPE_TRAITS`` joined by commas (``fake.run_shape = "bare,id"``)."""
        return self._run_shape

    @run_shape.setter
    def run_shape(self, value: str | RunShape) -> None:
        self._run_shape = value if isinstance(value, RunShape) else RunShape.parse(value)

    @property
    def rate_limit(self) -> tuple[int, float] | None:
        return self.rate_limiter.limit

    @rate_limit.setter
    def rate_limit(self, value: tuple[int, float] | None) -> None:
        self.rate_limiter.limit = value

    @property
    def rate_limited(self) -> int:
        """How many requests the rate limiter answered with 429."""
        return self.rate_limiter.limited

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request that reached ``/v2``, oldest first (the live list; see ``request_log``)."""
        return self.request_log.requests

    @property
    def request_count(self) -> int:
        return self.request_log.count

    @property
    def record_requests(self) -> bool:
        """``False`` counts requests without keeping them (for very long benchmarks)."""
        return self.request_log.keep

    @record_requests.setter
    def record_requests(self, value: bool) -> None:
        self.request_log.keep = value

    def record_request(self, record: RecordedRequest) -> None:
        """Count a request that reached ``/v2`` and keep it in ``requests``."""
        self.request_log.record(record)

    def reset_counters(self) -> None:
        """Forget recorded requests and zero every counter (faults stay armed)."""
        self.request_log.clear()
        self.rate_limiter.reset_counters()
        self.faults.reset_counters()

    # ------------------------------------------------------------------ time

    def now(self) -> float:
        return self.clock.now()

    def wall(self, t: float, tz: tzinfo = UTC) -> datetime:
        """The wall-clock moment of clock reading ``t``."""
        return datetime.fromtimestamp(self._wall0 + (t - self._clock0), tz)

    def iso(self, t: float) -> str:
        """RFC 3339 UTC timestamp (millisecond precision) of clock reading ``t``."""
        return self.wall(t).isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def modified_at(self, project: Project) -> str:
        """The project's ``metadata.modifiedAt`` in its documents (exports and run snapshots): the
        latest change to its notebook set or to any of its notebooks (files do not count)."""
        with self.lock:
            notebooks = [self.notebooks[notebook_id] for notebook_id in project.notebook_ids]
            return self.iso(max([project.updated_t, *(notebook.updated_t for notebook in notebooks)]))

    def next_seq(self) -> int:
        """A number larger than every one handed out before: creation order across all records."""
        with self.lock:
            self._seq += 1
            return self._seq

    # ------------------------------------------------------------------ inserting records as-is

    def add_project(
        self,
        name: str,
        project_type: str = "standard",
        *,
        folder: Folder | None = None,
        project_id: str | None = None,
        environment_id: str | None = None,
    ) -> Project:
        """Insert a project without any rule check (and without the placeholder notebook that
        ``create_project`` adds), for seeding a test's own data."""
        with self.lock:
            now = self.now()
            project = Project(
                id=project_id or str(uuid.uuid4()),
                name=name,
                project_type=project_type,
                created_t=now,
                updated_t=now,
                seq=self.next_seq(),
                folder=folder,
                environment_id=environment_id,
            )
            self.projects[project.id] = project
            return project

    def add_notebook(
        self,
        project_id: str,
        name: str,
        *,
        notebook_id: str | None = None,
        blocks: list[Block] | None = None,
    ) -> Notebook:
        """Insert a notebook, e.g. with input blocks, without any rule check (names, project type)."""
        with self.lock:
            project = self.projects[project_id]
            now = self.now()
            notebook = Notebook(
                id=notebook_id or uuid.uuid4().hex,  # opaque 32-hex ids, like SEED_NOTEBOOK_ID
                project_id=project.id,
                name=name,
                created_t=now,
                updated_t=now,
                seq=self.next_seq(),
                blocks=blocks or [],
            )
            self.notebooks[notebook.id] = notebook
            project.notebook_ids.append(notebook.id)
            project.updated_t = now
            return notebook

    def write_file(self, project_id: str, path: str, content: bytes) -> None:
        """Create or replace a project file without any rule check: what a run's code writes
        (``outputs.written_files``), or a test's own data. Files leave ``modifiedAt`` alone."""
        with self.lock:
            project = self.projects[project_id]
            project.files = [entry for entry in project.files if entry.get("path") != path]
            project.files.append({"path": path, "size": len(content), "updatedAt": self.iso(self.now())})
            self.file_contents[(project.id, path)] = content

    # ------------------------------------------------------------------ steering and inspection

    def notebook_names(self, project_id: str) -> list[str]:
        """Names of the project's notebooks in creation order (for "no duplicate, none lost" tests)."""
        with self.lock:
            project = self.projects[project_id]
            return [self.notebooks[nid].name for nid in project.notebook_ids]

    def suspend_project(self, project_id: str, suspended: bool = True) -> None:
        """Mark a project suspended: notebook and run operations in it then fail (400 or 409)."""
        with self.lock:
            self.projects[project_id].suspended = suspended

    # ------------------------------------------------------------------ lookups for the rules
    # Callers hold the lock.

    def _project(self, project_id: str) -> Project:
        project = self.projects.get(project_id)
        if project is None:
            raise ApiError(404, "Project not found")
        return project

    def _notebook(self, notebook_id: str, *, suspended_status: int | None = 409) -> Notebook:
        notebook = self.notebooks.get(notebook_id)
        if notebook is None:
            raise ApiError(404, "Notebook not found")
        if suspended_status is not None and self.projects[notebook.project_id].suspended:
            raise ApiError(suspended_status, "Project is suspended")
        return notebook
