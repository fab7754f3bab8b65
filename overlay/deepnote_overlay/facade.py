"""``Deepnote`` and ``AsyncDeepnote``: the API as resources (``dn.notebooks.get(notebook_id)``).

Guarantees:

- The constructor takes every per-client setting (token or ``DEEPNOTE_TOKEN``, base URL or
  ``DEEPNOTE_BASE_URL``, timeout, retry policy, ``max_response_bytes``, the rate ``limiter`` and
  ``max_concurrency``, and httpx options such as ``transport=`` or ``verify=``) and checks them at
  once; ``retry=None`` sends each request once. The settings are ``lowlevel.connect``'s, with the
  same meaning, declared once (``client.connection``): mypy refuses a misspelled one.
- One attribute per spec tag and one method per operation, generated (``deepnote_client.api``); every
  method goes through ``call`` / ``acall`` / the pagers, so retries apply and errors are the
  overlay's typed errors. Jobs of several requests (``run_notebook``, ``runs.wait``) are plans,
  written once for both clients.
- ``client`` is the generated ``AuthenticatedClient`` underneath (a ``ConnectedClient``), for
  ``deepnote_overlay.lowlevel`` and the generated functions.
- ``with_options(timeout=..., retry=..., max_response_bytes=...)`` returns a client with those
  request settings changed, sharing the connection pool and the rate limiter (a 429 pauses both);
  the original is unchanged. It owns nothing: closing it does nothing, and closing the client it
  came from closes it too (a request then raises ``ClientClosedError``). Connection settings
  (``verify``, ``proxy``, ``transport``, the limiter) belong to the pool and need a new client.
- ``Deepnote`` on ``close()`` / leaving ``with``, and ``AsyncDeepnote`` on ``aclose()`` / leaving
  ``async with``, close every connection the client opened, sync and async (see
  ``ConnectedClient.close``), without a ``ResourceWarning``. A request after that raises
  ``ClientClosedError`` (for ``Deepnote`` a sync one, for ``AsyncDeepnote`` an async one).
- ``AsyncDeepnote`` belongs to the event loop that first uses it (httpx's async pool does); its
  connections are closed when that loop ends.
- The token never appears in a ``repr``.
"""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, Self, TypeVar, Unpack, cast

import httpx

from ._resource_roots import AsyncResources, Resources
from .client import DEFAULT_RETRY_POLICY, KEEP, ConnectedClient, Connection, Keep, connection
from .retries import RetryPolicy

if TYPE_CHECKING:
    from uuid import UUID

    from deepnote_client.client import AuthenticatedClient

    from .outputs import RunResult
    from .runs import RunOptions

__all__ = ["NO_RETRIES", "AsyncDeepnote", "Deepnote"]

P = ParamSpec("P")
S = TypeVar("S")

NO_RETRIES = RetryPolicy(max_retries=0)
"""The policy behind ``retry=None``: one attempt. A retry transport stays installed so that
``with_options`` can switch retries on per request without a second connection pool."""


def _parameters_of(
    build: Callable[P, object],
) -> Callable[[Callable[Concatenate[S, ...], None]], Callable[Concatenate[S, P], None]]:
    """Give an ``__init__`` the parameters of ``build``, declared once there: mypy, editors and
    ``inspect.signature`` see them (and the API reference, through ``scripts/griffe_parameters.py``)."""

    def declare(init: Callable[Concatenate[S, ...], None]) -> Callable[Concatenate[S, P], None]:
        model = inspect.signature(build)
        self = inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)
        init.__signature__ = model.replace(  # type: ignore[attr-defined]
            parameters=[self, *model.parameters.values()], return_annotation=None
        )
        return init

    return declare


