"""``run_shape``: the fake answers runs in the spec's shape by default, or in each older shape
Deepnote's own clients read (``RUN_SHAPE_TRAITS``), alone or combined."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from deepnote_fake import SEED_NOTEBOOK_ID, FakeClock, FakeDeepnote
from deepnote_fake.__main__ import main
from deepnote_fake.run_shapes import RUN_SHAPE_TRAITS, RunShape

UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000"
RUN_FIELDS = {"runId", "notebookId", "status", "createdAt", "completedAt", "error", "snapshotStatus"}
SNAPSHOT_FIELDS = {"snapshotContent", "snapshotDownloadUrl", "snapshotBlocks"}


def _start(client: httpx.Client, expect: int = 202) -> httpx.Response:
    response = client.post("/runs", json={"notebookId": SEED_NOTEBOOK_ID})
    assert response.status_code == expect, response.text
    return response


def _finished(client: httpx.Client, fake: FakeDeepnote, clock: FakeClock, outcome: str = "success") -> str:
    fake.run_outcome = outcome  # type: ignore[assignment]
    fake.run_shape = "spec"
    run_id = str(_start(client).json()["runId"])
    clock.advance(60)
    return run_id


def test_the_default_is_the_specs_shape(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    assert fake_state.run_shape == RunShape() and str(fake_state.run_shape) == "spec"
    created = _start(client).json()
    assert set(created) == {"runId", "status", "createdAt"}
    body = client.get(f"/runs/{created['runId']}").json()
    assert set(body) == {"run"} and set(body["run"]) == RUN_FIELDS | SNAPSHOT_FIELDS
    missing = client.get(f"/runs/{UNKNOWN_UUID}")
    assert (missing.status_code, missing.json()) == (404, {"message": "Run not found"})


@pytest.mark.parametrize(("shape", "status"), [("status-200", 200), ("status-201", 201)])
def test_create_run_answers_another_2xx(
    client: httpx.Client, fake_state: FakeDeepnote, shape: str, status: int
) -> None:
    fake_state.run_shape = shape
    assert set(_start(client, expect=status).json()) == {"runId", "status", "createdAt"}


def test_post_nested_and_id(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    fake_state.run_shape = "post-nested"
    body = _start(client).json()
    assert set(body) == {"run"} and set(body["run"]) == {"runId", "status", "createdAt"}
    fake_state.run_shape = "post-nested,id"
    body = _start(client).json()
    assert set(body["run"]) == {"id", "status", "createdAt"} and body["run"]["id"] in fake_state.runs
    fake_state.run_shape = "id"
    run_id = _start(client).json()["id"]
    run = client.get(f"/runs/{run_id}").json()["run"]
    assert run["id"] == run_id and "runId" not in run


def test_bare_answers_the_run_without_its_envelope(
    client: httpx.Client, fake_state: FakeDeepnote, fake_clock: FakeClock
) -> None:
    run_id = _finished(client, fake_state, fake_clock)
    fake_state.run_shape = "bare,id"
    body = client.get(f"/runs/{run_id}", params={"snapshotDelivery": "blocks"}).json()
    assert set(body) == (RUN_FIELDS - {"runId"}) | {"id"} | SNAPSHOT_FIELDS
    assert body["id"] == run_id and body["status"] == "success" and body["snapshotBlocks"]


def test_snapshot_nested_under_snapshot(
    client: httpx.Client, fake_state: FakeDeepnote, fake_clock: FakeClock
) -> None:
    run_id = _finished(client, fake_state, fake_clock)
    spec_inline = client.get(f"/runs/{run_id}", params={"snapshotDelivery": "inline"}).json()["run"]
    fake_state.run_shape = "snapshot-nested"
    inline = client.get(f"/runs/{run_id}", params={"snapshotDelivery": "inline"}).json()["run"]
    assert inline["snapshot"] == {"snapshotContent": spec_inline["snapshotContent"]}
    assert not {"snapshotContent", "snapshotDownloadUrl"} & set(inline)
    linked = client.get(f"/runs/{run_id}").json()["run"]
    assert set(linked["snapshot"]) == {"downloadUrl"}
    assert httpx.get(linked["snapshot"]["downloadUrl"], timeout=10).text == spec_inline["snapshotContent"]
    # Until the snapshot is attached there is no `snapshot` at all.
    pending = _start(client).json()["runId"]
    assert "snapshot" not in client.get(f"/runs/{pending}").json()["run"]


@pytest.mark.parametrize(
    ("shape", "error"),
    [
        ("spec", "Internal error while running the notebook"),
        ("error-object", {"message": "Internal error while running the notebook"}),
        ("error-object-error", {"error": "Internal error while running the notebook"}),
    ],
)
def test_a_runs_error_as_a_string_or_an_object(
    client: httpx.Client, fake_state: FakeDeepnote, fake_clock: FakeClock, shape: str, error: Any
) -> None:
    failed = _finished(client, fake_state, fake_clock, "internal_error")
    succeeded = _finished(client, fake_state, fake_clock, "success")
    fake_state.run_shape = shape
    assert client.get(f"/runs/{failed}").json()["run"]["error"] == error
    assert client.get(f"/runs/{succeeded}").json()["run"]["error"] is None


def test_error_body_says_error_on_the_run_operations_only(
    client: httpx.Client, fake_state: FakeDeepnote
) -> None:
    fake_state.run_shape = "error-body"
    missing = client.get(f"/runs/{UNKNOWN_UUID}")
    assert (missing.status_code, missing.json()) == (404, {"error": "Run not found"})
    invalid = client.post("/runs", json={"notebookId": "nope"})
    assert (invalid.status_code, invalid.json()) == (400, {"error": "Notebook not found"})
    bad_query = client.get(f"/runs/{UNKNOWN_UUID}", params={"snapshotDelivery": "x"})
    assert bad_query.status_code == 400 and set(bad_query.json()) == {"error"}
    assert set(client.get(f"/notebooks/{UNKNOWN_UUID}").json()) == {"message"}


def test_every_trait_is_documented_and_bad_values_are_refused(fake_state: FakeDeepnote) -> None:
    assert str(RunShape.parse("id, bare")) == "bare,id"  # in the table's order, spaces ignored
    exclusive = (
        "status-200,status-201",
        "error-object,error-object-error",
        "deliver-inline,deliver-download-url",
    )
    for text in ("nope", "", "spec,bare", *exclusive):
        with pytest.raises(ValueError, match="run_shape"):
            RunShape.parse(text)
    with pytest.raises(ValueError, match="run_shape"):
        fake_state.run_shape = "nested"
    assert FakeDeepnote(seed=False, run_shape="bare,status-201").run_shape == RunShape(
        frozenset({"bare", "status-201"})
    )
    assert set(RUN_SHAPE_TRAITS) == {
        "spec",
        "bare",
        "post-nested",
        "id",
        "snapshot-nested",
        "error-object",
        "error-object-error",
        "error-body",
        "status-200",
        "status-201",
        "deliver-inline",
        "deliver-download-url",
    }


def test_python_m_refuses_an_unknown_run_shape(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--port", "0", "--run-shape", "nested"])
    assert exit_.value.code == 2
    assert "run_shape: unknown ['nested']" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("shape", "field"),
    [("deliver-inline", "snapshotContent"), ("deliver-download-url", "snapshotDownloadUrl")],
)
def test_a_forced_delivery_answers_whatever_was_asked(
    client: httpx.Client, fake_state: FakeDeepnote, fake_clock: FakeClock, shape: str, field: str
) -> None:
    run_id = _finished(client, fake_state, fake_clock)
    inline = client.get(f"/runs/{run_id}", params={"snapshotDelivery": "inline"}).json()["run"]
    fake_state.run_shape = shape
    for asked in ("blocks", "inline", "downloadUrl"):
        run = client.get(f"/runs/{run_id}", params={"snapshotDelivery": asked}).json()["run"]
        assert [key for key in sorted(SNAPSHOT_FIELDS) if run[key] is not None] == [field], asked
    document = run[field] if field == "snapshotContent" else httpx.get(run[field], timeout=10).text
    assert document == inline["snapshotContent"]
