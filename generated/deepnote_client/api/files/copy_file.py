from http import HTTPStatus
from typing import Any, Final

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.copy_file_body import CopyFileBody
from ...models.copy_file_response import CopyFileResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CopyFileBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/files/copy",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CopyFileResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = CopyFileResponse.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


OPERATION_ID: Final = "copyFile"
"""The spec's operationId."""


def build_request(
    *,
    body: CopyFileBody,
) -> dict[str, Any]:
    """The request of copyFile, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        body=body,
    )


def parse_response(response: httpx.Response) -> CopyFileResponse:
    """The success value of a copyFile response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 200:
        return CopyFileResponse.from_dict(response.json())
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CopyFileResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CopyFileBody,
) -> Response[CopyFileResponse | ErrorResponse]:
    """Copy a file between projects

     Copies a source file into another project, using the source file path as the target path. Source and
    target projects must differ; files only, never folders; an existing target file is never
    overwritten. Needs read access to the source and edit access to the target. The response shape is
    not documented (the docs page is cut off); it is read as an open object.

    Args:
        body (CopyFileBody): The docs show `sourceProjectId` as required and are cut off after it;
            `targetProjectId` and `sourceFilePath` come from Deepnote's MCP tool that mirrors this
            operation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CopyFileResponse | ErrorResponse]
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
    body: CopyFileBody,
) -> CopyFileResponse | ErrorResponse | None:
    """Copy a file between projects

     Copies a source file into another project, using the source file path as the target path. Source and
    target projects must differ; files only, never folders; an existing target file is never
    overwritten. Needs read access to the source and edit access to the target. The response shape is
    not documented (the docs page is cut off); it is read as an open object.

    Args:
        body (CopyFileBody): The docs show `sourceProjectId` as required and are cut off after it;
            `targetProjectId` and `sourceFilePath` come from Deepnote's MCP tool that mirrors this
            operation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CopyFileResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CopyFileBody,
) -> Response[CopyFileResponse | ErrorResponse]:
    """Copy a file between projects

     Copies a source file into another project, using the source file path as the target path. Source and
    target projects must differ; files only, never folders; an existing target file is never
    overwritten. Needs read access to the source and edit access to the target. The response shape is
    not documented (the docs page is cut off); it is read as an open object.

    Args:
        body (CopyFileBody): The docs show `sourceProjectId` as required and are cut off after it;
            `targetProjectId` and `sourceFilePath` come from Deepnote's MCP tool that mirrors this
            operation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CopyFileResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CopyFileBody,
) -> CopyFileResponse | ErrorResponse | None:
    """Copy a file between projects

     Copies a source file into another project, using the source file path as the target path. Source and
    target projects must differ; files only, never folders; an existing target file is never
    overwritten. Needs read access to the source and edit access to the target. The response shape is
    not documented (the docs page is cut off); it is read as an open object.

    Args:
        body (CopyFileBody): The docs show `sourceProjectId` as required and are cut off after it;
            `targetProjectId` and `sourceFilePath` come from Deepnote's MCP tool that mirrors this
            operation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CopyFileResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
