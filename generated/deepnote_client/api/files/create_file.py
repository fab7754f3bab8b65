from http import HTTPStatus
from typing import Any, Final

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_file_multipart_body import CreateFileMultipartBody
from ...models.create_file_response import CreateFileResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CreateFileMultipartBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/files",
    }

    _kwargs["files"] = body.to_multipart()

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateFileResponse | ErrorResponse | None:
    if response.status_code == 201:
        response_201 = CreateFileResponse.from_dict(response.json())

        return response_201

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

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


OPERATION_ID: Final = "createFile"
"""The spec's operationId."""


def build_request(
    *,
    body: CreateFileMultipartBody,
) -> dict[str, Any]:
    """The request of createFile, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        body=body,
    )


def parse_response(response: httpx.Response) -> CreateFileResponse:
    """The success value of a createFile response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 201:
        return CreateFileResponse.from_dict(response.json())
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreateFileResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateFileMultipartBody,
) -> Response[CreateFileResponse | ErrorResponse]:
    """Create a file

     Creates a file from a multipart upload at the requested project path, generating a unique path when
    that path already exists. A file is never overwritten: delete it first.

    Args:
        body (CreateFileMultipartBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateFileResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateFileMultipartBody,
) -> CreateFileResponse | ErrorResponse | None:
    """Create a file

     Creates a file from a multipart upload at the requested project path, generating a unique path when
    that path already exists. A file is never overwritten: delete it first.

    Args:
        body (CreateFileMultipartBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateFileResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateFileMultipartBody,
) -> Response[CreateFileResponse | ErrorResponse]:
    """Create a file

     Creates a file from a multipart upload at the requested project path, generating a unique path when
    that path already exists. A file is never overwritten: delete it first.

    Args:
        body (CreateFileMultipartBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateFileResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateFileMultipartBody,
) -> CreateFileResponse | ErrorResponse | None:
    """Create a file

     Creates a file from a multipart upload at the requested project path, generating a unique path when
    that path already exists. A file is never overwritten: delete it first.

    Args:
        body (CreateFileMultipartBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateFileResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
