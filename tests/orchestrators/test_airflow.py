"""The Airflow provider with Apache Airflow itself: ``dag.test()`` of real DAG files against the fake.

Runs in ``.venv-airflow`` (``make test-airflow``, with the pinned Airflow); elsewhere it is
skipped. Each DAG run is a fresh Airflow process on a SQLite metadata database migrated once; the
fake runs in this process on real time, so the fake's request log says what Airflow did.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("airflow.sdk", reason="Apache Airflow is installed by `make test-airflow`")

# Each test is a fresh Airflow process (the first also migrates the database): minutes on a busy
# machine, so the suite's 120 s bound is lifted here; every subprocess has its own bound too.
pytestmark = pytest.mark.timeout(900)

from deepnote_fake import SEED_TOKEN, FakeDeepnote, ServerHandle, running_server

ROOT = Path(__file__).resolve().parents[2]
DOCS_DAG = re.findall(r"```python \{\.engine-airflow\}\n(.*?)```", (ROOT / "docs" / "airflow.md").read_text(), flags=re.DOTALL)[0]
MORE_DAGS = """
import datetime

from airflow.sdk import DAG

from deepnote_airflow.operators import DeepnoteRunNotebookOperator
from deepnote_overlay import output

NOTEBOOK_ID = "{notebook_id}"
START = datetime.datetime(2026, 1, 1)

with DAG("deepnote_deferred", schedule=None, start_date=START) as deferred:
    DeepnoteRunNotebookOperator(
        task_id="report", notebook_id=NOTEBOOK_ID, deferrable=True, poll_interval=0.2,
        outputs={{"text": output.all_text()}},
    )

with DAG("deepnote_retried", schedule=None, start_date=START) as retried:
    DeepnoteRunNotebookOperator(
        task_id="report", notebook_id=NOTEBOOK_ID, poll_interval=0.2, timeout=1.0,
        retries=1, retry_delay=datetime.timedelta(seconds=0),
    )
"""
RUN_DAG = """
import json, sys
sys.path.insert(0, sys.argv[1])
module = __import__(sys.argv[2])
dag = getattr(module, sys.argv[3])
conf = json.loads(sys.argv[4])
run = dag.test(run_conf=conf or None)
from airflow.models.xcom import XComModel
from airflow.utils.session import create_session
with create_session() as session:
    rows = session.query(XComModel).filter(XComModel.dag_id == dag.dag_id, XComModel.run_id == run.run_id)
    xcoms = {row.key: XComModel.deserialize_value(row) for row in rows}
print("RESULT " + json.dumps({"state": str(run.state), "xcoms": xcoms}, default=str))
"""


@pytest.fixture(scope="module")
def fake() -> Iterator[ServerHandle]:
    with running_server(FakeDeepnote()) as handle:
        yield handle


@pytest.fixture(scope="module")
def airflow(fake: ServerHandle, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    home = tmp_path_factory.mktemp("airflow")
    dags = home / "dags"
    dags.mkdir()
    (dags / "deepnote_report.py").write_text(DOCS_DAG)
    (dags / "deepnote_more.py").write_text(MORE_DAGS.format(notebook_id=fake.notebook_id))
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(dags),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW_CONN_DEEPNOTE_DEFAULT": json.dumps(
            {"conn_type": "deepnote", "host": fake.base_url, "password": fake.token}
        ),
        "DEEPNOTE_NOTEBOOK_ID": fake.notebook_id,
    }
    airflow_cli = Path(sys.executable).with_name("airflow")
    subprocess.run([str(airflow_cli), "db", "migrate"], env=env, check=True, capture_output=True, timeout=600)
    return {"env": env, "dags": dags}


def run_dag(
    airflow: dict[str, Any], module: str, dag: str, conf: dict[str, Any] | None = None
) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", RUN_DAG, str(airflow["dags"]), module, dag, json.dumps(conf or {})],
        env=airflow["env"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, f"dag.test() printed no result:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    result: dict[str, Any] = json.loads(lines[-1].removeprefix("RESULT "))
    result["log"] = done.stdout + done.stderr
    assert SEED_TOKEN not in result["log"], "the token is never logged"
    return result


def creates(fake: ServerHandle) -> int:
    return sum(1 for r in fake.state.requests if r.method == "POST" and r.path == "/runs")


def test_the_docs_dag_runs_pushes_the_run_and_returns_the_named_outputs(
    fake: ServerHandle, airflow: dict[str, Any]
) -> None:
    before = creates(fake)
    result = run_dag(airflow, "deepnote_report", "dag", {"region": "EU"})
    assert result["state"] == "success", result["log"][-3000:]
    assert creates(fake) == before + 1
    xcoms = result["xcoms"]
    stored = [r for r in fake.state.runs.values() if str(r.id) == xcoms["run_id"]]
    assert stored and stored[0].inputs == {"region": "EU"}, "the templated input reached Deepnote"
    assert xcoms["run_url"].endswith(f"/notebook/{fake.notebook_id}?secondary-sidebar=runs")
    assert xcoms["_link_DeepnoteRunLink"] == xcoms["run_url"], "the Deepnote run button"
    assert xcoms["return_value"] == {"text": "hello EU\n"}


def test_a_failed_run_fails_the_task_naming_the_block_and_its_error(
    fake: ServerHandle, airflow: dict[str, Any]
) -> None:
    fake.state.run_outcome = "error"
    try:
        result = run_dag(airflow, "deepnote_report", "dag")
    finally:
        fake.state.run_outcome = "success"
    assert result["state"] == "failed"
    assert re.search(
        r"Deepnote run \S+ \(https://deepnote\.com/\S+\) ended with status error in block", result["log"]
    )


def test_deferrable_mode_waits_in_the_trigger(fake: ServerHandle, airflow: dict[str, Any]) -> None:
    result = run_dag(airflow, "deepnote_more", "deferred")
    assert result["state"] == "success", result["log"][-3000:]
    assert "Pausing task as DEFERRED" in result["log"] and "Trigger completed" in result["log"]
    assert result["xcoms"]["return_value"] == {"text": "hello US\n"}


def test_a_retried_task_reattaches_to_its_run(fake: ServerHandle, airflow: dict[str, Any]) -> None:
    # The first try's wait meets an outage longer than its timeout and fails; the retry finds the
    # stored run id and attaches to the same run: one createRun in all.
    before = creates(fake)
    fake.faults.inject("503", times=4, method="GET", path="/runs/")
    result = run_dag(airflow, "deepnote_more", "retried")
    assert result["state"] == "success", result["log"][-3000:]
    assert creates(fake) == before + 1
    assert "up_for_retry" in result["log"]
    assert result["log"].count(f"Deepnote run {result['xcoms']['run_id']}") >= 2
