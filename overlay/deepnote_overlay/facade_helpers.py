"""Hand-written methods that the generated resources gain, found by name when the facade is generated.

Guarantees:

- For a spec tag ``X`` (attribute ``x`` on ``Deepnote``), a class ``XHelpers`` here becomes a base
  of the generated ``XResource``, and ``AsyncXHelpers`` (or ``XHelpers`` itself when it serves both
  sides, as a plan does) a base of ``AsyncXResource``. ``scripts/generate_facade.py`` fails when a
  helper's name is also an operation's method name.
- ``replaces`` maps an operationId to the helper method that does its job; the generated resource
  then has no method of its own for that operation, so each job has one name.
- Helpers are thin: each forwards to the overlay function or plan of the same purpose with the
  resource's client, with that function's own signature (``client_function`` / ``plan_method``),
  so they never drift from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from .resource import AsyncResource, ImportedOnFirstCall, Resource, client_function, plan_method

if TYPE_CHECKING:
    from .files import adownload_file, aupload_file, download_file, upload_file
    from .project_archive import aexport_project, aimport_project, export_project, import_project
    from .runs import wait
else:
    wait = ImportedOnFirstCall(".runs", "wait")
    # The file and project helpers load their endpoints and models on first use too.
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
    "FilesHelpers",
    "ProjectsHelpers",
    "RunsHelpers",
]


class RunsHelpers:
    """``dn.runs.wait(run_id, outputs=True)``: wait for a run started elsewhere (``runs.wait``)."""

    __slots__ = ()

    wait = plan_method(wait)


class FilesHelpers(Resource):
    """``dn.files.upload(project_id, path, source)`` and ``dn.files.download(project_id, path,
    destination)``, streamed both ways."""

    __slots__ = ()
    replaces: ClassVar[dict[str, str]] = {"createFile": "upload", "downloadFile": "download"}

    upload = client_function(upload_file)
    download = client_function(download_file)


class AsyncFilesHelpers(AsyncResource):
    """Async ``FilesHelpers``."""

    __slots__ = ()
    replaces: ClassVar[dict[str, str]] = FilesHelpers.replaces

    upload = client_function(aupload_file)
    download = client_function(adownload_file)


class ProjectsHelpers(Resource):
    """``dn.projects.export_to(project_id, directory)`` and ``dn.projects.import_from(project_id,
    directory)``: a project as a directory of ``.deepnote`` files, both ways."""

    __slots__ = ()
    replaces: ClassVar[dict[str, str]] = {"exportProject": "export_to", "importProject": "import_from"}

    export_to = client_function(export_project)
    import_from = client_function(import_project)


class AsyncProjectsHelpers(AsyncResource):
    """Async ``ProjectsHelpers``."""

    __slots__ = ()
    replaces: ClassVar[dict[str, str]] = ProjectsHelpers.replaces

    export_to = client_function(aexport_project)
    import_from = client_function(aimport_project)
