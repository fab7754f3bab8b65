"""The low-level layer, for people building their own tools on the generated ``deepnote_client``.

Most programs want ``deepnote_overlay.Deepnote``; this module is what it is built from:

- ``connect(token, ...)``: a ``ConnectedClient``, the generated ``AuthenticatedClient`` with the
  token, timeout, User-Agent, retries and rate limiter installed (the same settings
  ``Deepnote(...)`` takes), whose ``with`` block closes everything it opened, sync and async;
- ``call(endpoint, client, **params)`` / ``acall``: run one generated operation module
  (``deepnote_client.api.notebooks.get_notebook``), return its success model or raise the typed
  error; typed over the operation's own parameters;
- ``paginate(endpoint, client, **params)``: a lazy ``Pager`` following the page tokens of a
  paginated operation: ``for`` / ``async for`` over it yields the items across pages, over its
  ``pages()`` the whole pages;
- ``page_items``: the items of one page; ``Endpoint``: the protocol every generated operation
  module satisfies; ``RetryTransport``: the httpx transport that applies a ``RetryPolicy``.

Guarantees:

- Every name here is the same object ``Deepnote`` uses, so behaviour (retries, limits, errors) is
  identical on both layers.
"""

from .calls import Endpoint, acall, call
from .client import (
    DEFAULT_BASE_URL,
    DEFAULT_LIMITS,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_TIMEOUT,
    ConnectedClient,
    connect,
)
from .pagination import page_items, paginate
from .retries import RetryTransport

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_TIMEOUT",
    "ConnectedClient",
    "Endpoint",
    "RetryTransport",
    "acall",
    "call",
    "connect",
    "page_items",
    "paginate",
]
