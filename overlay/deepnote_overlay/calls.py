"""``call`` / ``acall``: run a generated endpoint and return its success model or raise a typed error.

Guarantees:

- ``call`` / ``acall`` are typed over the operation's own parameters: mypy rejects a misspelled or
  missing argument, and the result is the operation's success model.
- The request is exactly the one the generated module builds (its public ``build_request``), sent
  through the client's httpx client, so retries and every client setting apply. A path parameter
  that is empty, ``.`` or ``..`` raises ``ValueError`` naming it, before anything is sent.
- A 2xx answer is parsed by the module's public ``parse_response``; a body that is not JSON, lacks
  a required field, has a value of the wrong JSON type, or a 2xx status the spec does not document
  raises ``ResponseParseError`` naming the operation, the field's path (``notebook.blocks[3].id``)
  and keeping the decoded body (``.body``), so the id of something just created is never lost.
- Any other status raises the ``APIStatusError`` subclass for it, with the server's ``message``
  when the body carries one (read leniently: a non-JSON error body still gives a typed error).
  A 429 carries ``retry_after`` when the server said.
- A transport failure raises ``APITimeoutError`` or ``APIConnectionError``; the httpx exception is
  kept as ``__cause__`` (except when its text could quote a header value, see below).
- Nothing else escapes: whatever goes wrong on the wire or in the answer (an undecodable
  ``Content-Encoding``, too many redirects, JSON nested deep enough for a ``RecursionError``)
  raises a ``DeepnoteError``. A request that cannot be built (a URL longer than httpx allows, a
  header value that is not ASCII) raises ``InvalidRequestError``, also a ``ValueError``. Wrong
  arguments to the endpoint still raise ``TypeError``; ``KeyboardInterrupt`` and cancellation
  pass through.
- The body is read within the client's ``max_response_bytes`` (decoded bytes, counted while
  reading, before any JSON decoding; ``DEFAULT_MAX_RESPONSE_BYTES`` for a generated client not made
  by ``connect``); a longer one raises ``ResponseTooLargeError``. The retry transport holds no more
  of it than that (the request's ``BUFFER_LIMIT``).
- ``acall`` sends a raw body given as a file object (a generated ``File``) in 64 KiB pieces, as
  ``call`` does; such a streamed body is never replayed by the retry transport.
- ``acall`` binds an async client to the event loop that first uses it; from another loop it
  raises ``DeepnoteError`` saying what to do, instead of httpx's bare "Event loop is closed".
- Errors name the method and URL of the request, never its headers.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import AsyncIterator, Callable
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, NoReturn, ParamSpec, TypeVar

import httpx

from deepnote_client.api import Endpoint
from deepnote_client.client import AuthenticatedClient
from deepnote_client.errors import ParseError, UnexpectedStatus

from ._clock import clock
from ._retry_after import retry_after_seconds
from .bodies import aread_limited, read_limited
from .client import response_limit
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ClientClosedError,
    DeepnoteError,
    InvalidRequestError,
    ResponseParseError,
    status_error,
)
from .retries import BUFFER_LIMIT

if TYPE_CHECKING:
    import asyncio

__all__ = ["Endpoint", "acall", "call", "operation_name", "raise_for_answer"]

P = ParamSpec("P")
T = TypeVar("T")
H = TypeVar("H", httpx.Client, httpx.AsyncClient)


def operation_name(endpoint: Endpoint[..., Any]) -> str:
    """The spec's operationId: ``deepnote_client.api.notebooks.get_notebook`` gives ``getNotebook``."""
    return endpoint.OPERATION_ID


def call(endpoint: Endpoint[P, T], /, client: AuthenticatedClient, *args: P.args, **kwargs: P.kwargs) -> T:
    """Run ``endpoint`` with its parameters (keyword arguments) and return the success model."""
    http, request = build_request(
        client.get_httpx_client,
        lambda http: http.build_request(**endpoint.build_request(*args, **kwargs)),
        endpoint,
    )
    response = send_limited(http, request, response_limit(client))
    return _result(endpoint, request, response)


