"""What ``connect`` says when it refuses or warns, its lazily computed names, and its body buffer.

Found by mutation testing (``make mutate``) of ``client.py``: the texts of its refusals and of the
plain-http warning, the ``.localhost`` loopback names, the module's lazy ``USER_AGENT`` and
``__version__``, and the retry transport's buffer limit could change without a test failing.
"""

from __future__ import annotations

import importlib.metadata
import logging

import httpx
import pytest

import deepnote_overlay.client as client_module
from deepnote_client.api.notebooks import get_notebook
from deepnote_client.client import AuthenticatedClient
from deepnote_overlay import APIConnectionError, RetryPolicy
from deepnote_overlay.lowlevel import (
    DEFAULT_MAX_RESPONSE_BYTES,
    ConnectedClient,
    RetryTransport,
    acall,
    call,
    connect,
)
from deepnote_overlay.retries import BUFFER_LIMIT

from .helpers import MOCK_BASE_URL, MOCK_TOKEN, NOTEBOOK_ID, success_response


def test_the_user_agent_and_version_are_computed_on_each_lookup() -> None:
    version = importlib.metadata.version("deepnote-api-client")
    assert client_module.__version__ == version
    assert client_module.USER_AGENT == f"deepnote-overlay/{version} python-httpx/{httpx.__version__}"
    with pytest.raises(AttributeError, match="^module 'deepnote_overlay.client' has no attribute 'nothing'$"):
        client_module.nothing  # noqa: B018


def test_a_base_url_that_is_not_a_url_says_so() -> None:
    with pytest.raises(ValueError) as caught:
        connect(MOCK_TOKEN, base_url="https://[::1/v2")
    assert str(caught.value) == "base_url is not a valid URL: Invalid port: ':1'"


def test_a_base_url_that_is_not_absolute_http_names_scheme_and_host() -> None:
    with pytest.raises(ValueError) as caught:
        connect(MOCK_TOKEN, base_url="ftp://files.example.com/v2")
    assert str(caught.value) == (
        "base_url must be an absolute http:// or https:// URL, such as https://api.deepnote.com/v2 "
        "(scheme 'ftp', host 'files.example.com' given)"
    )


@pytest.mark.parametrize(
    ("base_url", "warning"),
    [
        (
            "http://api.example.com/v2",
            (
                "the Deepnote API token will be sent over plain http to api.example.com, readable by "
                "anyone on the way; use https"
            ),
        ),
        ("http://app.localhost:8765/v2", None),
        ("http://localhost.example.com/v2", "plain http to localhost.example.com"),
    ],
)
def test_the_plain_http_warning_names_the_host(
    base_url: str, warning: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.clear()
    connect(MOCK_TOKEN, base_url=base_url)
    messages = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    if warning is None:
        assert messages == []
    else:
        assert len(messages) == 1 and warning in messages[0]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("limit", [1234, None])
async def test_call_has_the_retry_transport_buffer_up_to_the_clients_max_response_bytes(
    mode: str, limit: int | None
) -> None:
    seen: list[object] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions.get(BUFFER_LIMIT, "absent"))
        return success_response(request)

    client = connect(MOCK_TOKEN, max_response_bytes=limit, transport=httpx.MockTransport(handler))
    generated = AuthenticatedClient(
        MOCK_BASE_URL, token=MOCK_TOKEN, httpx_args={"transport": client_transport(client)}
    )
    for each in (client, generated):
        if mode == "sync":
            call(get_notebook, each, notebook_id=NOTEBOOK_ID)
        else:
            await acall(get_notebook, each, notebook_id=NOTEBOOK_ID)
    assert seen == [limit, DEFAULT_MAX_RESPONSE_BYTES], "a generated client not made by connect: the default"
    assert isinstance(client_transport(client), RetryTransport)
    await client.aclose()


def client_transport(client: ConnectedClient) -> httpx.BaseTransport:
    transport: httpx.BaseTransport = client.get_httpx_client()._transport
    return transport


def test_a_missing_token_says_how_to_give_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DEEPNOTE_TOKEN", raising=False)
    with pytest.raises(ValueError) as caught:
        connect()
    assert str(caught.value) == (
        "no Deepnote API token: pass connect(token=...) or set the DEEPNOTE_TOKEN environment variable"
    )


