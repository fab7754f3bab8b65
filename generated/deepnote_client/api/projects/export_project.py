from http import HTTPStatus
from io import BytesIO
from typing import Any, Final
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...types import File, Response, path_segment


def _get_kwargs(
    project_id: str | UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/projects/{project_id}/export".format(
            project_id=path_segment("project_id", project_id),
        ),
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


OPERATION_ID: Final = "exportProject"
"""The spec's operationId."""


def build_request(
    *,
    project_id: str | UUID,
) -> dict[str, Any]:
    """The request of exportProject, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        project_id=project_id,
    )


def parse_response(response: httpx.Response) -> File:
    """The success value of a exportProject response.

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
    project_id: str | UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | File]:
    """Export a project

     A ZIP with one `.deepnote` file per notebook, as readable YAML; outputs and execution metadata are
    left out. Each document is a full project envelope holding one notebook, and all share
    `metadata.modifiedAt`. File names are the slugified notebook name (the notebook id when that is
    empty), made unique. The documents are byte-identical for an unchanged project (the ZIP framing is
    not); an empty project gives an empty ZIP. From Deepnote's CLI (deepnote-client, `deepnote sync`):
    every entry is a non-empty top-level `*.deepnote` file (another entry fails the sync), and an
    unchanged project must export the same bytes, also after an import of its own export, since the CLI
    detects cloud changes by hashing them.

    Args:
        project_id (UUID): Project identifier.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File]
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
) -> ErrorResponse | File | None:
    """Export a project

     A ZIP with one `.deepnote` file per notebook, as readable YAML; outputs and execution metadata are
    left out. Each document is a full project envelope holding one notebook, and all share
    `metadata.modifiedAt`. File names are the slugified notebook name (the notebook id when that is
    empty), made unique. The documents are byte-identical for an unchanged project (the ZIP framing is
    not); an empty project gives an empty ZIP. From Deepnote's CLI (deepnote-client, `deepnote sync`):
    every entry is a non-empty top-level `*.deepnote` file (another entry fails the sync), and an
    unchanged project must export the same bytes, also after an import of its own export, since the CLI
    detects cloud changes by hashing them.

    Args:
        project_id (UUID): Project identifier.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | File
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    project_id: str | UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | File]:
    """Export a project

     A ZIP with one `.deepnote` file per notebook, as readable YAML; outputs and execution metadata are
    left out. Each document is a full project envelope holding one notebook, and all share
    `metadata.modifiedAt`. File names are the slugified notebook name (the notebook id when that is
    empty), made unique. The documents are byte-identical for an unchanged project (the ZIP framing is
    not); an empty project gives an empty ZIP. From Deepnote's CLI (deepnote-client, `deepnote sync`):
    every entry is a non-empty top-level `*.deepnote` file (another entry fails the sync), and an
    unchanged project must export the same bytes, also after an import of its own export, since the CLI
    detects cloud changes by hashing them.

    Args:
        project_id (UUID): Project identifier.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File]
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
) -> ErrorResponse | File | None:
    """Export a project

     A ZIP with one `.deepnote` file per notebook, as readable YAML; outputs and execution metadata are
    left out. Each document is a full project envelope holding one notebook, and all share
    `metadata.modifiedAt`. File names are the slugified notebook name (the notebook id when that is
    empty), made unique. The documents are byte-identical for an unchanged project (the ZIP framing is
    not); an empty project gives an empty ZIP. From Deepnote's CLI (deepnote-client, `deepnote sync`):
    every entry is a non-empty top-level `*.deepnote` file (another entry fails the sync), and an
    unchanged project must export the same bytes, also after an import of its own export, since the CLI
    detects cloud changes by hashing them.

    Args:
        project_id (UUID): Project identifier.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | File
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
        )
    ).parsed
