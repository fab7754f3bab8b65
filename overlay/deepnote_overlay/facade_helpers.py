"""Hand-written methods that the generated resources gain.

Guarantees:

- For a spec tag ``X`` (attribute ``x`` on ``Deepnote``), ``_resources.XResource`` is the generated
  ``XResource`` (``deepnote_client.api.x``) with the class ``XHelpers`` here as a base, and
  ``AsyncXResource`` the same with ``AsyncXHelpers``. No helper's name is an operation's method name.
- An operation whose job a helper method does is listed, with that method's name, in ``REPLACES``
  (templates/resource_macros.jinja): the generated resource has no method of its own for it, so
  each job has one name.
- Helpers are thin: each runs the overlay plan or function of the same purpose with the resource's
  client, with that function's own parameters, so they never drift from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from ._plans import adrive, drive
from .resource import AsyncResource, ImportedOnFirstCall, Resource, client_function

if TYPE_CHECKING:
    from uuid import UUID

    from .files import adownload_file, aupload_file, download_file, upload_file
    from .project_archive import aexport_project, aimport_project, export_project, import_project
    from .runs import AsyncRunHandle, RunHandle, StartOptions
else:
    # The file and project helpers load their endpoints and models on first use.
    upload_file = ImportedOnFirstCall(".files", "upload_file")
    aupload_file = ImportedOnFirstCall(".files", "aupload_file")
    download_file = ImportedOnFirstCall(".files", "download_file")
    adownload_file = ImportedOnFirstCall(".files", "adownload_file")
    export_project = ImportedOnFirstCall(".project_archive", "export_project")
    aexport_project = ImportedOnFirstCall(".project_archive", "aexport_project")
    import_project = ImportedOnFirstCall(".project_archive", "import_project")
    aimport_project = ImportedOnFirstCall(".project_archive", "aimport_project")

__all__ = [
    "AsyncFilesHelpers",
    "AsyncProjectsHelpers",
    "AsyncRunsHelpers",
    "FilesHelpers",
    "ProjectsHelpers",
    "RunsHelpers",
]


class RunsHelpers(Resource):
    """``dn.runs.start(notebook_id, inputs=...)`` starts a run and returns its handle at once;
    ``dn.runs.attach(run_id)`` is the handle of a run started elsewhere. ``handle.wait(...)``."""

    __slots__ = ()

    def start(self, notebook_id: str | UUID, **options: Unpack[StartOptions]) -> RunHandle:
        """Send ``createRun`` once; the handle has ``id``, ``status``, ``notebook_id`` and ``url``."""
        from . import runs

        links = runs.links_of(self._client.get_httpx_client())
        return runs.RunHandle(self._client, drive(runs.start(links, notebook_id, **options), self._client))

    def attach(self, run_id: str | UUID) -> RunHandle:
        """The handle of a run started elsewhere (one ``getRun``)."""
        from . import runs

        links = runs.links_of(self._client.get_httpx_client())
        return runs.RunHandle(self._client, drive(runs.attach(links, run_id), self._client))


class AsyncRunsHelpers(AsyncResource):
    """Async ``RunsHelpers``: ``await dn.runs.start(...)``, ``await dn.runs.attach(run_id)``."""

    __slots__ = ()

    async def start(self, notebook_id: str | UUID, **options: Unpack[StartOptions]) -> AsyncRunHandle:
        """Async ``RunsHelpers.start``."""
        from .runs import AsyncRunHandle, links_of, start

        plan = start(links_of(self._client.get_async_httpx_client()), notebook_id, **options)
        return AsyncRunHandle(self._client, await adrive(plan, self._client))

    async def attach(self, run_id: str | UUID) -> AsyncRunHandle:
        """Async ``RunsHelpers.attach``."""
        from .runs import AsyncRunHandle, attach, links_of

        plan = attach(links_of(self._client.get_async_httpx_client()), run_id)
        return AsyncRunHandle(self._client, await adrive(plan, self._client))


class FilesHelpers(Resource):
    """``dn.files.upload(project_id, path, source)`` and ``dn.files.download(project_id, path,
    destination)``, streamed both ways."""

    __slots__ = ()

    upload = client_function(upload_file)
    download = client_function(download_file)


class AsyncFilesHelpers(AsyncResource):
    """Async ``FilesHelpers``."""

    __slots__ = ()

    upload = client_function(aupload_file)
    download = client_function(adownload_file)


class ProjectsHelpers(Resource):
    """``dn.projects.export_to(project_id, directory)`` and ``dn.projects.import_from(project_id,
    directory)``: a project as a directory of ``.deepnote`` files, both ways."""

    __slots__ = ()

    export_to = client_function(export_project)
    import_from = client_function(import_project)


class AsyncProjectsHelpers(AsyncResource):
    """Async ``ProjectsHelpers``."""

    __slots__ = ()

    export_to = client_function(aexport_project)
    import_from = client_function(aimport_project)
