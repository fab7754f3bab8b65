from http import HTTPStatus
from io import BytesIO
from typing import Any, Final
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...types import UNSET, File, Response


def _get_kwargs(
    *,
    project_id: str | UUID,
    path: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_project_id = str(project_id)
    params["projectId"] = json_project_id

    params["path"] = path

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/files/download",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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


OPERATION_ID: Final = "downloadFile"
"""The spec's operationId."""


def build_request(
    *,
    project_id: str | UUID,
    path: str,
) -> dict[str, Any]:
    """The request of downloadFile, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        project_id=project_id,
        path=path,
    )


def parse_response(response: httpx.Response) -> File:
    """The success value of a downloadFile response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 200:
        return File(payload=BytesIO(response.content))
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | File]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    project_id: str | UUID,
    path: str,
) -> Response[ErrorResponse | File]:
    """Download a file

     The file's raw bytes, sent chunked without a `Content-Length` (from Deepnote's client code). Through
    `call` the body is read into memory within the client's size limit; use
    `deepnote_overlay.download_file` to stream a file of any size to disk.

    Args:
        project_id (UUID): Project that contains the file.
        path (str): File path within the project.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        path=path,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    project_id: str | UUID,
    path: str,
) -> ErrorResponse | File | None:
    """Download a file

     The file's raw bytes, sent chunked without a `Content-Length` (from Deepnote's client code). Through
    `call` the body is read into memory within the client's size limit; use
    `deepnote_overlay.download_file` to stream a file of any size to disk.

    Args:
        project_id (UUID): Project that contains the file.
        path (str): File path within the project.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | File
    """

    return sync_detailed(
        client=client,
        project_id=project_id,
        path=path,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    project_id: str | UUID,
    path: str,
) -> Response[ErrorResponse | File]:
    """Download a file

     The file's raw bytes, sent chunked without a `Content-Length` (from Deepnote's client code). Through
    `call` the body is read into memory within the client's size limit; use
    `deepnote_overlay.download_file` to stream a file of any size to disk.

    Args:
        project_id (UUID): Project that contains the file.
        path (str): File path within the project.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        path=path,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    project_id: str | UUID,
    path: str,
) -> ErrorResponse | File | None:
    """Download a file

     The file's raw bytes, sent chunked without a `Content-Length` (from Deepnote's client code). Through
    `call` the body is read into memory within the client's size limit; use
    `deepnote_overlay.download_file` to stream a file of any size to disk.

    Args:
        project_id (UUID): Project that contains the file.
        path (str): File path within the project.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | File
    """

    return (
        await asyncio_detailed(
            client=client,
            project_id=project_id,
            path=path,
        )
    ).parsed
