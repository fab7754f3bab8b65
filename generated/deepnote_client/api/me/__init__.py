"""The ``me`` operations: one module per operation, and ``MeResource`` / ``AsyncMeResource``.

Generated from the spec by openapi-python-client with templates/resource_macros.jinja: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import UNSET, Unset

if TYPE_CHECKING:
    from uuid import UUID

    from ...models.me import Me
    from .. import AsyncCaller, Caller


__all__ = ["AsyncMeResource", "MeResource"]


class MeResource:
    """The me operations of the API, one method each."""

    __slots__ = ("_caller",)

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    def get(self) -> Me:
        """Get info about the calling API key and its workspace

        Returns the calling API key, the user that created it, the workspace it belongs to, and the
        caller's access level in that workspace.

        Operation ``getMe``: ``deepnote_client.api.me.get_me``.
        """
        from . import get_me

        return self._caller.call(get_me)


class AsyncMeResource:
    """Async ``MeResource``: the same methods, ``async`` (a pager is iterated with ``async for``)."""

    __slots__ = ("_caller",)

    def __init__(self, caller: AsyncCaller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    async def get(self) -> Me:
        """Get info about the calling API key and its workspace

        Returns the calling API key, the user that created it, the workspace it belongs to, and the
        caller's access level in that workspace.

        Operation ``getMe``: ``deepnote_client.api.me.get_me``.
        """
        from . import get_me

        return await self._caller.call(get_me)
