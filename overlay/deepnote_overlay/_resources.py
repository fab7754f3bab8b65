"""The resource classes that gain hand-written methods: a generated class with its helpers as a base.

Guarantees:

- ``RunsResource``, ``FilesResource`` and ``ProjectsResource`` (and their async twins) are the
  generated classes of ``deepnote_client.api`` with the ``facade_helpers`` class of the same tag in
  front: the generated methods, plus ``runs.start`` / ``attach``, ``files.upload`` / ``download``,
  ``projects.export_to`` / ``import_from``. Every other tag's resource is the generated class itself.
- Loaded on first use of such an attribute, so importing the facade does not load the helpers.
"""

from __future__ import annotations

from deepnote_client.api import files, projects, runs

from .facade_helpers import (
    AsyncFilesHelpers,
    AsyncProjectsHelpers,
    AsyncRunsHelpers,
    FilesHelpers,
    ProjectsHelpers,
    RunsHelpers,
)

__all__ = [
    "AsyncFilesResource",
    "AsyncProjectsResource",
    "AsyncRunsResource",
    "FilesResource",
    "ProjectsResource",
    "RunsResource",
]


class RunsResource(RunsHelpers, runs.RunsResource):
    """Notebook executions: ``get``, and ``start`` / ``attach`` for run handles."""

    __slots__ = ()


class AsyncRunsResource(AsyncRunsHelpers, runs.AsyncRunsResource):
    """Async ``RunsResource``."""

    __slots__ = ()


class FilesResource(FilesHelpers, files.FilesResource):
    """Project files: the generated operations, and ``upload`` / ``download``, streamed."""

    __slots__ = ()


class AsyncFilesResource(AsyncFilesHelpers, files.AsyncFilesResource):
    """Async ``FilesResource``."""

    __slots__ = ()


class ProjectsResource(ProjectsHelpers, projects.ProjectsResource):
    """Projects: the generated operations, and ``export_to`` / ``import_from`` a directory."""

    __slots__ = ()


class AsyncProjectsResource(AsyncProjectsHelpers, projects.AsyncProjectsResource):
    """Async ``ProjectsResource``."""

    __slots__ = ()
