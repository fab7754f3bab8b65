from http import HTTPStatus
from typing import Any, Final
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_notebook_response import GetNotebookResponse
from ...types import Response, path_segment


def _get_kwargs(
    notebook_id: str | UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/notebooks/{notebook_id}".format(
            notebook_id=path_segment("notebook_id", notebook_id, opaque=True),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GetNotebookResponse | None:
    if response.status_code == 200:
        response_200 = GetNotebookResponse.from_dict(response.json())

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


OPERATION_ID: Final = "getNotebook"
"""The spec's operationId."""


def build_request(
    *,
    notebook_id: str | UUID,
) -> dict[str, Any]:
    """The request of getNotebook, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        notebook_id=notebook_id,
    )


def parse_response(response: httpx.Response) -> GetNotebookResponse:
    """The success value of a getNotebook response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 200:
        return GetNotebookResponse.from_dict(response.json())
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | GetNotebookResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    notebook_id: str | UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | GetNotebookResponse]:
    """Get a notebook

     Returns the notebook with its blocks and, when it has input blocks, its inputs (the names to use as
    keys of `inputs` when starting a run).

    Args:
        notebook_id (str): Opaque notebook identifier.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetNotebookResponse]
    """

    kwargs = _get_kwargs(
        notebook_id=notebook_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    notebook_id: str | UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | GetNotebookResponse | None:
    """Get a notebook

     Returns the notebook with its blocks and, when it has input blocks, its inputs (the names to use as
    keys of `inputs` when starting a run).

    Args:
        notebook_id (str): Opaque notebook identifier.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetNotebookResponse
    """

    return sync_detailed(
        notebook_id=notebook_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    notebook_id: str | UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | GetNotebookResponse]:
    """Get a notebook

     Returns the notebook with its blocks and, when it has input blocks, its inputs (the names to use as
    keys of `inputs` when starting a run).

    Args:
        notebook_id (str): Opaque notebook identifier.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetNotebookResponse]
    """

    kwargs = _get_kwargs(
        notebook_id=notebook_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    notebook_id: str | UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | GetNotebookResponse | None:
    """Get a notebook

     Returns the notebook with its blocks and, when it has input blocks, its inputs (the names to use as
    keys of `inputs` when starting a run).

    Args:
        notebook_id (str): Opaque notebook identifier.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetNotebookResponse
    """

    return (
        await asyncio_detailed(
            notebook_id=notebook_id,
            client=client,
        )
    ).parsed
