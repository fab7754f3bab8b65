"""File rules: upload to a unique path, delete, copy between projects, download.

"(reference 6.2)" cites ``docs/reference/deepnote-api-v2.md``: POST /files "generating a unique path
when that path already exists", never overwrites; 409 "Project is suspended"; 413 "File too large";
copy keeps the source path in a different project and never overwrites. A project's files are
``project.files`` (what ``GET /projects/{id}`` lists: ``path``, ``size``, ``updatedAt``) and their
bytes are ``file_contents[(project_id, path)]``. Files are not part of a project export, so they leave
the project's ``updatedAt`` (the export's ``modifiedAt``) alone.
"""

from __future__ import annotations

import posixpath

from ..errors import ApiError
from ..records import Project
from .core import StoreCore

__all__ = ["DEFAULT_MAX_FILE_BYTES", "FileRules"]

DEFAULT_MAX_FILE_BYTES = 512 * 1024 * 1024
"""Largest upload the fake accepts (the real limit is "multi-gigabyte" and not published)."""


class FileRules(StoreCore):
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    """Uploads larger than this are refused with 413 ``File too large``; a test may lower it."""

    def create_file(self, project_id: str, path: str, content: bytes) -> dict[str, object]:
        """Store ``content`` at ``path``, or at a unique variant of it when ``path`` is taken
        (``data.csv`` -> ``data (1).csv``: the fake's choice, Deepnote's naming is not documented)."""
        with self.lock:
            project = self._writable_project(project_id)
            if len(content) > self.max_file_bytes:
                raise ApiError(413, "File too large")
            final = _unique_path(project, path)
            return self._store_file(project, final, content)

    def delete_file(self, project_id: str, path: str) -> None:
        with self.lock:
            project = self._writable_project(project_id)
            entry = _entry(project, path)
            if entry is None:
                raise ApiError(404, "File not found")
            project.files.remove(entry)
            self.file_contents.pop((project.id, path), None)

    def copy_file(self, source_project_id: str, target_project_id: str, path: str) -> dict[str, object]:
        """Copy ``path`` of the source project to the same path in the target (reference 6.2)."""
        with self.lock:
            if source_project_id == target_project_id:
                raise ApiError(400, "sourceProjectId and targetProjectId must differ")
            source = self._project(source_project_id)
            target = self._writable_project(target_project_id)
            if _entry(source, path) is None:
                raise ApiError(404, "File not found")
            if _entry(target, path) is not None:
                raise ApiError(409, f'File "{path}" already exists in the target project')
            return self._store_file(target, path, self.file_contents.get((source.id, path), b""))

    def file_content(self, project_id: str, path: str) -> bytes:
        """The bytes of a file (``GET /files/download``)."""
        with self.lock:
            project = self._project(project_id)
            if _entry(project, path) is None:
                raise ApiError(404, "File not found")
            return self.file_contents.get((project.id, path), b"")

    # Callers hold the lock.

    def _writable_project(self, project_id: str) -> Project:
        project = self._project(project_id)
        if project.suspended:
            raise ApiError(409, "Project is suspended")
        return project

    def _store_file(self, project: Project, path: str, content: bytes) -> dict[str, object]:
        now = self.now()
        entry: dict[str, object] = {"path": path, "size": len(content), "updatedAt": self.iso(now)}
        project.files.append(entry)
        self.file_contents[(project.id, path)] = content
        return {"projectId": project.id, **entry}


def _entry(project: Project, path: str) -> dict[str, object] | None:
    return next((entry for entry in project.files if entry.get("path") == path), None)


def _unique_path(project: Project, path: str) -> str:
    taken = {entry.get("path") for entry in project.files}
    if path not in taken:
        return path
    stem, extension = posixpath.splitext(path)
    return next(
        f"{stem} ({n}){extension}"
        for n in range(1, len(taken) + 2)
        if f"{stem} ({n}){extension}" not in taken
    )
