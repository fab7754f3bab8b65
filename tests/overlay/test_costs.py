"""Costs `make bench` found, kept away: asyncio, the pager and the run plans at import, and one SSL
context per transport."""

from __future__ import annotations

import ssl
import subprocess
import sys

from deepnote_overlay.lowlevel import RetryTransport, connect


def test_importing_the_overlay_does_not_load_asyncio() -> None:
    # Sync-only programs should not pay for asyncio; async code loads it on first use anyway.
    probe = "import sys, deepnote_overlay; print('asyncio' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_importing_the_overlay_loads_neither_the_pager_nor_the_run_plans() -> None:
    # Their classes (attrs, generics) cost import time every program pays; they load on first use.
    probe = (
        "import sys, deepnote_overlay\n"
        "loaded = [m for m in ('pagination', '_plans', 'calls') if 'deepnote_overlay.' + m in sys.modules]\n"
        "print(loaded, deepnote_overlay.Pager.__module__)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[] deepnote_overlay.pagination"


def test_sync_and_async_transports_share_one_ssl_context() -> None:
    transport = connect("token")._httpx_args["transport"]
    assert isinstance(transport, RetryTransport)
    # Under the rate limiter's wrapper: the network transports.
    sync_context = transport._transport._transport._pool._ssl_context  # type: ignore[union-attr]
    async_context = transport._async_transport._async_transport._pool._ssl_context  # type: ignore[union-attr]
    assert isinstance(sync_context, ssl.SSLContext)
    assert sync_context is async_context
    assert sync_context.verify_mode == ssl.CERT_REQUIRED
