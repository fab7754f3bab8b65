"""The ``streamlit_apps`` operations: one module per operation, and ``StreamlitAppsResource`` / ``AsyncStreamlitAppsResource``.

Generated from the spec by openapi-python-client with templates/resource_macros.jinja: do not edit.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from ...types import UNSET, Unset

if TYPE_CHECKING:
    from uuid import UUID

    from ...models.get_streamlit_app_status_response import GetStreamlitAppStatusResponse
    from ...models.list_streamlit_apps_response import ListStreamlitAppsResponse
    from ...models.streamlit_app import StreamlitApp
    from .. import AsyncCaller, Caller


__all__ = ["AsyncStreamlitAppsResource", "StreamlitAppsResource"]


class StreamlitAppsResource:
    """The streamlit apps operations of the API, one method each."""

    __slots__ = ("_caller",)

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    def list(self, *, project_id: str | UUID) -> ListStreamlitAppsResponse:
        """List a project's Streamlit apps

        The project's Streamlit apps; the API does not paginate it. Known only from Deepnote's client
        code.

        Args:
            project_id: Project whose apps to list.

        Operation ``listStreamlitApps``: ``deepnote_client.api.streamlit_apps.list_streamlit_apps``.
        """
        from . import list_streamlit_apps

        return self._caller.call(list_streamlit_apps, project_id=project_id)

    def create(self, *, project_id: str, entrypoint: str) -> StreamlitApp:
        """Serve a Streamlit app

        Serves a project file as a Streamlit app. One app per entrypoint; creating one restarts the
        project machine, so its status passes through `unavailable` then `starting`. No delete operation
        is known. Known only from Deepnote's client code.

        Args:
            entrypoint: Project-relative path of an existing file.

        Operation ``createStreamlitApp``: ``deepnote_client.api.streamlit_apps.create_streamlit_app``.
        """
        from ...models.create_streamlit_app_body import CreateStreamlitAppBody
        from . import create_streamlit_app

        return self._caller.call(
            create_streamlit_app,
            body=CreateStreamlitAppBody(project_id=project_id, entrypoint=entrypoint),
        ).streamlit_app

    def get_status(self, streamlit_app_id: str | UUID) -> GetStreamlitAppStatusResponse:
        """Get a Streamlit app's status

        Whether the app is `running`, `starting` or `unavailable`. Known only from Deepnote's client
        code.

        Args:
            streamlit_app_id: Streamlit app identifier.

        Operation ``getStreamlitAppStatus``: ``deepnote_client.api.streamlit_apps.get_streamlit_app_status``.
        """
        from . import get_streamlit_app_status

        return self._caller.call(get_streamlit_app_status, streamlit_app_id=streamlit_app_id)


class AsyncStreamlitAppsResource:
    """Async ``StreamlitAppsResource``: the same methods, ``async`` (a pager is iterated with ``async for``)."""

    __slots__ = ("_caller",)

    def __init__(self, caller: AsyncCaller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    async def list(self, *, project_id: str | UUID) -> ListStreamlitAppsResponse:
        """List a project's Streamlit apps

        The project's Streamlit apps; the API does not paginate it. Known only from Deepnote's client
        code.

        Args:
            project_id: Project whose apps to list.

        Operation ``listStreamlitApps``: ``deepnote_client.api.streamlit_apps.list_streamlit_apps``.
        """
        from . import list_streamlit_apps

        return await self._caller.call(list_streamlit_apps, project_id=project_id)

    async def create(self, *, project_id: str, entrypoint: str) -> StreamlitApp:
        """Serve a Streamlit app

        Serves a project file as a Streamlit app. One app per entrypoint; creating one restarts the
        project machine, so its status passes through `unavailable` then `starting`. No delete operation
        is known. Known only from Deepnote's client code.

        Args:
            entrypoint: Project-relative path of an existing file.

        Operation ``createStreamlitApp``: ``deepnote_client.api.streamlit_apps.create_streamlit_app``.
        """
        from ...models.create_streamlit_app_body import CreateStreamlitAppBody
        from . import create_streamlit_app

        return (
            await self._caller.call(
                create_streamlit_app,
                body=CreateStreamlitAppBody(project_id=project_id, entrypoint=entrypoint),
            )
        ).streamlit_app

    async def get_status(self, streamlit_app_id: str | UUID) -> GetStreamlitAppStatusResponse:
        """Get a Streamlit app's status

        Whether the app is `running`, `starting` or `unavailable`. Known only from Deepnote's client
        code.

        Args:
            streamlit_app_id: Streamlit app identifier.

        Operation ``getStreamlitAppStatus``: ``deepnote_client.api.streamlit_apps.get_streamlit_app_status``.
        """
        from . import get_streamlit_app_status

        return await self._caller.call(get_streamlit_app_status, streamlit_app_id=streamlit_app_id)
