"""Typed errors raised by the overlay.

Guarantees:

- Everything the overlay raises on purpose derives from ``DeepnoteError``.
- A request on a closed client raises ``ClientClosedError``, saying so, before anything is sent.
- A 404 whose URL path does not start with ``/v2/`` says that the base URL lacks ``/v2``.
- An error answer from the API becomes an ``APIStatusError`` subclass chosen by status code, with
  the status, the server's ``message``, and the request's method and URL.
- A transport failure becomes ``APIConnectionError`` (``APITimeoutError`` for timeouts).
- A success answer that cannot be parsed becomes ``ResponseParseError`` naming the operation and,
  when known, the path of the missing or mistyped field; never a bare ``KeyError`` or
  ``TypeError``. It keeps the decoded body, so nothing the server reported is lost.
- No error holds the request, its headers or the token: only the method and URL, so ``str`` and
  ``repr`` of any error are safe to log.
- Text that comes from the server or the network (a ``message``, a ``reason``, a URL) is cut to
  ``MAX_TEXT_LENGTH`` characters with control characters escaped, so a hostile answer can neither
  make a huge exception nor forge log lines.
- Every error survives a pickle round trip (a process pool, a task queue's result backend) with its
  type, attributes and message.
- An error raised after a run was created (while waiting for it or reading its outputs) has
  ``run_id`` and ``notebook_id`` set (``None`` on every other error), so the run can be found again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from deepnote_client.models.run import Run

__all__ = [
    "MAX_TEXT_LENGTH",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "DeepnoteError",
    "InvalidRequestError",
    "MissingTokenError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "RepeatedPageTokenError",
    "ResponseParseError",
    "ResponseTooLargeError",
    "RunTimeoutError",
    "ServerError",
    "bounded_text",
    "status_error",
]

MAX_TEXT_LENGTH = 500
"""Longest server-supplied text (message, reason, URL) an error keeps, in characters."""


def bounded_text(text: str, limit: int = MAX_TEXT_LENGTH) -> str:
    """``text`` with control characters escaped and cut to at most ``limit`` characters.

    Idempotent, so an error rebuilt from its own attributes (unpickling) reads the same.
    """
    escaped = "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text
    )
    if len(escaped) <= limit:
        return escaped
    marker = f"... [{len(escaped)} characters, cut]"
    return escaped[: max(0, limit - len(marker))] + marker


def _restore(cls: type[DeepnoteError], args: tuple[Any, ...], state: dict[str, Any]) -> DeepnoteError:
    """Rebuild a pickled error without calling its keyword-only ``__init__``."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class DeepnoteError(Exception):
    """Root of every error the overlay raises."""

    run_id: str | None = None
    """The run this error concerns, when it was raised after the run was created."""
    notebook_id: str | None = None
    """That run's notebook, when known."""

    def __reduce__(self) -> tuple[Any, ...]:
        # The default reduce calls cls(*args), which keyword-only constructors refuse; this keeps
        # the type, the attributes and the message (but, like any exception, not __cause__).
        return (_restore, (type(self), self.args, dict(self.__dict__)))


class InvalidRequestError(DeepnoteError, ValueError):
    """The request could not be built as given, so nothing was sent.

    For example a URL longer than httpx accepts, or a header value that is not ASCII; a URL from
    the server that httpx cannot parse (a redirect's, a snapshot's: never quoted, it may be
    signed); a project directory an export or import refuses (a link where documents go, a record
    of another project: the path is named). Also a ``ValueError``: it is a bad argument. The
    offending value is never quoted (it may be the token).
    """

    def __init__(self, *, operation: str, reason: str) -> None:
        self.operation = operation
        self.reason = bounded_text(reason)
        super().__init__(f"{operation}: {self.reason}")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(operation={self.operation!r}, reason={self.reason!r})"


class ClientClosedError(DeepnoteError):
    """A request was made on a client that was closed (``close()``, or its ``with`` block ended)."""

    def __init__(self) -> None:
        super().__init__(
            "this client was closed (its 'with' block ended or close() was called): make a new "
            "Deepnote() for further requests"
        )


class MissingTokenError(DeepnoteError, ValueError):
    """``connect`` found no token: neither the argument nor ``DEEPNOTE_TOKEN`` was set.

    Also a ``ValueError``, because it is a bad argument found before any request is made.
    """


class APIStatusError(DeepnoteError):
    """The API answered with a status that is not a success."""

    def __init__(self, *, status_code: int, message: str, method: str, url: str) -> None:
        self.status_code = status_code
        self.message = bounded_text(message)
        self.method = method
        self.url = bounded_text(url)
        super().__init__(f"{status_code} {self.message} ({method} {self.url})")

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code!r}, message={self.message!r}, "
            f"method={self.method!r}, url={self.url!r})"
        )


class BadRequestError(APIStatusError):
    """400: the request was invalid (the API also uses it for an unknown notebook in ``createRun``)."""


class AuthenticationError(APIStatusError):
    """401: the token is missing, wrong or revoked."""


class PermissionDeniedError(APIStatusError):
    """403: the token may not do this."""


class NotFoundError(APIStatusError):
    """404: the resource does not exist or is not visible to this token."""