def test_a_token_a_header_cannot_carry_is_named_as_the_token() -> None:
    with pytest.raises(ValueError) as caught:
        connect("sk-\x7fabc")
    assert str(caught.value) == (
        "the Deepnote API token has a control character at position 3 (the value is not shown)"
    )


def test_max_response_bytes_of_one_is_a_limit_zero_is_refused() -> None:
    assert connect(MOCK_TOKEN, max_response_bytes=1).max_response_bytes == 1
    with pytest.raises(ValueError) as caught:
        connect(MOCK_TOKEN, max_response_bytes=0)
    assert str(caught.value) == "max_response_bytes must be above zero or None, not 0"


def test_a_given_async_only_transport_leaves_the_sync_side_without_one() -> None:
    client = connect(MOCK_TOKEN, base_url="https://api.test/v2", transport=httpx.AsyncHTTPTransport())
    with pytest.raises(APIConnectionError) as caught:
        call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert caught.value.reason == "RuntimeError: this RetryTransport has no sync transport"


async def test_a_given_sync_only_transport_leaves_the_async_side_without_one() -> None:
    client = connect(MOCK_TOKEN, base_url="https://api.test/v2", transport=httpx.HTTPTransport())
    with pytest.raises(APIConnectionError) as caught:
        await acall(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert caught.value.reason == "RuntimeError: this RetryTransport has no async transport"


def test_by_default_connect_retries_with_the_documented_policy() -> None:
    transport = connect(MOCK_TOKEN).get_httpx_client()._transport
    assert isinstance(transport, RetryTransport)
    assert transport.policy == RetryPolicy()  # 3 retries, 0.5 s doubling to 8 s, 120 s deadline
    assert transport.policy.max_retries > 0


def test_a_keyword_that_is_no_setting_nor_httpx_option_is_refused_at_once() -> None:
    with pytest.raises(TypeError) as caught:
        connect(MOCK_TOKEN, tokn="x", verify=False, verfy=True)  # type: ignore[call-arg]
    assert str(caught.value) == "unexpected keyword argument(s) 'tokn', 'verfy': see HttpxOptions"


def test_the_clients_take_connections_parameters_declared_once() -> None:
    import inspect

    from deepnote_overlay import AsyncDeepnote, Deepnote

    settings = inspect.signature(client_module.connection)
    for client_class in (Deepnote, AsyncDeepnote):
        assert inspect.signature(client_class).parameters == settings.parameters
        assert inspect.signature(client_class).return_annotation is None
    assert inspect.signature(connect).parameters == settings.parameters
    assert (connect.__name__, connect.__qualname__) == ("connect", "connect")
    assert connect.__doc__ is not None and "the settings ``Deepnote(...)`` takes" in connect.__doc__


def test_a_token_provider_is_checked_like_a_token_on_each_request() -> None:
    from deepnote_overlay import MissingTokenError
    from deepnote_overlay.client import TokenProviderAuth

    tokens = iter(["", "sk-\x7fSECRET", " sk-mock-SECRET-7f3a91c4 \n"])
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return success_response(request)

    client = connect(lambda: next(tokens), transport=httpx.MockTransport(handler), retry=None)
    with pytest.raises(MissingTokenError) as caught:
        call(get_notebook, client, notebook_id=NOTEBOOK_ID)
    assert str(caught.value) == "the token provider returned no token"
    with pytest.raises(APIConnectionError) as refused:
        call(get_notebook, client, notebook_id=NOTEBOOK_ID)
    assert "the Deepnote API token has a control character at position 3 (the value is not shown)" in str(
        refused.value
    )
    call(get_notebook, client, notebook_id=NOTEBOOK_ID)
    assert seen == [f"Bearer {MOCK_TOKEN}"]
    assert repr(TokenProviderAuth(lambda: MOCK_TOKEN)) == "TokenProviderAuth()"


def test_evolve_changes_the_timeout_and_needs_the_retry_transport_for_retry() -> None:
    settings = client_module.connection(MOCK_TOKEN, transport=httpx.MockTransport(success_response))
    assert settings.evolve(timeout=5).arguments["timeout"] == httpx.Timeout(5)
    bare = client_module.connection(MOCK_TOKEN, retry=None, limiter=False)
    with pytest.raises(TypeError) as caught:
        bare.evolve(retry=RetryPolicy())
    assert str(caught.value) == "changing retry needs the retry transport connect() installs"
