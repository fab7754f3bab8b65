from http import HTTPStatus
from typing import Any, Final
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_project_response import GetProjectResponse
from ...types import Response, path_segment


def _get_kwargs(
    project_id: str | UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/projects/{project_id}".format(
            project_id=path_segment("project_id", project_id),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GetProjectResponse | None:
    if response.status_code == 200:
        response_200 = GetProjectResponse.from_dict(response.json())

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


OPERATION_ID: Final = "getProject"
"""The spec's operationId."""


def build_request(
    *,
    project_id: str | UUID,
) -> dict[str, Any]:
    """The request of getProject, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        project_id=project_id,
    )


def parse_response(response: httpx.Response) -> GetProjectResponse:
    """The success value of a getProject response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 200:
        return GetProjectResponse.from_dict(response.json())
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | GetProjectResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: str | UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | GetProjectResponse]:
    """Get a project

     Project details: the list fields plus its files and static-site settings. Known only from Deepnote's
    client code; not on the archived reference page.

    Args:
        project_id (UUID): Project identifier.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetProjectResponse]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: str | UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | GetProjectResponse | None:
    """Get a project

     Project details: the list fields plus its files and static-site settings. Known only from Deepnote's
    client code; not on the archived reference page.

    Args:
        project_id (UUID): Project identifier.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetProjectResponse
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    project_id: str | UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | GetProjectResponse]:
    """Get a project

     Project details: the list fields plus its files and static-site settings. Known only from Deepnote's
    client code; not on the archived reference page.

    Args:
        project_id (UUID): Project identifier.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetProjectResponse]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str | UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | GetProjectResponse | None:
    """Get a project

     Project details: the list fields plus its files and static-site settings. Known only from Deepnote's
    client code; not on the archived reference page.

    Args:
        project_id (UUID): Project identifier.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetProjectResponse
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
        )
    ).parsed
