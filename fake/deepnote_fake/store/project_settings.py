"""Project settings, export and import: PATCH /projects/{id}, GET .../export and
POST .../import.

"(reference P5)" etc. cite ``docs/reference/deepnote-api-v2.md``. The documents and archives are
built and read by ``documents``; this module holds the rules:

- PATCH (P5): API access to the static site cannot be enabled while sharing is disabled (400);
  disabling sharing disables API access.
- Export (P6): one document per notebook in creation order, all with the project's ``modifiedAt``
  (``StoreCore.modified_at``: the latest change to the notebook set or to any notebook).
- Import (P7): 409 ``Project is suspended``; 413 past ``max_import_bytes``; 422 for a malformed,
  foreign (another project's id) or inconsistent archive; unless ``force``, 409 when
  ``baseModifiedAt`` is not the current ``modifiedAt`` or ``baseContentHash`` not the current
  export's hash. Then, by notebook id: ``overwritten`` (name and blocks replaced, block ids kept),
  ``created`` (with the document's ids), and with ``deleteMissingNotebooks`` ``deleted``; a
  notebook whose document is unchanged is left alone (its ``modifiedAt`` stays). The fake
  keeps no version history, so it never reports ``restored``; it does not reconcile integrations.
"""

from __future__ import annotations

from .. import deepnote_format
from ..documents import (
    DocumentError,
    ParsedDocument,
    archive,
    content_hash,
    file_names,
    notebook_document,
    read_archive,
)
from ..errors import ApiError
from ..records import Project
from .notebooks import NotebookRules

__all__ = ["DEFAULT_MAX_IMPORT_BYTES", "ProjectSettingsRules"]

DEFAULT_MAX_IMPORT_BYTES = 64 * 1024 * 1024
"""Largest import archive the fake accepts (Deepnote's limit is not published)."""


class ProjectSettingsRules(NotebookRules):
    max_import_bytes: int = DEFAULT_MAX_IMPORT_BYTES
    """Import archives larger than this are refused with 413; a test may lower it."""

    def update_project(
        self,
        project_id: str,
        *,
        sharing_enabled: bool | None = None,
        api_access_enabled: bool | None = None,
        streamlit_app_api_access_enabled: bool | None = None,
        environment_id: str | None = None,
    ) -> Project:
        with self.lock:
            project = self._project(project_id)
            sharing = project.static_sharing_enabled if sharing_enabled is None else sharing_enabled
            api_access = (
                project.static_api_access_enabled if api_access_enabled is None else api_access_enabled
            )
            if api_access and not sharing:
                if api_access_enabled:
                    raise ApiError(400, "API access cannot be enabled while sharing is disabled")
                api_access = False  # disabling sharing disables API access (reference P5)
            project.static_sharing_enabled = sharing
            project.static_api_access_enabled = api_access
            if streamlit_app_api_access_enabled is not None:
                project.streamlit_app_api_access_enabled = streamlit_app_api_access_enabled
            if environment_id is not None:
                project.environment_id = environment_id
            return project

    def export_documents(self, project_id: str) -> tuple[list[tuple[str, bytes]], str]:
        """The project's ``(file name, document)`` pairs and their shared ``modifiedAt``."""
        with self.lock:
            project = self._project(project_id)
            notebooks = [self.notebooks[nid] for nid in project.notebook_ids]
            modified_at = self.modified_at(project)
            created_at = self.iso(project.created_t)
            names = file_names([(n.id, n.name) for n in notebooks])
            documents = [
                (name, notebook_document(project, notebook, created_at=created_at, modified_at=modified_at))
                for name, notebook in zip(names, notebooks, strict=True)
            ]
            return documents, modified_at

    def export_project(self, project_id: str) -> bytes:
        with self.lock:
            documents, _ = self.export_documents(project_id)
            return archive(documents)

    def import_project(
        self,
        project_id: str,
        data: bytes,
        *,
        base_modified_at: str | None = None,
        base_content_hash: str | None = None,
        delete_missing: bool = False,
        force: bool = False,
    ) -> dict[str, object]:
        with self.lock:
            project = self._project(project_id)
            if project.suspended:
                raise ApiError(409, "Project is suspended")
            if len(data) > self.max_import_bytes:
                raise ApiError(413, "Archive too large")
            try:
                documents = read_archive(data)
            except DocumentError as error:
                raise ApiError(422, str(error)) from None
            for document in documents:
                if document.project_id != project.id:
                    raise ApiError(422, f'"{document.file_name}" belongs to another project')
                owner = self.notebooks.get(document.notebook_id)
                if owner is not None and owner.project_id != project.id:
                    raise ApiError(422, f'"{document.file_name}": its notebook belongs to another project')
            if not force:
                current, modified_at = self.export_documents(project.id)
                if base_modified_at is not None and base_modified_at != modified_at:
                    raise ApiError(409, f"The project changed since the export (modifiedAt is {modified_at})")
                if base_content_hash is not None and base_content_hash != content_hash(current):
                    raise ApiError(
                        409, "The project's content changed since the export (content hash differs)"
                    )
            imported = {d.notebook_id for d in documents}
            kept = [nid for nid in project.notebook_ids if nid in imported or not delete_missing]
            names = [d.notebook_name for d in documents] + [
                self.notebooks[nid].name for nid in kept if nid not in imported
            ]
            duplicate = next((n for n in names if names.count(n) > 1), None)
            if duplicate is not None:
                raise ApiError(422, f'Two notebooks would be named "{duplicate}"')
            return self._reconcile(project, documents, delete_missing)

    def _reconcile(
        self, project: Project, documents: list[ParsedDocument], delete_missing: bool
    ) -> dict[str, object]:
        now = self.now()
        results: list[dict[str, str]] = []
        imported = set()
        if documents:
            project.name = documents[0].project_name
        for document in documents:
            imported.add(document.notebook_id)
            notebook = self.notebooks.get(document.notebook_id)
            if notebook is None:
                self.add_notebook(
                    project.id,
                    document.notebook_name,
                    notebook_id=document.notebook_id,
                    blocks=document.blocks,
                )
                action = "created"
            else:
                # Compared as written, so an unchanged document changes nothing (the round trip
                # export -> import -> export gives the same documents, as Deepnote's CLI expects).
                written = deepnote_format.source_blocks(notebook.blocks)
                if (notebook.name, written) != (
                    document.notebook_name,
                    deepnote_format.source_blocks(document.blocks),
                ):
                    notebook.name = document.notebook_name
                    notebook.blocks = document.blocks
                    notebook.updated_t = now  # an unchanged notebook keeps the export's modifiedAt
                action = "overwritten"
            results.append({"id": document.notebook_id, "name": document.notebook_name, "action": action})
        if delete_missing:
            for notebook_id in [nid for nid in project.notebook_ids if nid not in imported]:
                name = self.notebooks[notebook_id].name
                self.delete_notebook(notebook_id)
                results.append({"id": notebook_id, "name": name, "action": "deleted"})
        current, modified_at = self.export_documents(project.id)
        return {
            "project": {"id": project.id, "modifiedAt": modified_at, "contentHash": content_hash(current)},
            "notebooks": results,
        }
