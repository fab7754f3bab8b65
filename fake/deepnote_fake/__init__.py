"""A stateful fake of the Deepnote Public API v2, for tests, demos and contract tests.

See ``fake/README.md``. The public surface, relied on by the overlay's integration
tests and the benchmarks:

- ``SEED_TOKEN``, ``SEED_PROJECT_ID``, ``SEED_NOTEBOOK_ID`` (plus ``SEED_FOLDER_ID``,
  ``SEED_BLOCK_IDS``);
- ``FakeClock`` (``now``, ``advance``);
- ``FakeDeepnote`` (the in-memory state, faults, counters and knobs);
- ``create_app(state=None)`` (the Starlette ASGI app; ``app.state.fake`` is the state);
- ``running_server(state=None, *, port=0)`` (a context manager yielding a ``ServerHandle``);
- ``FaultPlan`` and ``RecordedRequest``.
"""

from .app import FakeDeepnoteApp, create_app
from .clock import Clock, FakeClock, MonotonicClock
from .errors import ApiError
from .faults import FAULT_KINDS, Fault, FaultKind, FaultPlan, RecordedRequest
from .models import Block, Folder, Notebook, NotebookInput, Project, Run, RunOutcome, Schedule
from .server import ServerHandle, running_server
from .state import (
    SEED_BLOCK_IDS,
    SEED_FOLDER_ID,
    SEED_NOTEBOOK_ID,
    SEED_PROJECT_ID,
    SEED_TOKEN,
    SEED_WORKSPACE_ID,
    FakeDeepnote,
)

__all__ = [
    "FAULT_KINDS",
    "SEED_BLOCK_IDS",
    "SEED_FOLDER_ID",
    "SEED_NOTEBOOK_ID",
    "SEED_PROJECT_ID",
    "SEED_TOKEN",
    "SEED_WORKSPACE_ID",
    "ApiError",
    "Block",
    "Clock",
    "FakeClock",
    "FakeDeepnote",
    "FakeDeepnoteApp",
    "Fault",
    "FaultKind",
    "FaultPlan",
    "Folder",
    "MonotonicClock",
    "Notebook",
    "NotebookInput",
    "Project",
    "RecordedRequest",
    "Run",
    "RunOutcome",
    "Schedule",
    "ServerHandle",
    "create_app",
    "running_server",
]
