"""``FakeDeepnote``: the whole in-memory state of the fake API and Deepnote's documented rules.

Guarantees:

- HTTP parsing lives in ``operations``; the store receives validated Python values, applies the
  rules (reference: ``docs/reference/deepnote-api-v2.md`` and ``openapi.yaml``) and raises
  ``ApiError`` with the documented status and message; every public method takes the lock.
- The store is acyclic: each rule module is a mixin over ``StoreCore`` (records, lock, clock,
  knobs, seed) in ``store.core`` and imports only ``core`` (or the one rule module it extends),
  never this package; they are combined here, and only here. ``render`` and ``snapshots`` see the
  store through ``StoreCore``.
"""

from __future__ import annotations

from functools import cached_property

from ..render import Renderer
from .blocks import BlockRules
from .core import StoreCore
from .files import FileRules
from .integrations import IntegrationRules
from .machines import MachineRules
from .notebooks import NotebookRules
from .project_settings import ProjectSettingsRules  # a NotebookRules, so it comes before it
from .projects import ProjectRules
from .runs import RunRules
from .search import SearchRules
from .sessions import SessionRules
from .streamlit_apps import StreamlitAppRules

__all__ = ["FakeDeepnote", "StoreCore"]


class FakeDeepnote(
    SessionRules,  # first: it extends RunRules (creating a session starts a run)
    ProjectSettingsRules,  # before NotebookRules, which it subclasses
    NotebookRules,
    RunRules,
    ProjectRules,
    BlockRules,
    IntegrationRules,
    MachineRules,
    SearchRules,
    StreamlitAppRules,
    FileRules,
):
    """The fake's state: projects, notebooks, runs, faults, counters and knobs (see ``StoreCore``)."""

    @cached_property
    def render(self) -> Renderer:
        """Turns records into the JSON of ``openapi.yaml``; a test may assign a ``Renderer``
        subclass to break a response on purpose."""
        return Renderer(self)
