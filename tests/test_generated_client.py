"""The generated client's two fixed defects stay fixed: the token never shows, the timeout is finite.

Both fixes live in templates/client.py.jinja; these tests fail if the stock template comes back.
"""

from __future__ import annotations

import httpx
import pytest

from deepnote_client import AuthenticatedClient, Client, errors
from deepnote_client.api.notebooks import get_notebook
from deepnote_client.client import DEFAULT_TIMEOUT

TOKEN = "dn-secret-token-4f9a1c"


def answering(status: int) -> httpx.MockTransport:
    return httpx.MockTransport(lambda request: httpx.Response(status, json={"message": "nope"}))


def views(client: AuthenticatedClient) -> list[str]:
    return [repr(client), str(client)]


def test_token_not_in_repr_before_or_after_requests() -> None:
    client = AuthenticatedClient(
        base_url="https://x.test/v2", token=TOKEN, httpx_args={"transport": answering(404)}
    )
    assert all(TOKEN not in view for view in views(client))

    get_notebook.sync(notebook_id="nb", client=client)
    assert client.get_httpx_client().headers["Authorization"] == f"Bearer {TOKEN}", "the token is still sent"
    assert all(TOKEN not in view for view in views(client))
    assert TOKEN not in repr(client.get_httpx_client().headers)


async def test_token_not_in_repr_after_async_request() -> None:
    client = AuthenticatedClient(
        base_url="https://x.test/v2", token=TOKEN, httpx_args={"transport": answering(404)}
    )
    await get_notebook.asyncio(notebook_id="nb", client=client)
    assert client.get_async_httpx_client().headers["Authorization"] == f"Bearer {TOKEN}"
    assert all(TOKEN not in view for view in views(client))


def test_token_not_in_derived_clients() -> None:
    client = AuthenticatedClient(base_url="https://x.test/v2", token=TOKEN)
    client.get_httpx_client()
    for derived in (
        client.with_headers({"X-Trace": "1"}),
        client.with_timeout(httpx.Timeout(3.0)),
        client.with_cookies({"c": "1"}),
    ):
        assert all(TOKEN not in view for view in views(derived))
        assert derived.token == TOKEN


def test_token_not_in_unexpected_status_error() -> None:
    client = AuthenticatedClient(
        base_url="https://x.test/v2",
        token=TOKEN,
        raise_on_unexpected_status=True,
        httpx_args={"transport": answering(418)},
    )
    with pytest.raises(errors.UnexpectedStatus) as caught:
        get_notebook.sync(notebook_id="nb", client=client)
    assert TOKEN not in str(caught.value) and TOKEN not in repr(caught.value)


def test_custom_prefix_and_header_name_still_work() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(404, json={"message": "nope"})

    client = AuthenticatedClient(
        base_url="https://x.test/v2",
        token=TOKEN,
        prefix="",
        auth_header_name="X-Api-Key",
        headers={"X-Other": "1"},
        httpx_args={"transport": httpx.MockTransport(handler)},
    )
    get_notebook.sync(notebook_id="nb", client=client)
    assert seen[0].headers["X-Api-Key"] == TOKEN
    assert seen[0].headers["X-Other"] == "1"
    assert "Authorization" not in seen[0].headers


@pytest.mark.parametrize("client_class", [Client, AuthenticatedClient])
async def test_default_timeout_is_finite(client_class: type[Client | AuthenticatedClient]) -> None:
    client = client_class(base_url="https://x.test/v2")
    for timeout in (client.get_httpx_client().timeout, client.get_async_httpx_client().timeout):
        assert timeout == DEFAULT_TIMEOUT
        assert timeout.connect == pytest.approx(5.0)
        assert timeout.read == pytest.approx(60.0)
        assert None not in (timeout.connect, timeout.read, timeout.write, timeout.pool)
