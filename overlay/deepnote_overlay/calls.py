"""``call`` / ``acall``: run a generated endpoint and return its success model or raise a typed error.

Guarantees:

- The request is exactly the one the generated module builds (``_get_kwargs``), sent through the
  client's httpx client, so retries and every client setting apply.
- A 2xx answer is parsed by the generated ``_parse_response``; a body that is not JSON, lacks a
  required field, has a value of the wrong type, or a 2xx status the spec does not document
  raises ``ResponseParseError`` naming the operation (and the field when known).
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
  reading, before any JSON decoding); a longer one raises ``ResponseTooLargeError``.
- ``acall`` binds an async client to the event loop that first uses it; from another loop it
  raises ``DeepnoteError`` saying what to do, instead of httpx's bare "Event loop is closed".
- Errors name the method and URL of the request, never its headers.
"""

from __future__ import annotations

import json
import time
import weakref
from collections.abc import Callable
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

import attrs
import httpx

from deepnote_client.client import AuthenticatedClient, Client
from deepnote_client.errors import UnexpectedStatus
from deepnote_client.models.error_response import ErrorResponse

from .bodies import aread_limited, read_limited
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    DeepnoteError,
    InvalidRequestError,
    ResponseParseError,
    status_error,
)
from .retries import retry_after_seconds

if TYPE_CHECKING:
    import asyncio

__all__ = ["Endpoint", "acall", "call", "operation_name"]

T_co = TypeVar("T_co", covariant=True)
T = TypeVar("T")
H = TypeVar("H", httpx.Client, httpx.AsyncClient)


class Endpoint(Protocol[T_co]):
    """A generated ``deepnote_client.api.<tag>.<operation>`` module, seen through what ``call`` uses.

    ``T_co`` is the operation's success model, so ``call(get_notebook, ...)`` is typed
    ``GetNotebookResponse``.
    """

    __name__: str

    def _get_kwargs(self, *args: Any, **kwargs: Any) -> dict[str, Any]: ...

    def _parse_response(
        self, *, client: AuthenticatedClient | Client, response: httpx.Response
    ) -> T_co | ErrorResponse | None: ...


def operation_name(endpoint: Endpoint[Any]) -> str:
    """The spec's operationId: ``deepnote_client.api.notebooks.get_notebook`` gives ``getNotebook``."""
    first, *rest = endpoint.__name__.rsplit(".", 1)[-1].split("_")
    return first + "".join(word.capitalize() for word in rest)


def call(endpoint: Endpoint[T], /, *, client: AuthenticatedClient, **kwargs: Any) -> T:
    """Run ``endpoint`` with ``kwargs`` (its generated arguments) and return the success model."""
    http, request = build_request(
        client.get_httpx_client, lambda http: http.build_request(**endpoint._get_kwargs(**kwargs)), endpoint
    )
    response = send_limited(http, request, client.max_response_bytes)
    return _result(endpoint, client, request, response)


async def acall(endpoint: Endpoint[T], /, *, client: AuthenticatedClient, **kwargs: Any) -> T:
    """Async ``call``, on the client's ``httpx.AsyncClient``."""
    http, request = build_request(
        client.get_async_httpx_client,
        lambda http: http.build_request(**endpoint._get_kwargs(**kwargs)),
        endpoint,
    )
    check_event_loop(http)
    response = await asend_limited(http, request, client.max_response_bytes)
    return _result(endpoint, client, request, response)


def build_request(
    get_http: Callable[[], H], build: Callable[[H], httpx.Request], endpoint: Endpoint[Any]
) -> tuple[H, httpx.Request]:
    """The httpx client and the request ``build`` makes with it; a request httpx refuses to build
    raises ``InvalidRequestError`` without quoting the offending value (it may be the token).
    """
    try:
        http = get_http()
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
    try:
        return read_limited(http.send(request, stream=True), limit)
    except DeepnoteError:
        raise
    except Exception as error:  # noqa: BLE001  # every failure on the wire becomes a typed error
        failure, cause = wire_error(request, error)
    raise failure from cause


async def asend_limited(http: httpx.AsyncClient, request: httpx.Request, limit: int | None) -> httpx.Response:
    """Async ``send_limited``."""
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


def _result(
    endpoint: Endpoint[T], client: AuthenticatedClient, request: httpx.Request, response: httpx.Response
) -> T:
    if not response.is_success:
        raise _status_error(request, response)
    operation = operation_name(endpoint)

    def parse_error(reason: str, field: str | None = None) -> ResponseParseError:
        return ResponseParseError(
            operation=operation,
            status_code=response.status_code,
            method=request.method,
            url=str(request.url),
            reason=reason,
            field=field,
        )

    # With raise_on_unexpected_status the generated parser raises on a 2xx the spec does not
    # document instead of returning None, which for a 204 operation is also the success value.
    strict = attrs.evolve(client, raise_on_unexpected_status=True)
    try:
        parsed = endpoint._parse_response(client=strict, response=response)
    except UnexpectedStatus:
        raise parse_error(f"status {response.status_code} is not documented for this operation") from None
    except json.JSONDecodeError as error:
        content_type = response.headers.get("content-type", "no content type")
        raise parse_error(f"the body is not JSON ({content_type})") from error
    except RecursionError:
        raise parse_error("the body is JSON nested too deeply to read") from None
    except KeyError as error:
        field = str(error.args[0]) if error.args else None
        raise parse_error(f"required field {field!r} is missing", field) from error
    except Exception as error:  # anything else the generated parser trips over is a mismatch too
        raise parse_error(f"the body does not match the schema: {type(error).__name__}: {error}") from error
    if isinstance(parsed, ErrorResponse):  # the spec documents no 2xx error body; be safe anyway
        raise parse_error("a success status came with an error body")
    # None is left only for an operation whose documented success has no body (204), typed Any.
    return cast(T, parsed)


def _status_error(request: httpx.Request, response: httpx.Response) -> APIStatusError:
    return status_error(
        status_code=response.status_code,
        message=_error_message(response),
        method=request.method,
        url=str(request.url),
        retry_after=retry_after_seconds(
            response.headers, now=time.time(), rate_limited=response.status_code == 429
        ),
    )


def _error_message(response: httpx.Response) -> str:
    """The ``message`` of an ``ErrorResponse`` body, else the status's reason phrase.

    A body that is not an ``ErrorResponse`` is not quoted, since a proxy's error page may echo
    anything; its size is enough to tell it apart.
    """
    try:
        body = response.json()
    except (ValueError, RecursionError):
        body = None
    if isinstance(body, dict) and isinstance(body.get("message"), str) and body["message"]:
        return str(body["message"])
    try:
        phrase = HTTPStatus(response.status_code).phrase
    except ValueError:
        phrase = "Unknown status"
    if not response.content:
        return phrase
    return f"{phrase} (no error message in the {len(response.content)}-byte body)"
