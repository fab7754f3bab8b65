from http import HTTPStatus
from typing import Any, Final
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_block_response import GetBlockResponse
from ...types import Response, path_segment


def _get_kwargs(
    block_id: str | UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/blocks/{block_id}".format(
            block_id=path_segment("block_id", block_id, opaque=True),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GetBlockResponse | None:
    if response.status_code == 200:
        response_200 = GetBlockResponse.from_dict(response.json())

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


OPERATION_ID: Final = "getBlock"
"""The spec's operationId."""


def build_request(
    *,
    block_id: str | UUID,
) -> dict[str, Any]:
    """The request of getBlock, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        block_id=block_id,
    )


def parse_response(response: httpx.Response) -> GetBlockResponse:
    """The success value of a getBlock response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 200:
        return GetBlockResponse.from_dict(response.json())
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | GetBlockResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    block_id: str | UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | GetBlockResponse]:
    """Get a block

     Returns the block with its metadata, its SQL integration and its version. Known only from Deepnote's
    client code; not on the archived reference pages.

    Args:
        block_id (str): Block identifier.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetBlockResponse]
    """

    kwargs = _get_kwargs(
        block_id=block_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    block_id: str | UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | GetBlockResponse | None:
    """Get a block

     Returns the block with its metadata, its SQL integration and its version. Known only from Deepnote's
    client code; not on the archived reference pages.

    Args:
        block_id (str): Block identifier.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetBlockResponse
    """

    return sync_detailed(
        block_id=block_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    block_id: str | UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | GetBlockResponse]:
    """Get a block

     Returns the block with its metadata, its SQL integration and its version. Known only from Deepnote's
    client code; not on the archived reference pages.

    Args:
        block_id (str): Block identifier.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetBlockResponse]
    """

    kwargs = _get_kwargs(
        block_id=block_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    block_id: str | UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | GetBlockResponse | None:
    """Get a block

     Returns the block with its metadata, its SQL integration and its version. Known only from Deepnote's
    client code; not on the archived reference pages.

    Args:
        block_id (str): Block identifier.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetBlockResponse
    """

    return (
        await asyncio_detailed(
            block_id=block_id,
            client=client,
        )
    ).parsed
