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
  kept as ``__cause__``.
- Errors name the method and URL of the request, never its headers.
"""

from __future__ import annotations

import json
import time
from http import HTTPStatus
from typing import Any, ParamSpec, Protocol, TypeVar

import httpx

from deepnote_client.client import AuthenticatedClient
from deepnote_client.errors import ParseError, UnexpectedStatus

from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ResponseParseError,
    status_error,
)
from .retries import retry_after_seconds

__all__ = ["Endpoint", "acall", "call", "operation_name"]

P = ParamSpec("P")
T_co = TypeVar("T_co", covariant=True)
T = TypeVar("T")


class Endpoint(Protocol[P, T_co]):
    """A generated ``deepnote_client.api.<tag>.<operation>`` module, through its public contract.

    ``P`` is the operation's parameters (``build_request``'s), ``T_co`` its success model, so
    ``call(get_notebook, client, notebook_id=...)`` is checked and typed ``GetNotebookResponse``.
    """

    @property
    def OPERATION_ID(self) -> str: ...

    def build_request(self, *args: P.args, **kwargs: P.kwargs) -> dict[str, Any]: ...

    def parse_response(self, response: httpx.Response) -> T_co: ...


def operation_name(endpoint: Endpoint[..., Any]) -> str:
    """The spec's operationId: ``deepnote_client.api.notebooks.get_notebook`` gives ``getNotebook``."""
    return endpoint.OPERATION_ID


def call(endpoint: Endpoint[P, T], /, client: AuthenticatedClient, *args: P.args, **kwargs: P.kwargs) -> T:
    """Run ``endpoint`` with its parameters (keyword arguments) and return the success model."""
    http = client.get_httpx_client()
    request = http.build_request(**endpoint.build_request(*args, **kwargs))
    try:
        response = http.send(request)
    except httpx.TransportError as error:
        raise _transport_error(request, error) from error
    return _result(endpoint, request, response)


async def acall(
    endpoint: Endpoint[P, T], /, client: AuthenticatedClient, *args: P.args, **kwargs: P.kwargs
) -> T:
    """Async ``call``, on the client's ``httpx.AsyncClient``."""
    http = client.get_async_httpx_client()
    request = http.build_request(**endpoint.build_request(*args, **kwargs))
    try:
        response = await http.send(request)
    except httpx.TransportError as error:
        raise _transport_error(request, error) from error
    return _result(endpoint, request, response)


def _transport_error(request: httpx.Request, error: httpx.TransportError) -> APIConnectionError:
    kind = APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
    reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return kind(method=request.method, url=str(request.url), reason=reason)


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
    except (TypeError, ValueError, AttributeError, KeyError) as error:  # never expected; never leaked bare
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
    except ValueError:
        return None


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
