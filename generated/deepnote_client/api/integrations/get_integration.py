from http import HTTPStatus
from typing import Any, Final
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_integration_response import GetIntegrationResponse
from ...types import UNSET, Response, Unset, path_segment


def _get_kwargs(
    integration_id: str | UUID,
    *,
    database_name: str | Unset = UNSET,
    schema_name: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["databaseName"] = database_name

    params["schemaName"] = schema_name

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/integrations/{integration_id}".format(
            integration_id=path_segment("integration_id", integration_id),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GetIntegrationResponse | None:
    if response.status_code == 200:
        response_200 = GetIntegrationResponse.from_dict(response.json())

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


OPERATION_ID: Final = "getIntegration"
"""The spec's operationId."""


def build_request(
    *,
    integration_id: str | UUID,
    database_name: str | Unset = UNSET,
    schema_name: str | Unset = UNSET,
) -> dict[str, Any]:
    """The request of getIntegration, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        integration_id=integration_id,
        database_name=database_name,
        schema_name=schema_name,
    )


def parse_response(response: httpx.Response) -> GetIntegrationResponse:
    """The success value of a getIntegration response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 200:
        return GetIntegrationResponse.from_dict(response.json())
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | GetIntegrationResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    integration_id: str | UUID,
    *,
    client: AuthenticatedClient,
    database_name: str | Unset = UNSET,
    schema_name: str | Unset = UNSET,
) -> Response[ErrorResponse | GetIntegrationResponse]:
    """Get integration with tables

     The integration and its cached tables, optionally narrowed to one database or schema. The docs
    section was cut off after the parameters: the response fields are from Deepnote's agent skills
    (tables with name, schema, optional database and columns), and the error statuses are those of `GET
    /integrations` plus 404 for an unknown integration.

    Args:
        integration_id (UUID): Integration identifier.
        database_name (str | Unset): Filter tables by database (relevant for Snowflake/BigQuery).
        schema_name (str | Unset): Filter tables by schema.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetIntegrationResponse]
    """

    kwargs = _get_kwargs(
        integration_id=integration_id,
        database_name=database_name,
        schema_name=schema_name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    integration_id: str | UUID,
    *,
    client: AuthenticatedClient,
    database_name: str | Unset = UNSET,
    schema_name: str | Unset = UNSET,
) -> ErrorResponse | GetIntegrationResponse | None:
    """Get integration with tables

     The integration and its cached tables, optionally narrowed to one database or schema. The docs
    section was cut off after the parameters: the response fields are from Deepnote's agent skills
    (tables with name, schema, optional database and columns), and the error statuses are those of `GET
    /integrations` plus 404 for an unknown integration.

    Args:
        integration_id (UUID): Integration identifier.
        database_name (str | Unset): Filter tables by database (relevant for Snowflake/BigQuery).
        schema_name (str | Unset): Filter tables by schema.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetIntegrationResponse
    """

    return sync_detailed(
        integration_id=integration_id,
        client=client,
        database_name=database_name,
        schema_name=schema_name,
    ).parsed


async def asyncio_detailed(
    integration_id: str | UUID,
    *,
    client: AuthenticatedClient,
    database_name: str | Unset = UNSET,
    schema_name: str | Unset = UNSET,
) -> Response[ErrorResponse | GetIntegrationResponse]:
    """Get integration with tables

     The integration and its cached tables, optionally narrowed to one database or schema. The docs
    section was cut off after the parameters: the response fields are from Deepnote's agent skills
    (tables with name, schema, optional database and columns), and the error statuses are those of `GET
    /integrations` plus 404 for an unknown integration.

    Args:
        integration_id (UUID): Integration identifier.
        database_name (str | Unset): Filter tables by database (relevant for Snowflake/BigQuery).
        schema_name (str | Unset): Filter tables by schema.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetIntegrationResponse]
    """

    kwargs = _get_kwargs(
        integration_id=integration_id,
        database_name=database_name,
        schema_name=schema_name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    integration_id: str | UUID,
    *,
    client: AuthenticatedClient,
    database_name: str | Unset = UNSET,
    schema_name: str | Unset = UNSET,
) -> ErrorResponse | GetIntegrationResponse | None:
    """Get integration with tables

     The integration and its cached tables, optionally narrowed to one database or schema. The docs
    section was cut off after the parameters: the response fields are from Deepnote's agent skills
    (tables with name, schema, optional database and columns), and the error statuses are those of `GET
    /integrations` plus 404 for an unknown integration.

    Args:
        integration_id (UUID): Integration identifier.
        database_name (str | Unset): Filter tables by database (relevant for Snowflake/BigQuery).
        schema_name (str | Unset): Filter tables by schema.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetIntegrationResponse
    """

    return (
        await asyncio_detailed(
            integration_id=integration_id,
            client=client,
            database_name=database_name,
            schema_name=schema_name,
        )
    ).parsed
