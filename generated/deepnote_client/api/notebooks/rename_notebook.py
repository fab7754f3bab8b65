from http import HTTPStatus
from typing import Any, Final
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.rename_notebook_body import RenameNotebookBody
from ...models.rename_notebook_response import RenameNotebookResponse
from ...types import Response, path_segment


def _get_kwargs(
    notebook_id: str | UUID,
    *,
    body: RenameNotebookBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/notebooks/{notebook_id}".format(
            notebook_id=path_segment("notebook_id", notebook_id, opaque=True),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | RenameNotebookResponse | None:
    if response.status_code == 200:
        response_200 = RenameNotebookResponse.from_dict(response.json())

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


OPERATION_ID: Final = "renameNotebook"
"""The spec's operationId."""


def build_request(
    *,
    notebook_id: str | UUID,
    body: RenameNotebookBody,
) -> dict[str, Any]:
    """The request of renameNotebook, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        notebook_id=notebook_id,
        body=body,
    )


def parse_response(response: httpx.Response) -> RenameNotebookResponse:
    """The success value of a renameNotebook response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 200:
        return RenameNotebookResponse.from_dict(response.json())
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | RenameNotebookResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    notebook_id: str | UUID,
    *,
    client: AuthenticatedClient,
    body: RenameNotebookBody,
) -> Response[ErrorResponse | RenameNotebookResponse]:
    """Rename a notebook

     Renames the notebook; rename is the only supported update. Naming a notebook `Init` designates it as
    the project's init notebook. Known only from Deepnote's client code (added in August 2026); not yet
    on the archived reference pages.

    Args:
        notebook_id (str): Opaque notebook identifier.
        body (RenameNotebookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RenameNotebookResponse]
    """

    kwargs = _get_kwargs(
        notebook_id=notebook_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    notebook_id: str | UUID,
    *,
    client: AuthenticatedClient,
    body: RenameNotebookBody,
) -> ErrorResponse | RenameNotebookResponse | None:
    """Rename a notebook

     Renames the notebook; rename is the only supported update. Naming a notebook `Init` designates it as
    the project's init notebook. Known only from Deepnote's client code (added in August 2026); not yet
    on the archived reference pages.

    Args:
        notebook_id (str): Opaque notebook identifier.
        body (RenameNotebookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RenameNotebookResponse
    """

    return sync_detailed(
        notebook_id=notebook_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    notebook_id: str | UUID,
    *,
    client: AuthenticatedClient,
    body: RenameNotebookBody,
) -> Response[ErrorResponse | RenameNotebookResponse]:
    """Rename a notebook

     Renames the notebook; rename is the only supported update. Naming a notebook `Init` designates it as
    the project's init notebook. Known only from Deepnote's client code (added in August 2026); not yet
    on the archived reference pages.

    Args:
        notebook_id (str): Opaque notebook identifier.
        body (RenameNotebookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RenameNotebookResponse]
    """

    kwargs = _get_kwargs(
        notebook_id=notebook_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    notebook_id: str | UUID,
    *,
    client: AuthenticatedClient,
    body: RenameNotebookBody,
) -> ErrorResponse | RenameNotebookResponse | None:
    """Rename a notebook

     Renames the notebook; rename is the only supported update. Naming a notebook `Init` designates it as
    the project's init notebook. Known only from Deepnote's client code (added in August 2026); not yet
    on the archived reference pages.

    Args:
        notebook_id (str): Opaque notebook identifier.
        body (RenameNotebookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RenameNotebookResponse
    """

    return (
        await asyncio_detailed(
            notebook_id=notebook_id,
            client=client,
            body=body,
        )
    ).parsed
