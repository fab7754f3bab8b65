from http import HTTPStatus
from typing import Any, Final

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.search_response import SearchResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str,
    types: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["q"] = q

    params["types"] = types

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/search",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SearchResponse | None:
    if response.status_code == 200:
        response_200 = SearchResponse.from_dict(response.json())

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


OPERATION_ID: Final = "search"
"""The spec's operationId."""


def build_request(
    *,
    q: str,
    types: str | Unset = UNSET,
) -> dict[str, Any]:
    """The request of search, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        q=q,
        types=types,
    )


def parse_response(response: httpx.Response) -> SearchResponse:
    """The success value of a search response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 200:
        return SearchResponse.from_dict(response.json())
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | SearchResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: str,
    types: str | Unset = UNSET,
) -> Response[ErrorResponse | SearchResponse]:
    """Search across resources

     Search result limits are per resource type, not global across the response. The endpoint can return
    up to 100 projects, up to 100 notebooks, and up to 200 blocks (split into up to 100 text blocks and
    up to 100 code/SQL blocks). Integrations do not have an explicit search-result limit; active
    workspace integrations are filtered by the query. If one or more requested resource types cannot be
    searched, the endpoint returns successful results with partialFailure instead of failing the whole
    request. Not paginated.

    Args:
        q (str): Search query (e.g. "postgres").
        types (str | Unset): Comma-separated resource types to include: "projects", "notebooks",
            "blocks", "integrations". Defaults to all types.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SearchResponse]
    """

    kwargs = _get_kwargs(
        q=q,
        types=types,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    q: str,
    types: str | Unset = UNSET,
) -> ErrorResponse | SearchResponse | None:
    """Search across resources

     Search result limits are per resource type, not global across the response. The endpoint can return
    up to 100 projects, up to 100 notebooks, and up to 200 blocks (split into up to 100 text blocks and
    up to 100 code/SQL blocks). Integrations do not have an explicit search-result limit; active
    workspace integrations are filtered by the query. If one or more requested resource types cannot be
    searched, the endpoint returns successful results with partialFailure instead of failing the whole
    request. Not paginated.

    Args:
        q (str): Search query (e.g. "postgres").
        types (str | Unset): Comma-separated resource types to include: "projects", "notebooks",
            "blocks", "integrations". Defaults to all types.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SearchResponse
    """

    return sync_detailed(
        client=client,
        q=q,
        types=types,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: str,
    types: str | Unset = UNSET,
) -> Response[ErrorResponse | SearchResponse]:
    """Search across resources

     Search result limits are per resource type, not global across the response. The endpoint can return
    up to 100 projects, up to 100 notebooks, and up to 200 blocks (split into up to 100 text blocks and
    up to 100 code/SQL blocks). Integrations do not have an explicit search-result limit; active
    workspace integrations are filtered by the query. If one or more requested resource types cannot be
    searched, the endpoint returns successful results with partialFailure instead of failing the whole
    request. Not paginated.

    Args:
        q (str): Search query (e.g. "postgres").
        types (str | Unset): Comma-separated resource types to include: "projects", "notebooks",
            "blocks", "integrations". Defaults to all types.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SearchResponse]
    """

    kwargs = _get_kwargs(
        q=q,
        types=types,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    q: str,
    types: str | Unset = UNSET,
) -> ErrorResponse | SearchResponse | None:
    """Search across resources

     Search result limits are per resource type, not global across the response. The endpoint can return
    up to 100 projects, up to 100 notebooks, and up to 200 blocks (split into up to 100 text blocks and
    up to 100 code/SQL blocks). Integrations do not have an explicit search-result limit; active
    workspace integrations are filtered by the query. If one or more requested resource types cannot be
    searched, the endpoint returns successful results with partialFailure instead of failing the whole
    request. Not paginated.

    Args:
        q (str): Search query (e.g. "postgres").
        types (str | Unset): Comma-separated resource types to include: "projects", "notebooks",
            "blocks", "integrations". Defaults to all types.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SearchResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            types=types,
        )
    ).parsed
