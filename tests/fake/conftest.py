"""A client of the fake served over loopback (``fake_server``), so every test goes through uvicorn."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from deepnote_fake import ServerHandle


@pytest.fixture
def client(fake_server: ServerHandle) -> Iterator[httpx.Client]:
    """Authenticated client of ``fake_state`` (on ``fake_clock``); its base URL ends in ``/v2``."""
    with httpx.Client(
        base_url=fake_server.base_url,
        headers={"Authorization": f"Bearer {fake_server.token}"},
        timeout=10,
    ) as http:
        yield http
