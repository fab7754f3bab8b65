"""Building blocks of the resource-style clients (``Deepnote``, ``AsyncDeepnote``).

Guarantees:

- ``Caller`` / ``AsyncCaller`` send a generated resource class's operations (``deepnote_client.api``'s
  ``Caller`` protocols) through ``call`` / ``acall`` and the pagers, on one generated
  ``AuthenticatedClient``; they hold nothing else, so they are cheap and never own (or close) it.
- ``Resource`` / ``AsyncResource`` mark a resource class as sync or async: a generated class with
  hand-written methods (``facade_helpers``) has one of them as a base, and reaches the client
  through the resource's caller.
- ``SyncPager`` / ``AsyncPager`` fetch nothing until iterated. Iterating yields items across
  pages (``paginate`` / ``apaginate``), ``pages()`` yields whole pages (``iter_pages`` /
  ``aiter_pages``); ``max_items`` limits the items, ``max_pages`` both. Each iteration starts again
  from the first page (or the ``page_token`` given), so a pager can be iterated more than once.
- ``client_function(sync, asynchronous)`` is one method for both sides, made of two functions taking
  the generated client first (``upload_file(client, project_id, ...)`` and ``aupload_file``): on a
  ``Resource`` the sync one with that argument bound, on an ``AsyncResource`` the async one. It
  keeps their signature for mypy and editors (``dn.files.upload(project_id, ...)``, ``await
  adn.files.upload(project_id, ...)``), and ``help()`` / ``inspect.signature()`` show the
  function's own docstring and parameters, whatever parameters it grows later.
"""

from __future__ import annotations

import importlib
import types
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from typing import Any, ClassVar, Concatenate, Generic, ParamSpec, Self, TypeVar, cast, overload

from deepnote_client import api
from deepnote_client.api import PagedEndpoint
from deepnote_client.client import AuthenticatedClient

from .calls import Endpoint, acall, call
from .pagination import aiter_pages, apaginate, iter_pages, paginate

__all__ = [
    "AsyncCaller",
    "AsyncPager",
    "AsyncResource",
    "Caller",
    "ImportedOnFirstCall",
    "LazyModule",
    "Resource",
    "SyncPager",
    "client_function",
]

ItemT = TypeVar("ItemT")
ItemsT = TypeVar("ItemsT")
PagesT = TypeVar("PagesT")
PageT = TypeVar("PageT")
P = ParamSpec("P")
R = TypeVar("R")
A = TypeVar("A")
T = TypeVar("T")


class _OnClient:
    """What both callers hold: the generated client their operations are sent on."""

    __slots__ = ("client",)

    def __init__(self, client: AuthenticatedClient) -> None:
        self.client = client


