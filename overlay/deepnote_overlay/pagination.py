"""Iterate cursor-paginated operations (``listNotebookRuns``, ``listProjects``, and any like them).

Guarantees:

- Pages are fetched one at a time, following ``pagination.nextPageToken``, and only when the
  consumer asks for more, so one page is in memory at a time.
- The last page is the one without a next token (null, absent or empty) or with
  ``hasMore: false``.
- Each page goes through ``call`` / ``acall``: retries apply and errors are typed.
- A page token handed out twice raises ``RepeatedPageTokenError`` instead of looping forever.
- ``MAX_EMPTY_PAGES`` consecutive empty pages that still claim more raise ``PaginationError``
  (fresh tokens each time would otherwise loop forever), and so does ``hasMore: true`` without a
  next token (stopping there would silently drop the rest of the listing).
- ``max_pages`` and ``max_items`` stop early without fetching another page.
- The items are what the generated module's ``page_items`` returns: the field the spec names with
  ``x-page-items`` (``runs``, ``projects``), typed, so ``paginate(list_projects, ...)`` yields
  ``ListProjectsItem`` for mypy. Only such operations are accepted (mypy, and ``TypeError`` at run
  time). ``iter_pages`` / ``paginate`` take the operation's own parameters, checked by mypy.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterator
from typing import TYPE_CHECKING, Any, ParamSpec, Protocol, TypeVar, cast

import attrs

from deepnote_client.api import PagedEndpoint
from deepnote_client.client import AuthenticatedClient
from deepnote_client.types import UNSET, Unset

from .calls import acall, call
from .errors import PaginationError, RepeatedPageTokenError

if TYPE_CHECKING:
    from deepnote_client.models.cursor_pagination import CursorPagination

__all__ = ["MAX_EMPTY_PAGES", "aiter_pages", "apaginate", "iter_pages", "page_items", "paginate"]

MAX_EMPTY_PAGES = 10
"""Consecutive empty pages with more to come after which pagination gives up."""


class Page(Protocol):
    """A generated list response: some list of items next to ``pagination``."""

    pagination: CursorPagination


P = ParamSpec("P")
PageT = TypeVar("PageT", bound=Page)
ItemT = TypeVar("ItemT")


def iter_pages(
    endpoint: PagedEndpoint[P, PageT, Any],
    /,
    client: AuthenticatedClient,
    max_pages: int | None = None,
    *args: P.args,
    **kwargs: P.kwargs,
) -> Generator[PageT]:
    """Yield whole pages of ``endpoint`` called with ``kwargs``, from ``page_token`` (or the start)."""
    return _walk(_Walk(endpoint, kwargs, max_pages), client, args)


def aiter_pages(
    endpoint: PagedEndpoint[P, PageT, Any],
    /,
    client: AuthenticatedClient,
    max_pages: int | None = None,
    *args: P.args,
    **kwargs: P.kwargs,
) -> AsyncGenerator[PageT]:
    """Async ``iter_pages``."""
    return _awalk(_Walk(endpoint, kwargs, max_pages), client, args)


def paginate(
    endpoint: PagedEndpoint[P, Any, ItemT],
    /,
    client: AuthenticatedClient,
    max_items: int | None = None,
    max_pages: int | None = None,
    *args: P.args,
    **kwargs: P.kwargs,
) -> Iterator[ItemT]:
    """Yield every item of every page of ``endpoint`` called with ``kwargs``, in the API's order."""
    return _walk(_Walk(endpoint, kwargs, max_pages, _ItemLimit(max_items)), client, args)


def apaginate(
    endpoint: PagedEndpoint[P, Any, ItemT],
    /,
    client: AuthenticatedClient,
    max_items: int | None = None,
    max_pages: int | None = None,
    *args: P.args,
    **kwargs: P.kwargs,
) -> AsyncIterator[ItemT]:
    """Async ``paginate``."""
    return _awalk(_Walk(endpoint, kwargs, max_pages, _ItemLimit(max_items)), client, args)


def _walk(walk: _Walk, client: AuthenticatedClient, args: tuple[Any, ...]) -> Generator[Any]:
    """The sync driver of ``walk``: one ``call`` per page."""
    walk.begin()
    while walk.more:
        page = call(walk.endpoint, client, *args, **walk.arguments())
        yield from walk.out(page)
        walk.after(page)


async def _awalk(walk: _Walk, client: AuthenticatedClient, args: tuple[Any, ...]) -> AsyncGenerator[Any]:
    """The async driver of ``walk``: one ``acall`` per page."""
    walk.begin()
    while walk.more:
        page = await acall(walk.endpoint, client, *args, **walk.arguments())
        for each in walk.out(page):
            yield each
        walk.after(page)