async def acall(
    endpoint: Endpoint[P, T], /, client: AuthenticatedClient, *args: P.args, **kwargs: P.kwargs
) -> T:
    """Async ``call``, on the client's ``httpx.AsyncClient``."""
    http, request = build_request(
        client.get_async_httpx_client,
        lambda http: http.build_request(**async_content(endpoint.build_request(*args, **kwargs))),
        endpoint,
    )
    check_event_loop(http)
    response = await asend_limited(http, request, response_limit(client))
    return _result(endpoint, request, response)


CONTENT_PIECE = 64 * 1024
"""Bytes read at a time from a file-like raw body sent by ``acall``."""


def async_content(arguments: dict[str, Any]) -> dict[str, Any]:
    """``arguments`` for ``httpx.AsyncClient.build_request`` with a file-like raw body (a generated
    ``File`` payload, such as a ZIP) turned into an async iterator of its pieces: httpx sends a
    sync file object only from a sync client. The file is read in the event loop's thread."""
    content = arguments.get("content")
    if content is None or isinstance(content, (bytes, str)) or not hasattr(content, "read"):
        return arguments

    async def pieces() -> AsyncIterator[bytes]:
        while piece := content.read(CONTENT_PIECE):
            yield piece

    return {**arguments, "content": pieces()}


def build_request(
    get_http: Callable[[], H], build: Callable[[H], httpx.Request], endpoint: Endpoint[..., Any]
) -> tuple[H, httpx.Request]:
    """The httpx client and the request ``build`` makes with it; a request httpx refuses to build
    raises ``InvalidRequestError`` without quoting the offending value (it may be the token).
    """
    try:
        # The generated client makes its httpx client on first use, so a refused base URL fails here.
        http = get_http()
        if http.is_closed:
            raise ClientClosedError()
        return http, build(http)
    except httpx.InvalidURL as error:
        reason = f"httpx refused the URL: {str(error)[:80]}"
    except UnicodeError:
        reason = (
            "a header value or the URL has a character that cannot be sent (not shown: it may be the token)"
        )
    # Raised outside the except block, so no chained exception carries the refused value.
    raise InvalidRequestError(operation=operation_name(endpoint), reason=reason)


def send_limited(http: httpx.Client, request: httpx.Request, limit: int | None) -> httpx.Response:
    """Send ``request`` and read at most ``limit`` decoded body bytes; any failure is a ``DeepnoteError``."""
    request.extensions[BUFFER_LIMIT] = limit
    try:
        return read_limited(http.send(request, stream=True), limit)
    except DeepnoteError:
        raise
    except Exception as error:  # noqa: BLE001  # every failure on the wire becomes a typed error
        failure, cause = wire_error(request, error)
    raise failure from cause


async def asend_limited(http: httpx.AsyncClient, request: httpx.Request, limit: int | None) -> httpx.Response:
    """Async ``send_limited``."""
    request.extensions[BUFFER_LIMIT] = limit
    try:
        return await aread_limited(await http.send(request, stream=True), limit)
    except DeepnoteError:
        raise
    except Exception as error:  # noqa: BLE001  # every failure on the wire becomes a typed error
        failure, cause = wire_error(request, error)
    raise failure from cause


def wire_error(request: httpx.Request, error: Exception) -> tuple[DeepnoteError, Exception | None]:
    """The ``DeepnoteError`` for a failure while sending or reading, and the cause safe to chain.

    h11 refuses an illegal header value with a message quoting it, so such errors are reported by
    class alone and not chained: the value may be the token.
    """
    kind = APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
    if isinstance(error, httpx.LocalProtocolError | UnicodeError):
        reason = f"{type(error).__name__}: the request was refused before sending (details not shown)"
        return kind(method=request.method, url=str(request.url), reason=reason), None
    reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return kind(method=request.method, url=str(request.url), reason=reason), error


# The event loop each async httpx client was first used in; weak both ways, so neither is kept alive.
_EVENT_LOOPS: weakref.WeakKeyDictionary[httpx.AsyncClient, weakref.ref[asyncio.AbstractEventLoop]] = (
    weakref.WeakKeyDictionary()
)


