"""Testing your own code against the fake Deepnote API: a test file as a user would write it.

    pip install '.[fake]' pytest     # from a clone of the repository: not on PyPI yet
    pytest test_against_the_fake.py

The ``deepnote_fake`` fixture comes with the package (a pytest plugin, found automatically): a fake
served on a free 127.0.0.1 port for one test, seeded with a project and a notebook whose inputs are
``region`` (``EU``/``US``), ``greeting`` and ``verbose``. Its clock only moves when the test says so.
Our suite runs this file outside the repository, against the installed wheel (``make package``).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from deepnote_client import AuthenticatedClient
from deepnote_fake import ServerHandle
from deepnote_overlay import RetryPolicy, connect, run_notebook

# ----------------------------------------------------------------------------- the code under test


def refresh_report(
    client: AuthenticatedClient,
    notebook_id: str,
    region: str,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> bool:
    """Run the report notebook for ``region`` and wait for it; True when the run succeeded."""
    run = run_notebook(client, notebook_id, inputs={"region": region}, timeout=60, sleep=sleep, clock=clock)
    return run.status.value == "success"


# ----------------------------------------------------------------------------- its tests


def client_of(fake: ServerHandle) -> AuthenticatedClient:
    # Retries wait on the fake's clock too, so no test ever sleeps.
    retry = RetryPolicy(sleep=fake.advance, clock=fake.clock.now)
    return connect(fake.token, base_url=fake.base_url, retry=retry)


def test_the_report_runs_with_the_region_asked_for(deepnote_fake: ServerHandle) -> None:
    client = client_of(deepnote_fake)

    ok = refresh_report(
        client, deepnote_fake.notebook_id, "US", sleep=deepnote_fake.advance, clock=deepnote_fake.clock.now
    )

    assert ok
    (run,) = deepnote_fake.state.runs.values()
    assert run.inputs == {"region": "US"}


def test_a_failing_notebook_is_reported(deepnote_fake: ServerHandle) -> None:
    deepnote_fake.state.run_outcome = "error"  # runs started from now on fail
    client = client_of(deepnote_fake)

    ok = refresh_report(
        client, deepnote_fake.notebook_id, "EU", sleep=deepnote_fake.advance, clock=deepnote_fake.clock.now
    )

    assert not ok


def test_a_brief_outage_while_waiting_is_retried(deepnote_fake: ServerHandle) -> None:
    deepnote_fake.faults.inject("503", times=2, method="GET", path="/runs/")
    client = client_of(deepnote_fake)

    ok = refresh_report(
        client, deepnote_fake.notebook_id, "EU", sleep=deepnote_fake.advance, clock=deepnote_fake.clock.now
    )

    assert ok
    assert deepnote_fake.faults.fired == 2
