"""Fixtures for the overlay tests.

Every test here runs with logging captured at DEBUG (httpx and httpcore included) and fails if a
known token shows up in any log record.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

import deepnote_overlay._clock
from deepnote_fake import SEED_TOKEN

from .helpers import MOCK_TOKEN, FakeTime

SECRETS = [MOCK_TOKEN, SEED_TOKEN, "sk-wrong-SECRET-0d9e8f", "sk-refused-SECRET"]


@pytest.fixture(autouse=True)
def no_token_in_logs(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "deepnote_overlay"):
        caplog.set_level(logging.DEBUG, logger=name)
    yield
    for record in caplog.records:
        text = f"{record.name} {record.getMessage()} {record.args!r} {record.exc_text or ''}"
        for secret in SECRETS:
            assert secret not in text, f"token in a log record of {record.name}"


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def overlay_time(fake_time: FakeTime, monkeypatch: pytest.MonkeyPatch) -> FakeTime:
    """``fake_time`` as the overlay's clock (``_clock.CLOCK``): run polling waits on it."""
    monkeypatch.setattr(deepnote_overlay._clock, "CLOCK", fake_time)
    return fake_time
