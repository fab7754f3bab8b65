"""Building blocks of the resource-style clients (``Deepnote``, ``AsyncDeepnote``).

Guarantees:

- ``Caller`` / ``AsyncCaller`` send a generated resource class's operations (``deepnote_client.api``'s
  ``Caller`` protocols) through ``call`` / ``acall`` and the pagers, on one generated
  ``AuthenticatedClient``; they hold nothing else, so they are cheap and never own (or close) it.
  Their ``paginate`` returns a lazy ``Pager`` (``pagination``) that only their side's statement
  iterates: ``for`` for ``Caller``, ``async for`` for ``AsyncCaller``.
- ``Resource`` / ``AsyncResource`` are the bases of hand-written methods a generated resource class
  gains (``facade_helpers``): they reach the client through the resource's caller.
- ``client_function`` turns a function taking the generated client first (``upload_file(client,
  project_id, ...)``) into a method with that argument bound, keeping its signature for mypy and
  editors (``dn.files.upload(project_id, ...)``), whatever parameters the function grows later.
"""

from __future__ import annotations

import importlib
import types
from collections.abc import Callable
from typing import Any, ClassVar, Concatenate, Generic, ParamSpec, Protocol, Self, TypeVar, cast, overload

from deepnote_client import api
from deepnote_client.api import PagedEndpoint
from deepnote_client.client import AuthenticatedClient

from .calls import Endpoint, acall, call
from .pagination import Pager, _Statement

__all__ = [
    "AsyncCaller",
    "AsyncResource",
    "Caller",
    "ImportedOnFirstCall",
    "Resource",
    "client_function",
]

ItemT = TypeVar("ItemT")
PageT = TypeVar("PageT")
P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


class _OnClient:
    """What both callers are: the generated client their operations are sent on, and the pagers of
    their side."""

    __slots__ = ("client",)
    _statement: ClassVar[_Statement]
    """The one statement that iterates this side's pagers."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self.client = client

    def paginate(
        self, endpoint: PagedEndpoint[Any, PageT, ItemT], /, **arguments: Any
    ) -> Pager[ItemT, PageT]:
        """A lazy ``Pager`` of the operation called with ``arguments`` (``max_items`` and ``max_pages``
        among them), iterated on this caller's side only."""
        max_items, max_pages = arguments.pop("max_items"), arguments.pop("max_pages")
        pager = Pager(endpoint, self.client, (), arguments, max_items=max_items, max_pages=max_pages)
        pager._only = self._statement
        return pager


class Caller(_OnClient):
    """Sends a generated resource's operations with ``call``; its pagers are iterated with ``for``."""

    __slots__ = ()
    _statement = "for"

    def call(self, endpoint: Endpoint[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """``call(endpoint, client, ...)``: the success model, or a typed error."""
        return call(endpoint, self.client, *args, **kwargs)


class AsyncCaller(_OnClient):
    """Async ``Caller``: ``acall``, and pagers iterated with ``async for``."""

    __slots__ = ()
    _statement = "async for"

    async def call(self, endpoint: Endpoint[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """``acall(endpoint, client, ...)``: the success model, or a typed error."""
        return await acall(endpoint, self.client, *args, **kwargs)


class _OnCaller:
    """What both resource bases reach: their caller's client, as ``_client``."""

    __slots__ = ()
    _caller: api.Caller | api.AsyncCaller

    @property
    def _client(self) -> AuthenticatedClient:
        # The facade makes its resources with the overlay's Caller / AsyncCaller (_resource_roots).
        return cast(_OnClient, self._caller).client


class Resource(_OnCaller):
    """Hand-written methods of a generated sync resource class: its caller's client is ``_client``."""

    __slots__ = ()
    _caller: api.Caller


class AsyncResource(_OnCaller):
    """Hand-written methods of a generated async resource class: its caller's client is ``_client``."""

    __slots__ = ()
    _caller: api.AsyncCaller


class _HasClient(Protocol):
    @property
    def _client(self) -> AuthenticatedClient: ...


class client_function(Generic[P, R]):
    """A method made of ``func(client, ...)``, with the owner's generated client passed first."""

    def __init__(self, func: Callable[Concatenate[AuthenticatedClient, P], R]) -> None:
        self._func = func
        self.__doc__ = func.__doc__

    @property
    def __wrapped__(self) -> Callable[Concatenate[AuthenticatedClient, P], R]:
        """The function itself (imported now if it was given as ``ImportedOnFirstCall``)."""
        func = self._func
        return func.resolve() if isinstance(func, ImportedOnFirstCall) else func

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> Self: ...

    @overload
    def __get__(self, instance: _HasClient, owner: type[Any]) -> Callable[P, R]: ...

    def __get__(self, instance: _HasClient | None, owner: type[Any]) -> Self | Callable[P, R]:
        if instance is None:
            return self
        # A bound method, so help() and inspect.signature() show the function's own docstring and
        # parameters (without the client) rather than functools.partial's.
        return cast(Callable[P, R], types.MethodType(self.__wrapped__, instance._client))


class ImportedOnFirstCall:
    """``deepnote_overlay<module>.<name>``, imported when first used rather than at import.

    The run helpers import the run models and endpoints; the facade only forwards to them, so
    ``from deepnote_overlay import Deepnote`` stays as light as ``import deepnote_overlay``. Callers
    import the real function under ``TYPE_CHECKING`` so mypy and editors see its signature.
    """

    def __init__(self, module: str, name: str) -> None:
        self._module = module
        self._name = name
        self.__doc__ = f"``deepnote_overlay{module}.{name}`` (imported on first use)."

    def resolve(self) -> Callable[..., Any]:
        function: Callable[..., Any] = getattr(importlib.import_module(self._module, __package__), self._name)
        return function

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.resolve()(*args, **kwargs)