class _Facade:
    """What ``Deepnote`` and ``AsyncDeepnote`` share: the settings, the client and the repr."""

    _connection: Connection
    _client: AuthenticatedClient  # the resources' type for it; always a ConnectedClient (``client``)
    _owns_client: bool

    @_parameters_of(connection)
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """A client of the Deepnote API, with ``lowlevel.connect``'s settings (``retry=None``: one
        attempt, and ``with_options`` can turn retries back on)."""
        if kwargs.get("retry", DEFAULT_RETRY_POLICY) is None:
            kwargs["retry"] = NO_RETRIES
        self._adopt(connection(*args, **kwargs), owns_client=True)

    def _adopt(self, settings: Connection, *, owns_client: bool) -> None:
        self._connection = settings
        self._client = settings.client()
        self._owns_client = owns_client
        # The clients of this client's with_options siblings, closed with it: they share its pool.
        # (Keyed by id: the generated client compares by value, so it cannot be a set member.)
        self._siblings: weakref.WeakValueDictionary[int, ConnectedClient] = weakref.WeakValueDictionary()
        self._root = self

    def _closing(self) -> list[ConnectedClient]:
        """The clients that closing this one closes: its own and its siblings' (none for a sibling)."""
        return [self.client, *self._siblings.values()] if self._owns_client else []

    @property
    def client(self) -> ConnectedClient:
        """The generated ``AuthenticatedClient`` (``connect``'s), for ``deepnote_overlay.lowlevel`` and generated functions."""
        return cast("ConnectedClient", self._client)

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None | Keep = KEEP,
        retry: RetryPolicy | None | Keep = KEEP,
        max_response_bytes: int | None | Keep = KEEP,
    ) -> Self:
        """This client with another ``timeout``, ``retry`` policy (``None``: one attempt) or
        ``max_response_bytes``, on the same connection pool and rate limiter:
        ``dn.with_options(timeout=5).notebooks.get(notebook_id)``.
        """
        settings = self._connection.evolve(
            timeout=timeout,
            retry=NO_RETRIES if retry is None else retry,
            max_response_bytes=max_response_bytes,
        )
        sibling = type(self).__new__(type(self))
        sibling._adopt(settings, owns_client=False)
        sibling._root = self._root
        self._root._siblings[id(sibling.client)] = sibling.client
        return sibling

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._connection.arguments['base_url']!r})"


class Deepnote(_Facade, Resources):
    """The Deepnote API: ``dn.notebooks``, ``dn.runs``, ``dn.projects``, ``dn.me``, one per spec tag."""

    def run_notebook(self, notebook_id: str | UUID, **options: Unpack[RunOptions]) -> RunResult:
        """Start a run of ``notebook_id`` and wait for it to end: ``runs.start`` then ``wait``,
        with the options of both (``inputs``, ``outputs``, ``timeout``, ...); a ``RunResult``."""
        from . import runs
        from ._plans import drive

        links = runs.links_of(self._client.get_httpx_client())
        return drive(runs.run_notebook(links, notebook_id, **options), self._client)

    def close(self) -> None:
        """Close the connections this client opened, sync and async (a ``with_options`` sibling owns none)."""
        for client in self._closing():
            closed = client.get_httpx_client()
            client.close()
            client.set_httpx_client(closed)  # kept: a later request raises ClientClosedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncDeepnote(_Facade, AsyncResources):
    """Async ``Deepnote``: the same resources with ``async`` methods; one per event loop."""

    async def run_notebook(self, notebook_id: str | UUID, **options: Unpack[RunOptions]) -> RunResult:
        """Start a run of ``notebook_id`` and wait for it to end: ``runs.start`` then ``wait``,
        with the options of both (``inputs``, ``outputs``, ``timeout``, ...); a ``RunResult``."""
        from . import runs
        from ._plans import adrive

        links = runs.links_of(self._client.get_async_httpx_client())
        return await adrive(runs.run_notebook(links, notebook_id, **options), self._client)

    async def aclose(self) -> None:
        """Close the connections this client opened, async and sync (a ``with_options`` sibling owns none)."""
        for client in self._closing():
            closed = client.get_async_httpx_client()
            await client.aclose()
            client.set_async_httpx_client(closed)  # kept: a later request raises ClientClosedError

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
