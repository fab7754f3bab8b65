"""``connect``: a ``ConnectedClient`` (the generated ``AuthenticatedClient`` with the overlay's
settings) with a token, a timeout, a User-Agent and retries.

Guarantees:

- The token is the argument or ``DEEPNOTE_TOKEN``; without either, ``MissingTokenError`` is raised
  at once, before any request. A callable given as the token is a token provider, called for
  every request (short-lived credentials); what it returns is checked like a token, and a provider
  that fails or returns no usable token raises ``MissingTokenError`` naming only the failure.
- The base URL is the argument, else ``DEEPNOTE_BASE_URL``, else ``https://api.deepnote.com/v2``.
- The returned client works with every generated function, sync and async, and (unless
  ``retry=None``) sends every request through one ``RetryTransport``.
- TLS verification stays on unless the caller passes ``verify=False``; with retries installed,
  ``verify`` and the other connection options go to the wrapped transports, because httpx ignores
  them on a client that is given a transport.
- Requests carry ``User-Agent: deepnote-overlay/<version> python-httpx/<version>``.
- Bad settings fail here, not at the first call, with a ``ValueError`` that never quotes the token:
  the token is stripped of surrounding whitespace and refused if it has a control or non-ASCII
  character (a header could not carry it); ``timeout`` must be above zero or ``None``;
  ``base_url`` must be an absolute ``http``/``https`` URL; header values must be printable ASCII.
- A token about to go over plain ``http`` to a host that is not loopback is logged once, at
  WARNING, on the ``deepnote_overlay`` logger.
- Answers are read up to ``max_response_bytes`` (32 MiB by default, decoded); see ``call``. The
  setting lives on the ``ConnectedClient`` only; a generated client not made here gets the default.
- Leaving ``with`` (``close()``) closes every connection the client opened, sync and async, without
  a ``ResourceWarning``; so does leaving ``async with`` (``aclose()``). The async connections are
  closed inside the event loop that used them, at the latest as that loop shuts down
  (``asyncio.run``, ``asyncio.Runner``), since after that nothing can close them cleanly;
  ``close()`` never waits more than ``CLOSE_WAIT`` seconds for a loop in another thread. The client
  stays usable: a later call opens fresh connections.
- Idle connections are dropped after 4 s (``DEFAULT_LIMITS``), before the 5 s at which common
  servers (Node's default) close them, so a request is not sent on a connection being closed.
  Passing ``limits`` replaces this.
- Unless ``limiter=False``, every request of the client (sync and async) goes through one
  ``RateLimiter``: a 429 pauses them all until the reset (see ``limiter``).
"""

from __future__ import annotations

import contextlib
import copy
import enum
import functools
import ipaddress
import logging
import os
import weakref
from collections.abc import AsyncGenerator, Callable, Generator, Mapping
from typing import TYPE_CHECKING, Any, ParamSpec, TypedDict, Unpack

import attrs
import httpx

from deepnote_client.client import AuthenticatedClient, check_header_value

from .errors import MissingTokenError
from .retries import RetryPolicy, RetryTransport

if TYPE_CHECKING:
    import asyncio
    import ssl

    from httpx._types import AuthTypes, CertTypes, CookieTypes, HeaderTypes, ProxyTypes, QueryParamTypes

    # Imported when a client is made (``_rate_limiter``): `import deepnote_overlay` does not load it.
    from .limiter import LimitedTransport, RateLimiter

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_RETRY_POLICY",
    "DEFAULT_TIMEOUT",
    "USER_AGENT",
    "ConnectedClient",
    "Connection",
    "HttpxOptions",
    "__version__",
    "connect",
    "connection",
    "response_limit",
]

DEFAULT_BASE_URL = "https://api.deepnote.com/v2"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_RETRY_POLICY = RetryPolicy()
DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024
"""32 MiB: a run's outputs are capped at 5 MiB by Deepnote, so this leaves room for sources and JSON escaping."""
# httpx's defaults, except idle connections expire after 4 s instead of 5 s: Node's default server
# keep-alive timeout is 5 s, and a request written as the server closes the connection fails (a
# POST then cannot be retried).
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=4.0)

logger = logging.getLogger("deepnote_overlay")

# Reading the installed version needs importlib.metadata (about 5 ms of imports), so
# ``__version__`` and ``USER_AGENT`` are computed on first use (PEP 562). The annotations give
# type checkers the names without binding them.
__version__: str
USER_AGENT: str


