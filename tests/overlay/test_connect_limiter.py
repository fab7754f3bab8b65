"""How ``connect`` installs the rate limiter: one per client by default, the caller's own, or none.

Found by mutation testing (``make mutate``) of ``client.py``: dropping ``max_concurrency``, the
policy's ``max_retry_after`` handed to the limiter, or the refusals of contradictory options, survived.
"""

from __future__ import annotations

import httpx
import pytest

from deepnote_overlay import RetryPolicy
from deepnote_overlay.limiter import LimitedTransport, RateLimiter
from deepnote_overlay.lowlevel import RetryTransport, connect

from .helpers import MOCK_TOKEN, success_response


def installed(**options: object) -> httpx.BaseTransport:
    return (
        connect(MOCK_TOKEN, transport=httpx.MockTransport(success_response), **options)
        .get_httpx_client()
        ._transport
    )  # type: ignore[arg-type]


def test_by_default_every_client_gets_its_own_limiter_driven_by_the_policy() -> None:
    policy = RetryPolicy(max_retry_after=42.0)
    transport = installed(retry=policy, max_concurrency=3)
    assert isinstance(transport, RetryTransport)
    limiter = transport.limiter
    assert isinstance(limiter, RateLimiter)
    assert (limiter.max_concurrency, limiter.max_pause) == (3, 42.0)
    for inner in (transport._transport, transport._async_transport):
        assert isinstance(inner, LimitedTransport) and inner.limiter is limiter
    other = installed(retry=policy)
    assert isinstance(other, RetryTransport) and other.limiter is not limiter


def test_without_retries_the_limiter_alone_wraps_both_sides() -> None:
    transport = installed(retry=None, max_concurrency=2)
    assert isinstance(transport, LimitedTransport)
    assert transport.limiter.max_concurrency == 2
    assert isinstance(transport._transport, httpx.MockTransport)
    assert isinstance(transport._async_transport, httpx.MockTransport)


def test_a_limiter_given_is_the_one_used() -> None:
    shared = RateLimiter(max_concurrency=5)
    first, second = installed(limiter=shared), installed(limiter=shared)
    assert isinstance(first, RetryTransport) and isinstance(second, RetryTransport)
    assert first.limiter is shared and second.limiter is shared


def test_limiter_false_installs_none() -> None:
    transport = installed(limiter=False)
    assert isinstance(transport, RetryTransport) and transport.limiter is None


def test_max_concurrency_with_a_limiter_given_or_refused_is_an_error() -> None:
    with pytest.raises(ValueError) as given:
        connect(MOCK_TOKEN, limiter=RateLimiter(), max_concurrency=3)
    assert str(given.value) == "max_concurrency goes to the RateLimiter you pass, not to connect()"
    with pytest.raises(ValueError) as refused:
        connect(MOCK_TOKEN, limiter=False, max_concurrency=3)
    assert str(refused.value) == "max_concurrency needs the limiter: drop limiter=False"
