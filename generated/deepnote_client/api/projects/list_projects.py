from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Final

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.list_projects_response import ListProjectsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    name_contains: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["pageSize"] = page_size

    params["pageToken"] = page_token

    params["nameContains"] = name_contains

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/projects",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ListProjectsResponse | None:
    if response.status_code == 200:
        response_200 = ListProjectsResponse.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


OPERATION_ID: Final = "listProjects"
"""The spec's operationId."""


def build_request(
    *,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    name_contains: str | Unset = UNSET,
) -> dict[str, Any]:
    """The request of listProjects, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        page_size=page_size,
        page_token=page_token,
        name_contains=name_contains,
    )


def parse_response(response: httpx.Response) -> ListProjectsResponse:
    """The success value of a listProjects response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 200:
        return ListProjectsResponse.from_dict(response.json())
    raise errors.UnexpectedStatus(response.status_code, response.content)


PAGE_ITEMS: Final = "projects"
"""The field of a page that holds its items (named by ``x-page-items`` in the spec)."""


if TYPE_CHECKING:
    from ...models.list_projects_item import ListProjectsItem


def page_items(page: ListProjectsResponse) -> "list[ListProjectsItem]":
    """The items of one page of listProjects."""
    return page.projects


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ListProjectsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    name_contains: str | Unset = UNSET,
) -> Response[ErrorResponse | ListProjectsResponse]:
    """List projects

     Projects of the workspace, one page at a time. Follow `pagination.nextPageToken` until it is null.

    Args:
        page_size (int | Unset): Maximum number of items to return. Defaults to 50. Maximum: 100.
            Default: 50.
        page_token (str | Unset): Opaque token returned by the previous page. Omit for the first
            page.
        name_contains (str | Unset): Filter projects whose name contains this value (case-
            insensitive).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListProjectsResponse]
    """

    kwargs = _get_kwargs(
        page_size=page_size,
        page_token=page_token,
        name_contains=name_contains,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    name_contains: str | Unset = UNSET,
) -> ErrorResponse | ListProjectsResponse | None:
    """List projects

     Projects of the workspace, one page at a time. Follow `pagination.nextPageToken` until it is null.

    Args:
        page_size (int | Unset): Maximum number of items to return. Defaults to 50. Maximum: 100.
            Default: 50.
        page_token (str | Unset): Opaque token returned by the previous page. Omit for the first
            page.
        name_contains (str | Unset): Filter projects whose name contains this value (case-
            insensitive).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListProjectsResponse
    """

    return sync_detailed(
        client=client,
        page_size=page_size,
        page_token=page_token,
        name_contains=name_contains,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    name_contains: str | Unset = UNSET,
) -> Response[ErrorResponse | ListProjectsResponse]:
    """List projects

     Projects of the workspace, one page at a time. Follow `pagination.nextPageToken` until it is null.

    Args:
        page_size (int | Unset): Maximum number of items to return. Defaults to 50. Maximum: 100.
            Default: 50.
        page_token (str | Unset): Opaque token returned by the previous page. Omit for the first
            page.
        name_contains (str | Unset): Filter projects whose name contains this value (case-
            insensitive).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListProjectsResponse]
    """

    kwargs = _get_kwargs(
        page_size=page_size,
        page_token=page_token,
        name_contains=name_contains,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    name_contains: str | Unset = UNSET,
) -> ErrorResponse | ListProjectsResponse | None:
    """List projects

     Projects of the workspace, one page at a time. Follow `pagination.nextPageToken` until it is null.

    Args:
        page_size (int | Unset): Maximum number of items to return. Defaults to 50. Maximum: 100.
            Default: 50.
        page_token (str | Unset): Opaque token returned by the previous page. Omit for the first
            page.
        name_contains (str | Unset): Filter projects whose name contains this value (case-
            insensitive).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListProjectsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            page_size=page_size,
            page_token=page_token,
            name_contains=name_contains,
        )
    ).parsed
