"""The resource classes that gain hand-written methods: a generated class with its tag's helpers.

Guarantees:

- ``RunsResource``, ``FilesResource`` and ``ProjectsResource`` (and their ``Async`` twins) are the
  generated classes of ``deepnote_client.api`` with the helpers class of their tag in front: the
  generated methods, plus ``runs.start`` / ``attach``, ``files.upload`` / ``download``,
  ``projects.export_to`` / ``import_from``. Every other tag's resource is the generated class itself.
- One helpers class per tag serves both sides: each helper is a ``client_function`` of a sync and
  an async function of the overlay (``upload_file`` / ``aupload_file``), the sync one on
  ``Deepnote``'s resource (a ``Resource``), the async one on ``AsyncDeepnote``'s (an
  ``AsyncResource``), each with its function's own parameters and docstring, so they never drift.
- No helper's name is an operation's method name. An operation whose job a helper does is listed,
  with the helper's name, in ``REPLACES`` (templates/resource_macros.jinja): the generated class has
  no method of its own for it, so each job has one name.
- Loaded on first use of such a resource (``_resource_roots``), and the run, file and project
  modules on first use of a helper, so importing the facade loads none of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deepnote_client.api import files as api_files
from deepnote_client.api import projects as api_projects
from deepnote_client.api import runs as api_runs

from .resource import AsyncResource, LazyModule, Resource, client_function

if TYPE_CHECKING:
    from . import files, project_archive, runs
else:  # each module is imported when one of its helpers is first looked up
    files, project_archive, runs = LazyModule(".files"), LazyModule(".project_archive"), LazyModule(".runs")

__all__ = [
    "AsyncFilesResource",
    "AsyncProjectsResource",
    "AsyncRunsResource",
    "FilesHelpers",
    "FilesResource",
    "ProjectsHelpers",
    "ProjectsResource",
    "RunsHelpers",
    "RunsResource",
]


class RunsHelpers:
    """``dn.runs.start(notebook_id, inputs=...)`` starts a run and returns its handle at once;
    ``dn.runs.attach(run_id)`` is the handle of a run started elsewhere. ``handle.wait(...)``."""

    __slots__ = ()
    start = client_function(runs.start_run, runs.astart_run)
    attach = client_function(runs.attach_run, runs.aattach_run)


class FilesHelpers:
    """``dn.files.upload(project_id, path, source)`` and ``dn.files.download(project_id, path,
    destination)``, streamed both ways."""

    __slots__ = ()
    upload = client_function(files.upload_file, files.aupload_file)
    download = client_function(files.download_file, files.adownload_file)


class ProjectsHelpers:
    """``dn.projects.export_to(project_id, directory)`` and ``dn.projects.import_from(project_id,
    directory)``: a project as a directory of ``.deepnote`` files, both ways."""

    __slots__ = ()
    export_to = client_function(project_archive.export_project, project_archive.aexport_project)
    import_from = client_function(project_archive.import_project, project_archive.aimport_project)


# One line each: the docstring is the generated class's, the helpers' are on their methods.
class RunsResource(RunsHelpers, Resource, api_runs.RunsResource): ...


class AsyncRunsResource(RunsHelpers, AsyncResource, api_runs.AsyncRunsResource): ...


class FilesResource(FilesHelpers, Resource, api_files.FilesResource): ...


class AsyncFilesResource(FilesHelpers, AsyncResource, api_files.AsyncFilesResource): ...


class ProjectsResource(ProjectsHelpers, Resource, api_projects.ProjectsResource): ...


class AsyncProjectsResource(ProjectsHelpers, AsyncResource, api_projects.AsyncProjectsResource): ...
