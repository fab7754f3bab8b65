"""Deepnote API overlay: typed errors, retries, pagination and run polling on the generated client.

The generated ``deepnote_client`` functions stay usable as they are; this package adds:

- ``Deepnote`` / ``AsyncDeepnote``: the API as resources (``dn.notebooks.get(notebook_id)``),
  generated from the spec, with the pagers ``SyncPager`` / ``AsyncPager``;
- ``connect``: an ``AuthenticatedClient`` with token, timeout, User-Agent and retries installed;
- ``call`` / ``acall``: run a generated endpoint, return its success model or raise a typed error;
- ``paginate`` / ``apaginate`` / ``iter_pages`` / ``aiter_pages``: follow page tokens;
- ``wait_for_run`` / ``await_run`` / ``run_notebook`` / ``arun_notebook``: run notebooks;
- the ``DeepnoteError`` hierarchy and ``RetryPolicy``.
"""

from .calls import acall, call
from .client import DEFAULT_BASE_URL, DEFAULT_TIMEOUT, USER_AGENT, __version__, connect
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DeepnoteError,
    MissingTokenError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RepeatedPageTokenError,
    ResponseParseError,
    RunTimeoutError,
    ServerError,
)
from .facade import AsyncDeepnote, Deepnote
from .pagination import aiter_pages, apaginate, iter_pages, page_items, paginate
from .resource import AsyncPager, SyncPager
from .retries import RetryPolicy, RetryTransport
from .runs import TERMINAL_STATUSES, arun_notebook, await_run, run_notebook, wait_for_run

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "TERMINAL_STATUSES",
    "USER_AGENT",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncDeepnote",
    "AsyncPager",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "Deepnote",
    "DeepnoteError",
    "MissingTokenError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RepeatedPageTokenError",
    "ResponseParseError",
    "RetryPolicy",
    "RetryTransport",
    "RunTimeoutError",
    "ServerError",
    "SyncPager",
    "__version__",
    "acall",
    "aiter_pages",
    "apaginate",
    "arun_notebook",
    "await_run",
    "call",
    "connect",
    "iter_pages",
    "page_items",
    "paginate",
    "run_notebook",
    "wait_for_run",
]
