"""A stateful fake of the Deepnote Public API v2, for your tests, demos and contract tests.

Its server needs the ``[fake]`` extra (Starlette, uvicorn, PyYAML): ``pip install '.[fake]'`` from a
clone of the repository (the package is not on PyPI yet); see ``fake/README.md``.

- ``FakeDeepnote``: the in-memory state (records, faults, counters, knobs); needs no extra.
- ``running_server(state=None, *, port=0, ...)``: serves it on 127.0.0.1 in a thread, yielding a
  ``ServerHandle`` (``base_url``, ``token``, ``project_id``, ``notebook_id``, ``state``, ...).
- ``create_app(state=None, *, allowed_hosts=())``: the ASGI app, for in-process clients (which must
  send a loopback ``Host`` such as ``localhost``, or name theirs in ``allowed_hosts``).
- the pytest fixture ``deepnote_fake`` (``pytest_plugin``, loaded by pytest automatically).
- ``SEED_TOKEN``, ``SEED_PROJECT_ID``, ``SEED_NOTEBOOK_ID``, ... : the seed data.

The names that need the extra (``create_app``, ``FakeDeepnoteApp``, ``running_server``,
``ServerHandle``) are imported on first use, so this package (and the pytest plugin) imports
without Starlette and uvicorn installed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._install import INSTALL_FROM_CLONE
from .clock import Clock, FakeClock, MonotonicClock
from .errors import ApiError
from .faults import FAULT_KINDS, Fault, FaultKind, FaultPlan
from .recording import RecordedRequest
from .records import (
    Block,
    Folder,
    Integration,
    IntegrationTable,
    MachineType,
    Notebook,
    NotebookInput,
    Project,
    ProjectMachine,
    Run,
    RunOutcome,
    Schedule,
    Session,
    StreamlitApp,
)
from .render import Renderer
from .seed import (
    SEED_BLOCK_IDS,
    SEED_FOLDER_ID,
    SEED_NOTEBOOK_ID,
    SEED_POSTGRES_INTEGRATION_ID,
    SEED_PROJECT_ID,
    SEED_SNOWFLAKE_INTEGRATION_ID,
    SEED_TOKEN,
    SEED_WORKSPACE_ID,
)
from .store import FakeDeepnote

if TYPE_CHECKING:
    from .app import FakeDeepnoteApp, create_app
    from .server import ServerHandle, running_server

__all__ = [
    "FAULT_KINDS",
    "SEED_BLOCK_IDS",
    "SEED_FOLDER_ID",
    "SEED_NOTEBOOK_ID",
    "SEED_POSTGRES_INTEGRATION_ID",
    "SEED_PROJECT_ID",
    "SEED_SNOWFLAKE_INTEGRATION_ID",
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
    "Integration",
    "IntegrationTable",
    "MachineType",
    "MonotonicClock",
    "Notebook",
    "NotebookInput",
    "Project",
    "ProjectMachine",
    "RecordedRequest",
    "Renderer",
    "Run",
    "RunOutcome",
    "Schedule",
    "ServerHandle",
    "Session",
    "StreamlitApp",
    "create_app",
    "running_server",
]

_NEEDS_EXTRA = {
    "FakeDeepnoteApp": "app",
    "create_app": "app",
    "ServerHandle": "server",
    "running_server": "server",
}
EXTRA_HINT = f"the fake Deepnote API needs Starlette and uvicorn, from the [fake] extra; {INSTALL_FROM_CLONE}"


def __getattr__(name: str) -> Any:
    module = _NEEDS_EXTRA.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    try:
        return getattr(importlib.import_module(f".{module}", __name__), name)
    except ModuleNotFoundError as exc:
        if exc.name in ("starlette", "uvicorn"):
            raise ModuleNotFoundError(f"{EXTRA_HINT} ({exc})", name=exc.name) from exc
        raise
