"""Deepnote API overlay: typed errors, retries, pagination and run polling on the generated client.

The generated ``deepnote_client`` functions stay usable as they are; this package adds:

- ``Deepnote`` / ``AsyncDeepnote``: the API as resources (``dn.notebooks.get(notebook_id)``),
  generated from the spec, with the pagers ``SyncPager`` / ``AsyncPager``;
- ``connect``: an ``AuthenticatedClient`` with token, timeout, User-Agent and retries installed;
- ``call`` / ``acall``: run a generated endpoint, return its success model or raise a typed error;
- ``paginate`` / ``apaginate`` / ``iter_pages`` / ``aiter_pages``: follow page tokens;
- ``wait_for_run`` / ``await_run`` / ``run_notebook`` / ``arun_notebook``: run notebooks;
- ``get_run_result`` / ``aget_run_result`` and ``RunResult``: a run's outputs and failure reason;
- ``RateLimiter`` (and ``RateBudget``, a known limit): the client-side limiter ``connect`` installs,
  shared by a client's requests;
- the ``DeepnoteError`` hierarchy and ``RetryPolicy``.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .calls import acall, call
from .client import DEFAULT_BASE_URL, DEFAULT_LIMITS, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT, connect
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
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
    RunFailedError,
    RunTimeoutError,
    ServerError,
)
from .facade import AsyncDeepnote, Deepnote
from .pagination import aiter_pages, apaginate, iter_pages, page_items, paginate
from .resource import AsyncPager, SyncPager
from .retries import RetryPolicy, RetryTransport

if TYPE_CHECKING:
    from .client import USER_AGENT, __version__
    from .files import adownload_file, aupload_file, download_file, upload_file  # issue 11b
    from .limiter import RateBudget, RateLimiter
    from .outputs import BlockOutput, BlockOutputs, RunFailure, RunResult
    from .project_archive import (  # issue 11b
        EXPORT_RECORD,
        ProjectExport,
        aexport_project,
        aimport_project,
        export_project,
        import_project,
    )
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

# Resolved on first use (PEP 562): the run helpers and their results load the run models and
# endpoints, the version needs importlib.metadata, and the limiter is loaded when a client is made,
# so `import deepnote_overlay` loads none of them until asked.
_LAZY = {
    **{name: ".client" for name in ("USER_AGENT", "__version__")},
    **{name: ".limiter" for name in ("RateBudget", "RateLimiter")},
    **{name: ".outputs" for name in ("BlockOutput", "BlockOutputs", "RunFailure", "RunResult")},
    **{
        name: ".runs"
        for name in (
            "TERMINAL_STATUSES",
            "adownload_snapshot",
            "aget_run_result",
            "arun_notebook",
            "await_run",
            "download_snapshot",
            "get_run_result",
            "run_notebook",
            "wait_for_run",
        )
    },
    # issue 11b: the file transfer helpers load the files endpoints and models on first use.
    **{name: ".files" for name in ("adownload_file", "aupload_file", "download_file", "upload_file")},
    **{
        name: ".project_archive"
        for name in (
            "EXPORT_RECORD",
            "ProjectExport",
            "aexport_project",
            "aimport_project",
            "export_project",
            "import_project",
        )
    },
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
    "DEFAULT_BASE_URL",
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_TIMEOUT",
    "EXPORT_RECORD",
    "TERMINAL_STATUSES",
    "USER_AGENT",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncDeepnote",
    "AsyncPager",
    "AuthenticationError",
    "BadRequestError",
    "BlockOutput",
    "BlockOutputs",
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
    "RetryTransport",
    "RunFailedError",
    "RunFailure",
    "RunResult",
    "RunTimeoutError",
    "ServerError",
    "SyncPager",
    "__version__",
    "acall",
    "adownload_file",
    "adownload_snapshot",
    "aexport_project",
    "aget_run_result",
    "aimport_project",
    "aiter_pages",
    "apaginate",
    "arun_notebook",
    "aupload_file",
    "await_run",
    "call",
    "connect",
    "download_file",
    "download_snapshot",
    "export_project",
    "get_run_result",
    "import_project",
    "iter_pages",
    "page_items",
    "paginate",
    "run_notebook",
    "upload_file",
    "wait_for_run",
]
