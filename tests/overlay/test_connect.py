"""``connect``: token and base URL resolution, timeout, User-Agent, TLS and transport wiring."""

from __future__ import annotations

import ssl

import httpx
import pytest

from deepnote_client.api.notebooks import get_notebook
from deepnote_overlay import DeepnoteError, MissingTokenError, RetryPolicy, __version__
from deepnote_overlay.client import USER_AGENT
from deepnote_overlay.limiter import LimitedTransport
from deepnote_overlay.lowlevel import DEFAULT_BASE_URL, RetryTransport, acall, call, connect

from .helpers import MOCK_TOKEN, NOTEBOOK_ID, assert_no_secret, success_response


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DEEPNOTE_TOKEN", raising=False)
    monkeypatch.delenv("DEEPNOTE_BASE_URL", raising=False)


def capture() -> tuple[httpx.MockTransport, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return success_response(request)

    return httpx.MockTransport(handler), seen


@pytest.mark.parametrize("token", [None, "", "   "])
def test_missing_token_fails_at_once(token: str | None) -> None:
    with pytest.raises(MissingTokenError, match="DEEPNOTE_TOKEN") as caught:
        connect(token)
    assert isinstance(caught.value, DeepnoteError) and isinstance(caught.value, ValueError)


def test_token_and_base_url_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEEPNOTE_TOKEN", MOCK_TOKEN)
    monkeypatch.setenv("DEEPNOTE_BASE_URL", "http://127.0.0.1:9/v2")
    transport, seen = capture()
    client = connect(transport=transport)
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert str(seen[0].url) == f"http://127.0.0.1:9/v2/notebooks/{NOTEBOOK_ID}"
    assert seen[0].headers["Authorization"] == f"Bearer {MOCK_TOKEN}"


def test_explicit_arguments_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEEPNOTE_TOKEN", "from-env")
    monkeypatch.setenv("DEEPNOTE_BASE_URL", "http://127.0.0.1:9/v2")
    transport, seen = capture()
    client = connect(MOCK_TOKEN, base_url="https://example.test/v2", transport=transport)
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert seen[0].url.host == "example.test"
    assert seen[0].headers["Authorization"] == f"Bearer {MOCK_TOKEN}"


def test_default_base_url_is_the_public_api() -> None:
    client = connect(MOCK_TOKEN)
    assert client.get_httpx_client().base_url == httpx.URL(DEFAULT_BASE_URL + "/")
    assert DEFAULT_BASE_URL == "https://api.deepnote.com/v2"


def test_user_agent_names_the_package_and_version_and_extra_headers_merge() -> None:
    transport, seen = capture()
    client = connect(MOCK_TOKEN, transport=transport, headers={"X-Trace": "1"})
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert seen[0].headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith(f"deepnote-overlay/{__version__} ")
    assert seen[0].headers["X-Trace"] == "1"


def test_a_caller_user_agent_replaces_ours_whatever_its_case() -> None:
    transport, seen = capture()
    client = connect(MOCK_TOKEN, transport=transport, headers={"user-agent": "my-app/1.0"})
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert seen[0].headers.get_list("User-Agent") == ["my-app/1.0"]


async def test_the_same_client_serves_sync_and_async_calls() -> None:
    transport, seen = capture()
    client = connect(MOCK_TOKEN, transport=transport)
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    await acall(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert len(seen) == 2
    assert seen[1].headers["User-Agent"] == USER_AGENT


@pytest.mark.parametrize(
    ("timeout", "expected"),
    [
        (2.5, httpx.Timeout(2.5)),
        (httpx.Timeout(9.0, connect=1.0), httpx.Timeout(9.0, connect=1.0)),
        (None, httpx.Timeout(None)),
    ],
)
async def test_timeout_takes_seconds_or_an_httpx_timeout(
    timeout: float | httpx.Timeout | None, expected: httpx.Timeout
) -> None:
    client = connect(MOCK_TOKEN, timeout=timeout)
    assert client.get_httpx_client().timeout == expected
    assert client.get_async_httpx_client().timeout == expected


def test_default_timeout_is_bounded() -> None:
    timeout = connect(MOCK_TOKEN).get_httpx_client().timeout
    assert (timeout.connect, timeout.read) == (5.0, 60.0)


def retry_transport(client: object) -> RetryTransport:
    transport = client.get_httpx_client()._transport  # type: ignore[attr-defined]
    assert isinstance(transport, RetryTransport)
    return transport


def test_retries_are_installed_for_sync_and_async_with_the_given_policy() -> None:
    policy = RetryPolicy(max_retries=5)
    client = connect(MOCK_TOKEN, retry=policy)
    sync_transport = client.get_httpx_client()._transport
    async_transport = client.get_async_httpx_client()._transport
    assert sync_transport is async_transport
    assert isinstance(sync_transport, RetryTransport) and sync_transport.policy is policy


def test_retry_none_installs_no_retry_transport() -> None:
    client = connect(MOCK_TOKEN, retry=None, limiter=False)
    assert isinstance(client.get_httpx_client()._transport, httpx.HTTPTransport)
    assert isinstance(client.get_async_httpx_client()._transport, httpx.AsyncHTTPTransport)
    # The rate limiter stays unless switched off too.
    limited = connect(MOCK_TOKEN, retry=None).get_httpx_client()._transport
    assert isinstance(limited, LimitedTransport) and isinstance(limited._transport, httpx.HTTPTransport)


def ssl_context(transport: object) -> ssl.SSLContext:
    if isinstance(transport, LimitedTransport):  # the rate limiter wraps the network transports
        transport = transport._transport or transport._async_transport
    assert isinstance(transport, httpx.HTTPTransport | httpx.AsyncHTTPTransport)
    context = transport._pool._ssl_context
    assert isinstance(context, ssl.SSLContext)
    return context


def test_tls_verification_is_on_by_default_in_the_wrapped_transports() -> None:
    transport = retry_transport(connect(MOCK_TOKEN))
    for inner in (transport._transport, transport._async_transport):
        assert ssl_context(inner).verify_mode == ssl.CERT_REQUIRED


def test_verify_false_reaches_the_wrapped_transports_which_httpx_would_otherwise_ignore() -> None:
    transport = retry_transport(connect(MOCK_TOKEN, verify=False))
    for inner in (transport._transport, transport._async_transport):
        assert ssl_context(inner).verify_mode == ssl.CERT_NONE


def test_verify_false_without_retries_goes_to_the_client() -> None:
    for limiter in (True, False):
        client = connect(MOCK_TOKEN, retry=None, verify=False, limiter=limiter)
        assert ssl_context(client.get_httpx_client()._transport).verify_mode == ssl.CERT_NONE


def test_other_httpx_options_reach_the_httpx_client() -> None:
    hooks: list[str] = []
    transport, _ = capture()
    client = connect(
        MOCK_TOKEN,
        transport=transport,
        event_hooks={"request": [lambda request: hooks.append(request.method)]},
    )
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert hooks == ["GET"]


def test_the_token_is_in_no_repr() -> None:
    client = connect(MOCK_TOKEN)
    client.get_httpx_client()
    client.get_async_httpx_client()
    assert_no_secret(client)
    assert_no_secret(client.get_httpx_client().headers)
    assert_no_secret(retry_transport(client).policy)
