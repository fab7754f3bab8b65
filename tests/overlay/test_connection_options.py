"""With retries on, every connection option reaches the connection, as it would without them.

httpx ignores connection options on a client that is given a transport, so ``connect`` hands them to
the transports its ``RetryTransport`` wraps. Found by mutation testing: only ``verify`` was checked,
so ``proxy``, ``limits``, ``http1``, ``cert``, ``trust_env``, ``cookies`` or ``follow_redirects``
could be dropped without a test failing.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from deepnote_client.api.notebooks import get_notebook
from deepnote_overlay import APIStatusError
from deepnote_overlay.limiter import LimitedTransport
from deepnote_overlay.lowlevel import DEFAULT_LIMITS, RetryTransport, call, connect

from .helpers import MOCK_BASE_URL, MOCK_TOKEN, NOTEBOOK_ID, success_response


def wrapped(**options: Any) -> list[Any]:
    """The connection pools of the sync and async transports the retry transport wraps."""
    transport = connect(MOCK_TOKEN, **options).get_httpx_client()._transport
    assert isinstance(transport, RetryTransport)
    pools = []
    for inner in (transport._transport, transport._async_transport):
        if isinstance(inner, LimitedTransport):  # the rate limiter wraps the network transports
            inner = inner._transport or inner._async_transport
        pools.append(inner._pool)  # type: ignore[union-attr]
    return pools


def test_a_proxy_is_used_by_the_wrapped_transports() -> None:
    for pool in wrapped(proxy="http://127.0.0.1:3128"):
        assert type(pool).__name__ in ("HTTPProxy", "AsyncHTTPProxy")
        assert (pool._proxy_url.host, pool._proxy_url.port) == (b"127.0.0.1", 3128)


def test_limits_reach_the_wrapped_transports_and_default_to_a_short_keepalive() -> None:
    limits = httpx.Limits(max_connections=7, max_keepalive_connections=3, keepalive_expiry=1.5)
    for pool in wrapped(limits=limits):
        assert (pool._max_connections, pool._max_keepalive_connections, pool._keepalive_expiry) == (7, 3, 1.5)
    for pool in wrapped():
        assert pool._keepalive_expiry == DEFAULT_LIMITS.keepalive_expiry < 5.0
        assert pool._max_connections == DEFAULT_LIMITS.max_connections


def test_http_versions_reach_the_wrapped_transports() -> None:
    for pool in wrapped(http1=False):
        assert (pool._http1, pool._http2) == (False, False)
    for pool in wrapped():
        assert pool._http1 is True


@pytest.mark.filterwarnings("ignore:`cert=...` is deprecated:DeprecationWarning")
def test_a_client_certificate_is_loaded_at_connect(tmp_path: Any) -> None:
    with pytest.raises(FileNotFoundError):
        connect(MOCK_TOKEN, cert=str(tmp_path / "missing-client-cert.pem"))


def test_trust_env_false_ignores_the_environment_ca_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "missing-ca-bundle.pem"))
    connect(MOCK_TOKEN, trust_env=False)  # the environment's bundle is not read
    with pytest.raises(FileNotFoundError):
        connect(MOCK_TOKEN)  # trust_env defaults to on, as in httpx


def redirecting(seen: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("/old"):
            return httpx.Response(307, headers={"location": f"{MOCK_BASE_URL}/notebooks/{NOTEBOOK_ID}"})
        return success_response(request)

    return httpx.MockTransport(handler)


def test_cookies_are_sent_with_every_request() -> None:
    seen: list[httpx.Request] = []
    client = connect(
        MOCK_TOKEN, base_url=MOCK_BASE_URL, transport=redirecting(seen), cookies={"region": "eu"}
    )
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert seen[0].headers["cookie"] == "region=eu"


def test_follow_redirects_is_honoured_and_off_by_default() -> None:
    seen: list[httpx.Request] = []
    client = connect(MOCK_TOKEN, base_url=MOCK_BASE_URL, transport=redirecting(seen), follow_redirects=True)
    response = client.get_httpx_client().get("/old")
    assert response.status_code == 200 and len(seen) == 2

    seen.clear()
    client = connect(MOCK_TOKEN, base_url=MOCK_BASE_URL, transport=redirecting(seen))
    assert client.get_httpx_client().get("/old").status_code == 307 and len(seen) == 1


def test_a_redirect_not_followed_is_a_status_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(307, headers={"location": f"{MOCK_BASE_URL}/elsewhere"})

    client = connect(MOCK_TOKEN, base_url=MOCK_BASE_URL, transport=httpx.MockTransport(handler))
    with pytest.raises(APIStatusError) as caught:
        call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert caught.value.status_code == 307


def test_http2_reaches_the_wrapped_transports() -> None:
    for pool in wrapped(http2=True):
        assert pool._http2 is True


def test_the_default_limits_are_httpx_own_but_for_a_shorter_keepalive() -> None:
    with httpx.Client() as plain:
        httpx_pool = plain._transport._pool  # type: ignore[attr-defined]
    for pool in wrapped():
        assert pool._max_connections == httpx_pool._max_connections
        assert pool._max_keepalive_connections == httpx_pool._max_keepalive_connections
        assert pool._keepalive_expiry < httpx_pool._keepalive_expiry
