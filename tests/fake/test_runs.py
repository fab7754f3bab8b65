"""Runs: the rules of POST /runs, progression on the fake clock, snapshots, and run pagination."""

from __future__ import annotations

import base64
import json
import math
from typing import Any

import httpx
import pytest

from deepnote_fake import (
    SEED_BLOCK_IDS,
    SEED_NOTEBOOK_ID,
    SEED_PROJECT_ID,
    Block,
    FakeClock,
    FakeDeepnote,
    deepnote_format,
    snapshots,
)

UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000"


def _message(response: httpx.Response) -> str:
    body = response.json()
    assert set(body) == {"message"}, body
    return str(body["message"])


def _start(client: httpx.Client, **body: Any) -> str:
    response = client.post("/runs", json={"notebookId": SEED_NOTEBOOK_ID, **body})
    assert response.status_code == 202, response.text
    return str(response.json()["runId"])


def _run(client: httpx.Client, run_id: str, **params: str) -> dict[str, Any]:
    response = client.get(f"/runs/{run_id}", params=params)
    assert response.status_code == 200, response.text
    run: dict[str, Any] = response.json()["run"]
    return run


# ---------------------------------------------------------------------------- POST /runs rules


def test_create_run_returns_pending_at_once(client: httpx.Client) -> None:
    response = client.post("/runs", json={"notebookId": SEED_NOTEBOOK_ID, "inputs": {"region": "US"}})
    assert response.status_code == 202
    body = response.json()
    assert set(body) == {"runId", "status", "createdAt"}
    assert body["status"] == "pending"


def test_every_call_starts_a_new_run(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    ids = {_start(client) for _ in range(3)}
    assert len(ids) == 3
    assert len(fake_state.notebooks[SEED_NOTEBOOK_ID].runs) == 3


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"notebookId": "no-such-notebook"}, "Notebook not found"),  # 400, not 404
        (
            {"notebookId": SEED_NOTEBOOK_ID, "detached": True, "blockIds": [SEED_BLOCK_IDS["code"]]},
            "blockIds is not supported for detached runs",
        ),
        (
            {"notebookId": SEED_NOTEBOOK_ID, "runDependentBlocks": True},
            "runDependentBlocks requires blockIds",
        ),
        ({"notebookId": SEED_NOTEBOOK_ID, "blockIds": ["nope"]}, "Block not found in notebook"),
        ({"notebookId": SEED_NOTEBOOK_ID, "blockIds": []}, "blockIds must not be empty"),
        (
            {"notebookId": SEED_NOTEBOOK_ID, "inputs": {"x": "1"}},
            'Input "x" is not defined for this notebook',
        ),
        ({"notebookId": SEED_NOTEBOOK_ID, "inputs": {"verbose": "yes"}}, 'Input "verbose" has a value'),
        ({"notebookId": SEED_NOTEBOOK_ID, "inputs": {"region": ["EU"]}}, 'Input "region" has a value'),
        ({"notebookId": SEED_NOTEBOOK_ID, "inputs": {"region": 5}}, 'inputs["region"] must be a string'),
        ({"notebookId": SEED_NOTEBOOK_ID, "inputs": []}, "inputs must be an object"),
        ({"notebookId": SEED_NOTEBOOK_ID, "detached": "yes"}, "detached must be a boolean"),
        (
            {"notebookId": SEED_NOTEBOOK_ID, "detachedRunStorageMode": "rw"},
            "detachedRunStorageMode must be one of",
        ),
        ({}, "notebookId is required"),
    ],
)
def test_create_run_validation(
    client: httpx.Client, fake_state: FakeDeepnote, body: Any, problem: str
) -> None:
    response = client.post("/runs", json=body)
    assert response.status_code == 400
    assert _message(response).startswith(problem)
    assert fake_state.runs == {}


