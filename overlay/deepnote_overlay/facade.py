"""``Deepnote`` and ``AsyncDeepnote``: the API as resources (``dn.notebooks.get(notebook_id)``).

Guarantees:

- The constructor takes what ``connect`` takes, with the same meaning (token or
  ``DEEPNOTE_TOKEN``, base URL or ``DEEPNOTE_BASE_URL``, timeout, retry policy, httpx options such
  as ``transport=``, the rate ``limiter`` and ``max_concurrency``), and builds the client with
  ``connect``. ``retry=None`` sends each request once.
- One attribute per spec tag and one method per operation, generated (``_resources.py``); every
  method goes through ``call`` / ``acall`` / the pagers, so retries apply and errors are the
  overlay's typed errors.
- ``client`` is the generated ``AuthenticatedClient`` underneath, usable with every generated
  function and overlay helper.
- ``with_options(timeout=..., retry=...)`` returns a client sharing the same connection pool with
  other per-request settings, and the same rate limiter (a 429 pauses both); the original is
  unchanged. It owns nothing: closing it does nothing.
- ``Deepnote`` closes its sync connections on ``close()`` / leaving ``with``; ``AsyncDeepnote`` its
  async ones on ``aclose()`` / leaving ``async with``. A client made by ``from_client`` is the
  caller's to close.
- ``AsyncDeepnote`` belongs to one event loop (httpx's async pool does); make one per loop.
- The token never appears in a ``repr``.
"""

from __future__ import annotations

import copy
import enum
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Self, overload

import attrs
import httpx

from deepnote_client.client import AuthenticatedClient

from ._resource_roots import AsyncResources, Resources
from .client import DEFAULT_RETRY_POLICY, DEFAULT_TIMEOUT, connect
from .resource import ImportedOnFirstCall, client_function
from .retries import RetryPolicy, RetryTransport

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from deepnote_client.models.run import Run

    from .limiter import RateLimiter
    from .outputs import RunResult
    from .runs import ASleep, InputValue, Sleep
else:
    arun_notebook = ImportedOnFirstCall(".runs", "arun_notebook")
    run_notebook = ImportedOnFirstCall(".runs", "run_notebook")

__all__ = ["NO_RETRIES", "AsyncDeepnote", "Deepnote"]

NO_RETRIES = RetryPolicy(max_retries=0)
"""The policy behind ``retry=None``: one attempt. A retry transport stays installed so that
``with_options`` can switch retries on per request without a second connection pool."""


class _NotGiven(enum.Enum):
    NOT_GIVEN = "NOT_GIVEN"


_NOT_GIVEN = _NotGiven.NOT_GIVEN


class _Facade:
    """What ``Deepnote`` and ``AsyncDeepnote`` share: the client, its options and its repr."""

    _client: AuthenticatedClient
    _owns_client: bool

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = DEFAULT_RETRY_POLICY,
        limiter: RateLimiter | bool = True,
        max_concurrency: int | None = None,
        **httpx_options: Any,
    ) -> None:
        """Connect like ``connect(token, base_url=..., timeout=..., retry=..., limiter=...,
        max_concurrency=..., **httpx_options)``."""
        policy = NO_RETRIES if retry is None else retry
        self._client = connect(
            token,
            base_url=base_url,
            timeout=timeout,
            retry=policy,
            limiter=limiter,
            max_concurrency=max_concurrency,
            **httpx_options,
        )
        self._owns_client = True

    @classmethod
    def from_client(cls, client: AuthenticatedClient) -> Self:
        """A facade over ``client`` (for example from ``connect``), which stays the caller's to close."""
        return cls._wrap(client, owns_client=False)

    @classmethod
    def _wrap(cls, client: AuthenticatedClient, *, owns_client: bool) -> Self:
        facade = cls.__new__(cls)
        facade._client = client
        facade._owns_client = owns_client
        return facade

    @property
    def client(self) -> AuthenticatedClient:
        """The generated ``AuthenticatedClient``, for generated functions and overlay helpers."""
        return self._client

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None | _NotGiven = _NOT_GIVEN,
        retry: RetryPolicy | None | _NotGiven = _NOT_GIVEN,
    ) -> Self:
        """This client with another ``timeout`` (seconds, ``httpx.Timeout`` or ``None``) or ``retry``
        policy (``None``: one attempt), on the same connection pool. ``dn.with_options(timeout=5)``.
        """
        changes: dict[str, Any] = {}
        if not isinstance(timeout, _NotGiven):
            changes["timeout"] = (
                timeout if timeout is None or isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
            )
        transport = _retry_transport(self._client)
        if not isinstance(retry, _NotGiven):
            # Same wrapped transports (the pool) and the same limiter, another policy.
            transport = copy.copy(transport)
            transport.policy = NO_RETRIES if retry is None else retry
        # The generated client keeps httpx options (our transport among them) as init arguments, so
        # evolve gives a client whose lazily made httpx clients share that transport.
        changes["httpx_args"] = {**_httpx_args(self._client), "transport": transport}
        return self._wrap(attrs.evolve(self._client, **changes), owns_client=False)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._client._base_url!r})"


