from http import HTTPStatus
from typing import Any, Final
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.update_project_body import UpdateProjectBody
from ...models.update_project_response import UpdateProjectResponse
from ...types import Response, path_segment


def _get_kwargs(
    project_id: str | UUID,
    *,
    body: UpdateProjectBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/projects/{project_id}".format(
            project_id=path_segment("project_id", project_id),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | UpdateProjectResponse | None:
    if response.status_code == 200:
        response_200 = UpdateProjectResponse.from_dict(response.json())

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


OPERATION_ID: Final = "updateProject"
"""The spec's operationId."""


def build_request(
    *,
    project_id: str | UUID,
    body: UpdateProjectBody,
) -> dict[str, Any]:
    """The request of updateProject, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        project_id=project_id,
        body=body,
    )


def parse_response(response: httpx.Response) -> UpdateProjectResponse:
    """The success value of a updateProject response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 200:
        return UpdateProjectResponse.from_dict(response.json())
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | UpdateProjectResponse]:
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
    body: UpdateProjectBody,
) -> Response[ErrorResponse | UpdateProjectResponse]:
    """Update project settings

     Updates the project's static-site settings, hosted Streamlit app API access and environment; at
    least one of them must be sent. API access to the static site cannot be enabled while sharing is
    disabled, and disabling sharing disables API access. Changing the environment restarts a running
    machine, clearing kernel state. Known only from Deepnote's client code; its error statuses are not
    documented beyond the ones every operation has.

    Args:
        project_id (UUID): Project identifier.
        body (UpdateProjectBody): Project settings to change (from Deepnote's client code); at
            least one field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UpdateProjectResponse]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: str | UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateProjectBody,
) -> ErrorResponse | UpdateProjectResponse | None:
    """Update project settings

     Updates the project's static-site settings, hosted Streamlit app API access and environment; at
    least one of them must be sent. API access to the static site cannot be enabled while sharing is
    disabled, and disabling sharing disables API access. Changing the environment restarts a running
    machine, clearing kernel state. Known only from Deepnote's client code; its error statuses are not
    documented beyond the ones every operation has.

    Args:
        project_id (UUID): Project identifier.
        body (UpdateProjectBody): Project settings to change (from Deepnote's client code); at
            least one field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UpdateProjectResponse
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    project_id: str | UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateProjectBody,
) -> Response[ErrorResponse | UpdateProjectResponse]:
    """Update project settings

     Updates the project's static-site settings, hosted Streamlit app API access and environment; at
    least one of them must be sent. API access to the static site cannot be enabled while sharing is
    disabled, and disabling sharing disables API access. Changing the environment restarts a running
    machine, clearing kernel state. Known only from Deepnote's client code; its error statuses are not
    documented beyond the ones every operation has.

    Args:
        project_id (UUID): Project identifier.
        body (UpdateProjectBody): Project settings to change (from Deepnote's client code); at
            least one field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UpdateProjectResponse]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str | UUID,
    *,
    client: AuthenticatedClient,
    body: UpdateProjectBody,
) -> ErrorResponse | UpdateProjectResponse | None:
    """Update project settings

     Updates the project's static-site settings, hosted Streamlit app API access and environment; at
    least one of them must be sent. API access to the static site cannot be enabled while sharing is
    disabled, and disabling sharing disables API access. Changing the environment restarts a running
    machine, clearing kernel state. Known only from Deepnote's client code; its error statuses are not
    documented beyond the ones every operation has.

    Args:
        project_id (UUID): Project identifier.
        body (UpdateProjectBody): Project settings to change (from Deepnote's client code); at
            least one field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UpdateProjectResponse
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            body=body,
        )
    ).parsed
