"""``connect``: a generated ``AuthenticatedClient`` with a token, a timeout, a User-Agent and retries.

Guarantees:

- The token is the argument or ``DEEPNOTE_TOKEN``; without either, ``MissingTokenError`` is raised
  at once, before any request.
- The base URL is the argument, else ``DEEPNOTE_BASE_URL``, else ``https://api.deepnote.com/v2``.
- The returned client works with every generated function, sync and async, and (unless
  ``retry=None``) sends every request through one ``RetryTransport``.
- TLS verification stays on unless the caller passes ``verify=False``; with retries installed,
  ``verify`` and the other connection options go to the wrapped transports, because httpx ignores
  them on a client that is given a transport.
- Requests carry ``User-Agent: deepnote-overlay/<version> python-httpx/<version>``.
- Unless ``limiter=False``, every request of the client (sync and async) goes through one
  ``RateLimiter``: a 429 pauses them all until the reset (see ``limiter``).
"""

from __future__ import annotations

import importlib.metadata
import os
from typing import Any

import httpx

from deepnote_client.client import AuthenticatedClient

from .errors import MissingTokenError
from .limiter import LimitedTransport, RateLimiter
from .retries import RetryPolicy, RetryTransport

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_RETRY_POLICY",
    "DEFAULT_TIMEOUT",
    "USER_AGENT",
    "__version__",
    "connect",
]

DEFAULT_BASE_URL = "https://api.deepnote.com/v2"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_RETRY_POLICY = RetryPolicy()

try:
    __version__ = importlib.metadata.version("deepnote-api-client")
except importlib.metadata.PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"

USER_AGENT = f"deepnote-overlay/{__version__} python-httpx/{httpx.__version__}"

# Options that configure the connection itself. httpx.Client ignores them when it is given a
# transport, so with retries on they are handed to the wrapped transports instead.
_TRANSPORT_OPTIONS = ("cert", "trust_env", "http1", "http2", "limits", "proxy")
# Options the generated client takes as its own fields rather than through httpx_args.
_CLIENT_OPTIONS = ("headers", "cookies", "follow_redirects")


def connect(
    token: str | None = None,
    *,
    base_url: str | None = None,
    timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
    retry: RetryPolicy | None = DEFAULT_RETRY_POLICY,
    limiter: RateLimiter | bool = True,
    max_concurrency: int | None = None,
    **httpx_options: Any,
) -> AuthenticatedClient:
    """A generated ``AuthenticatedClient`` ready for every generated function.

    ``timeout`` is seconds for every phase, an ``httpx.Timeout``, or ``None`` for none at all.
    ``retry`` is the ``RetryPolicy`` to apply, or ``None`` to send each request once.
    ``httpx_options`` go to ``httpx.Client`` / ``httpx.AsyncClient`` (for example ``verify``,
    ``headers``, ``event_hooks``); ``transport=`` replaces the network transport (for example an
    ``httpx.MockTransport``), still wrapped by the retries.
    """
    if token is None:
        token = os.environ.get("DEEPNOTE_TOKEN")
    if token is None or not token.strip():
        raise MissingTokenError(
            "no Deepnote API token: pass connect(token=...) or set the DEEPNOTE_TOKEN environment variable"
        )
    if base_url is None:
        base_url = os.environ.get("DEEPNOTE_BASE_URL") or DEFAULT_BASE_URL
    if timeout is not None and not isinstance(timeout, httpx.Timeout):
        timeout = httpx.Timeout(timeout)

    client_fields = {name: httpx_options.pop(name) for name in _CLIENT_OPTIONS if name in httpx_options}
    headers = httpx.Headers({"User-Agent": USER_AGENT})
    headers.update(client_fields.pop("headers", {}))  # case-insensitive: a caller's user-agent replaces ours
    # The generated client hands verify_ssl to httpx.Client itself, so verify leaves httpx_options.
    verify = httpx_options.pop("verify", True)
    rate_limiter = _rate_limiter(limiter, max_concurrency, retry)
    if retry is not None or rate_limiter is not None:
        httpx_options["transport"] = _retry_transport(retry, rate_limiter, verify, httpx_options)

    return AuthenticatedClient(
        base_url=base_url,
        token=token,
        timeout=timeout,
        headers=dict(headers),
        verify_ssl=verify,
        httpx_args=httpx_options,
        **client_fields,
    )


def _rate_limiter(
    limiter: RateLimiter | bool, max_concurrency: int | None, retry: RetryPolicy | None
) -> RateLimiter | None:
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
    # The policy's clocks and sleeps, so a policy built for tests drives the limiter too.
    return RateLimiter(
        max_concurrency=max_concurrency,
        max_pause=retry.max_retry_after,
        clock=retry.clock,
        wall_clock=retry.wall_clock,
        sleep=retry.sleep,
        asleep=retry.asleep,
    )


def _retry_transport(
    retry: RetryPolicy | None, limiter: RateLimiter | None, verify: Any, httpx_options: dict[str, Any]
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
        return LimitedTransport(limiter, transport=sync, async_transport=async_)
    return RetryTransport(retry, transport=sync, async_transport=async_, limiter=limiter)
