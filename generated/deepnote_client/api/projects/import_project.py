from http import HTTPStatus
from typing import Any, Final
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.import_project_response import ImportProjectResponse
from ...types import UNSET, File, Response, Unset, path_segment


def _get_kwargs(
    project_id: str | UUID,
    *,
    body: File,
    base_modified_at: str | Unset = UNSET,
    base_content_hash: str | Unset = UNSET,
    delete_missing_notebooks: bool | Unset = False,
    force: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["baseModifiedAt"] = base_modified_at

    params["baseContentHash"] = base_content_hash

    params["deleteMissingNotebooks"] = delete_missing_notebooks

    params["force"] = force

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/projects/{project_id}/import".format(
            project_id=path_segment("project_id", project_id),
        ),
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/zip"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ImportProjectResponse | None:
    if response.status_code == 200:
        response_200 = ImportProjectResponse.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


OPERATION_ID: Final = "importProject"
"""The spec's operationId."""


def build_request(
    *,
    project_id: str | UUID,
    body: File,
    base_modified_at: str | Unset = UNSET,
    base_content_hash: str | Unset = UNSET,
    delete_missing_notebooks: bool | Unset = False,
    force: bool | Unset = False,
) -> dict[str, Any]:
    """The request of importProject, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        project_id=project_id,
        body=body,
        base_modified_at=base_modified_at,
        base_content_hash=base_content_hash,
        delete_missing_notebooks=delete_missing_notebooks,
        force=force,
    )


def parse_response(response: httpx.Response) -> ImportProjectResponse:
    """The success value of a importProject response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 200:
        return ImportProjectResponse.from_dict(response.json())
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ImportProjectResponse]:
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
    body: File,
    base_modified_at: str | Unset = UNSET,
    base_content_hash: str | Unset = UNSET,
    delete_missing_notebooks: bool | Unset = False,
    force: bool | Unset = False,
) -> Response[ErrorResponse | ImportProjectResponse]:
    """Import a project

     Reconciles the project with a ZIP of `.deepnote` documents at the archive root, exactly one notebook
    each (the export's shape), in one transaction after a version-history snapshot. A notebook's
    identity is `project.notebooks[0].id` inside its document, never the file name; block identity is
    preserved; outputs and execution state are cleared. All documents must share the project name and
    integration set. Credentials and `settings.requirements` are never imported. The canonical content
    hash of an export is the SHA-256 (hex) of the lines `<file name>\\n<SHA-256 hex of the file>`, one
    per document, sorted and joined by `\\n`.

    Args:
        project_id (UUID): Project identifier.
        base_modified_at (str | Unset): The `metadata.modifiedAt` of the export this import is
            based on; 409 if the project changed structurally since.
        base_content_hash (str | Unset): The content hash of the export this import is based on;
            409 if the current export hashes differently.
        delete_missing_notebooks (bool | Unset): Delete the project's notebooks that are absent
            from the ZIP. Default: False.
        force (bool | Unset): Skip both conflict checks. Default: False.
        body (File): A ZIP of `.deepnote` documents at the archive root, one notebook each (the
            export's shape).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ImportProjectResponse]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
        base_modified_at=base_modified_at,
        base_content_hash=base_content_hash,
        delete_missing_notebooks=delete_missing_notebooks,
        force=force,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: str | UUID,
    *,
    client: AuthenticatedClient,
    body: File,
    base_modified_at: str | Unset = UNSET,
    base_content_hash: str | Unset = UNSET,
    delete_missing_notebooks: bool | Unset = False,
    force: bool | Unset = False,
) -> ErrorResponse | ImportProjectResponse | None:
    """Import a project

     Reconciles the project with a ZIP of `.deepnote` documents at the archive root, exactly one notebook
    each (the export's shape), in one transaction after a version-history snapshot. A notebook's
    identity is `project.notebooks[0].id` inside its document, never the file name; block identity is
    preserved; outputs and execution state are cleared. All documents must share the project name and
    integration set. Credentials and `settings.requirements` are never imported. The canonical content
    hash of an export is the SHA-256 (hex) of the lines `<file name>\\n<SHA-256 hex of the file>`, one
    per document, sorted and joined by `\\n`.

    Args:
        project_id (UUID): Project identifier.
        base_modified_at (str | Unset): The `metadata.modifiedAt` of the export this import is
            based on; 409 if the project changed structurally since.
        base_content_hash (str | Unset): The content hash of the export this import is based on;
            409 if the current export hashes differently.
        delete_missing_notebooks (bool | Unset): Delete the project's notebooks that are absent
            from the ZIP. Default: False.
        force (bool | Unset): Skip both conflict checks. Default: False.
        body (File): A ZIP of `.deepnote` documents at the archive root, one notebook each (the
            export's shape).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ImportProjectResponse
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        body=body,
        base_modified_at=base_modified_at,
        base_content_hash=base_content_hash,
        delete_missing_notebooks=delete_missing_notebooks,
        force=force,
    ).parsed


async def asyncio_detailed(
    project_id: str | UUID,
    *,
    client: AuthenticatedClient,
    body: File,
    base_modified_at: str | Unset = UNSET,
    base_content_hash: str | Unset = UNSET,
    delete_missing_notebooks: bool | Unset = False,
    force: bool | Unset = False,
) -> Response[ErrorResponse | ImportProjectResponse]:
    """Import a project

     Reconciles the project with a ZIP of `.deepnote` documents at the archive root, exactly one notebook
    each (the export's shape), in one transaction after a version-history snapshot. A notebook's
    identity is `project.notebooks[0].id` inside its document, never the file name; block identity is
    preserved; outputs and execution state are cleared. All documents must share the project name and
    integration set. Credentials and `settings.requirements` are never imported. The canonical content
    hash of an export is the SHA-256 (hex) of the lines `<file name>\\n<SHA-256 hex of the file>`, one
    per document, sorted and joined by `\\n`.

    Args:
        project_id (UUID): Project identifier.
        base_modified_at (str | Unset): The `metadata.modifiedAt` of the export this import is
            based on; 409 if the project changed structurally since.
        base_content_hash (str | Unset): The content hash of the export this import is based on;
            409 if the current export hashes differently.
        delete_missing_notebooks (bool | Unset): Delete the project's notebooks that are absent
            from the ZIP. Default: False.
        force (bool | Unset): Skip both conflict checks. Default: False.
        body (File): A ZIP of `.deepnote` documents at the archive root, one notebook each (the
            export's shape).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ImportProjectResponse]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
        base_modified_at=base_modified_at,
        base_content_hash=base_content_hash,
        delete_missing_notebooks=delete_missing_notebooks,
        force=force,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str | UUID,
    *,
    client: AuthenticatedClient,
    body: File,
    base_modified_at: str | Unset = UNSET,
    base_content_hash: str | Unset = UNSET,
    delete_missing_notebooks: bool | Unset = False,
    force: bool | Unset = False,
) -> ErrorResponse | ImportProjectResponse | None:
    """Import a project

     Reconciles the project with a ZIP of `.deepnote` documents at the archive root, exactly one notebook
    each (the export's shape), in one transaction after a version-history snapshot. A notebook's
    identity is `project.notebooks[0].id` inside its document, never the file name; block identity is
    preserved; outputs and execution state are cleared. All documents must share the project name and
    integration set. Credentials and `settings.requirements` are never imported. The canonical content
    hash of an export is the SHA-256 (hex) of the lines `<file name>\\n<SHA-256 hex of the file>`, one
    per document, sorted and joined by `\\n`.

    Args:
        project_id (UUID): Project identifier.
        base_modified_at (str | Unset): The `metadata.modifiedAt` of the export this import is
            based on; 409 if the project changed structurally since.
        base_content_hash (str | Unset): The content hash of the export this import is based on;
            409 if the current export hashes differently.
        delete_missing_notebooks (bool | Unset): Delete the project's notebooks that are absent
            from the ZIP. Default: False.
        force (bool | Unset): Skip both conflict checks. Default: False.
        body (File): A ZIP of `.deepnote` documents at the archive root, one notebook each (the
            export's shape).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ImportProjectResponse
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            body=body,
            base_modified_at=base_modified_at,
            base_content_hash=base_content_hash,
            delete_missing_notebooks=delete_missing_notebooks,
            force=force,
        )
    ).parsed
