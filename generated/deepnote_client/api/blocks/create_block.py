from http import HTTPStatus
from typing import Any, Final

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_block_body import CreateBlockBody
from ...models.create_block_response import CreateBlockResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CreateBlockBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/blocks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateBlockResponse | ErrorResponse | None:
    if response.status_code == 201:
        response_201 = CreateBlockResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


OPERATION_ID: Final = "createBlock"
"""The spec's operationId."""


def build_request(
    *,
    body: CreateBlockBody,
) -> dict[str, Any]:
    """The request of createBlock, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        body=body,
    )


def parse_response(response: httpx.Response) -> CreateBlockResponse:
    """The success value of a createBlock response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 201:
        return CreateBlockResponse.from_dict(response.json())
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreateBlockResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateBlockBody,
) -> Response[CreateBlockResponse | ErrorResponse]:
    """Create a block

     Creates one block in a notebook (there is no bulk endpoint: one request per block). Not idempotent:
    every call creates a new block. `integrationId` is for SQL blocks only and is stored in the block's
    metadata as `sql_integration_id`; putting `sql_integration_id` inside `metadata` is refused with
    400, and so is the built-in `deepnote-dataframe-sql` (the body, 201 and 400 are from the docs; the
    rules from Deepnote's client code and agent skills). The docs section was cut off after 401, so
    other error statuses are not known; an unknown notebook is reported as 400.

    Args:
        body (CreateBlockBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateBlockResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateBlockBody,
) -> CreateBlockResponse | ErrorResponse | None:
    """Create a block

     Creates one block in a notebook (there is no bulk endpoint: one request per block). Not idempotent:
    every call creates a new block. `integrationId` is for SQL blocks only and is stored in the block's
    metadata as `sql_integration_id`; putting `sql_integration_id` inside `metadata` is refused with
    400, and so is the built-in `deepnote-dataframe-sql` (the body, 201 and 400 are from the docs; the
    rules from Deepnote's client code and agent skills). The docs section was cut off after 401, so
    other error statuses are not known; an unknown notebook is reported as 400.

    Args:
        body (CreateBlockBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateBlockResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateBlockBody,
) -> Response[CreateBlockResponse | ErrorResponse]:
    """Create a block

     Creates one block in a notebook (there is no bulk endpoint: one request per block). Not idempotent:
    every call creates a new block. `integrationId` is for SQL blocks only and is stored in the block's
    metadata as `sql_integration_id`; putting `sql_integration_id` inside `metadata` is refused with
    400, and so is the built-in `deepnote-dataframe-sql` (the body, 201 and 400 are from the docs; the
    rules from Deepnote's client code and agent skills). The docs section was cut off after 401, so
    other error statuses are not known; an unknown notebook is reported as 400.

    Args:
        body (CreateBlockBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateBlockResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateBlockBody,
) -> CreateBlockResponse | ErrorResponse | None:
    """Create a block

     Creates one block in a notebook (there is no bulk endpoint: one request per block). Not idempotent:
    every call creates a new block. `integrationId` is for SQL blocks only and is stored in the block's
    metadata as `sql_integration_id`; putting `sql_integration_id` inside `metadata` is refused with
    400, and so is the built-in `deepnote-dataframe-sql` (the body, 201 and 400 are from the docs; the
    rules from Deepnote's client code and agent skills). The docs section was cut off after 401, so
    other error statuses are not known; an unknown notebook is reported as 400.

    Args:
        body (CreateBlockBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateBlockResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