@attrs.define
class _Walk:
    """Every decision of a walk over pages, shared by the sync and async drivers (which only send
    and yield): whether a page is wanted (``more``), the arguments of its request, and what of it
    to yield: the page itself, or with an item limit, its items up to ``max_items``.

    Nothing is checked or sent before ``begin``: the drivers are generators, so a walk starts
    when its consumer first asks for something. The page and item types are the public
    functions', declared by their signatures.
    """

    endpoint: PagedEndpoint[..., Any, Any]
    _kwargs: dict[str, Any]
    _max_pages: int | None
    _limit: _ItemLimit | None = None
    more: bool = attrs.field(default=False, init=False)
    _params: dict[str, Any] = attrs.field(factory=dict, init=False)
    _tracker: _TokenTracker = attrs.field(init=False)

    def begin(self) -> None:
        """Refuse an operation that is not paged; then ``more`` says whether any page is wanted."""
        _check_paged(self.endpoint)
        self._params = dict(self._kwargs)
        first_token = self._params.pop("page_token", UNSET)
        operation, items = self.endpoint.OPERATION_ID, self.endpoint.page_items
        self._tracker = _TokenTracker(operation, first_token, self._max_pages, items)
        no_pages = self._max_pages is not None and self._max_pages <= 0
        self.more = not no_pages and not self._items_done()

    def arguments(self) -> dict[str, Any]:
        return {"page_token": self._tracker.token, **self._params}

    def out(self, page: Any) -> list[Any]:
        """What to yield of ``page``: the page, or its items within the item limit."""
        if self._limit is None:
            return [page]
        return self._limit.take(self.endpoint.page_items(page))

    def after(self, page: Any) -> None:
        """Count ``page``; ``more`` when another page is wanted and exists."""
        self.more = not self._items_done() and self._tracker.advance(page)

    def _items_done(self) -> bool:
        return self._limit is not None and self._limit.done


class _ItemLimit:
    """How many items a walk may still yield (``max_items``)."""

    def __init__(self, max_items: int | None) -> None:
        self._left = max_items

    @property
    def done(self) -> bool:
        return self._left is not None and self._left <= 0

    def take(self, items: list[ItemT]) -> list[ItemT]:
        if self._left is None:
            return items
        taken = items[: self._left]
        self._left -= len(taken)
        return taken


def _check_paged(endpoint: object) -> None:
    """Refuse, before any request, an operation whose spec names no page items."""
    if not callable(getattr(endpoint, "page_items", None)):
        name = getattr(endpoint, "OPERATION_ID", getattr(endpoint, "__name__", repr(endpoint)))
        raise TypeError(f"{name} is not a paginated operation (its page schema has no x-page-items)")


def page_items(page: Page) -> list[Any]:
    """The items of ``page``: the value of its one list field besides ``pagination``.

    Kept for callers that hold only a page; ``paginate`` uses the generated module's typed
    ``page_items`` (the field named by ``x-page-items`` in the spec) instead.
    """
    fields = attrs.fields(cast("type[attrs.AttrsInstance]", type(page)))
    lists = [value for value in (getattr(page, f.name) for f in fields) if isinstance(value, list)]
    if len(lists) != 1:
        raise TypeError(
            f"{type(page).__name__} has {len(lists)} list fields; expected exactly one list of items"
        )
    return lists[0]


class _TokenTracker:
    """The page token to send next, and every token sent so far (to catch a repeat)."""

    def __init__(
        self,
        operation: str,
        first_token: str | Unset,
        max_pages: int | None,
        items: Callable[[Any], list[Any]],
    ) -> None:
        self.operation = operation
        self.items = items
        self.token = first_token
        self.pages = 0
        self.max_pages = max_pages
        self.empty_pages = 0
        self._seen: set[str] = {first_token} if isinstance(first_token, str) else set()

    def advance(self, page: Page) -> bool:
        """Count ``page`` and take its next token; ``False`` when no further page is wanted or exists."""
        self.pages += 1
        if self.max_pages is not None and self.pages >= self.max_pages:
            return False
        pagination = page.pagination
        token = pagination.next_page_token
        if pagination.has_more is False:
            return False
        if not isinstance(token, str) or not token:
            _check_nothing_more(self.operation, self.pages, pagination)
            return False
        self.empty_pages = 0 if self.items(page) else self.empty_pages + 1
        _check_empty_pages(self.operation, self.pages, self.empty_pages)
        if token in self._seen:
            raise RepeatedPageTokenError(operation=self.operation, page_token=token, pages=self.pages)
        self._seen.add(token)
        self.token = token
        return True


def _check_nothing_more(operation: str, pages: int, pagination: CursorPagination) -> None:
    """A page without a next token must not claim more: stopping would silently truncate."""
    if pagination.has_more is True:
        raise PaginationError(
            operation=operation,
            pages=pages,
            reason="the page says hasMore but gives no nextPageToken; the rest cannot be fetched",
        )


def _check_empty_pages(operation: str, pages: int, empty_pages: int) -> None:
    """Too many empty pages in a row that still claim more: the API is looping, not listing."""
    if empty_pages >= MAX_EMPTY_PAGES:
        raise PaginationError(
            operation=operation,
            pages=pages,
            reason=f"{empty_pages} empty pages in a row still said there was more; stopping",
        )
