"""Hand-written methods that the generated resources gain, found by name when the facade is generated.

Guarantees:

- For a spec tag ``X`` (attribute ``x`` on ``Deepnote``), a class ``XHelpers`` here becomes a base
  of the generated ``XResource`` and ``AsyncXHelpers`` a base of ``AsyncXResource``;
  ``scripts/generate_facade.py`` fails when a helper's name is also an operation's method name.
- Helpers are thin: each forwards to the overlay function of the same purpose with the resource's
  client, with that function's own signature (``client_function``), so they never drift from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .resource import ImportedOnFirstCall, Resource, client_function

if TYPE_CHECKING:
    from .files import adownload_file, aupload_file, download_file, upload_file
    from .project_archive import aexport_project, aimport_project, export_project, import_project
    from .runs import aget_run_result, await_run, get_run_result, wait_for_run
else:
    aget_run_result = ImportedOnFirstCall(".runs", "aget_run_result")
    await_run = ImportedOnFirstCall(".runs", "await_run")
    get_run_result = ImportedOnFirstCall(".runs", "get_run_result")
    wait_for_run = ImportedOnFirstCall(".runs", "wait_for_run")
    # issue 11b: the file helpers load the files endpoints and models on first use too.
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
    """``dn.runs.wait(run_id, timeout=...)``: ``wait_for_run`` on this client;
    ``dn.runs.result(run_id)``: ``get_run_result`` (the run's outputs and failure reason)."""

    __slots__ = ()

    wait = client_function(wait_for_run)
    result = client_function(get_run_result)


class AsyncRunsHelpers(Resource):
    """``await dn.runs.wait(run_id, timeout=...)``: ``await_run`` on this client;
    ``await dn.runs.result(run_id)``: ``aget_run_result``."""

    __slots__ = ()

    wait = client_function(await_run)
    result = client_function(aget_run_result)


# --- issue 11b: files ---------------------------------------------------------------------------


class FilesHelpers(Resource):
    """``dn.files.upload(project_id, path, source)`` and ``dn.files.download_to(project_id, path,
    destination)``: ``upload_file`` and ``download_file`` (streamed both ways) on this client."""

    __slots__ = ()

    upload = client_function(upload_file)
    download_to = client_function(download_file)


class AsyncFilesHelpers(Resource):
    """Async ``FilesHelpers``: ``aupload_file`` and ``adownload_file`` on this client."""

    __slots__ = ()

    upload = client_function(aupload_file)
    download_to = client_function(adownload_file)


class ProjectsHelpers(Resource):
    """``dn.projects.export_to(project_id, directory)`` and ``dn.projects.import_from(project_id,
    directory)``: ``export_project`` and ``import_project`` (conflict check on) on this client."""

    __slots__ = ()

    export_to = client_function(export_project)
    import_from = client_function(import_project)


class AsyncProjectsHelpers(Resource):
    """Async ``ProjectsHelpers``: ``aexport_project`` and ``aimport_project`` on this client."""

    __slots__ = ()

    export_to = client_function(aexport_project)
    import_from = client_function(aimport_project)
