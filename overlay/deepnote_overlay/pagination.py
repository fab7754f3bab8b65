"""Iterate cursor-paginated operations (``listNotebookRuns``, ``listProjects``, and any like them).

Guarantees:

- ``paginate(endpoint, client, ...)`` and the resource methods of a paginated operation return a
  ``Pager``, which fetches nothing until iterated: ``for item in pager`` sends each page with
  ``call``, ``async for item in pager`` with ``acall``; ``pager.pages()`` yields whole pages, either
  way. Each iteration starts again from the first page (or the ``page_token`` given), so a pager can
  be iterated more than once.
- A pager made by ``Deepnote`` (``AsyncDeepnote``) is for that side only: iterating it (or its
  pages) with the other statement raises ``TypeError`` before any request, so a sync program never
  gets an un-awaited coroutine and an event loop never blocking I/O. ``paginate``'s pager serves
  both.
- Pages are fetched one at a time, following ``pagination.nextPageToken``, and only when the
  consumer asks for more, so one page is in memory at a time.
- The last page is the one without a next token (null, absent or empty) or with
  ``hasMore: false``.
- Each page goes through ``call`` / ``acall``: retries apply and errors are typed.
- A page token handed out twice raises ``RepeatedPageTokenError`` instead of looping forever.
- ``MAX_EMPTY_PAGES`` consecutive empty pages that still claim more raise ``PaginationError``
  (fresh tokens each time would otherwise loop forever), and so does ``hasMore: true`` without a
  next token (stopping there would silently drop the rest of the listing).
- ``max_pages`` (pages and items) and ``max_items`` (items) stop early without fetching another page.
- The items are what the generated module's ``page_items`` returns: the field the spec names with
  ``x-page-items`` (``runs``, ``projects``), typed, so ``paginate(list_projects, ...)`` yields
  ``ListProjectsItem`` for mypy. Only such operations are accepted (mypy, and ``TypeError`` at run
  time, when iterated). ``paginate`` takes the operation's own parameters, checked by mypy.
- A pager's repr shows its operation and limits, never the arguments (nor the token).
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterator
from typing import TYPE_CHECKING, Any, Generic, Literal, ParamSpec, Protocol, TypeVar, cast

import attrs

from deepnote_client.api import PagedEndpoint
from deepnote_client.client import AuthenticatedClient
from deepnote_client.types import UNSET, Unset

from .calls import acall, call
from .errors import PaginationError, RepeatedPageTokenError

if TYPE_CHECKING:
    from deepnote_client.models.cursor_pagination import CursorPagination

__all__ = ["MAX_EMPTY_PAGES", "Pager", "page_items", "paginate"]

MAX_EMPTY_PAGES = 10
"""Consecutive empty pages with more to come after which pagination gives up."""


class Page(Protocol):
    """A generated list response: some list of items next to ``pagination``."""

    pagination: CursorPagination


P = ParamSpec("P")
T = TypeVar("T")
PageT = TypeVar("PageT")
ItemT = TypeVar("ItemT")
_Statement = Literal["for", "async for"]
"""How a pager is iterated: ``for`` sends its pages with ``call``, ``async for`` with ``acall``."""
_CLIENTS: dict[_Statement, str] = {"for": "Deepnote", "async for": "AsyncDeepnote"}


def paginate(
    endpoint: PagedEndpoint[P, PageT, ItemT],
    /,
    client: AuthenticatedClient,
    max_items: int | None = None,
    max_pages: int | None = None,
    *args: P.args,
    **kwargs: P.kwargs,
) -> Pager[ItemT, PageT]:
    """A lazy ``Pager`` of ``endpoint`` called with ``kwargs``: ``for`` or ``async for`` over it
    yields every item of every page in the API's order, over its ``pages()`` every page."""
    return Pager(endpoint, client, args, kwargs, max_items=max_items, max_pages=max_pages)


