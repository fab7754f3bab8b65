"""Shared pytest configuration.

The fake's fixtures come from its pytest plugin (``deepnote_fake.pytest_plugin``, loaded through
its entry point like in any user's project); the short names below are what our suites use.
"""

import os

import pytest
from hypothesis import settings

from deepnote_fake import FakeClock, FakeDeepnote, ServerHandle

# CI (CI=true) runs one fixed set of generated cases, so a red build always reproduces; local runs
# keep exploring new cases each time.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


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
