"""pytest fixtures for testing code that calls Deepnote, against the fake on loopback.

Loaded by pytest automatically (entry point ``pytest11``) wherever ``deepnote-api-client`` is
installed; the fixtures need the ``[fake]`` extra, and without it a test that asks for one fails with
the install hint (``deepnote_fake.EXTRA_HINT``: the package is not on PyPI yet, so it says to run
``pip install '.[fake]'`` from a clone of the repository) while every other test is unaffected
(nothing here imports Starlette or uvicorn until a fixture runs).

- ``deepnote_fake``: a fake served on a free 127.0.0.1 port for one test, a ``ServerHandle`` with
  ``base_url``, ``token``, ``project_id``, ``notebook_id``, ``env``, ``state`` (the
  ``FakeDeepnote``), ``clock``, ``advance(seconds)`` and ``faults``.
- ``deepnote_fake_state``: its ``FakeDeepnote``, on real time (a run is pending 0.3 s, running
  1 s, then ends), so code that starts a run and waits for it finishes as it would against
  Deepnote; override this fixture to start from other data or knobs.
- ``deepnote_fake_clock``: opt-in: a test that asks for it gets a ``FakeClock``, and the fake runs
  on it, so runs only advance when the test calls ``advance``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from .clock import FakeClock
from .store import FakeDeepnote

if TYPE_CHECKING:
    from .server import ServerHandle

__all__ = ["deepnote_fake", "deepnote_fake_clock", "deepnote_fake_state"]


@pytest.fixture
def deepnote_fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def deepnote_fake_state(request: pytest.FixtureRequest) -> FakeDeepnote:
    if "deepnote_fake_clock" in request.fixturenames:
        return FakeDeepnote(clock=request.getfixturevalue("deepnote_fake_clock"))
    return FakeDeepnote()


@pytest.fixture
def deepnote_fake(deepnote_fake_state: FakeDeepnote) -> Iterator[ServerHandle]:
    from . import running_server  # needs the [fake] extra; the package's message says how to get it

    with running_server(deepnote_fake_state) as handle:
        yield handle