class _Walked(Generic[T]):
    """What a walk over pages yields, iterated with ``for`` (one ``call`` per page) or ``async for``
    (one ``acall`` per page); each iteration is a new walk."""

    __slots__ = ()

    @abstractmethod
    def _start(self, statement: _Statement) -> _Walk:
        """A new walk, iterated with ``statement``."""

    def __iter__(self) -> Iterator[T]:
        return _walk(self._start("for"))

    def __aiter__(self) -> AsyncIterator[T]:
        return _awalk(self._start("async for"))


class Pager(_Walked[ItemT], Generic[ItemT, PageT]):
    """A cursor-paginated operation's items (``for`` / ``async for``) or whole pages (``pages()``),
    fetched lazily, one page at a time. Made by ``paginate`` and by the resource methods of
    ``Deepnote`` / ``AsyncDeepnote``, whose pagers are iterated on their own side only."""

    __slots__ = ("_args", "_client", "_endpoint", "_kwargs", "_max_items", "_max_pages", "_only")

    def __init__(
        self,
        endpoint: PagedEndpoint[..., PageT, ItemT],
        client: AuthenticatedClient,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        *,
        max_items: int | None,
        max_pages: int | None,
    ) -> None:
        self._endpoint = endpoint
        self._client = client
        self._args = args
        self._kwargs = kwargs
        self._max_items = max_items
        self._max_pages = max_pages
        self._only: _Statement | None = None
        """The one statement that may iterate this pager and its pages; ``None``: either."""

    def __repr__(self) -> str:
        operation = self._endpoint.OPERATION_ID
        return f"<Pager {operation} max_items={self._max_items} max_pages={self._max_pages}>"

    def pages(self) -> _Pages[PageT]:
        """Whole pages, one request each, up to ``max_pages`` (``max_items`` does not apply)."""
        return _Pages(self)

    def _start(self, statement: _Statement) -> _Walk:
        return self._walk_for(statement, _ItemLimit(self._max_items))

    def _walk_for(self, statement: _Statement, limit: _ItemLimit | None) -> _Walk:
        """A new walk (of items within ``limit``, or of pages), refused if ``statement`` is not
        this pager's side."""
        if self._only is not None and statement != self._only:
            raise TypeError(
                f"{self!r} is from {_CLIENTS[self._only]}: iterate it with `{self._only}`, not"
                f" `{statement}` (or use {_CLIENTS[statement]} for `{statement}`)"
            )
        return _Walk(self._endpoint, self._client, self._args, self._kwargs, self._max_pages, limit)


class _Pages(_Walked[PageT]):
    """A pager's whole pages: ``pager.pages()``, iterated as the pager is."""

    __slots__ = ("_pager",)

    def __init__(self, pager: Pager[Any, PageT]) -> None:
        self._pager = pager

    def _start(self, statement: _Statement) -> _Walk:
        return self._pager._walk_for(statement, None)


def _walk(walk: _Walk) -> Generator[Any]:
    """The sync driver of ``walk``: one ``call`` per page."""
    walk.begin()
    while walk.more:
        page = call(walk.endpoint, walk.client, *walk.args, **walk.arguments())
        yield from walk.out(page)
        walk.after(page)


async def _awalk(walk: _Walk) -> AsyncGenerator[Any]:
    """The async driver of ``walk``: one ``acall`` per page."""
    walk.begin()
    while walk.more:
        page = await acall(walk.endpoint, walk.client, *walk.args, **walk.arguments())
        for each in walk.out(page):
            yield each
        walk.after(page)


@attrs.define
class _Walk:
    """Every decision of a walk over pages, shared by the sync and async drivers (which only send
    and yield): whether a page is wanted (``more``), the client and arguments of its request, and
    what of it to yield: the page itself, or with an item limit, its items up to ``max_items``.

    Nothing is checked or sent before ``begin``: the drivers are generators, so a walk starts
    when its consumer first asks for something. The page and item types are the ``Pager``'s,
    declared by ``paginate`` and the resource methods.
    """

    endpoint: PagedEndpoint[..., Any, Any]
    client: AuthenticatedClient
    args: tuple[Any, ...]
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
