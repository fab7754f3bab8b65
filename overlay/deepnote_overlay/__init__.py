"""Deepnote API overlay: typed errors, retries, pagination and run polling on the generated client.

The generated ``deepnote_client`` functions stay usable as they are; this package adds:

- ``connect``: an ``AuthenticatedClient`` with token, timeout, User-Agent and retries installed;
- ``call`` / ``acall``: run a generated endpoint, return its success model or raise a typed error;
- ``paginate`` / ``apaginate`` / ``iter_pages`` / ``aiter_pages``: follow page tokens;
- ``wait_for_run`` / ``await_run`` / ``run_notebook`` / ``arun_notebook``: run notebooks;
- ``get_run_result`` / ``aget_run_result`` and ``RunResult``: a run's outputs and failure reason;
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
    RunFailedError,
    RunTimeoutError,
    ServerError,
)
from .outputs import BlockOutput, BlockOutputs, RunFailure, RunResult
from .pagination import aiter_pages, apaginate, iter_pages, page_items, paginate
from .retries import RetryPolicy, RetryTransport
from .runs import (
    TERMINAL_STATUSES,
    adownload_snapshot,
    aget_run_result,
    arun_notebook,
    await_run,
    download_snapshot,
    get_run_result,
    run_notebook,
    wait_for_run,
)

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "TERMINAL_STATUSES",
    "USER_AGENT",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BlockOutput",
    "BlockOutputs",
    "ConflictError",
    "DeepnoteError",
    "MissingTokenError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RepeatedPageTokenError",
    "ResponseParseError",
    "RetryPolicy",
    "RetryTransport",
    "RunFailedError",
    "RunFailure",
    "RunResult",
    "RunTimeoutError",
    "ServerError",
    "__version__",
    "acall",
    "adownload_snapshot",
    "aget_run_result",
    "aiter_pages",
    "apaginate",
    "arun_notebook",
    "await_run",
    "call",
    "connect",
    "download_snapshot",
    "get_run_result",
    "iter_pages",
    "page_items",
    "paginate",
    "run_notebook",
    "wait_for_run",
]