@functools.cache
def _version() -> str:
    import importlib.metadata

    try:
        return importlib.metadata.version("deepnote-api-client")
    except importlib.metadata.PackageNotFoundError:  # running from a checkout that was never installed
        return "0+unknown"


def _user_agent() -> str:
    return f"deepnote-overlay/{_version()} python-httpx/{httpx.__version__}"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    if name == "USER_AGENT":
        return _user_agent()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


P = ParamSpec("P")

# Options that configure the connection itself. httpx.Client ignores them when it is given a
# transport, so with retries on they are handed to the wrapped transports instead.
_TRANSPORT_OPTIONS = ("cert", "trust_env", "http1", "http2", "limits", "proxy")
# Options the generated client takes as its own fields rather than through httpx_args.
_CLIENT_OPTIONS = ("headers", "cookies", "follow_redirects")


class HttpxOptions(TypedDict, total=False):
    """The options of ``httpx.Client`` / ``httpx.AsyncClient`` that ``connect`` and ``Deepnote`` pass
    on (``timeout`` and ``base_url`` are their own settings); see httpx for each one's meaning."""

    auth: AuthTypes
    params: QueryParamTypes
    headers: HeaderTypes
    cookies: CookieTypes
    verify: ssl.SSLContext | str | bool
    cert: CertTypes
    trust_env: bool
    http1: bool
    http2: bool
    proxy: ProxyTypes
    mounts: Mapping[str, Any]
    follow_redirects: bool
    limits: httpx.Limits
    max_redirects: int
    event_hooks: Mapping[str, list[Callable[..., Any]]]
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport
    default_encoding: str | Callable[[bytes], str]


def connection(
    token: str | Callable[[], str] | None = None,
    *,
    base_url: str | None = None,
    timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
    retry: RetryPolicy | None = DEFAULT_RETRY_POLICY,
    max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
    limiter: RateLimiter | bool = True,
    max_concurrency: int | None = None,
    **httpx_options: Unpack[HttpxOptions],
) -> Connection:
    """Every setting of a client, checked, and the transports composed: what ``connect`` and
    ``Deepnote`` build their clients from (the one place these settings are declared).

    ``token`` (a string, or a function called for each request to get one) defaults to
    ``DEEPNOTE_TOKEN``, and ``base_url`` to ``DEEPNOTE_BASE_URL``, else ``DEFAULT_BASE_URL``.
    ``timeout`` is seconds for every phase, an ``httpx.Timeout``, or ``None`` for none at all.
    ``retry`` is the ``RetryPolicy`` to apply, or ``None`` to send each request once.
    ``max_response_bytes`` is the largest answer body ``call`` reads (decoded), or ``None``.
    ``limiter`` is the ``RateLimiter`` every request waits at (``True``: a new one for this client,
    ``False``: none); ``max_concurrency`` caps the requests in flight (needs the limiter).
    ``httpx_options`` go to ``httpx.Client`` / ``httpx.AsyncClient`` (``HttpxOptions``: for example
    ``verify``, ``headers``, ``proxy``, ``event_hooks``); ``transport=`` replaces the network
    transport (for example an ``httpx.MockTransport``), still wrapped by the retries and the limiter.
    """
    options: dict[str, Any] = dict(httpx_options)
    unknown = sorted(set(options) - HttpxOptions.__optional_keys__)
    if unknown:
        raise TypeError(f"unexpected keyword argument(s) {', '.join(map(repr, unknown))}: see HttpxOptions")
    provider = token if callable(token) else None
    if provider is not None:
        # Called for every request (short-lived credentials); the client's own header is replaced.
        options["auth"] = TokenProviderAuth(provider)
        token = TokenProviderAuth.PLACEHOLDER
    if token is None:
        token = os.environ.get("DEEPNOTE_TOKEN")
    if not isinstance(token, str) or not token.strip():
        raise MissingTokenError(
            "no Deepnote API token: pass connect(token=...) or set the DEEPNOTE_TOKEN environment variable"
        )
    token = token.strip()  # a token read from a file or a Kubernetes secret often ends in a newline
    check_header_value("the Deepnote API token", token)
    if base_url is None:
        base_url = os.environ.get("DEEPNOTE_BASE_URL") or DEFAULT_BASE_URL
    _check_base_url(base_url)
    timeout = _checked_timeout(timeout)
    _checked_size(max_response_bytes)

    client_fields = {name: options.pop(name) for name in _CLIENT_OPTIONS if name in options}
    extra_headers = client_fields.pop("headers", {})
    _check_headers(extra_headers)
    headers = httpx.Headers({"User-Agent": _user_agent()})
    headers.update(extra_headers)  # case-insensitive: a caller's user-agent replaces ours
    # The generated client hands verify_ssl to httpx.Client itself, so verify leaves options.
    verify = options.pop("verify", True)
    options.setdefault("limits", DEFAULT_LIMITS)
    rate_limiter = _rate_limiter(limiter, max_concurrency, retry)
    if retry is not None or rate_limiter is not None:
        options["transport"] = _retry_transport(retry, rate_limiter, verify, options)

    return Connection(
        {
            "base_url": base_url,
            "token": token,
            "timeout": timeout,
            "headers": dict(headers),
            "verify_ssl": verify,
            "httpx_args": options,
            "max_response_bytes": max_response_bytes,
            **client_fields,
        }
    )


