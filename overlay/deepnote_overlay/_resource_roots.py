"""The resource attributes of ``Deepnote`` and ``AsyncDeepnote``, one per spec tag, made on first use.

Guarantees:

- ``Resources`` / ``AsyncResources`` are the generated roots (``deepnote_client.api``): one attribute
  per spec tag, its class imported when first read, so importing the facade loads none of them.
- Their caller is the overlay's (``resource.Caller`` / ``AsyncCaller``) on the facade's client, so
  every generated method goes through ``call`` / ``acall`` and the pagers.
- The tags with hand-written methods (``runs``, ``files``, ``projects``) give the classes of
  ``_resources``, which have them.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from deepnote_client import api

if TYPE_CHECKING:
    from deepnote_client.client import AuthenticatedClient

    from ._resources import (
        AsyncFilesResource,
        AsyncProjectsResource,
        AsyncRunsResource,
        FilesResource,
        ProjectsResource,
        RunsResource,
    )
    from .resource import AsyncCaller, Caller

__all__ = ["AsyncResources", "Resources"]


class Resources(api.Resources):
    """The resources of ``Deepnote``: one attribute per spec tag, made on first use."""

    _client: AuthenticatedClient

    @functools.cached_property
    def _caller(self) -> Caller:
        from .resource import Caller

        return Caller(self._client)

    @functools.cached_property
    def runs(self) -> RunsResource:
        """Notebook executions: ``get``, and ``start`` / ``attach`` for run handles."""
        from ._resources import RunsResource

        return RunsResource(self._caller)

    @functools.cached_property
    def files(self) -> FilesResource:
        """Project files: the generated operations, and ``upload`` / ``download``, streamed."""
        from ._resources import FilesResource

        return FilesResource(self._caller)

    @functools.cached_property
    def projects(self) -> ProjectsResource:
        """Projects: the generated operations, and ``export_to`` / ``import_from`` a directory."""
        from ._resources import ProjectsResource

        return ProjectsResource(self._caller)


class AsyncResources(api.AsyncResources):
    """The resources of ``AsyncDeepnote``: one attribute per spec tag, made on first use."""

    _client: AuthenticatedClient

    @functools.cached_property
    def _caller(self) -> AsyncCaller:
        from .resource import AsyncCaller

        return AsyncCaller(self._client)

    @functools.cached_property
    def runs(self) -> AsyncRunsResource:
        """Async ``Resources.runs``."""
        from ._resources import AsyncRunsResource

        return AsyncRunsResource(self._caller)

    @functools.cached_property
    def files(self) -> AsyncFilesResource:
        """Async ``Resources.files``."""
        from ._resources import AsyncFilesResource

        return AsyncFilesResource(self._caller)

    @functools.cached_property
    def projects(self) -> AsyncProjectsResource:
        """Async ``Resources.projects``."""
        from ._resources import AsyncProjectsResource

        return AsyncProjectsResource(self._caller)
