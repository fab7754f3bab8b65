"""The in-memory records of the fake: plain dataclasses, no HTTP and no JSON.

Tests inspect them directly (``fake.notebooks[id].name``). Timestamps are stored as clock readings
(``*_t``), so a ``FakeClock`` moves them; ``render`` turns records into the JSON shapes of
``openapi.yaml``. A run's status is derived from the clock when read, never stored.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

__all__ = [
    "RUN_OUTCOMES",
    "TERMINAL_STATUSES",
    "Block",
    "Folder",
    "Integration",
    "IntegrationTable",
    "MachineType",
    "Notebook",
    "NotebookInput",
    "Project",
    "ProjectMachine",
    "Run",
    "RunOutcome",
    "Schedule",
    "SearchHits",
    "Session",
    "StreamlitApp",
]

RunOutcome = Literal["success", "error", "internal_error", "stopped", "never"]
RUN_OUTCOMES: frozenset[str] = frozenset(get_args(RunOutcome))
TERMINAL_STATUSES = frozenset({"success", "error", "internal_error", "stopped"})


@dataclass
class NotebookInput:
    """The input part of an ``input-*`` block: its variable name and saved default."""

    name: str
    value: Any = None
    label: str | None = None
    options: list[str] | None = None
    multiple: bool | None = None
    min: float | None = None
    max: float | None = None
    step: float | None = None


@dataclass
class Block:
    id: str
    type: str
    content: str | None = ""
    input: NotebookInput | None = None
    # Shown by the Blocks API only (GET /blocks/{id}); a notebook lists {id, type, content}.
    metadata: dict[str, Any] | None = None
    integration_id: str | None = None  # a sql block's integration (metadata's sql_integration_id)
    version: int = 1


@dataclass
class Folder:
    id: str
    name: str


@dataclass
class Notebook:
    id: str
    project_id: str
    name: str
    created_t: float
    updated_t: float
    seq: int
    blocks: list[Block] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)  # ascending seq: oldest first

    @property
    def is_init(self) -> bool:
        # Naming a notebook "Init" designates it as the project's init notebook (reference N6).
        return self.name == "Init"


@dataclass
class Schedule:
    notebook_id: str
    cron: str
    timezone: str
    created_t: float
    updated_t: float


@dataclass
class Project:
    id: str
    name: str
    project_type: str
    created_t: float
    updated_t: float
    seq: int
    folder: Folder | None = None
    notebook_ids: list[str] = field(default_factory=list)  # creation order
    suspended: bool = False
    schedule: Schedule | None = None
    environment_id: str | None = None
    files: list[dict[str, Any]] = field(default_factory=list)
    # --- project settings (PATCH /projects/{projectId})
    static_sharing_enabled: bool = False
    static_api_access_enabled: bool = False
    streamlit_app_api_access_enabled: bool = False


@dataclass
class Run:
    """A run. Its status is not stored but derived from the clock at read time, so runs advance by
    themselves: ``pending`` for ``pending_s``, ``running`` for ``running_s``, then ``outcome``;
    the snapshot becomes available ``snapshot_s`` after the run ends (``unavailable`` for
    ``internal_error`` and ``stopped`` runs). Outcome ``never`` (or ``running_s = inf``) keeps the
    run ``running`` forever.
    """

    id: str
    notebook_id: str
    seq: int
    created_t: float
    pending_s: float
    running_s: float
    snapshot_s: float
    outcome: RunOutcome
    detached: bool = False
    block_ids: list[str] | None = None
    inputs: dict[str, Any] = field(default_factory=dict)
    # Bulk-created history (``add_runs``): finished whatever the clock says.
    historical: bool = False

    @property
    def end_t(self) -> float:
        if self.outcome == "never":
            return math.inf
        return self.created_t + self.pending_s + self.running_s

    def status(self, now: float) -> str:
        if self.historical:
            return self.outcome
        elapsed = now - self.created_t
        if elapsed < self.pending_s:
            return "pending"
        if now < self.end_t:
            return "running"
        return self.outcome

    def snapshot_status(self, now: float) -> str:
        if self.historical:
            return "unavailable" if self.outcome in ("internal_error", "stopped") else "available"
        if now < self.end_t:
            return "pending"
        if self.outcome in ("internal_error", "stopped"):
            return "unavailable"
        return "available" if now >= self.end_t + self.snapshot_s else "pending"


# --- integrations, machines, sessions, streamlit apps ------------------------------------------


@dataclass
class IntegrationTable:
    """A cached table of an integration: ``columns`` are (name, native type) pairs."""

    name: str
    schema: str
    database: str | None = None
    columns: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Integration:
    id: str
    name: str
    type: str
    has_schema: bool  # whether the type supports schema discovery (the hasSchema filter)
    sql: bool  # a SQL integration: one a sql block may use
    metadata: dict[str, Any] = field(default_factory=dict)
    tables: list[IntegrationTable] = field(default_factory=list)


@dataclass
class MachineType:
    id: str
    name: str
    type: str
    v_cpus: float
    memory_gib: float
    gpu_count: int
    available: bool = True
    unavailable_reason: str | None = None


@dataclass
class ProjectMachine:
    """A project's editor machine. The fake has no start/stop operation (their paths are unknown);
    a test sets ``status`` directly."""

    status: str = "stopped"
    machine_type_id: str = "basic"
    error: str | None = None
    starting_phase: str | None = None
    idle_shutdown_seconds: int = 3600


@dataclass
class Session:
    id: str
    notebook_id: str
    storage_mode: str
    run_id: str
    created_t: float


@dataclass
class StreamlitApp:
    """A served app: ``unavailable`` for ``unavailable_s`` after creation (the machine restarts),
    then ``starting`` for ``starting_s``, then ``running``."""

    id: str
    project_id: str
    entrypoint: str
    created_t: float
    unavailable_s: float
    starting_s: float

    def status(self, now: float) -> str:
        elapsed = now - self.created_t
        if elapsed < self.unavailable_s:
            return "unavailable"
        if elapsed < self.unavailable_s + self.starting_s:
            return "starting"
        return "running"


@dataclass
class SearchHits:
    """What a search found, per resource type; ``failed`` lists the types reported as unavailable."""

    types: list[str]
    projects: list[Project] = field(default_factory=list)
    notebooks: list[Notebook] = field(default_factory=list)
    blocks: list[tuple[Block, Notebook]] = field(default_factory=list)
    integrations: list[Integration] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
