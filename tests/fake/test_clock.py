"""FakeClock: moves only forward, only when told."""

from __future__ import annotations

import pytest

from deepnote_fake import FakeClock


def test_fake_clock_refuses_to_go_back() -> None:
    clock = FakeClock(5)
    with pytest.raises(ValueError):
        clock.advance(-1)
    assert clock.now() == 5
