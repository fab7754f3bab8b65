"""``FakeDeepnote``: the whole in-memory state of the fake API and Deepnote's documented rules.

HTTP parsing lives in ``operations``; the store receives validated Python values, applies the rules
(reference: ``docs/reference/deepnote-api-v2.md`` and ``openapi.yaml``) and raises ``ApiError`` with
the documented status and message. One rule module per resource, each a mixin over ``StoreCore``
(records, lock, clock, knobs); every public method takes the lock.
"""

from __future__ import annotations

# --- issue 11a
from .blocks import BlockRules
from .core import StoreCore
from .files import FileRules  # issue 11b
from .integrations import IntegrationRules
from .machines import MachineRules
from .notebooks import NotebookRules
from .project_settings import ProjectSettingsRules  # issue 11b (a NotebookRules, so it comes first)
from .projects import ProjectRules
from .runs import RunRules
from .search import SearchRules
from .sessions import SessionRules
from .streamlit_apps import StreamlitAppRules

__all__ = ["FakeDeepnote", "StoreCore"]


class FakeDeepnote(
    SessionRules,  # first: it extends RunRules (creating a session starts a run)
    ProjectSettingsRules,  # issue 11b: before NotebookRules, which it subclasses
    NotebookRules,
    RunRules,
    ProjectRules,
    BlockRules,
    IntegrationRules,
    MachineRules,
    SearchRules,
    StreamlitAppRules,
    FileRules,  # issue 11b
):
    """The fake's state: projects, notebooks, runs, faults, counters and knobs (see ``StoreCore``)."""
