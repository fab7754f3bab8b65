"""The ``search`` operations: one module per operation, and ``SearchResource`` / ``AsyncSearchResource``.

Generated from the spec by openapi-python-client with templates/resource_macros.jinja: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import UNSET, Unset

if TYPE_CHECKING:
    from uuid import UUID

    from ...models.search_response import SearchResponse
    from .. import AsyncCaller, Caller


__all__ = ["AsyncSearchResource", "SearchResource"]


class SearchResource:
    """The search operations of the API, one method each."""

    __slots__ = ("_caller",)

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    def search(self, *, q: str, types: str | Unset = UNSET) -> SearchResponse:
        """Search across resources

        Search result limits are per resource type, not global across the response. The endpoint can
        return up to 100 projects, up to 100 notebooks, and up to 200 blocks (split into up to 100 text
        blocks and up to 100 code/SQL blocks). Integrations do not have an explicit search-result limit;
        active workspace integrations are filtered by the query. If one or more requested resource types
        cannot be searched, the endpoint returns successful results with partialFailure instead of
        failing the whole request. Not paginated.

        Args:
            q: Search query (e.g. "postgres").
            types: Comma-separated resource types to include: "projects", "notebooks", "blocks",
                "integrations". Defaults to all types.

        Operation ``search``: ``deepnote_client.api.search.search``.
        """
        from . import search

        return self._caller.call(search, q=q, types=types)


class AsyncSearchResource:
    """Async ``SearchResource``: the same methods, ``async`` (a pager is iterated with ``async for``)."""

    __slots__ = ("_caller",)

    def __init__(self, caller: AsyncCaller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    async def search(self, *, q: str, types: str | Unset = UNSET) -> SearchResponse:
        """Search across resources

        Search result limits are per resource type, not global across the response. The endpoint can
        return up to 100 projects, up to 100 notebooks, and up to 200 blocks (split into up to 100 text
        blocks and up to 100 code/SQL blocks). Integrations do not have an explicit search-result limit;
        active workspace integrations are filtered by the query. If one or more requested resource types
        cannot be searched, the endpoint returns successful results with partialFailure instead of
        failing the whole request. Not paginated.

        Args:
            q: Search query (e.g. "postgres").
            types: Comma-separated resource types to include: "projects", "notebooks", "blocks",
                "integrations". Defaults to all types.

        Operation ``search``: ``deepnote_client.api.search.search``.
        """
        from . import search

        return await self._caller.call(search, q=q, types=types)
