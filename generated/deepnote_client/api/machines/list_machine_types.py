from http import HTTPStatus
from typing import Any, Final

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.list_machine_types_response import ListMachineTypesResponse
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/machine-types",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ListMachineTypesResponse | None:
    if response.status_code == 200:
        response_200 = ListMachineTypesResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


OPERATION_ID: Final = "listMachineTypes"
"""The spec's operationId."""


def build_request() -> dict[str, Any]:
    """The request of listMachineTypes, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs()


def parse_response(response: httpx.Response) -> ListMachineTypesResponse:
    """The success value of a listMachineTypes response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 200:
        return ListMachineTypesResponse.from_dict(response.json())
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ListMachineTypesResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | ListMachineTypesResponse]:
    """List machine types

     List the machine types (sizes) projects in the workspace can run on, with their vCPUs, memory and
    GPUs and whether the workspace's plan allows them: Deepnote's machine types first, in the order the
    editor lists them, then the workspace's custom machines sorted by name. Custom machines are listed
    only for members who can view the workspace's integrations.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListMachineTypesResponse]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | ListMachineTypesResponse | None:
    """List machine types

     List the machine types (sizes) projects in the workspace can run on, with their vCPUs, memory and
    GPUs and whether the workspace's plan allows them: Deepnote's machine types first, in the order the
    editor lists them, then the workspace's custom machines sorted by name. Custom machines are listed
    only for members who can view the workspace's integrations.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListMachineTypesResponse
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | ListMachineTypesResponse]:
    """List machine types

     List the machine types (sizes) projects in the workspace can run on, with their vCPUs, memory and
    GPUs and whether the workspace's plan allows them: Deepnote's machine types first, in the order the
    editor lists them, then the workspace's custom machines sorted by name. Custom machines are listed
    only for members who can view the workspace's integrations.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListMachineTypesResponse]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | ListMachineTypesResponse | None:
    """List machine types

     List the machine types (sizes) projects in the workspace can run on, with their vCPUs, memory and
    GPUs and whether the workspace's plan allows them: Deepnote's machine types first, in the order the
    editor lists them, then the workspace's custom machines sorted by name. Custom machines are listed
    only for members who can view the workspace's integrations.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListMachineTypesResponse
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
