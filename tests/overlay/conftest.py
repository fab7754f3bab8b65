"""Fixtures for the overlay tests.

Every test here runs with logging captured at DEBUG (httpx and httpcore included) and fails if a
known token shows up in any log record.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from deepnote_fake import SEED_TOKEN
from deepnote_overlay import _clock

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
def fake_time(monkeypatch: pytest.MonkeyPatch) -> FakeTime:
    """A ``FakeTime`` installed as the overlay's clock for this test."""
    clock = FakeTime()
    monkeypatch.setattr(_clock, "CLOCK", clock)
    return clock
