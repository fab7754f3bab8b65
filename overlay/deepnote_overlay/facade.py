"""``Deepnote`` and ``AsyncDeepnote``: the API as resources (``dn.notebooks.get(notebook_id)``).

Guarantees:

- The constructor takes every per-client setting (token or ``DEEPNOTE_TOKEN``, base URL or
  ``DEEPNOTE_BASE_URL``, timeout, retry policy, ``max_response_bytes``, the rate ``limiter`` and
  ``max_concurrency``, and httpx options such as ``transport=`` or ``verify=``) and checks them at
  once; ``retry=None`` sends each request once. The settings are ``lowlevel.connect``'s, with the
  same meaning.
- One attribute per spec tag and one method per operation, generated (``deepnote_client.api``); every
  method goes through ``call`` / ``acall`` / the pagers, so retries apply and errors are the
  overlay's typed errors. Jobs of several requests (``run_notebook``, ``runs.wait``) are plans,
  written once for both clients.
- ``client`` is the generated ``AuthenticatedClient`` underneath, for ``deepnote_overlay.lowlevel``
  and the generated functions.
- ``with_options(timeout=..., retry=..., max_response_bytes=...)`` returns a client with those
  request settings changed, sharing the connection pool and the rate limiter (a 429 pauses both);
  the original is unchanged. It owns nothing: closing it does nothing. Connection settings
  (``verify``, ``proxy``, ``transport``, the limiter) belong to the pool and need a new client.
- ``Deepnote`` closes its sync connections on ``close()`` / leaving ``with``; ``AsyncDeepnote`` its
  async ones on ``aclose()`` / leaving ``async with``. A request after that raises
  ``ClientClosedError``.
- ``AsyncDeepnote`` belongs to one event loop (httpx's async pool does); make one per loop.
- The token never appears in a ``repr``.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, Unpack

import httpx

from deepnote_client.client import DEFAULT_MAX_RESPONSE_BYTES, AuthenticatedClient

from ._plans import adrive, drive
from ._resource_roots import AsyncResources, Resources
from .client import DEFAULT_RETRY_POLICY, DEFAULT_TIMEOUT, KEEP, Connection, Keep, connection
from .retries import RetryPolicy

if TYPE_CHECKING:
    from collections.abc import Callable
    from uuid import UUID

    from .limiter import RateLimiter
    from .outputs import RunResult
    from .runs import RunOptions

__all__ = ["NO_RETRIES", "AsyncDeepnote", "Deepnote"]

NO_RETRIES = RetryPolicy(max_retries=0)
"""The policy behind ``retry=None``: one attempt. A retry transport stays installed so that
``with_options`` can switch retries on per request without a second connection pool."""


class _Facade:
    """What ``Deepnote`` and ``AsyncDeepnote`` share: the settings, the client and the repr."""

    _connection: Connection
    _client: AuthenticatedClient
    _owns_client: bool

    def __init__(
        self,
        token: str | Callable[[], str] | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = DEFAULT_RETRY_POLICY,
        max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
        limiter: RateLimiter | bool = True,
        max_concurrency: int | None = None,
        **httpx_options: Any,
    ) -> None:
        """A client of the Deepnote API.

        ``token`` (a string, or a function called for each request to get one) defaults to
        ``DEEPNOTE_TOKEN``, and ``base_url`` to ``DEEPNOTE_BASE_URL``, else
        ``https://api.deepnote.com/v2``. ``timeout`` is seconds for every phase, an
        ``httpx.Timeout``, or ``None``. ``retry`` is the ``RetryPolicy`` (``None``: one attempt).
        ``max_response_bytes`` caps an answer's decoded body (``None``: no cap). ``limiter`` is
        the ``RateLimiter`` every request waits at (``True``: one for this client, ``False``:
        none); ``max_concurrency`` caps the requests in flight. ``httpx_options`` go to httpx
        (``verify``, ``headers``, ``proxy``, ``event_hooks``; ``transport=`` replaces the network
        transport, still wrapped by retries and the limiter).
        """
        self._adopt(
            connection(
                token,
                base_url=base_url,
                timeout=timeout,
                retry=NO_RETRIES if retry is None else retry,
                max_response_bytes=max_response_bytes,
                limiter=limiter,
                max_concurrency=max_concurrency,
                **httpx_options,
            ),
            owns_client=True,
        )

    def _adopt(self, settings: Connection, *, owns_client: bool) -> None:
        self._connection = settings
        self._client = settings.client()
        self._owns_client = owns_client

    @property
    def client(self) -> AuthenticatedClient:
        """The generated ``AuthenticatedClient``, for ``deepnote_overlay.lowlevel`` and generated functions."""
        return self._client

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
        return sibling

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._connection.arguments['base_url']!r})"


class Deepnote(_Facade, Resources):
    """The Deepnote API: ``dn.notebooks``, ``dn.runs``, ``dn.projects``, ``dn.me``, one per spec tag."""

    def run_notebook(self, notebook_id: str | UUID, **options: Unpack[RunOptions]) -> RunResult:
        """Start a run of ``notebook_id`` and wait for it to end: ``runs.start`` then ``wait``,
        with the options of both (``inputs``, ``outputs``, ``timeout``, ...); a ``RunResult``."""
        from . import runs

        links = runs.links_of(self._client.get_httpx_client())
        return drive(runs.run_notebook(links, notebook_id, **options), self._client)

    def close(self) -> None:
        """Close the connections this client opened (a ``with_options`` sibling owns none)."""
        if self._owns_client:
            self._client.get_httpx_client().close()

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

        links = runs.links_of(self._client.get_async_httpx_client())
        return await adrive(runs.run_notebook(links, notebook_id, **options), self._client)

    async def aclose(self) -> None:
        """Close the connections this client opened (a ``with_options`` sibling owns none)."""
        if self._owns_client:
            await self._client.get_async_httpx_client().aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
