from http import HTTPStatus
from typing import Any, Final

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_streamlit_app_body import CreateStreamlitAppBody
from ...models.create_streamlit_app_response import CreateStreamlitAppResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CreateStreamlitAppBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/streamlit-apps",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateStreamlitAppResponse | ErrorResponse | None:
    if response.status_code == 201:
        response_201 = CreateStreamlitAppResponse.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


OPERATION_ID: Final = "createStreamlitApp"
"""The spec's operationId."""


def build_request(
    *,
    body: CreateStreamlitAppBody,
) -> dict[str, Any]:
    """The request of createStreamlitApp, as keyword arguments for ``httpx.Client.build_request``.

    Raises ``ValueError`` naming a path parameter that is empty, ``.`` or ``..``.
    """
    return _get_kwargs(
        body=body,
    )


def parse_response(response: httpx.Response) -> CreateStreamlitAppResponse:
    """The success value of a createStreamlitApp response.

    Raises ``errors.UnexpectedStatus`` for any status that is not a documented success,
    ``errors.ParseError`` (naming the field) for a body that does not match the schema, and
    ``json.JSONDecodeError`` for a body that is not JSON.
    """
    if response.status_code == 201:
        return CreateStreamlitAppResponse.from_dict(response.json())
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreateStreamlitAppResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateStreamlitAppBody,
) -> Response[CreateStreamlitAppResponse | ErrorResponse]:
    """Serve a Streamlit app

     Serves a project file as a Streamlit app. One app per entrypoint; creating one restarts the project
    machine, so its status passes through `unavailable` then `starting`. No delete operation is known.
    Known only from Deepnote's client code.

    Args:
        body (CreateStreamlitAppBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateStreamlitAppResponse | ErrorResponse]
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
    body: CreateStreamlitAppBody,
) -> CreateStreamlitAppResponse | ErrorResponse | None:
    """Serve a Streamlit app

     Serves a project file as a Streamlit app. One app per entrypoint; creating one restarts the project
    machine, so its status passes through `unavailable` then `starting`. No delete operation is known.
    Known only from Deepnote's client code.

    Args:
        body (CreateStreamlitAppBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateStreamlitAppResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateStreamlitAppBody,
) -> Response[CreateStreamlitAppResponse | ErrorResponse]:
    """Serve a Streamlit app

     Serves a project file as a Streamlit app. One app per entrypoint; creating one restarts the project
    machine, so its status passes through `unavailable` then `starting`. No delete operation is known.
    Known only from Deepnote's client code.

    Args:
        body (CreateStreamlitAppBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateStreamlitAppResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateStreamlitAppBody,
) -> CreateStreamlitAppResponse | ErrorResponse | None:
    """Serve a Streamlit app

     Serves a project file as a Streamlit app. One app per entrypoint; creating one restarts the project
    machine, so its status passes through `unavailable` then `starting`. No delete operation is known.
    Known only from Deepnote's client code.

    Args:
        body (CreateStreamlitAppBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateStreamlitAppResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
