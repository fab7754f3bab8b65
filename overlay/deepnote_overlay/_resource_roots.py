"""The resource attributes of ``Deepnote`` and ``AsyncDeepnote``, one per spec tag, made on first use.

Guarantees:

- ``Resources`` / ``AsyncResources`` are the generated roots (``deepnote_client.api``): one attribute
  per spec tag, its class imported when first read, so importing the facade loads none of them.
- Their caller is the overlay's (``resource.Caller`` / ``AsyncCaller``) on the facade's client, so
  every generated method goes through ``call`` / ``acall`` and the pagers.
- The tags with hand-written methods (``runs``, ``files``, ``projects``) give the classes of
  ``facade_helpers`` of the same name (``RunsResource``; ``AsyncRunsResource`` on
  ``AsyncResources``), which have them; mypy sees those classes too. Like every resource, each is
  made once per client, on first use.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from deepnote_client import api

if TYPE_CHECKING:
    from deepnote_client.client import AuthenticatedClient

    from .facade_helpers import (
        AsyncFilesResource,
        AsyncProjectsResource,
        AsyncRunsResource,
        FilesResource,
        ProjectsResource,
        RunsResource,
    )
    from .resource import AsyncCaller, Caller  # noqa: F401  # named in quotes in the roots' bases

__all__ = ["AsyncResources", "Resources"]

C = TypeVar("C")


class _Helped:
    """A tag's resource with hand-written methods: the ``facade_helpers`` class named after the
    attribute and the root's side (``RunsResource``, ``AsyncRunsResource``), made on first use and
    kept on the client (as ``cached_property`` keeps the generated ones)."""

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._name = name

    def __get__(self, instance: _Roots[Any] | None, owner: type[Any]) -> Any:
        if instance is None:
            return self
        from . import facade_helpers

        tag = "".join(word.capitalize() for word in self._name.split("_"))
        resource = getattr(facade_helpers, f"{_side(instance)}{tag}Resource")(instance._caller)
        vars(instance)[self._name] = resource  # found before this descriptor from now on
        return resource


class _Roots(Generic[C]):
    """What both roots share: the facade's client, their caller (``C``: ``resource.Caller`` on
    ``Resources``, ``AsyncCaller`` on ``AsyncResources``), made on first use, and the tags with
    hand-written methods (typed on each root)."""

    _client: AuthenticatedClient
    if TYPE_CHECKING:
        _caller: C
    else:
        runs, files, projects = _Helped(), _Helped(), _Helped()

        @functools.cached_property
        def _caller(self):
            from . import resource

            return getattr(resource, f"{_side(self)}Caller")(self._client)


class Resources(_Roots["Caller"], api.Resources):
    """The resources of ``Deepnote``: one attribute per spec tag, made on first use."""

    if TYPE_CHECKING:
        runs: RunsResource
        """Notebook executions: ``get``, and ``start`` / ``attach`` for run handles."""
        files: FilesResource
        """Project files: the generated operations, and ``upload`` / ``download``, streamed."""
        projects: ProjectsResource
        """Projects: the generated operations, and ``export_to`` / ``import_from`` a directory."""


class AsyncResources(_Roots["AsyncCaller"], api.AsyncResources):
    """The resources of ``AsyncDeepnote``: one attribute per spec tag, made on first use."""

    if TYPE_CHECKING:
        runs: AsyncRunsResource
        """Async ``Resources.runs``."""
        files: AsyncFilesResource
        """Async ``Resources.files``."""
        projects: AsyncProjectsResource
        """Async ``Resources.projects``."""


def _side(root: _Roots[Any]) -> str:
    """The prefix of the names of ``root``'s side: ``Async`` for ``AsyncResources``."""
    return "Async" if isinstance(root, AsyncResources) else ""
