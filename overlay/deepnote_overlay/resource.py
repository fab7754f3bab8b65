"""Building blocks of the resource-style clients (``Deepnote``, ``AsyncDeepnote``).

Guarantees:

- ``Caller`` / ``AsyncCaller`` send a generated resource class's operations (``deepnote_client.api``'s
  ``Caller`` protocols) through ``call`` / ``acall`` and the pagers, on one generated
  ``AuthenticatedClient``; they hold nothing else, so they are cheap and never own (or close) it.
  Their ``paginate`` returns a lazy ``Pager`` (``pagination``) that only their side's statement
  iterates: ``for`` for ``Caller``, ``async for`` for ``AsyncCaller``.
- ``Resource`` / ``AsyncResource`` mark a resource class as sync or async: a generated class with
  hand-written methods (``facade_helpers``) has one of them as a base, and reaches the client
  through the resource's caller.
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
from collections.abc import Callable, Coroutine
from typing import Any, ClassVar, Concatenate, Generic, ParamSpec, Self, TypeVar, cast, overload

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
    "LazyModule",
    "Resource",
    "client_function",
]

ItemT = TypeVar("ItemT")
PageT = TypeVar("PageT")
P = ParamSpec("P")
R = TypeVar("R")
A = TypeVar("A")
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