def test_block_runs_and_dependent_blocks_are_accepted(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    code = SEED_BLOCK_IDS["code"]
    run_id = _start(client, blockIds=[code], runDependentBlocks=True, detached=False)
    assert fake_state.runs[run_id].block_ids == [code]
    _start(client, runDependentBlocks=False)  # false without blockIds is harmless


def test_checkbox_and_string_inputs(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    run_id = _start(client, inputs={"verbose": True, "greeting": "hi", "region": "US"})
    assert fake_state.runs[run_id].inputs == {"verbose": True, "greeting": "hi", "region": "US"}


def test_get_run_ids(client: httpx.Client) -> None:
    bad = client.get("/runs/not-a-uuid")
    assert (bad.status_code, _message(bad)) == (400, "runId must be a UUID")
    missing = client.get(f"/runs/{UNKNOWN_UUID}")
    assert (missing.status_code, _message(missing)) == (404, "Run not found")
    run_id = _start(client)
    wrong = client.get(f"/runs/{run_id}", params={"snapshotDelivery": "email"})
    assert wrong.status_code == 400 and "snapshotDelivery" in _message(wrong)


# ---------------------------------------------------------------------------- progression


def test_run_advances_on_the_fake_clock(client: httpx.Client, fake_clock: FakeClock) -> None:
    run_id = _start(client)
    run = _run(client, run_id)
    assert (run["status"], run["completedAt"], run["snapshotStatus"]) == ("pending", None, "pending")
    fake_clock.advance(0.29)
    assert _run(client, run_id)["status"] == "pending"  # default pending_seconds = 0.3
    fake_clock.advance(0.02)
    assert _run(client, run_id)["status"] == "running"
    fake_clock.advance(1.0)  # default running_seconds = 1.0
    run = _run(client, run_id)
    assert run["status"] == "success"
    assert run["completedAt"] is not None and run["completedAt"] > run["createdAt"]
    assert run["snapshotStatus"] == "pending"  # terminal before the snapshot is attached
    assert run["snapshotDownloadUrl"] is None
    fake_clock.advance(0.2)  # default snapshot_seconds = 0.2
    run = _run(client, run_id)
    assert run["snapshotStatus"] == "available"
    assert run["snapshotDownloadUrl"] is not None


def test_runs_never_move_without_the_clock(client: httpx.Client) -> None:
    run_id = _start(client)
    assert {_run(client, run_id)["status"] for _ in range(5)} == {"pending"}


@pytest.mark.parametrize(
    ("outcome", "snapshot"),
    [
        ("success", "available"),
        ("error", "available"),
        ("internal_error", "unavailable"),
        ("stopped", "unavailable"),
    ],
)
def test_configurable_outcomes(
    client: httpx.Client, fake_state: FakeDeepnote, fake_clock: FakeClock, outcome: Any, snapshot: str
) -> None:
    fake_state.run_outcome = outcome
    run_id = _start(client)
    fake_clock.advance(60)
    run = _run(client, run_id)
    assert (run["status"], run["snapshotStatus"]) == (outcome, snapshot)
    assert (run["error"] is not None) == (outcome == "internal_error")


def test_outcome_applies_to_runs_started_afterwards(
    client: httpx.Client, fake_state: FakeDeepnote, fake_clock: FakeClock
) -> None:
    before = _start(client)
    fake_state.run_outcome = "error"
    after = _start(client)
    fake_clock.advance(60)
    assert (_run(client, before)["status"], _run(client, after)["status"]) == ("success", "error")


def test_unknown_outcome_is_refused(fake_state: FakeDeepnote) -> None:
    with pytest.raises(ValueError, match="run_outcome"):
        fake_state.run_outcome = "maybe"  # type: ignore[assignment]


@pytest.mark.parametrize("knob", ["never", "infinite"])
def test_a_run_can_be_made_to_never_finish(
    client: httpx.Client, fake_state: FakeDeepnote, fake_clock: FakeClock, knob: str
) -> None:
    if knob == "never":
        fake_state.run_outcome = "never"
    else:
        fake_state.running_seconds = math.inf
    run_id = _start(client)
    fake_clock.advance(10**9)
    run = _run(client, run_id)
    assert (run["status"], run["completedAt"], run["snapshotStatus"]) == ("running", None, "pending")


def test_real_clock_runs_finish_by_themselves() -> None:
    from deepnote_fake import running_server

    fake = FakeDeepnote(pending_seconds=0.05, running_seconds=0.05, snapshot_seconds=0.0)
    with running_server(fake) as server, httpx.Client(base_url=server.base_url) as client:
        client.headers["Authorization"] = f"Bearer {server.token}"
        run_id = _start(client)
        import time

        deadline = time.monotonic() + 5
        while _run(client, run_id)["status"] != "success":
            assert time.monotonic() < deadline, "the run never finished"
            time.sleep(0.02)


# ---------------------------------------------------------------------------- snapshots


def test_snapshot_deliveries(client: httpx.Client, fake_clock: FakeClock) -> None:
    run_id = _start(client, inputs={"region": "US"})
    fake_clock.advance(60)
    default = _run(client, run_id)
    assert default["snapshotContent"] is None and default["snapshotBlocks"] is None
    url = default["snapshotDownloadUrl"]
    # Like a presigned URL: fetched without the bearer token.
    downloaded = httpx.get(url)
    assert downloaded.status_code == 200
    assert httpx.get(url.replace("sig=", "sig=0")).status_code == 404
    inline = _run(client, run_id, snapshotDelivery="inline")
    assert inline["snapshotDownloadUrl"] is None and inline["snapshotContent"] == downloaded.text
    blocks = _run(client, run_id, snapshotDelivery="blocks")["snapshotBlocks"]
    assert [b["id"] for b in blocks] == list(SEED_BLOCK_IDS.values())
    code_outputs = blocks[-1]["outputs"]
    assert code_outputs == [{"output_type": "stream", "name": "stdout", "text": "hello US\n"}]
    # The document is this run's: its inputs, and the same outputs as the blocks delivery.
    document = deepnote_format.load(downloaded.text)
    assert document["execution"]["inputs"] == {"region": "US"}
    (notebook,) = document["project"]["notebooks"]
    assert [b["id"] for b in notebook["blocks"]] == list(SEED_BLOCK_IDS.values())
    assert notebook["blocks"][-1]["outputs"] == code_outputs


def test_snapshot_document_is_the_whole_project(fake_state: FakeDeepnote, fake_clock: FakeClock) -> None:
    init = fake_state.add_notebook(SEED_PROJECT_ID, "Init", blocks=[Block("blk-init", "code", "import os")])
    run = fake_state.create_run(SEED_NOTEBOOK_ID, block_ids=[SEED_BLOCK_IDS["code"]])
    fake_clock.advance(60)
    document = deepnote_format.load(snapshots.document(fake_state, run))
    assert document["project"]["initNotebookId"] == init.id
    notebooks = {n["id"]: n for n in document["project"]["notebooks"]}
    assert list(notebooks) == [SEED_NOTEBOOK_ID, init.id]
    # Outputs only where the run executed: its one code block; the Init notebook is as exported.
    seed_blocks = {b["id"]: b for b in notebooks[SEED_NOTEBOOK_ID]["blocks"]}
    assert (
        seed_blocks[SEED_BLOCK_IDS["code"]]["outputs"]
        and seed_blocks[SEED_BLOCK_IDS["region"]]["outputs"] == []
    )
    assert all("outputs" not in b for b in notebooks[init.id]["blocks"])
    assert document["execution"]["summary"]["blocksExecuted"] == 1


def test_block_run_snapshot_holds_only_those_blocks(client: httpx.Client, fake_clock: FakeClock) -> None:
    run_id = _start(client, blockIds=[SEED_BLOCK_IDS["code"]])
    fake_clock.advance(60)
    blocks = _run(client, run_id, snapshotDelivery="blocks")["snapshotBlocks"]
    assert [b["id"] for b in blocks] == [SEED_BLOCK_IDS["code"]]


# ---------------------------------------------------------------------------- run lists


def test_runs_are_listed_newest_first(client: httpx.Client, fake_clock: FakeClock) -> None:
    ids = []
    for _ in range(3):
        ids.append(_start(client))
        fake_clock.advance(1)
    listed = client.get(f"/notebooks/{SEED_NOTEBOOK_ID}/runs").json()
    assert [r["runId"] for r in listed["runs"]] == ids[::-1]
    assert listed["pagination"] == {"nextPageToken": None, "hasMore": False, "pageSize": 20}
    assert listed["runs"][0]["notebookId"] == SEED_NOTEBOOK_ID


def test_list_runs_of_unknown_notebook_is_404(client: httpx.Client) -> None:
    assert client.get("/notebooks/nope/runs").status_code == 404


@pytest.mark.parametrize("size", ["0", "101", "-1", "abc", "1.5", "", "1e2"])
def test_page_size_outside_1_to_100_or_not_an_integer_is_400(client: httpx.Client, size: str) -> None:
    response = client.get(f"/notebooks/{SEED_NOTEBOOK_ID}/runs", params={"pageSize": size})
    assert response.status_code == 400
    assert "pageSize" in _message(response)
    assert client.get("/projects", params={"pageSize": size}).status_code == 400


def test_page_size_default_and_maximum(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    fake_state.add_runs(SEED_NOTEBOOK_ID, 250)
    default = client.get(f"/notebooks/{SEED_NOTEBOOK_ID}/runs").json()
    assert len(default["runs"]) == 20 and default["pagination"]["hasMore"] is True
    biggest = client.get(f"/notebooks/{SEED_NOTEBOOK_ID}/runs", params={"pageSize": 100}).json()
    assert len(biggest["runs"]) == 100 and biggest["pagination"]["pageSize"] == 100


def test_paging_through_ten_thousand_runs(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    created = fake_state.add_runs(SEED_NOTEBOOK_ID, 10_000)
    assert len(created) == 10_000
    seen: list[str] = []
    token = None
    for _ in range(101):  # bounded: 100 pages expected
        params: dict[str, Any] = {"pageSize": 100}
        if token:
            params["pageToken"] = token
        page = client.get(f"/notebooks/{SEED_NOTEBOOK_ID}/runs", params=params).json()
        seen.extend(r["runId"] for r in page["runs"])
        token = page["pagination"]["nextPageToken"]
        assert page["pagination"]["hasMore"] is (token is not None)
        if token is None:
            break
    assert seen == created[::-1]  # newest first, no duplicate, none lost
    stamps = [r.created_t for r in fake_state.notebooks[SEED_NOTEBOOK_ID].runs]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)


def test_runs_started_while_paging_do_not_shift_pages(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    old = fake_state.add_runs(SEED_NOTEBOOK_ID, 30)
    first = client.get(f"/notebooks/{SEED_NOTEBOOK_ID}/runs", params={"pageSize": 10}).json()
    new = _start(client)
    token = first["pagination"]["nextPageToken"]
    second = client.get(
        f"/notebooks/{SEED_NOTEBOOK_ID}/runs", params={"pageSize": 10, "pageToken": token}
    ).json()
    assert [r["runId"] for r in second["runs"]] == old[::-1][10:20]
    assert new not in [r["runId"] for r in second["runs"]]


def _edit_token(token: str, **changes: Any) -> str:
    payload_b64, sig = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(payload_b64 + "=" * (-len(payload_b64) % 4)))
    payload.update(changes)
    edited = (
        base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).rstrip(b"=").decode()
    )
    return f"{edited}.{sig}"


def test_page_tokens_cannot_be_forged_or_reused_elsewhere(
    client: httpx.Client, fake_state: FakeDeepnote
) -> None:
    fake_state.add_runs(SEED_NOTEBOOK_ID, 30)
    other = fake_state.create_notebook(SEED_PROJECT_ID, "Other")
    other_runs = fake_state.add_runs(other.id, 30)
    token = client.get(f"/notebooks/{SEED_NOTEBOOK_ID}/runs", params={"pageSize": 10}).json()["pagination"][
        "nextPageToken"
    ]
    assert token

    def listing(notebook_id: str, page_token: str) -> httpx.Response:
        return client.get(f"/notebooks/{notebook_id}/runs", params={"pageToken": page_token})

    foreign = listing(other.id, token)  # notebook A's token on notebook B
    assert foreign.status_code == 400 and "different list" in _message(foreign)
    # Rewriting the scope to notebook B (or the cursor) breaks the signature.
    for forged in (_edit_token(token, s=f"runs:{other.id}"), _edit_token(token, a=10**9)):
        response = listing(other.id, forged)
        assert response.status_code == 400 and other_runs[0] not in response.text
    for garbage in ("abc", "a.b", "", "....", token + "x"):
        assert listing(SEED_NOTEBOOK_ID, garbage).status_code == 400
    project_token = client.get("/projects", params={"pageSize": 1})
    fake_state.create_project("two")
    project_token = client.get("/projects", params={"pageSize": 1}).json()["pagination"]["nextPageToken"]
    assert listing(SEED_NOTEBOOK_ID, project_token).status_code == 400
    assert listing(SEED_NOTEBOOK_ID, token).status_code == 200  # the real token still works


def test_tokens_do_not_survive_a_new_fake(fake_state: FakeDeepnote) -> None:
    fake_state.add_runs(SEED_NOTEBOOK_ID, 3)
    _, token = fake_state.list_runs(SEED_NOTEBOOK_ID, 1, None)
    assert token
    from deepnote_fake import ApiError

    with pytest.raises(ApiError) as caught:
        FakeDeepnote().list_runs(SEED_NOTEBOOK_ID, 1, token)
    assert caught.value.status == 400


def test_add_runs_is_fast_and_newest_first_after_existing(
    fake_state: FakeDeepnote, fake_clock: FakeClock
) -> None:
    first = fake_state.create_run(SEED_NOTEBOOK_ID).id
    fake_clock.advance(5)
    bulk = fake_state.add_runs(SEED_NOTEBOOK_ID, 5)
    page, _ = fake_state.list_runs(SEED_NOTEBOOK_ID, 100, None)
    assert [r.id for r in page] == [*bulk[::-1], first]
    assert all(r.status(fake_clock.now()) == "success" for r in page[:5])


def test_history_added_right_after_a_live_run_is_finished(
    fake_state: FakeDeepnote, fake_clock: FakeClock
) -> None:
    live = fake_state.create_run(SEED_NOTEBOOK_ID)
    bulk = fake_state.add_runs(SEED_NOTEBOOK_ID, 3, outcome="error")  # same clock reading as `live`
    now = fake_clock.now()
    assert [fake_state.runs[i].status(now) for i in bulk] == ["error"] * 3
    assert live.status(now) == "pending"
    created = [fake_state.runs[i].created_t for i in [live.id, *bulk]]
    assert created == sorted(created)


def test_a_run_writes_the_files_its_code_opens_for_writing(
    client: httpx.Client, fake_state: FakeDeepnote
) -> None:
    code = "open('out/greeting.txt', 'w').write('hello EU')\nprint('written')"
    notebook = fake_state.add_notebook(SEED_PROJECT_ID, "Writer", blocks=[Block("blk-writer", "code", code)])
    fake_state.add_notebook(
        SEED_PROJECT_ID, "Idle", blocks=[Block("blk-idle", "code", "open('x.txt', 'w').write('x')")]
    )
    response = client.post("/runs", json={"notebookId": notebook.id})
    assert response.status_code == 202, response.text
    download = client.get(
        "/files/download", params={"projectId": SEED_PROJECT_ID, "path": "out/greeting.txt"}
    )
    assert (download.status_code, download.content) == (200, b"hello EU")
    files = client.get(f"/projects/{SEED_PROJECT_ID}").json()["project"]["files"]
    assert {f["path"] for f in files} == {"data/example.csv", "out/greeting.txt"}  # not x.txt: not run
