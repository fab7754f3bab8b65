"""The Deepnote API v2 client: ``Deepnote`` / ``AsyncDeepnote``, their option and result types, and
the typed errors.

Everything a user does is a method of ``Deepnote`` (or ``AsyncDeepnote``) or of what it returns:
``dn.notebooks.get(notebook_id)``, ``dn.run_notebook(notebook_id)``, ``dn.files.upload(...)``.
Tool builders who work with the generated ``deepnote_client`` directly use
``deepnote_overlay.lowlevel`` (``connect``, ``call``, ``paginate``).

Guarantees:

- ``__all__`` is the public surface: the client classes, the types their methods take and return,
  and the ``DeepnoteError`` hierarchy.
- ``import deepnote_overlay`` loads neither the run helpers nor the rate limiter nor
  ``importlib.metadata``: the names that need them are resolved on first use (PEP 562).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    DeepnoteError,
    InvalidRequestError,
    MissingTokenError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    RepeatedPageTokenError,
    ResponseParseError,
    ResponseTooLargeError,
    RunTimeoutError,
    ServerError,
)
from .facade import AsyncDeepnote, Deepnote
from .resource import AsyncPager, SyncPager
from .retries import RetryPolicy

if TYPE_CHECKING:
    from .client import __version__
    from .limiter import RateBudget, RateLimiter
    from .outputs import BlockOutput, BlockOutputs, RunFailedError, RunFailure, RunResult
    from .project_archive import ProjectExport

_LAZY = {
    "__version__": ".client",
    **{name: ".limiter" for name in ("RateBudget", "RateLimiter")},
    **{
        name: ".outputs"
        for name in ("BlockOutput", "BlockOutputs", "RunFailedError", "RunFailure", "RunResult")
    },
    "ProjectExport": ".project_archive",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncDeepnote",
    "AsyncPager",
    "AuthenticationError",
    "BadRequestError",
    "BlockOutput",
    "BlockOutputs",
    "ClientClosedError",
    "ConflictError",
    "Deepnote",
    "DeepnoteError",
    "InvalidRequestError",
    "MissingTokenError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "ProjectExport",
    "RateBudget",
    "RateLimitError",
    "RateLimiter",
    "RepeatedPageTokenError",
    "ResponseParseError",
    "ResponseTooLargeError",
    "RetryPolicy",
    "RunFailedError",
    "RunFailure",
    "RunResult",
    "RunTimeoutError",
    "ServerError",
    "SyncPager",
    "__version__",
]
