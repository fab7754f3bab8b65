"""Testing your own code against the fake Deepnote API: a test file as a user would write it.

    pip install '.[fake]' pytest     # from a clone of the repository: not on PyPI yet
    pytest test_against_the_fake.py

The ``deepnote_fake`` fixture comes with the package (a pytest plugin, found automatically): a fake
served on a free 127.0.0.1 port for one test, seeded with a project and a notebook whose inputs are
``region`` (``EU``/``US``), ``greeting`` and ``verbose``. Its runs follow the real clock and end
within a few seconds. Our suite runs this file outside the repository, against the installed wheel
(``make package``).
"""

from __future__ import annotations

from deepnote_fake import ServerHandle
from deepnote_overlay import Deepnote

# ----------------------------------------------------------------------------- the code under test


def refresh_report(dn: Deepnote, notebook_id: str, region: str) -> bool:
    """Run the report notebook for ``region`` and wait for it; True when the run succeeded."""
    result = dn.run_notebook(notebook_id, inputs={"region": region}, timeout=60)
    return result.status == "success"


# ----------------------------------------------------------------------------- its tests


def client_of(fake: ServerHandle) -> Deepnote:
    return Deepnote(fake.token, base_url=fake.base_url)


def test_the_report_runs_with_the_region_asked_for(deepnote_fake: ServerHandle) -> None:
    with client_of(deepnote_fake) as dn:
        ok = refresh_report(dn, deepnote_fake.notebook_id, "US")

    assert ok
    (run,) = deepnote_fake.state.runs.values()
    assert run.inputs == {"region": "US"}


def test_a_failing_notebook_is_reported(deepnote_fake: ServerHandle) -> None:
    deepnote_fake.state.run_outcome = "error"  # runs started from now on fail

    with client_of(deepnote_fake) as dn:
        ok = refresh_report(dn, deepnote_fake.notebook_id, "EU")

    assert not ok


def test_a_brief_outage_while_waiting_is_retried(deepnote_fake: ServerHandle) -> None:
    deepnote_fake.faults.inject("503", times=2, method="GET", path="/runs/")

    with client_of(deepnote_fake) as dn:
        ok = refresh_report(dn, deepnote_fake.notebook_id, "EU")

    assert ok
    assert deepnote_fake.faults.fired == 2
