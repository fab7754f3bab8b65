"""The ``projects`` operations: one module per operation, and ``ProjectsResource`` / ``AsyncProjectsResource``.

Generated from the spec by openapi-python-client with templates/resource_macros.jinja: do not edit.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from ...types import UNSET, Unset

if TYPE_CHECKING:
    from uuid import UUID

    from ...models.list_projects_item import ListProjectsItem
    from ...models.list_projects_response import ListProjectsResponse
    from ...models.project import Project
    from ...models.project_type import ProjectType
    from ...models.update_project_static_files import UpdateProjectStaticFiles
    from .. import AsyncCaller, AsyncPaginated, Caller, Paginated


__all__ = ["AsyncProjectsResource", "ProjectsResource"]


class ProjectsResource:
    """The projects operations of the API, one method each."""

    __slots__ = ("_caller",)

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    def list(
        self,
        *,
        page_size: int | Unset = 50,
        page_token: str | Unset = UNSET,
        name_contains: str | Unset = UNSET,
        max_items: int | None = None,
        max_pages: int | None = None,
    ) -> Paginated[ListProjectsItem, ListProjectsResponse]:
        """List projects

        Projects of the workspace, one page at a time. Follow `pagination.nextPageToken` until it is
        null.

        Args:
            page_size: Maximum number of items to return. Defaults to 50. Maximum: 100.
            page_token: Opaque token returned by the previous page. Omit for the first page.
            name_contains: Filter projects whose name contains this value (case-insensitive).

        Returns a lazy ``Pager``: iterate it (``for``) for the items across pages, or its ``pages()``
        for whole pages; ``max_items`` and ``max_pages`` stop early.

        Operation ``listProjects``: ``deepnote_client.api.projects.list_projects``.
        """
        from . import list_projects

        return self._caller.paginate(
            list_projects,
            max_items=max_items,
            max_pages=max_pages,
            page_size=page_size,
            page_token=page_token,
            name_contains=name_contains,
        )

    def create(
        self,
        *,
        name: str,
        folder_id: str | Unset = UNSET,
        project_type: ProjectType | Unset = UNSET,
        environment_id: str | Unset = UNSET,
    ) -> Project:
        """Create a project

        Creates a project. Deepnote seeds it with one empty placeholder notebook, returned in
        `project.notebooks`.

        Args:
            name: Project name.
            folder_id: Folder to create the project in. Omit to create at the workspace root.
            project_type: `notebook` (single-notebook) and `agent` projects accept no new notebooks.
            environment_id: Environment to use; defaults to the workspace's default environment
                (from Deepnote's client code).

        Operation ``createProject``: ``deepnote_client.api.projects.create_project``.
        """
        from ...models.create_project_body import CreateProjectBody
        from . import create_project

        return self._caller.call(
            create_project,
            body=CreateProjectBody(
                name=name,
                folder_id=folder_id,
                project_type=project_type,
                environment_id=environment_id,
            ),
        ).project

    def get(self, project_id: str | UUID) -> Project:
        """Get a project

        Project details: the list fields plus its files and static-site settings. Known only from
        Deepnote's client code; not on the archived reference page.

        Args:
            project_id: Project identifier.

        Operation ``getProject``: ``deepnote_client.api.projects.get_project``.
        """
        from . import get_project

        return self._caller.call(get_project, project_id=project_id).project

    def delete(self, project_id: str | UUID) -> None:
        """Delete a project

        Deletes the project and its notebooks.

        Args:
            project_id: Project identifier.

        Operation ``deleteProject``: ``deepnote_client.api.projects.delete_project``.
        """
        from . import delete_project

        self._caller.call(delete_project, project_id=project_id)

    def update(
        self,
        project_id: str | UUID,
        *,
        static_files: UpdateProjectStaticFiles | Unset = UNSET,
        streamlit_app_api_access_enabled: bool | Unset = UNSET,
        environment_id: str | Unset = UNSET,
    ) -> Project:
        """Update project settings

        Updates the project's static-site settings, hosted Streamlit app API access and environment; at
        least one of them must be sent. API access to the static site cannot be enabled while sharing is
        disabled, and disabling sharing disables API access. Changing the environment restarts a running
        machine, clearing kernel state. Known only from Deepnote's client code; its error statuses are
        not documented beyond the ones every operation has.

        Args:
            project_id: Project identifier.
            static_files: Static-site settings to change; at least one field.
            streamlit_app_api_access_enabled: Whether the project's hosted Streamlit app may call
                the API.
            environment_id: Environment to use (an id from the environments list); changing it
                restarts a running machine.

        Operation ``updateProject``: ``deepnote_client.api.projects.update_project``.
        """
        from ...models.update_project_body import UpdateProjectBody
        from . import update_project

        return self._caller.call(
            update_project,
            project_id=project_id,
            body=UpdateProjectBody(
                static_files=static_files,
                streamlit_app_api_access_enabled=streamlit_app_api_access_enabled,
                environment_id=environment_id,
            ),
        ).project


class AsyncProjectsResource:
    """Async ``ProjectsResource``: the same methods, ``async`` (a pager is iterated with ``async for``)."""

    __slots__ = ("_caller",)

    def __init__(self, caller: AsyncCaller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    def list(
        self,
        *,
        page_size: int | Unset = 50,
        page_token: str | Unset = UNSET,
        name_contains: str | Unset = UNSET,
        max_items: int | None = None,
        max_pages: int | None = None,
    ) -> AsyncPaginated[ListProjectsItem, ListProjectsResponse]:
        """List projects

        Projects of the workspace, one page at a time. Follow `pagination.nextPageToken` until it is
        null.

        Args:
            page_size: Maximum number of items to return. Defaults to 50. Maximum: 100.
            page_token: Opaque token returned by the previous page. Omit for the first page.
            name_contains: Filter projects whose name contains this value (case-insensitive).

        Returns a lazy ``Pager``: iterate it (``async for``) for the items across pages, or its
        ``pages()`` for whole pages; ``max_items`` and ``max_pages`` stop early.

        Operation ``listProjects``: ``deepnote_client.api.projects.list_projects``.
        """
        from . import list_projects

        return self._caller.paginate(
            list_projects,
            max_items=max_items,
            max_pages=max_pages,
            page_size=page_size,
            page_token=page_token,
            name_contains=name_contains,
        )

    async def create(
        self,
        *,
        name: str,
        folder_id: str | Unset = UNSET,
        project_type: ProjectType | Unset = UNSET,
        environment_id: str | Unset = UNSET,
    ) -> Project:
        """Create a project

        Creates a project. Deepnote seeds it with one empty placeholder notebook, returned in
        `project.notebooks`.

        Args:
            name: Project name.
            folder_id: Folder to create the project in. Omit to create at the workspace root.
            project_type: `notebook` (single-notebook) and `agent` projects accept no new notebooks.
            environment_id: Environment to use; defaults to the workspace's default environment
                (from Deepnote's client code).

        Operation ``createProject``: ``deepnote_client.api.projects.create_project``.
        """
        from ...models.create_project_body import CreateProjectBody
        from . import create_project

        return (
            await self._caller.call(
                create_project,
                body=CreateProjectBody(
                    name=name,
                    folder_id=folder_id,
                    project_type=project_type,
                    environment_id=environment_id,
                ),
            )
        ).project

    async def get(self, project_id: str | UUID) -> Project:
        """Get a project

        Project details: the list fields plus its files and static-site settings. Known only from
        Deepnote's client code; not on the archived reference page.

        Args:
            project_id: Project identifier.

        Operation ``getProject``: ``deepnote_client.api.projects.get_project``.
        """
        from . import get_project

        return (await self._caller.call(get_project, project_id=project_id)).project

    async def delete(self, project_id: str | UUID) -> None:
        """Delete a project

        Deletes the project and its notebooks.

        Args:
            project_id: Project identifier.

        Operation ``deleteProject``: ``deepnote_client.api.projects.delete_project``.
        """
        from . import delete_project

        await self._caller.call(delete_project, project_id=project_id)

    async def update(
        self,
        project_id: str | UUID,
        *,
        static_files: UpdateProjectStaticFiles | Unset = UNSET,
        streamlit_app_api_access_enabled: bool | Unset = UNSET,
        environment_id: str | Unset = UNSET,
    ) -> Project:
        """Update project settings

        Updates the project's static-site settings, hosted Streamlit app API access and environment; at
        least one of them must be sent. API access to the static site cannot be enabled while sharing is
        disabled, and disabling sharing disables API access. Changing the environment restarts a running
        machine, clearing kernel state. Known only from Deepnote's client code; its error statuses are
        not documented beyond the ones every operation has.

        Args:
            project_id: Project identifier.
            static_files: Static-site settings to change; at least one field.
            streamlit_app_api_access_enabled: Whether the project's hosted Streamlit app may call
                the API.
            environment_id: Environment to use (an id from the environments list); changing it
                restarts a running machine.

        Operation ``updateProject``: ``deepnote_client.api.projects.update_project``.
        """
        from ...models.update_project_body import UpdateProjectBody
        from . import update_project

        return (
            await self._caller.call(
                update_project,
                project_id=project_id,
                body=UpdateProjectBody(
                    static_files=static_files,
                    streamlit_app_api_access_enabled=streamlit_app_api_access_enabled,
                    environment_id=environment_id,
                ),
            )
        ).project
