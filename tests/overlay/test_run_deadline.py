"""A run's ``timeout`` holds although the transport retries: each poll carries the wait's deadline.

Fake time: every wait is recorded, none is slept; the run waiter and the transport share the clock.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from deepnote_overlay import AsyncDeepnote, Deepnote, RunTimeoutError

from .helpers import MOCK_BASE_URL, MOCK_TOKEN, NOTEBOOK_ID, RUN_ID, FakeTime


def busy_api(code: int) -> Any:
    """createRun accepts; every getRun answers ``code`` with ``Retry-After: 5``."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            return httpx.Response(
                202, json={"runId": RUN_ID, "status": "pending", "createdAt": "2026-01-02T03:04:05Z"}
            )
        assert request.extensions["timeout"]["read"] <= 3.0  # never beyond the wait's deadline
        return httpx.Response(code, json={"message": "busy"}, headers={"Retry-After": "5"})

    return handler


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("code", [429, 503])
@pytest.mark.parametrize("limiter", [True, False])
async def test_a_busy_get_run_does_not_stretch_the_timeout(
    mode: str, code: int, limiter: bool, fake_time: FakeTime
) -> None:
    options: dict[str, Any] = {"base_url": MOCK_BASE_URL, "limiter": limiter}
    transport = httpx.MockTransport(busy_api(code))
    with pytest.raises(RunTimeoutError) as caught:
        if mode == "sync":
            with Deepnote(MOCK_TOKEN, transport=transport, **options) as dn:
                dn.run_notebook(NOTEBOOK_ID, timeout=2)
        else:
            async with AsyncDeepnote(MOCK_TOKEN, transport=transport, **options) as adn:
                await adn.run_notebook(NOTEBOOK_ID, timeout=2)
    assert str(caught.value.run_id) == RUN_ID
    # The link lookups (/me, the notebook) meet the same busy API: bounded, they give up at once.
    assert fake_time.now <= 3.0  # timeout + 1 s at most (it was 15 s: three retries of 5 s)
