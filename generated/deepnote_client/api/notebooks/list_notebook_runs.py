from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Final
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.list_notebook_runs_response import ListNotebookRunsResponse
from ...types import UNSET, Response, Unset, path_segment


def _get_kwargs(
    notebook_id: str | UUID,
    *,
    page_size: int | Unset = 20,
    page_token: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["pageSize"] = page_size

    params["pageToken"] = page_token

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/notebooks/{notebook_id}/runs".format(
            notebook_id=path_segment("notebook_id", notebook_id, opaque=True),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ListNotebookRunsResponse | None:
    if response.status_code == 200:
        response_200 = ListNotebookRunsResponse.from_dict(response.json())

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


OPERATION_ID: Final = "listNotebookRuns"
"""The spec's operationId."""


def build_request(
    *,
    notebook_id: str | UUID,
    page_size: int | Unset = 20,
    page_token: str | Unset = UNSET,
) -> dict[str, Any]:
    """The request of listNotebookRuns, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        notebook_id=notebook_id,
        page_size=page_size,
        page_token=page_token,
    )


def parse_response(response: httpx.Response) -> ListNotebookRunsResponse:
    """The success value of a listNotebookRuns response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 200:
        return ListNotebookRunsResponse.from_dict(response.json())
    raise errors.UnexpectedStatus(response.status_code, response.content)


PAGE_ITEMS: Final = "runs"
"""The field of a page that holds its items (named by ``x-page-items`` in the spec)."""


if TYPE_CHECKING:
    from ...models.list_notebook_run import ListNotebookRun


def page_items(page: ListNotebookRunsResponse) -> "list[ListNotebookRun]":
    """The items of one page of listNotebookRuns."""
    return page.runs


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ListNotebookRunsResponse]:
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
    page_size: int | Unset = 20,
    page_token: str | Unset = UNSET,
) -> Response[ErrorResponse | ListNotebookRunsResponse]:
    """List historical runs for a notebook

     Every run of the notebook, newest first, including runs started from the Deepnote UI. Follow
    `pagination.nextPageToken` until it is null.

    Args:
        notebook_id (str): Opaque notebook identifier.
        page_size (int | Unset): Maximum number of items to return. Defaults to 20. Maximum: 100.
            Default: 20.
        page_token (str | Unset): Opaque token returned by the previous page. Omit for the first
            page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListNotebookRunsResponse]
    """

    kwargs = _get_kwargs(
        notebook_id=notebook_id,
        page_size=page_size,
        page_token=page_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    notebook_id: str | UUID,
    *,
    client: AuthenticatedClient,
    page_size: int | Unset = 20,
    page_token: str | Unset = UNSET,
) -> ErrorResponse | ListNotebookRunsResponse | None:
    """List historical runs for a notebook

     Every run of the notebook, newest first, including runs started from the Deepnote UI. Follow
    `pagination.nextPageToken` until it is null.

    Args:
        notebook_id (str): Opaque notebook identifier.
        page_size (int | Unset): Maximum number of items to return. Defaults to 20. Maximum: 100.
            Default: 20.
        page_token (str | Unset): Opaque token returned by the previous page. Omit for the first
            page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListNotebookRunsResponse
    """

    return sync_detailed(
        notebook_id=notebook_id,
        client=client,
        page_size=page_size,
        page_token=page_token,
    ).parsed


async def asyncio_detailed(
    notebook_id: str | UUID,
    *,
    client: AuthenticatedClient,
    page_size: int | Unset = 20,
    page_token: str | Unset = UNSET,
) -> Response[ErrorResponse | ListNotebookRunsResponse]:
    """List historical runs for a notebook

     Every run of the notebook, newest first, including runs started from the Deepnote UI. Follow
    `pagination.nextPageToken` until it is null.

    Args:
        notebook_id (str): Opaque notebook identifier.
        page_size (int | Unset): Maximum number of items to return. Defaults to 20. Maximum: 100.
            Default: 20.
        page_token (str | Unset): Opaque token returned by the previous page. Omit for the first
            page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListNotebookRunsResponse]
    """

    kwargs = _get_kwargs(
        notebook_id=notebook_id,
        page_size=page_size,
        page_token=page_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    notebook_id: str | UUID,
    *,
    client: AuthenticatedClient,
    page_size: int | Unset = 20,
    page_token: str | Unset = UNSET,
) -> ErrorResponse | ListNotebookRunsResponse | None:
    """List historical runs for a notebook

     Every run of the notebook, newest first, including runs started from the Deepnote UI. Follow
    `pagination.nextPageToken` until it is null.

    Args:
        notebook_id (str): Opaque notebook identifier.
        page_size (int | Unset): Maximum number of items to return. Defaults to 20. Maximum: 100.
            Default: 20.
        page_token (str | Unset): Opaque token returned by the previous page. Omit for the first
            page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListNotebookRunsResponse
    """

    return (
        await asyncio_detailed(
            notebook_id=notebook_id,
            client=client,
            page_size=page_size,
            page_token=page_token,
        )
    ).parsed
