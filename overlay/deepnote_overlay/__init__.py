"""The Deepnote API v2 client: ``Deepnote`` / ``AsyncDeepnote``, their option and result types, and
the typed errors.

Everything a user does is a method of ``Deepnote`` (or ``AsyncDeepnote``) or of what it returns:
``dn.notebooks.get(notebook_id)``, ``dn.run_notebook(notebook_id)``, ``dn.files.upload(...)``.
Tool builders who work with the generated ``deepnote_client`` directly use
``deepnote_overlay.lowlevel`` (``connect``, ``call``, ``paginate``).

Guarantees:

- ``__all__`` is the public surface: the client classes, the types their methods take and return,
  and the ``DeepnoteError`` hierarchy.
- ``import deepnote_overlay`` loads neither the run helpers nor the pager nor the rate limiter nor
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
from .retries import RetryPolicy

if TYPE_CHECKING:
    from . import output
    from .client import __version__
    from .limiter import RateBudget, RateLimiter
    from .output import OutputBindingError
    from .outputs import (
        BlockOutput,
        BlockOutputs,
        Dataframe,
        MissingOutputError,
        RunFailedError,
        RunFailure,
        RunResult,
    )
    from .pagination import Pager
    from .project_archive import ProjectExport
    from .runs import AsyncRunHandle, RunHandle

_LAZY = {
    "__version__": ".client",
    **{name: ".limiter" for name in ("RateBudget", "RateLimiter")},
    "OutputBindingError": ".output",
    "Pager": ".pagination",
    "ProjectExport": ".project_archive",
    **{name: ".runs" for name in ("AsyncRunHandle", "RunHandle")},
}
"""The modules of the public names not imported above, each imported on the name's first use; a
public name not imported above nor named here is one of the run results of ``.outputs``."""


def __getattr__(name: str) -> Any:
    if name == "output":  # the module of output bindings: ``output.json(block_id, path)``
        value: Any = import_module(".output", __name__)
        globals()[name] = value
        return value
    module = _LAZY.get(name, ".outputs" if name in __all__ else None)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncDeepnote",
    "AsyncRunHandle",
    "AuthenticationError",
    "BadRequestError",
    "BlockOutput",
    "BlockOutputs",
    "ClientClosedError",
    "ConflictError",
    "Dataframe",
    "Deepnote",
    "DeepnoteError",
    "InvalidRequestError",
    "MissingOutputError",
    "MissingTokenError",
    "NotFoundError",
    "OutputBindingError",
    "Pager",
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
    "RunHandle",
    "RunResult",
    "RunTimeoutError",
    "ServerError",
    "__version__",
    "output",
]
