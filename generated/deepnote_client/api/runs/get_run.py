from http import HTTPStatus
from typing import Any, Final
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_run_response import GetRunResponse
from ...models.snapshot_delivery import SnapshotDelivery
from ...types import UNSET, Response, Unset, path_segment


def _get_kwargs(
    run_id: str | UUID,
    *,
    snapshot_delivery: SnapshotDelivery | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_snapshot_delivery: str | Unset = UNSET
    if not isinstance(snapshot_delivery, Unset):
        json_snapshot_delivery = snapshot_delivery.value

    params["snapshotDelivery"] = json_snapshot_delivery

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/runs/{run_id}".format(
            run_id=path_segment("run_id", run_id),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GetRunResponse | None:
    if response.status_code == 200:
        response_200 = GetRunResponse.from_dict(response.json())

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


OPERATION_ID: Final = "getRun"
"""The spec's operationId."""


def build_request(
    *,
    run_id: str | UUID,
    snapshot_delivery: SnapshotDelivery | Unset = UNSET,
) -> dict[str, Any]:
    """The request of getRun, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        run_id=run_id,
        snapshot_delivery=snapshot_delivery,
    )


def parse_response(response: httpx.Response) -> GetRunResponse:
    """The success value of a getRun response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 200:
        return GetRunResponse.from_dict(response.json())
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | GetRunResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    run_id: str | UUID,
    *,
    client: AuthenticatedClient,
    snapshot_delivery: SnapshotDelivery | Unset = UNSET,
) -> Response[ErrorResponse | GetRunResponse]:
    """Get a run

     Returns the run's status and, once available, its snapshot. A run reaches a terminal status before
    its snapshot is attached: poll while `snapshotStatus` is `pending`.

    Args:
        run_id (UUID): Run identifier.
        snapshot_delivery (SnapshotDelivery | Unset): How an available snapshot is returned:
            `downloadUrl` (default) a short-lived URL, `inline` the snapshot document in
            `snapshotContent`, `blocks` the executed blocks with outputs but no source in
            `snapshotBlocks` (`blocks` is known only from Deepnote's client code).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetRunResponse]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        snapshot_delivery=snapshot_delivery,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    run_id: str | UUID,
    *,
    client: AuthenticatedClient,
    snapshot_delivery: SnapshotDelivery | Unset = UNSET,
) -> ErrorResponse | GetRunResponse | None:
    """Get a run

     Returns the run's status and, once available, its snapshot. A run reaches a terminal status before
    its snapshot is attached: poll while `snapshotStatus` is `pending`.

    Args:
        run_id (UUID): Run identifier.
        snapshot_delivery (SnapshotDelivery | Unset): How an available snapshot is returned:
            `downloadUrl` (default) a short-lived URL, `inline` the snapshot document in
            `snapshotContent`, `blocks` the executed blocks with outputs but no source in
            `snapshotBlocks` (`blocks` is known only from Deepnote's client code).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetRunResponse
    """

    return sync_detailed(
        run_id=run_id,
        client=client,
        snapshot_delivery=snapshot_delivery,
    ).parsed


async def asyncio_detailed(
    run_id: str | UUID,
    *,
    client: AuthenticatedClient,
    snapshot_delivery: SnapshotDelivery | Unset = UNSET,
) -> Response[ErrorResponse | GetRunResponse]:
    """Get a run

     Returns the run's status and, once available, its snapshot. A run reaches a terminal status before
    its snapshot is attached: poll while `snapshotStatus` is `pending`.

    Args:
        run_id (UUID): Run identifier.
        snapshot_delivery (SnapshotDelivery | Unset): How an available snapshot is returned:
            `downloadUrl` (default) a short-lived URL, `inline` the snapshot document in
            `snapshotContent`, `blocks` the executed blocks with outputs but no source in
            `snapshotBlocks` (`blocks` is known only from Deepnote's client code).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetRunResponse]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        snapshot_delivery=snapshot_delivery,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    run_id: str | UUID,
    *,
    client: AuthenticatedClient,
    snapshot_delivery: SnapshotDelivery | Unset = UNSET,
) -> ErrorResponse | GetRunResponse | None:
    """Get a run

     Returns the run's status and, once available, its snapshot. A run reaches a terminal status before
    its snapshot is attached: poll while `snapshotStatus` is `pending`.

    Args:
        run_id (UUID): Run identifier.
        snapshot_delivery (SnapshotDelivery | Unset): How an available snapshot is returned:
            `downloadUrl` (default) a short-lived URL, `inline` the snapshot document in
            `snapshotContent`, `blocks` the executed blocks with outputs but no source in
            `snapshotBlocks` (`blocks` is known only from Deepnote's client code).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetRunResponse
    """

    return (
        await asyncio_detailed(
            run_id=run_id,
            client=client,
            snapshot_delivery=snapshot_delivery,
        )
    ).parsed