def check_event_loop(http: httpx.AsyncClient) -> None:
    """Refuse to use ``http`` from an event loop other than the one that first used it.

    Its pooled connections belong to that loop; httpx would fail with a bare ``RuntimeError``.
    """
    import asyncio

    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # not asyncio (trio): nothing to check
        return
    first = _EVENT_LOOPS.setdefault(http, weakref.ref(loop))()
    if first is not loop:
        raise DeepnoteError(
            "this client's async side was first used in another event loop, and its connections "
            "belong to that loop: close it with 'await client.aclose()' (or 'async with client:') "
            "before that loop ends, then it works in the next one; or connect() once per event loop"
        )


def raise_for_answer(request: httpx.Request, response: httpx.Response) -> NoReturn:
    """Raise what ``call`` raises for a non-2xx ``response`` (its body read already): the
    ``APIStatusError`` for its status. For helpers that stream a success body themselves
    (``files.download_file``) and hand only the errors back here."""
    if response.is_success:
        raise ValueError("raise_for_answer takes a non-2xx answer")
    raise _status_error(request, response)


def _result(endpoint: Endpoint[..., T], request: httpx.Request, response: httpx.Response) -> T:
    if not response.is_success:
        raise _status_error(request, response)
    cause: Exception | None
    try:
        return endpoint.parse_response(response)
    except UnexpectedStatus:
        reason, field, cause = (
            f"status {response.status_code} is not documented for this operation",
            None,
            None,
        )
    except json.JSONDecodeError as error:
        content_type = response.headers.get("content-type", "no content type")
        reason, field, cause = f"the body is not JSON ({content_type})", None, error
    except ParseError as error:
        reason, field, cause = str(error), error.path or None, error
    except RecursionError:
        reason, field, cause = "the body is JSON nested too deeply to read", None, None
    except Exception as error:  # noqa: BLE001  # anything the parser trips over is a mismatch, never leaked bare
        reason, field, cause = (
            f"the body does not match the schema: {type(error).__name__}: {error}",
            None,
            error,
        )
    raise ResponseParseError(
        operation=endpoint.OPERATION_ID,
        status_code=response.status_code,
        method=request.method,
        url=str(request.url),
        reason=reason,
        field=field,
        body=_decoded_body(response),
    ) from cause


def _decoded_body(response: httpx.Response) -> Any:
    """The body as decoded JSON, else ``None``; only read on the error path."""
    try:
        return response.json()
    except (ValueError, RecursionError):
        return None


def _status_error(request: httpx.Request, response: httpx.Response) -> APIStatusError:
    message = _error_message(response)
    if response.status_code == 404 and not request.url.path.startswith("/v2/"):
        message += (
            f"; the base URL ({request.url.scheme}://{request.url.netloc.decode()}) has no /v2: the API's "
            "paths start with /v2, as in https://api.deepnote.com/v2"
        )
    return status_error(
        status_code=response.status_code,
        message=message,
        method=request.method,
        url=str(request.url),
        retry_after=retry_after_seconds(
            response.headers, now=clock().time(), rate_limited=response.status_code == 429
        ),
    )


def _error_message(response: httpx.Response) -> str:
    """The ``message`` (or ``error``) of an error body, else the status's reason phrase.

    A body that is not an ``ErrorResponse`` is not quoted, since a proxy's error page may echo
    anything; its size is enough to tell it apart.
    """
    try:
        body = response.json()
    except (ValueError, RecursionError):
        body = None
    if isinstance(body, dict):
        # Deepnote's API says ``message``; some of its answers (and older ones) say ``error``.
        for key in ("message", "error"):
            if isinstance(body.get(key), str) and body[key]:
                return str(body[key])
    try:
        phrase = HTTPStatus(response.status_code).phrase
    except ValueError:
        phrase = "Unknown status"
    if not response.content:
        return phrase
    return f"{phrase} (no error message in the {len(response.content)}-byte body)"