class Deepnote(_Facade, Resources):
    """The Deepnote API: ``dn.notebooks``, ``dn.runs``, ``dn.projects``, ``dn.me``, one per spec tag."""

    if TYPE_CHECKING:
        # ``run_notebook``'s overloads (``outputs=True`` returns a ``RunResult``), which a
        # ParamSpec cannot carry over; tests/overlay/test_facade.py checks they match the function's.
        @overload
        def run_notebook(
            self,
            notebook_id: str,
            *,
            inputs: Mapping[str, InputValue] | None = ...,
            detached: bool = ...,
            wait: bool = ...,
            outputs: Literal[False] = ...,
            raise_on_failure: bool = ...,
            timeout: float = ...,
            snapshot_timeout: float = ...,
            poll_interval: float = ...,
            max_poll_interval: float = ...,
            sleep: Sleep = ...,
            clock: Callable[[], float] = ...,
        ) -> Run: ...

        @overload
        def run_notebook(
            self,
            notebook_id: str,
            *,
            inputs: Mapping[str, InputValue] | None = ...,
            detached: bool = ...,
            wait: Literal[True] = ...,
            outputs: Literal[True],
            raise_on_failure: bool = ...,
            timeout: float = ...,
            snapshot_timeout: float = ...,
            poll_interval: float = ...,
            max_poll_interval: float = ...,
            sleep: Sleep = ...,
            clock: Callable[[], float] = ...,
        ) -> RunResult: ...

        def run_notebook(self, notebook_id: str, **options: Any) -> Run | RunResult: ...

    else:
        run_notebook = client_function(run_notebook)

    def close(self) -> None:
        """Close the connections this client opened (not those of a client given to ``from_client``)."""
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

    if TYPE_CHECKING:
        # ``arun_notebook``'s overloads, as on ``Deepnote``.
        @overload
        async def run_notebook(
            self,
            notebook_id: str,
            *,
            inputs: Mapping[str, InputValue] | None = ...,
            detached: bool = ...,
            wait: bool = ...,
            outputs: Literal[False] = ...,
            raise_on_failure: bool = ...,
            timeout: float = ...,
            snapshot_timeout: float = ...,
            poll_interval: float = ...,
            max_poll_interval: float = ...,
            asleep: ASleep = ...,
            clock: Callable[[], float] = ...,
        ) -> Run: ...

        @overload
        async def run_notebook(
            self,
            notebook_id: str,
            *,
            inputs: Mapping[str, InputValue] | None = ...,
            detached: bool = ...,
            wait: Literal[True] = ...,
            outputs: Literal[True],
            raise_on_failure: bool = ...,
            timeout: float = ...,
            snapshot_timeout: float = ...,
            poll_interval: float = ...,
            max_poll_interval: float = ...,
            asleep: ASleep = ...,
            clock: Callable[[], float] = ...,
        ) -> RunResult: ...

        async def run_notebook(self, notebook_id: str, **options: Any) -> Run | RunResult: ...

    else:
        run_notebook = client_function(arun_notebook)

    async def aclose(self) -> None:
        """Close the connections this client opened (not those of a client given to ``from_client``)."""
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


def _httpx_args(client: AuthenticatedClient) -> dict[str, Any]:
    # The generated client stores its ``httpx_args`` init argument in the attrs field
    # ``_httpx_args``; attrs.evolve needs them back to make a sibling client.
    return dict(client._httpx_args)


def _retry_transport(client: AuthenticatedClient) -> RetryTransport:
    transport = _httpx_args(client).get("transport")
    if not isinstance(transport, RetryTransport):
        raise TypeError(
            "with_options needs a client made by Deepnote(...) or connect() with retries installed; "
            "this one has no RetryTransport, so a changed copy would open a second connection pool"
        )
    return transport
