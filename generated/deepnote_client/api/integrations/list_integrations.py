from http import HTTPStatus
from typing import Any, Final

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.list_integrations_has_schema import ListIntegrationsHasSchema
from ...models.list_integrations_include_metadata import ListIntegrationsIncludeMetadata
from ...models.list_integrations_response import ListIntegrationsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    integration_ids: str | Unset = UNSET,
    name_contains: str | Unset = UNSET,
    types: str | Unset = UNSET,
    has_schema: ListIntegrationsHasSchema | Unset = UNSET,
    include_metadata: ListIntegrationsIncludeMetadata | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["integrationIds"] = integration_ids

    params["nameContains"] = name_contains

    params["types"] = types

    json_has_schema: str | Unset = UNSET
    if not isinstance(has_schema, Unset):
        json_has_schema = has_schema.value

    params["hasSchema"] = json_has_schema

    json_include_metadata: str | Unset = UNSET
    if not isinstance(include_metadata, Unset):
        json_include_metadata = include_metadata.value

    params["includeMetadata"] = json_include_metadata

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/integrations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ListIntegrationsResponse | None:
    if response.status_code == 200:
        response_200 = ListIntegrationsResponse.from_dict(response.json())

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


OPERATION_ID: Final = "listIntegrations"
"""The spec's operationId."""


def build_request(
    *,
    integration_ids: str | Unset = UNSET,
    name_contains: str | Unset = UNSET,
    types: str | Unset = UNSET,
    has_schema: ListIntegrationsHasSchema | Unset = UNSET,
    include_metadata: ListIntegrationsIncludeMetadata | Unset = UNSET,
) -> dict[str, Any]:
    """The request of listIntegrations, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        integration_ids=integration_ids,
        name_contains=name_contains,
        types=types,
        has_schema=has_schema,
        include_metadata=include_metadata,
    )


def parse_response(response: httpx.Response) -> ListIntegrationsResponse:
    """The success value of a listIntegrations response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 200:
        return ListIntegrationsResponse.from_dict(response.json())
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ListIntegrationsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    integration_ids: str | Unset = UNSET,
    name_contains: str | Unset = UNSET,
    types: str | Unset = UNSET,
    has_schema: ListIntegrationsHasSchema | Unset = UNSET,
    include_metadata: ListIntegrationsIncludeMetadata | Unset = UNSET,
) -> Response[ErrorResponse | ListIntegrationsResponse]:
    """List integrations

     The workspace's data source integrations, filtered by the query. Not paginated.

    Args:
        integration_ids (str | Unset): Comma-separated list of integration UUIDs to filter by
            (e.g. `?integrationIds=<uuid1>,<uuid2>`).
        name_contains (str | Unset): Filter integrations whose name contains this value (case-
            insensitive).
        types (str | Unset): Comma-separated list of integration types to filter by exact match
            (e.g. `?types=big-query,snowflake`).
        has_schema (ListIntegrationsHasSchema | Unset): Filter by whether the integration type
            supports schema discovery.
        include_metadata (ListIntegrationsIncludeMetadata | Unset): Include decrypted integration
            connection metadata. Restricted to Admins with EDIT_INTEGRATIONS permission. Defaults to
            `false`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListIntegrationsResponse]
    """

    kwargs = _get_kwargs(
        integration_ids=integration_ids,
        name_contains=name_contains,
        types=types,
        has_schema=has_schema,
        include_metadata=include_metadata,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    integration_ids: str | Unset = UNSET,
    name_contains: str | Unset = UNSET,
    types: str | Unset = UNSET,
    has_schema: ListIntegrationsHasSchema | Unset = UNSET,
    include_metadata: ListIntegrationsIncludeMetadata | Unset = UNSET,
) -> ErrorResponse | ListIntegrationsResponse | None:
    """List integrations

     The workspace's data source integrations, filtered by the query. Not paginated.

    Args:
        integration_ids (str | Unset): Comma-separated list of integration UUIDs to filter by
            (e.g. `?integrationIds=<uuid1>,<uuid2>`).
        name_contains (str | Unset): Filter integrations whose name contains this value (case-
            insensitive).
        types (str | Unset): Comma-separated list of integration types to filter by exact match
            (e.g. `?types=big-query,snowflake`).
        has_schema (ListIntegrationsHasSchema | Unset): Filter by whether the integration type
            supports schema discovery.
        include_metadata (ListIntegrationsIncludeMetadata | Unset): Include decrypted integration
            connection metadata. Restricted to Admins with EDIT_INTEGRATIONS permission. Defaults to
            `false`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListIntegrationsResponse
    """

    return sync_detailed(
        client=client,
        integration_ids=integration_ids,
        name_contains=name_contains,
        types=types,
        has_schema=has_schema,
        include_metadata=include_metadata,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    integration_ids: str | Unset = UNSET,
    name_contains: str | Unset = UNSET,
    types: str | Unset = UNSET,
    has_schema: ListIntegrationsHasSchema | Unset = UNSET,
    include_metadata: ListIntegrationsIncludeMetadata | Unset = UNSET,
) -> Response[ErrorResponse | ListIntegrationsResponse]:
    """List integrations

     The workspace's data source integrations, filtered by the query. Not paginated.

    Args:
        integration_ids (str | Unset): Comma-separated list of integration UUIDs to filter by
            (e.g. `?integrationIds=<uuid1>,<uuid2>`).
        name_contains (str | Unset): Filter integrations whose name contains this value (case-
            insensitive).
        types (str | Unset): Comma-separated list of integration types to filter by exact match
            (e.g. `?types=big-query,snowflake`).
        has_schema (ListIntegrationsHasSchema | Unset): Filter by whether the integration type
            supports schema discovery.
        include_metadata (ListIntegrationsIncludeMetadata | Unset): Include decrypted integration
            connection metadata. Restricted to Admins with EDIT_INTEGRATIONS permission. Defaults to
            `false`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListIntegrationsResponse]
    """

    kwargs = _get_kwargs(
        integration_ids=integration_ids,
        name_contains=name_contains,
        types=types,
        has_schema=has_schema,
        include_metadata=include_metadata,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    integration_ids: str | Unset = UNSET,
    name_contains: str | Unset = UNSET,
    types: str | Unset = UNSET,
    has_schema: ListIntegrationsHasSchema | Unset = UNSET,
    include_metadata: ListIntegrationsIncludeMetadata | Unset = UNSET,
) -> ErrorResponse | ListIntegrationsResponse | None:
    """List integrations

     The workspace's data source integrations, filtered by the query. Not paginated.

    Args:
        integration_ids (str | Unset): Comma-separated list of integration UUIDs to filter by
            (e.g. `?integrationIds=<uuid1>,<uuid2>`).
        name_contains (str | Unset): Filter integrations whose name contains this value (case-
            insensitive).
        types (str | Unset): Comma-separated list of integration types to filter by exact match
            (e.g. `?types=big-query,snowflake`).
        has_schema (ListIntegrationsHasSchema | Unset): Filter by whether the integration type
            supports schema discovery.
        include_metadata (ListIntegrationsIncludeMetadata | Unset): Include decrypted integration
            connection metadata. Restricted to Admins with EDIT_INTEGRATIONS permission. Defaults to
            `false`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListIntegrationsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            integration_ids=integration_ids,
            name_contains=name_contains,
            types=types,
            has_schema=has_schema,
            include_metadata=include_metadata,
        )
    ).parsed
