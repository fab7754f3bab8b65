"""pytest fixtures for the fake Deepnote API (registered in ``tests/conftest.py``).

- ``fake_clock``: a ``FakeClock``; runs only advance when the test calls ``fake_clock.advance``.
- ``fake_state``: a fresh seeded ``FakeDeepnote`` on ``fake_clock``.
- ``fake_server``: ``fake_state`` served on a free 127.0.0.1 port for one test (a ``ServerHandle``
  with ``base_url``, ``token``, ``port``, ``state``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .clock import FakeClock
from .server import ServerHandle, running_server
from .state import FakeDeepnote


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fake_state(fake_clock: FakeClock) -> FakeDeepnote:
    return FakeDeepnote(clock=fake_clock)


@pytest.fixture
def fake_server(fake_state: FakeDeepnote) -> Iterator[ServerHandle]:
    with running_server(fake_state) as handle:
        yield handle
