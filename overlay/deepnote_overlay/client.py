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
"""

from __future__ import annotations

import functools
import os
from typing import Any

import httpx

from deepnote_client.client import AuthenticatedClient

from .errors import MissingTokenError
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
    headers = httpx.Headers({"User-Agent": _user_agent()})
    headers.update(client_fields.pop("headers", {}))  # case-insensitive: a caller's user-agent replaces ours
    # The generated client hands verify_ssl to httpx.Client itself, so verify leaves httpx_options.
    verify = httpx_options.pop("verify", True)
    if retry is not None:
        httpx_options["transport"] = _retry_transport(retry, verify, httpx_options)

    return AuthenticatedClient(
        base_url=base_url,
        token=token,
        timeout=timeout,
        headers=dict(headers),
        verify_ssl=verify,
        httpx_args=httpx_options,
        **client_fields,
    )


def _retry_transport(retry: RetryPolicy, verify: Any, httpx_options: dict[str, Any]) -> RetryTransport:
    """The retry transport, taking the connection options (and any ``transport``) out of ``httpx_options``.

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
        return RetryTransport(
            retry,
            transport=httpx.HTTPTransport(verify=ssl_context, **options),
            async_transport=httpx.AsyncHTTPTransport(verify=ssl_context, **options),
        )
    return RetryTransport(
        retry,
        transport=inner if isinstance(inner, httpx.BaseTransport) else None,
        async_transport=inner if isinstance(inner, httpx.AsyncBaseTransport) else None,
    )
