"""The ``files`` operations: one module per operation, and ``FilesResource`` / ``AsyncFilesResource``.

Generated from the spec by openapi-python-client with templates/resource_macros.jinja: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import UNSET, Unset

if TYPE_CHECKING:
    from uuid import UUID

    from ...models.copy_file_response import CopyFileResponse
    from .. import AsyncCaller, Caller


__all__ = ["AsyncFilesResource", "FilesResource"]


class FilesResource:
    """The files operations of the API, one method each."""

    __slots__ = ("_caller",)

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    def delete(self, *, project_id: str | UUID, path: str) -> None:
        """Delete a file

        Deletes the file at `path` in the project.

        Args:
            project_id: Project that contains the file.
            path: File path within the project.

        Operation ``deleteFile``: ``deepnote_client.api.files.delete_file``.
        """
        from . import delete_file

        self._caller.call(delete_file, project_id=project_id, path=path)

    def copy(
        self, *, source_project_id: str, target_project_id: str, source_file_path: str
    ) -> CopyFileResponse:
        """Copy a file between projects

        Copies a source file into another project, using the source file path as the target path. Source
        and target projects must differ; files only, never folders; an existing target file is never
        overwritten. Needs read access to the source and edit access to the target. The response shape
        is not documented (the docs page is cut off); it is read as an open object.

        Args:
            source_project_id: Project to copy the file from.
            target_project_id: Project to copy the file into; must differ from the source.
            source_file_path: Path of the file in the source project; it is also the target path.

        Operation ``copyFile``: ``deepnote_client.api.files.copy_file``.
        """
        from ...models.copy_file_body import CopyFileBody
        from . import copy_file

        return self._caller.call(
            copy_file,
            body=CopyFileBody(
                source_project_id=source_project_id,
                target_project_id=target_project_id,
                source_file_path=source_file_path,
            ),
        )


class AsyncFilesResource:
    """Async ``FilesResource``: the same methods, ``async`` (a pager is iterated with ``async for``)."""

    __slots__ = ("_caller",)

    def __init__(self, caller: AsyncCaller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    async def delete(self, *, project_id: str | UUID, path: str) -> None:
        """Delete a file

        Deletes the file at `path` in the project.

        Args:
            project_id: Project that contains the file.
            path: File path within the project.

        Operation ``deleteFile``: ``deepnote_client.api.files.delete_file``.
        """
        from . import delete_file

        await self._caller.call(delete_file, project_id=project_id, path=path)

    async def copy(
        self, *, source_project_id: str, target_project_id: str, source_file_path: str
    ) -> CopyFileResponse:
        """Copy a file between projects

        Copies a source file into another project, using the source file path as the target path. Source
        and target projects must differ; files only, never folders; an existing target file is never
        overwritten. Needs read access to the source and edit access to the target. The response shape
        is not documented (the docs page is cut off); it is read as an open object.

        Args:
            source_project_id: Project to copy the file from.
            target_project_id: Project to copy the file into; must differ from the source.
            source_file_path: Path of the file in the source project; it is also the target path.

        Operation ``copyFile``: ``deepnote_client.api.files.copy_file``.
        """
        from ...models.copy_file_body import CopyFileBody
        from . import copy_file

        return await self._caller.call(
            copy_file,
            body=CopyFileBody(
                source_project_id=source_project_id,
                target_project_id=target_project_id,
                source_file_path=source_file_path,
            ),
        )