class ConflictError(APIStatusError):
    """409: for example a suspended project or a name already taken."""


class RateLimitError(APIStatusError):
    """429: rate limited. ``retry_after`` is the wait in seconds the server asked for, if it said."""

    def __init__(
        self, *, status_code: int, message: str, method: str, url: str, retry_after: float | None = None
    ) -> None:
        self.retry_after = retry_after
        super().__init__(status_code=status_code, message=message, method=method, url=url)

    def __repr__(self) -> str:
        return f"{super().__repr__()[:-1]}, retry_after={self.retry_after!r})"


class ServerError(APIStatusError):
    """5xx: the API failed."""


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
}


def status_error(
    *, status_code: int, message: str, method: str, url: str, retry_after: float | None = None
) -> APIStatusError:
    """The ``APIStatusError`` subclass for ``status_code``; other statuses get the base class."""
    if status_code == 429:
        return RateLimitError(
            status_code=status_code, message=message, method=method, url=url, retry_after=retry_after
        )
    if 500 <= status_code <= 599:
        return ServerError(status_code=status_code, message=message, method=method, url=url)
    cls = _STATUS_ERRORS.get(status_code, APIStatusError)
    return cls(status_code=status_code, message=message, method=method, url=url)


class APIConnectionError(DeepnoteError):
    """No usable answer arrived: the connection failed, broke, or the transport gave up."""

    def __init__(self, *, method: str, url: str, reason: str) -> None:
        self.method = method
        self.url = bounded_text(url)
        self.reason = bounded_text(reason)
        super().__init__(f"{self.reason} ({method} {self.url})")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(method={self.method!r}, url={self.url!r}, reason={self.reason!r})"


class APITimeoutError(APIConnectionError):
    """The request timed out (connecting, writing, reading or waiting for a pooled connection)."""


class ResponseParseError(DeepnoteError):
    """A success answer whose body is not JSON or does not match the operation's schema.

    ``field`` is the path of the missing or malformed field when it is known
    (``notebook.blocks[3].id``), else ``None``. ``body`` is the decoded JSON body (``None`` when it
    is not JSON), so an id the server returned can still be read; it is left out of ``str`` and
    ``repr``.
    """

    def __init__(
        self,
        *,
        operation: str,
        status_code: int,
        method: str,
        url: str,
        reason: str,
        field: str | None = None,
        body: Any = None,
    ) -> None:
        self.operation = operation
        self.status_code = status_code
        self.method = method
        self.url = bounded_text(url)
        self.reason = bounded_text(reason)
        self.field = None if field is None else bounded_text(field, 200)
        self.body = body
        super().__init__(f"{operation}: {self.reason} ({status_code}, {method} {self.url})")

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(operation={self.operation!r}, field={self.field!r}, "
            f"reason={self.reason!r}, status_code={self.status_code!r}, method={self.method!r}, "
            f"url={self.url!r})"
        )


class ResponseTooLargeError(DeepnoteError):
    """The answer's body grew past ``limit`` bytes (after decompression); reading stopped there.

    ``connect(max_response_bytes=...)`` sets the limit.
    """

    def __init__(self, *, status_code: int, method: str, url: str, limit: int) -> None:
        self.status_code = status_code
        self.method = method
        self.url = bounded_text(url)
        self.limit = limit
        super().__init__(
            f"the {status_code} answer is larger than the {limit}-byte limit; "
            f"raise connect(max_response_bytes=...) if it is expected ({method} {self.url})"
        )


class PaginationError(DeepnoteError):
    """The API's page tokens cannot be followed safely: stopping beats looping or truncating.

    Raised when ``hasMore`` is true but no next token came, or when too many consecutive pages
    were empty while still claiming more.
    """

    def __init__(self, *, operation: str, pages: int, reason: str) -> None:
        self.operation = operation
        self.pages = pages
        self.reason = bounded_text(reason)
        super().__init__(f"{operation}: {self.reason} (after {pages} pages)")


class RepeatedPageTokenError(PaginationError):
    """The API handed out a page token already followed; going on would loop forever."""

    def __init__(self, *, operation: str, page_token: str, pages: int) -> None:
        self.page_token = bounded_text(page_token, 100)
        super().__init__(
            operation=operation,
            pages=pages,
            reason=f"page token {self.page_token!r} repeated; stopping instead of looping",
        )


class RunTimeoutError(DeepnoteError):
    """A run did not reach a terminal status before the deadline.

    ``run`` is the last one seen (``None`` when no poll was answered); ``run_id`` and
    ``notebook_id`` say which run it was. When polls were failing at the deadline, the last failure
    is the ``__cause__``.
    """

    def __init__(
        self, *, run: Run | None, timeout: float, run_id: str | None = None, notebook_id: str | None = None
    ) -> None:
        self.run = run
        self.timeout = timeout
        self.run_id = run_id if run_id is not None else (str(run.run_id) if run is not None else None)
        if notebook_id is None and run is not None and isinstance(run.notebook_id, str):
            notebook_id = run.notebook_id
        self.notebook_id = notebook_id
        state = f"still {run.status.value}" if run is not None else "never answered"
        super().__init__(bounded_text(f"run {self.run_id} {state} after {timeout:g} s"))
