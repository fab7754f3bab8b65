"""Shared pytest configuration.

The fake's fixtures come from its pytest plugin (``deepnote_fake.pytest_plugin``, loaded through
its entry point like in any user's project); the short names below are what our suites use.
"""

import os
from typing import Any

import pytest
from hypothesis import settings

import deepnote_overlay._clock
from deepnote_fake import FakeClock, FakeDeepnote, ServerHandle
from deepnote_overlay import RetryPolicy
from deepnote_overlay._clock import Clock

# CI (CI=true) runs one fixed set of generated cases, so a red build always reproduces; local runs
# keep exploring new cases each time.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

WALL_EPOCH = 1_800_000_000.0
"""Unix time when a fake clock reads 0: ``OverlayClock.time()``."""


@pytest.fixture
def fake_clock(deepnote_fake_clock: FakeClock) -> FakeClock:
    """The fake's clock: runs only advance when the test calls ``fake_clock.advance``."""
    return deepnote_fake_clock


@pytest.fixture
def fake_state(deepnote_fake_state: FakeDeepnote) -> FakeDeepnote:
    """A fresh seeded ``FakeDeepnote`` on ``fake_clock``."""
    return deepnote_fake_state


@pytest.fixture
def fake_server(deepnote_fake: ServerHandle) -> ServerHandle:
    """``fake_state`` served on a free 127.0.0.1 port for one test."""
    return deepnote_fake


class OverlayClock(Clock):
    """The overlay's clock (``deepnote_overlay._clock.CLOCK``) on a fake's ``FakeClock``.

    ``monotonic()`` reads the fake's clock; ``sleep`` / ``asleep`` advance it and record the pause in
    ``pauses`` (``blocking`` counts the pauses taken with the blocking ``sleep``), so a run that
    takes minutes on the fake is waited for in milliseconds, and a test sees every pause asked for.
    ``random()`` is 0.0: no jitter.
    """

    def __init__(self, fake_clock: FakeClock) -> None:
        self.fake_clock = fake_clock
        self.pauses: list[float] = []
        self.blocking = 0

    def monotonic(self) -> float:
        return self.fake_clock.now()

    def time(self) -> float:
        return WALL_EPOCH + self.fake_clock.now()

    def sleep(self, seconds: float) -> None:
        self.blocking += 1
        self._pause(seconds)

    async def asleep(self, seconds: float) -> None:
        self._pause(seconds)

    def random(self) -> float:
        return 0.0

    def policy(self, **overrides: Any) -> RetryPolicy:
        """A retry policy for tests (the defaults, or ``overrides``); with this clock installed its
        waits land in ``pauses`` and jitter is none."""
        return RetryPolicy(**overrides)

    def _pause(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.fake_clock.advance(seconds)


@pytest.fixture
def overlay_clock(fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> OverlayClock:
    """Every wait of the overlay (run polling, and whatever else reads ``_clock.CLOCK``) on ``fake_clock``."""
    clock = OverlayClock(fake_clock)
    monkeypatch.setattr(deepnote_overlay._clock, "CLOCK", clock)
    return clock