def _client_of(build: Callable[P, Connection]) -> Callable[P, ConnectedClient]:
    @functools.wraps(build)
    def connect(*args: P.args, **kwargs: P.kwargs) -> ConnectedClient:
        return build(*args, **kwargs).client()

    connect.__name__ = connect.__qualname__ = "connect"
    connect.__doc__ = """A generated ``AuthenticatedClient`` ready for every generated function, made from
    the settings ``Deepnote(...)`` takes, with the same meaning (``connection``'s)."""
    return connect


connect = _client_of(connection)


CLOSE_WAIT = 10.0
"""Most seconds ``close()`` waits for an event loop running in another thread to close the async side."""


@attrs.define
class ConnectedClient(AuthenticatedClient):
    """What ``connect`` returns: the generated ``AuthenticatedClient``, with the overlay's settings
    and a ``close()`` that closes everything it opened.

    ``max_response_bytes`` is the largest answer body, decoded, that ``call`` / ``acall`` read
    (``None``: no limit); ``with_options`` and ``Connection.evolve`` change it per client.

    ``close()`` (and leaving ``with``) closes the sync side and the async side; ``aclose()`` (and
    leaving ``async with``) too. Later calls open fresh connections. The async side's sockets
    belong to the event loop that used it, so it is closed inside that loop (``_LoopCloser``).
    """

    max_response_bytes: int | None = attrs.field(default=DEFAULT_MAX_RESPONSE_BYTES, kw_only=True)
    _closer: _LoopCloser | None = attrs.field(default=None, init=False, repr=False, eq=False)

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The async httpx client; the first time a running event loop asks, it is registered to
        be closed in that loop (when the loop ends at the latest)."""
        http = super().get_async_httpx_client()
        closer = self._closer
        if closer is None or closer.http is not http:
            loop = _running_loop()
            if loop is not None:  # outside a loop (or under trio) there is nothing a loop owns yet
                with self._lock:
                    if self._closer is None or self._closer.http is not http:
                        self._closer = _LoopCloser(self, http, loop)
        return http

    def close(self) -> None:
        """Close the sync and the async httpx client, if made; a later call makes fresh ones.

        The async one is closed in its event loop: at once if that loop is idle; waited for (at
        most ``CLOSE_WAIT`` seconds) if it runs in another thread; at its next ``await`` if it is
        the loop running this code. One whose loop has ended was closed as that loop shut down.
        """
        super().close()
        with self._lock:
            closer, self._closer = self._closer, None
        if closer is not None:
            self._forget(closer.http)
            closer.close()

    async def aclose(self) -> None:
        """Close the async and the sync httpx client; a later call makes fresh ones."""
        with self._lock:
            closer, self._closer = self._closer, None
        if closer is not None:
            closer.close()  # in its own loop, a task that finds the client below closed already
        await super().aclose()

    def _forget(self, http: httpx.AsyncClient) -> None:
        """Drop ``http`` (being closed): the next async call makes a fresh async httpx client."""
        with self._lock:
            if self._async_client is http:
                self._async_client = None


def response_limit(client: AuthenticatedClient) -> int | None:
    """The largest answer body ``call`` reads for ``client``: its ``max_response_bytes``, or
    ``DEFAULT_MAX_RESPONSE_BYTES`` for a generated client not made by ``connect``."""
    return client.max_response_bytes if isinstance(client, ConnectedClient) else DEFAULT_MAX_RESPONSE_BYTES


def _running_loop() -> asyncio.AbstractEventLoop | None:
    import asyncio

    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


# The closing tasks ``_LoopCloser.close`` started, held until done (an event loop holds its tasks weakly).
_PENDING: set[asyncio.Task[None]] = set()


class _LoopCloser:
    """Closes one async httpx client inside the event loop that owns its sockets.

    Why an async generator: ``asyncio.run`` (and ``asyncio.Runner``) end by calling the loop's
    ``shutdown_asyncgens()``, which finishes every async generator still suspended in that loop
    *while the loop still runs*, so awaiting ``aclose()`` there works. Once the loop is closed,
    nothing can close those sockets cleanly any more (``Event loop is closed``), which is the
    usual case of ``with connect() as client: asyncio.run(...)``. The generator is started here,
    synchronously: its first step runs to its ``yield`` without awaiting anything, and the running
    loop's first-iteration hook registers it. Dropped unfinished while the loop runs (the client
    collected), the loop's finalizer hook finishes it too.
    """

    def __init__(
        self, owner: ConnectedClient, http: httpx.AsyncClient, loop: asyncio.AbstractEventLoop
    ) -> None:
        self.http = http
        self.loop = loop
        self._until_closed = _closed_at_the_end(weakref.ref(owner), http)
        with contextlib.suppress(StopIteration):
            self._until_closed.asend(None).send(None)

    async def finish(self) -> None:
        await self._until_closed.aclose()

    def close(self) -> None:
        """Close from synchronous code, in the owning loop, never blocking for long."""
        import asyncio

        loop = self.loop
        if loop.is_closed():
            return  # finished by its shutdown_asyncgens(); a loop closed without it left nothing reachable
        running = _running_loop()
        if running is loop:  # a coroutine of that loop, which cannot be waited for here
            task = loop.create_task(self.finish())
            _PENDING.add(task)
            task.add_done_callback(_PENDING.discard)
        elif loop.is_running():  # in another thread
            with contextlib.suppress(TimeoutError):
                asyncio.run_coroutine_threadsafe(self.finish(), loop).result(CLOSE_WAIT)
        elif running is None:  # idle
            loop.run_until_complete(self.finish())
        # Else another loop runs in this thread, so the idle owner cannot run now. Dropped here, the
        # generator is handed to the owner by its finalizer hook, to finish when it runs again.


async def _closed_at_the_end(
    owner: weakref.ref[ConnectedClient], http: httpx.AsyncClient
) -> AsyncGenerator[None]:
    try:
        yield
    finally:
        client = owner()
        if client is not None:
            client._forget(http)
        await http.aclose()


class Keep(enum.Enum):
    """The default of ``Connection.evolve``'s arguments: keep the setting as it is."""

    KEEP = "KEEP"


