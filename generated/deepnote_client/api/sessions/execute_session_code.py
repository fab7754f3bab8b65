from http import HTTPStatus
from typing import Any, Final
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.execute_session_code_body import ExecuteSessionCodeBody
from ...models.execute_session_code_response import ExecuteSessionCodeResponse
from ...types import Response, path_segment


def _get_kwargs(
    session_id: str | UUID,
    *,
    body: ExecuteSessionCodeBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sessions/{session_id}/execute".format(
            session_id=path_segment("session_id", session_id),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ExecuteSessionCodeResponse | None:
    if response.status_code == 200:
        response_200 = ExecuteSessionCodeResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


OPERATION_ID: Final = "executeSessionCode"
"""The spec's operationId."""


def build_request(
    *,
    session_id: str | UUID,
    body: ExecuteSessionCodeBody,
) -> dict[str, Any]:
    """The request of executeSessionCode, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        session_id=session_id,
        body=body,
    )


def parse_response(response: httpx.Response) -> ExecuteSessionCodeResponse:
    """The success value of a executeSessionCode response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 200:
        return ExecuteSessionCodeResponse.from_dict(response.json())
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ExecuteSessionCodeResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_id: str | UUID,
    *,
    client: AuthenticatedClient,
    body: ExecuteSessionCodeBody,
) -> Response[ErrorResponse | ExecuteSessionCodeResponse]:
    """Execute arbitrary code in a session kernel (debug)

     Runs arbitrary code inside the notebook's kernel within an interactive session and returns the raw
    outputs (without creating a snapshot). User-code exceptions are returned as error outputs inside the
    response body and still produce HTTP 200. Beta. The docs section was cut off before its responses:
    the 200 body's fields are not known (the schema is open), and the error statuses are those of `POST
    /sessions` on the same page.

    Args:
        session_id (UUID): Session identifier.
        body (ExecuteSessionCodeBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ExecuteSessionCodeResponse]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: str | UUID,
    *,
    client: AuthenticatedClient,
    body: ExecuteSessionCodeBody,
) -> ErrorResponse | ExecuteSessionCodeResponse | None:
    """Execute arbitrary code in a session kernel (debug)

     Runs arbitrary code inside the notebook's kernel within an interactive session and returns the raw
    outputs (without creating a snapshot). User-code exceptions are returned as error outputs inside the
    response body and still produce HTTP 200. Beta. The docs section was cut off before its responses:
    the 200 body's fields are not known (the schema is open), and the error statuses are those of `POST
    /sessions` on the same page.

    Args:
        session_id (UUID): Session identifier.
        body (ExecuteSessionCodeBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ExecuteSessionCodeResponse
    """

    return sync_detailed(
        session_id=session_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    session_id: str | UUID,
    *,
    client: AuthenticatedClient,
    body: ExecuteSessionCodeBody,
) -> Response[ErrorResponse | ExecuteSessionCodeResponse]:
    """Execute arbitrary code in a session kernel (debug)

     Runs arbitrary code inside the notebook's kernel within an interactive session and returns the raw
    outputs (without creating a snapshot). User-code exceptions are returned as error outputs inside the
    response body and still produce HTTP 200. Beta. The docs section was cut off before its responses:
    the 200 body's fields are not known (the schema is open), and the error statuses are those of `POST
    /sessions` on the same page.

    Args:
        session_id (UUID): Session identifier.
        body (ExecuteSessionCodeBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ExecuteSessionCodeResponse]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: str | UUID,
    *,
    client: AuthenticatedClient,
    body: ExecuteSessionCodeBody,
) -> ErrorResponse | ExecuteSessionCodeResponse | None:
    """Execute arbitrary code in a session kernel (debug)

     Runs arbitrary code inside the notebook's kernel within an interactive session and returns the raw
    outputs (without creating a snapshot). User-code exceptions are returned as error outputs inside the
    response body and still produce HTTP 200. Beta. The docs section was cut off before its responses:
    the 200 body's fields are not known (the schema is open), and the error statuses are those of `POST
    /sessions` on the same page.

    Args:
        session_id (UUID): Session identifier.
        body (ExecuteSessionCodeBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ExecuteSessionCodeResponse
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
            body=body,
        )
    ).parsed
