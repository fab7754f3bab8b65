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
  kept as ``__cause__``.
- Errors name the method and URL of the request, never its headers.
"""

from __future__ import annotations

import json
import time
from http import HTTPStatus
from typing import Any, Protocol, TypeVar, cast

import attrs
import httpx

from deepnote_client.client import AuthenticatedClient, Client
from deepnote_client.errors import UnexpectedStatus
from deepnote_client.models.error_response import ErrorResponse

from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ResponseParseError,
    status_error,
)
from .retries import retry_after_seconds

__all__ = ["Endpoint", "acall", "call", "operation_name"]

T_co = TypeVar("T_co", covariant=True)
T = TypeVar("T")


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
    http = client.get_httpx_client()
    request = http.build_request(**endpoint._get_kwargs(**kwargs))
    try:
        response = http.send(request)
    except httpx.TransportError as error:
        raise _transport_error(request, error) from error
    return _result(endpoint, client, request, response)


async def acall(endpoint: Endpoint[T], /, *, client: AuthenticatedClient, **kwargs: Any) -> T:
    """Async ``call``, on the client's ``httpx.AsyncClient``."""
    http = client.get_async_httpx_client()
    request = http.build_request(**endpoint._get_kwargs(**kwargs))
    try:
        response = await http.send(request)
    except httpx.TransportError as error:
        raise _transport_error(request, error) from error
    return _result(endpoint, client, request, response)


def _transport_error(request: httpx.Request, error: httpx.TransportError) -> APIConnectionError:
    kind = APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
    reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return kind(method=request.method, url=str(request.url), reason=reason)


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
    except KeyError as error:
        field = str(error.args[0]) if error.args else None
        raise parse_error(f"required field {field!r} is missing", field) from error
    except (TypeError, ValueError, AttributeError) as error:
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
    except ValueError:
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