KEEP = Keep.KEEP


@attrs.frozen
class Connection:
    """Every setting ``connect`` decided, in one place: the generated client's arguments, the
    transport (which holds the connection pool, the retry policy and the rate limiter) among them.

    ``client()`` builds a generated client from them; ``evolve`` gives the settings with some
    request settings changed and the same pool and limiter, so ``Deepnote.with_options`` never
    reads a generated client's private attributes.
    """

    arguments: dict[str, Any]

    def client(self) -> ConnectedClient:
        return ConnectedClient(**self.arguments)

    @property
    def transport(self) -> httpx.BaseTransport | None:
        transport: httpx.BaseTransport | None = self.arguments["httpx_args"].get("transport")
        return transport

    def evolve(
        self,
        *,
        timeout: float | httpx.Timeout | None | Keep = KEEP,
        retry: RetryPolicy | Keep = KEEP,
        max_response_bytes: int | None | Keep = KEEP,
    ) -> Connection:
        arguments = dict(self.arguments)
        if not isinstance(timeout, Keep):
            arguments["timeout"] = _checked_timeout(timeout)
        if not isinstance(max_response_bytes, Keep):
            arguments["max_response_bytes"] = _checked_size(max_response_bytes)
        if not isinstance(retry, Keep):
            transport = self.transport
            if not isinstance(transport, RetryTransport):
                raise TypeError("changing retry needs the retry transport connect() installs")
            # Same wrapped transports (the pool) and the same limiter, another policy.
            transport = copy.copy(transport)
            transport.policy = retry
            arguments["httpx_args"] = {**arguments["httpx_args"], "transport": transport}
        return Connection(arguments)


def _checked_size(max_response_bytes: int | None) -> int | None:
    if max_response_bytes is not None and max_response_bytes <= 0:
        raise ValueError(f"max_response_bytes must be above zero or None, not {max_response_bytes!r}")
    return max_response_bytes