class Caller(_OnClient):
    """Sends a generated resource's operations with ``call``, and pages them with ``SyncPager``."""

    __slots__ = ()

    def call(self, endpoint: Endpoint[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """``call(endpoint, client, ...)``: the success model, or a typed error."""
        return call(endpoint, self.client, *args, **kwargs)

    def paginate(
        self,
        endpoint: PagedEndpoint[P, PageT, ItemT],
        /,
        max_items: int | None,
        max_pages: int | None,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> SyncPager[ItemT, PageT]:
        """A lazy ``SyncPager`` of the operation called with ``kwargs``."""
        return SyncPager(endpoint, self.client, max_items=max_items, max_pages=max_pages, arguments=kwargs)


class AsyncCaller(_OnClient):
    """Async ``Caller``: ``acall`` and ``AsyncPager``."""

    __slots__ = ()

    async def call(self, endpoint: Endpoint[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """``acall(endpoint, client, ...)``: the success model, or a typed error."""
        return await acall(endpoint, self.client, *args, **kwargs)

    def paginate(
        self,
        endpoint: PagedEndpoint[P, PageT, ItemT],
        /,
        max_items: int | None,
        max_pages: int | None,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> AsyncPager[ItemT, PageT]:
        """A lazy ``AsyncPager`` of the operation called with ``kwargs``."""
        return AsyncPager(endpoint, self.client, max_items=max_items, max_pages=max_pages, arguments=kwargs)


class Resource:
    """Hand-written methods of a generated sync resource class: its caller's client is ``_client``."""

    __slots__ = ()
    _caller: api.Caller

    @property
    def _client(self) -> AuthenticatedClient:
        # The facade makes its resources with the overlay's Caller (_resource_roots).
        return cast(Caller, self._caller).client


class AsyncResource:
    """Hand-written methods of a generated async resource class: its caller's client is ``_client``."""

    __slots__ = ()
    _caller: api.AsyncCaller

    @property
    def _client(self) -> AuthenticatedClient:
        # The facade makes its resources with the overlay's AsyncCaller (_resource_roots).
        return cast(AsyncCaller, self._caller).client


class _Pager(Generic[ItemsT, PagesT]):
    """What both pagers are: the endpoint, the client, the limits and the operation's arguments,
    handed to their side's pair of walks (``paginate`` / ``iter_pages``, or the async pair)."""

    __slots__ = ("_arguments", "_client", "_endpoint", "_max_items", "_max_pages")
    _walks: ClassVar[tuple[Callable[..., Any], Callable[..., Any]]]
    """The side's item walk and page walk."""

    def __init__(
        self,
        endpoint: Any,
        client: AuthenticatedClient,
        *,
        max_items: int | None,
        max_pages: int | None,
        arguments: dict[str, Any],
    ) -> None:
        # The endpoint is kept untyped here: its page type is the pager's PageT, declared by the
        # generated method that builds the pager.
        self._endpoint = endpoint
        self._client = client
        self._max_items = max_items
        self._max_pages = max_pages
        self._arguments = arguments

    def __repr__(self) -> str:
        operation = self._endpoint.__name__.rsplit(".", 1)[-1]
        return f"<{type(self).__name__} {operation} max_items={self._max_items} max_pages={self._max_pages}>"

    def _items(self) -> ItemsT:
        walk_items, _ = self._walks
        return cast(ItemsT, walk_items(self._endpoint, max_items=self._max_items, **self._page_options()))

    def pages(self) -> PagesT:
        """Whole pages, one request each, up to ``max_pages``."""
        _, walk_pages = self._walks
        return cast(PagesT, walk_pages(self._endpoint, **self._page_options()))

    def _page_options(self) -> dict[str, Any]:
        """The keyword arguments of both walks besides the endpoint (and ``max_items``)."""
        return {"client": self._client, "max_pages": self._max_pages, **self._arguments}


class SyncPager(_Pager[Iterator[ItemT], Iterator[PageT]], Generic[ItemT, PageT]):
    """A cursor-paginated operation's items (iterate) or whole pages (``pages()``), fetched lazily."""

    __slots__ = ()
    _walks = (paginate, iter_pages)

    def __iter__(self) -> Iterator[ItemT]:
        return self._items()


class AsyncPager(_Pager[AsyncIterator[ItemT], AsyncIterator[PageT]], Generic[ItemT, PageT]):
    """Async ``SyncPager``: ``async for item in pager`` and ``async for page in pager.pages()``."""

    __slots__ = ()
    _walks = (apaginate, aiter_pages)

    def __aiter__(self) -> AsyncIterator[ItemT]:
        return self._items()


class client_function(Generic[P, R, A]):
    """A method made of ``sync(client, ...)`` on a ``Resource`` and of ``asynchronous(client, ...)``
    on an ``AsyncResource``, with the resource's generated client passed first. Either function may
    be an ``ImportedOnFirstCall``: it is imported when the method is first looked up."""

    def __init__(
        self,
        sync: Callable[Concatenate[AuthenticatedClient, P], R],
        asynchronous: Callable[Concatenate[AuthenticatedClient, P], Coroutine[Any, Any, A]],
    ) -> None:
        self._functions: tuple[Callable[..., Any], Callable[..., Any]] = (sync, asynchronous)

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> Self: ...

    @overload
    def __get__(self, instance: Resource, owner: type[Any]) -> Callable[P, R]: ...

    @overload
    def __get__(self, instance: AsyncResource, owner: type[Any]) -> Callable[P, Coroutine[Any, Any, A]]: ...

    def __get__(self, instance: Resource | AsyncResource | None, owner: type[Any]) -> Any:
        if instance is None:
            return self
        function = self._functions[isinstance(instance, AsyncResource)]
        if isinstance(function, ImportedOnFirstCall):
            function = function.resolve()
        # A bound method, so help() and inspect.signature() show the function's own docstring and
        # parameters (without the client) rather than functools.partial's.
        return types.MethodType(function, instance._client)


class ImportedOnFirstCall:
    """``deepnote_overlay<module>.<name>``, imported when first used rather than at import.

    The helpers import the run, file and project modules and their endpoints; the facade only
    forwards to them, so ``from deepnote_overlay import Deepnote`` stays as light as ``import
    deepnote_overlay``. Callers import the real function under ``TYPE_CHECKING`` so mypy and
    editors see its signature.
    """

    def __init__(self, module: str, name: str) -> None:
        self._module = module
        self._name = name

    def resolve(self) -> Callable[..., Any]:
        function: Callable[..., Any] = getattr(importlib.import_module(self._module, __package__), self._name)
        return function

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.resolve()(*args, **kwargs)


class LazyModule:
    """``deepnote_overlay<module>``, imported when one of its functions is first used: each name read
    from it is an ``ImportedOnFirstCall``. Callers import the module itself under ``TYPE_CHECKING``
    so mypy and editors see its functions."""

    def __init__(self, module: str) -> None:
        self._module = module

    def __getattr__(self, name: str) -> ImportedOnFirstCall:
        if name.startswith("__"):  # what copy, pickle and inspect look for: not a function of the module
            raise AttributeError(name)
        return ImportedOnFirstCall(self._module, name)