class TokenProviderAuth(httpx.Auth):
    """Sets ``Authorization: Bearer <provider()>`` on every request."""

    PLACEHOLDER = "token-from-provider"

    def __init__(self, provider: Callable[[], str]) -> None:
        self._provider = provider

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        try:
            token = self._provider()
        except Exception as error:  # noqa: BLE001  # the provider's failure, without its text (it may hold secrets)
            raise MissingTokenError(f"the token provider failed: {type(error).__name__}") from None
        if not isinstance(token, str) or not token.strip():
            raise MissingTokenError("the token provider returned no token")
        token = token.strip()
        check_header_value("the Deepnote API token", token)
        request.headers["Authorization"] = f"Bearer {token}"
        yield request


def _check_headers(headers: Mapping[str, str | bytes]) -> None:
    for name, value in headers.items():
        if isinstance(value, str):
            check_header_value(f"the value of header {name.lower()!r}", value)


def _check_base_url(base_url: str) -> None:
    """An absolute http(s) URL, with a WARNING when the token would cross a network in clear text."""
    try:
        url = httpx.URL(base_url)
    except httpx.InvalidURL as error:
        raise ValueError(f"base_url is not a valid URL: {error}") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(
            "base_url must be an absolute http:// or https:// URL, such as "
            f"{DEFAULT_BASE_URL} (scheme {url.scheme!r}, host {url.host!r} given)"
        )
    if url.scheme == "http" and not _is_loopback(url.host):
        logger.warning(
            "the Deepnote API token will be sent over plain http to %s, readable by anyone on the way; "
            "use https",
            url.host,
        )


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _checked_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout | None:
    """``timeout`` as an ``httpx.Timeout``; zero or negative phases are refused (httpx would fail late
    with a misleading "Operation now in progress")."""
    if timeout is None:
        return None
    if not isinstance(timeout, httpx.Timeout):
        timeout = httpx.Timeout(timeout)
    for phase, seconds in timeout.as_dict().items():
        if seconds is not None and not seconds > 0:
            raise ValueError(f"timeout ({phase}) must be above zero or None, not {seconds!r}")
    return timeout


def _rate_limiter(
    limiter: RateLimiter | bool, max_concurrency: int | None, retry: RetryPolicy | None
) -> RateLimiter | None:
    from .limiter import RateLimiter

    if isinstance(limiter, RateLimiter):
        if max_concurrency is not None:
            raise ValueError("max_concurrency goes to the RateLimiter you pass, not to connect()")
        return limiter
    if not limiter:
        if max_concurrency is not None:
            raise ValueError("max_concurrency needs the limiter: drop limiter=False")
        return None
    if retry is None:
        return RateLimiter(max_concurrency=max_concurrency)
    return RateLimiter(max_concurrency=max_concurrency, max_pause=retry.max_retry_after)


def _retry_transport(
    retry: RetryPolicy | None,
    limiter: RateLimiter | None,
    verify: Any,
    httpx_options: dict[str, Any],
) -> RetryTransport | LimitedTransport:
    """The retry transport (or, with ``retry=None``, the limiter's alone), taking the connection
    options (and any ``transport``) out of ``httpx_options``.

    httpx ignores ``verify`` and the other connection options on a client given a transport, so
    they go to the wrapped transports here.
    """
    options = {name: httpx_options.pop(name) for name in _TRANSPORT_OPTIONS if name in httpx_options}
    inner = httpx_options.pop("transport", None)
    if inner is None:
        # One SSL context for both transports: loading the CA bundle is most of connect()'s cost.
        ssl_context = httpx.create_ssl_context(
            verify=verify, cert=options.pop("cert", None), trust_env=options.get("trust_env", True)
        )
        sync: httpx.BaseTransport | None = httpx.HTTPTransport(verify=ssl_context, **options)
        async_: httpx.AsyncBaseTransport | None = httpx.AsyncHTTPTransport(verify=ssl_context, **options)
    else:
        sync = inner if isinstance(inner, httpx.BaseTransport) else None
        async_ = inner if isinstance(inner, httpx.AsyncBaseTransport) else None
    if retry is None:
        assert limiter is not None
        from .limiter import LimitedTransport

        return LimitedTransport(limiter, transport=sync, async_transport=async_)
    return RetryTransport(retry, transport=sync, async_transport=async_, limiter=limiter)
