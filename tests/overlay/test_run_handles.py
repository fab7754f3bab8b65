"""Run handles, inputs as values, named outputs, outputs as values, and run answers in every shape
Deepnote's own clients accept.

Shapes and failures are played by an ``httpx.MockTransport`` (each test says exactly what the API
answers); the whole path (start, wait, attach, links) also runs against the fake, on real time with
short polls.
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import datetime
import functools
import json
import logging
from collections.abc import Callable, Iterator
from typing import Any, TypedDict

import attrs
import httpx
import pytest

from deepnote_fake import FakeDeepnote, ServerHandle, running_server
from deepnote_overlay import (
    AsyncDeepnote,
    Dataframe,
    Deepnote,
    InvalidRequestError,
    MissingOutputError,
    MissingTokenError,
    NotFoundError,
    OutputBindingError,
    ResponseParseError,
    RunHandle,
    _clock,
    output,
)

RUN_ID = "5b0a1f0e-0000-4000-8000-000000000001"
NOTEBOOK_ID = "nb1"
PROJECT_ID = "6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
CREATED_AT = "2026-12-07T10:00:00Z"
PNG = b"\x89PNG\r\n\x1a\nfake"


@pytest.fixture(scope="module")
def fake() -> Iterator[ServerHandle]:
    with running_server(FakeDeepnote()) as handle:
        yield handle


class InstantClock(_clock.Clock):
    """No real sleeping: time moves by what is slept."""

    def __init__(self) -> None:
        self.now = 0.0
        self.pauses: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> InstantClock:
    fake_clock = InstantClock()
    monkeypatch.setattr(_clock, "CLOCK", fake_clock)
    return fake_clock


def snapshot_block(block_id: str, block_type: str, *outputs: dict[str, Any]) -> dict[str, Any]:
    return {"id": block_id, "type": block_type, "outputs": list(outputs)}


def display(mime: str, value: Any) -> dict[str, Any]:
    return {"output_type": "display_data", "data": {mime: value}, "metadata": {}}


DATAFRAME = {
    "columns": [{"name": "_deepnote_index_column", "dtype": "int64"}, {"name": "a", "dtype": "int64"}],
    "rows": [{"_deepnote_index_column": 0, "a": 1}, {"_deepnote_index_column": 1, "a": 2}],
    "row_count": 250,
}
BLOCKS = [
    snapshot_block("b-text", "code", {"output_type": "stream", "name": "stdout", "text": ["hel", "lo\n"]}),
    snapshot_block("b-json", "code", display("application/json", {"totals": {"eu": 7, "items": [1, 2]}})),
    snapshot_block("b-df", "code", display("application/vnd.deepnote.dataframe.v3+json", DATAFRAME)),
    snapshot_block("b-png", "code", display("image/png", base64.b64encode(PNG).decode())),
    snapshot_block(
        "b-agent",
        "agent",
        {"output_type": "display_data", "data": {"text/markdown": "# Done", "text/plain": "Done"}},
    ),
    snapshot_block("b-json2", "code", display("application/json", {"totals": {"eu": 9}})),
]


class Api:
    """A scripted API: answers by (method, path); records every request."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.create: Callable[[], httpx.Response] = lambda: httpx.Response(
            201, json={"runId": RUN_ID, "status": "pending", "createdAt": CREATED_AT}
        )
        self.runs: list[dict[str, Any]] = [
            self.run("success", snapshotStatus="available", snapshotBlocks=BLOCKS)
        ]
        self.notebook: dict[str, Any] = {"id": NOTEBOOK_ID, "projectId": PROJECT_ID, "inputs": []}
        self.me: dict[str, Any] = {
            "apiKey": {"id": "k"},
            "user": {"id": "u"},
            "workspace": {"id": "w1", "slug": "acme", "name": "Acme"},
            "accessLevel": "edit",
        }

    @staticmethod
    def run(status: str, **fields: Any) -> dict[str, Any]:
        return {"run": {"runId": RUN_ID, "status": status, "notebookId": NOTEBOOK_ID, **fields}}

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if request.method == "POST" and path == "/v2/runs":
            return self.create()
        if path == f"/v2/runs/{RUN_ID}":
            body = self.runs.pop(0) if len(self.runs) > 1 else self.runs[0]
            return httpx.Response(200, json=body)
        if path == f"/v2/notebooks/{NOTEBOOK_ID}":
            return httpx.Response(200, json={"notebook": self.notebook})
        if path == "/v2/me":
            return httpx.Response(200, json=self.me)
        return httpx.Response(404, json={"message": "not here"})

    def client(self, **options: Any) -> Deepnote:
        return Deepnote(
            "tok", base_url="https://api.deepnote.com/v2", transport=httpx.MockTransport(self), **options
        )

    def posts(self) -> int:
        return sum(r.method == "POST" for r in self.requests)


# ---------------------------------------------------------------------------- handles on the fake


def test_start_returns_at_once_and_wait_gives_the_result(fake: ServerHandle) -> None:
    statuses: list[str] = []
    with Deepnote(fake.token, base_url=fake.base_url) as dn:
        run = dn.runs.start(fake.notebook_id, inputs={"region": "US"})
        assert isinstance(run, RunHandle)
        assert run.status == "pending" and run.notebook_id == fake.notebook_id
        assert run.url is not None and run.url.endswith(
            f"/notebook/{fake.notebook_id}?secondary-sidebar=runs"
        )
        result = run.wait(outputs=True, poll_interval=0.05, on_status=statuses.append)
        again = dn.runs.attach(run.id)
    assert (result.status, result.run_id, result.url) == ("success", run.id, run.url)
    assert statuses == ["running", "success"]
    assert run.status == "success"
    assert result.text == "hello US\n"
    assert (again.id, again.status, again.notebook_id, again.url) == (
        run.id,
        "success",
        fake.notebook_id,
        run.url,
    )
    creates = [r for r in fake.state.requests if r.method == "POST" and r.path == "/runs"]
    assert len(creates) == 1


def test_the_async_client_has_the_same_handles(fake: ServerHandle) -> None:
    async def main() -> tuple[str, str | None, str, str | None]:
        async with AsyncDeepnote(fake.token, base_url=fake.base_url) as dn:
            run = await dn.runs.start(fake.notebook_id, inputs={"region": "US"})  # EU is the default
            result = await run.wait(outputs=True, poll_interval=0.05)
            attached = await dn.runs.attach(run.id)
            return result.status, result.text, attached.status, attached.url

    status, text, attached_status, url = asyncio.run(main())
    assert (status, attached_status) == ("success", "success")
    assert text == "hello US\n"
    assert url is not None and "/workspace/" in url


def test_run_notebook_takes_start_and_wait_options(fake: ServerHandle) -> None:
    @dataclasses.dataclass
    class Report:
        greeting: str

    with Deepnote(fake.token, base_url=fake.base_url) as dn:
        result = dn.run_notebook(
            fake.notebook_id,
            inputs={"region": "EU"},
            check_inputs=True,
            outputs={"greeting": output.all_text()},
            output_type=Report,
            poll_interval=0.05,
        )
    assert result.values == {"greeting": "hello EU\n"}
    assert result.output == Report(greeting="hello EU\n")


# ---------------------------------------------------------------------------- the web link


def test_the_link_follows_deepnotes_notebook_url_and_is_read_once_per_client(clock: InstantClock) -> None:
    api = Api()
    with api.client() as dn:
        first = dn.runs.start(NOTEBOOK_ID)
        second = dn.runs.start(NOTEBOOK_ID)
    assert first.url == (
        f"https://deepnote.com/workspace/acme-w1/project/-{PROJECT_ID}/notebook/{NOTEBOOK_ID}?secondary-sidebar=runs"
    )
    assert second.url == first.url
    reads = [r.url.path for r in api.requests if r.method == "GET"]
    assert reads == ["/v2/me", f"/v2/notebooks/{NOTEBOOK_ID}"], "me and the notebook, once each"


def test_without_a_slug_the_workspace_segment_is_the_id_alone(clock: InstantClock) -> None:
    api = Api()
    api.me["workspace"] = {"id": "w1"}
    with Deepnote("tok", base_url="https://api.eu.example.org/v2", transport=httpx.MockTransport(api)) as dn:
        url = dn.runs.start(NOTEBOOK_ID).url
    assert (
        url
        == f"https://eu.example.org/workspace/w1/project/-{PROJECT_ID}/notebook/{NOTEBOOK_ID}?secondary-sidebar=runs"
    )


def test_a_link_that_cannot_be_made_is_none_and_the_run_still_starts(clock: InstantClock) -> None:
    api = Api()
    api.me = {"broken": True}
    with api.client() as dn:
        run = dn.runs.start(NOTEBOOK_ID)
    assert (run.id, run.url) == (RUN_ID, None)


# ---------------------------------------------------------------------------- inputs


def test_inputs_are_sent_as_the_api_takes_them(clock: InstantClock) -> None:
    api = Api()
    with api.client() as dn:
        dn.runs.start(
            NOTEBOOK_ID,
            inputs={
                "text": "a",
                "flag": False,
                "count": 3,
                "ratio": 0.5,
                "day": datetime.date(2026, 12, 7),
                "at": datetime.datetime(2026, 12, 7, 10, 30, tzinfo=datetime.UTC),
                "many": ("x", "y"),
                "unset": None,
            },
        )
    (create,) = [r for r in api.requests if r.method == "POST"]
    assert json.loads(create.content)["inputs"] == {
        "text": "a",
        "flag": False,
        "count": "3",
        "ratio": "0.5",
        "day": "2026-12-07",
        "at": "2026-12-07T10:30:00+00:00",
        "many": ["x", "y"],
    }


@pytest.mark.parametrize("value", [{"a": 1}, {1, 2}, b"raw", ["a", 1], object()])
def test_an_input_of_another_type_is_refused_naming_it(value: Any, clock: InstantClock) -> None:
    api = Api()
    with api.client() as dn, pytest.raises(TypeError, match="input 'region'"):
        dn.runs.start(NOTEBOOK_ID, inputs={"region": value})
    assert api.requests == [], "nothing sent"


def test_an_input_of_another_type_says_what_can_be_sent(clock: InstantClock) -> None:
    raw: Any = b"raw"
    with Api().client() as dn, pytest.raises(TypeError) as refused:
        dn.runs.start(NOTEBOOK_ID, inputs={"region": raw})
    assert str(refused.value) == (
        "input 'region': a bytes cannot be sent; give a str, bool, number, date or datetime, a list or "
        "tuple of strings, or None to leave it unset"
    )


def checked_inputs() -> list[dict[str, Any]]:
    """A notebook's inputs that ``check_inputs`` checks: selects (one and several) and sliders."""
    return [
        {"name": "region", "type": "input-select", "options": ["EU", "US"]},
        {"name": "tags", "type": "input-select", "options": ["a", "b"], "multiple": True},
        {"name": "count", "type": "input-slider", "min": 1, "max": 10},
        {"name": "cap", "type": "input-slider", "max": 5},
    ]


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        ({"regoin": "EU"}, "has no input 'regoin' (its inputs: cap, count, region, tags)"),
        ({"region": "Mars"}, "input 'region': 'Mars' is not among its options ['EU', 'US']"),
        ({"tags": ["a", "z"]}, "input 'tags': ['a', 'z'] is not among its options ['a', 'b']"),
        ({"count": 11}, "input 'count': 11 is outside 1..10"),
        ({"count": "many"}, "input 'count': 'many' is not a number"),
        ({"count": 0}, "input 'count': 0 is outside 1..10"),
        ({"cap": 6}, "input 'cap': 6 is outside None..5"),
    ],
)
def test_check_inputs_refuses_what_the_notebook_would_not_take(
    inputs: dict[str, Any], message: str, clock: InstantClock
) -> None:
    api = Api()
    api.notebook["inputs"] = checked_inputs()
    with api.client() as dn, pytest.raises(InvalidRequestError) as refused:
        dn.runs.start(NOTEBOOK_ID, inputs=inputs, check_inputs=True)
    assert message in str(refused.value)
    assert refused.value.operation == "createRun"
    assert api.posts() == 0


@pytest.mark.parametrize(
    "inputs",
    [
        {"region": "EU", "tags": ["a", "b"], "count": 1, "cap": -3, "floor": 1000},
        {"tags": "a", "count": 10, "cap": 5},
        {"count": "5.5"},
    ],
)
def test_check_inputs_lets_through_what_the_notebook_takes(
    inputs: dict[str, Any], clock: InstantClock
) -> None:
    api = Api()
    api.notebook["inputs"] = [*checked_inputs(), {"name": "floor", "type": "input-slider", "min": 0}]
    with api.client() as dn:
        dn.runs.start(NOTEBOOK_ID, inputs=inputs, check_inputs=True)
    assert api.posts() == 1


def test_run_notebook_checks_inputs_when_asked(clock: InstantClock) -> None:
    api = Api()
    api.notebook["inputs"] = [{"name": "region", "type": "input-select", "options": ["EU", "US"]}]
    with api.client() as dn, pytest.raises(InvalidRequestError, match="'Mars' is not among its options"):
        dn.run_notebook(NOTEBOOK_ID, inputs={"region": "Mars"}, check_inputs=True)
    assert api.posts() == 0


def test_check_inputs_names_a_notebook_without_inputs(clock: InstantClock) -> None:
    api = Api()
    api.notebook["inputs"] = []
    with api.client() as dn, pytest.raises(InvalidRequestError) as refused:
        dn.runs.start(NOTEBOOK_ID, inputs={"region": "EU"}, check_inputs=True)
    assert refused.value.reason == f"notebook {NOTEBOOK_ID} has no input 'region' (its inputs: none)"


# ---------------------------------------------------------------------------- answers in every shape


CREATE_SHAPES = {
    "spec": (201, {"runId": RUN_ID, "status": "pending", "createdAt": CREATED_AT}),
    "nested under run": (201, {"run": {"runId": RUN_ID, "status": "pending"}}),
    "id instead of runId": (201, {"id": RUN_ID, "status": "pending"}),
    "answered 200": (200, {"runId": RUN_ID, "status": "pending"}),
    "answered 202": (202, {"run": {"id": RUN_ID, "status": "queued"}}),
}


@pytest.mark.parametrize("shape", CREATE_SHAPES)
def test_create_run_in_any_shape_is_a_started_run(shape: str, clock: InstantClock) -> None:
    api = Api()
    status, body = CREATE_SHAPES[shape]
    api.create = lambda: httpx.Response(status, json=body)
    with api.client() as dn:
        run = dn.runs.start(NOTEBOOK_ID)
    assert run.id == RUN_ID
    assert run.status in ("pending", "queued")
    assert repr(run) == f"<RunHandle {RUN_ID} {run.status}>"


def test_a_create_answer_that_cannot_be_read_keeps_the_run_id(
    clock: InstantClock, caplog: pytest.LogCaptureFixture
) -> None:
    api = Api()
    api.create = lambda: httpx.Response(201, json={"runId": RUN_ID, "status": 42})
    with api.client() as dn:
        run = dn.runs.start(NOTEBOOK_ID)
    assert run.id == RUN_ID
    assert any(f"run {RUN_ID} could not be read in full" in r.getMessage() for r in caplog.records)
    assert api.posts() == 1


def test_a_create_answer_without_an_id_is_an_error_keeping_the_body(clock: InstantClock) -> None:
    api = Api()
    api.create = lambda: httpx.Response(201, json={"status": "pending", "note": "what"})
    with api.client() as dn, pytest.raises(ResponseParseError) as failed:
        dn.runs.start(NOTEBOOK_ID)
    assert failed.value.body == {"status": "pending", "note": "what"}
    assert api.posts() == 1, "never sent again"


GET_SHAPES: dict[str, dict[str, Any]] = {
    "bare run, blocks": {"runId": RUN_ID, "status": "success", "snapshotBlocks": BLOCKS},
    "id, blocks": {"run": {"id": RUN_ID, "status": "success", "snapshotBlocks": BLOCKS}},
    "error object": {
        "run": {"runId": RUN_ID, "status": "success", "error": {"message": "none"}, "snapshotBlocks": BLOCKS}
    },
}


@pytest.mark.parametrize("shape", GET_SHAPES)
def test_get_run_in_any_shape_gives_the_same_result(shape: str, clock: InstantClock) -> None:
    api = Api()
    api.runs = [GET_SHAPES[shape]]
    with api.client() as dn:
        result = dn.runs.attach(RUN_ID).wait(outputs=True)
    assert result.status == "success"
    assert [b.block_id for b in result.blocks] == [b["id"] for b in BLOCKS]


def snapshot_document(blocks: list[dict[str, Any]]) -> str:
    import yaml

    return yaml.safe_dump(
        {"version": "1.0", "project": {"notebooks": [{"id": NOTEBOOK_ID, "blocks": blocks}]}}
    )


@pytest.mark.parametrize("nested", [False, True])
def test_an_inline_snapshot_document_gives_the_same_outputs(nested: bool, clock: InstantClock) -> None:
    api = Api()
    document = snapshot_document(BLOCKS)
    snapshot = {"snapshot": {"snapshotContent": document}} if nested else {"snapshotContent": document}
    api.runs = [api.run("success", **snapshot)]
    with api.client() as dn:
        result = dn.runs.attach(RUN_ID).wait(outputs=True)
    assert [b.block_id for b in result.blocks] == [b["id"] for b in BLOCKS]
    assert result.block("b-text").text == "hello\n"


def test_the_runs_notebook_is_read_from_a_document_of_several(clock: InstantClock) -> None:
    import yaml

    notebooks = [
        {"id": "other", "blocks": [{"id": "x", "type": "code", "outputs": []}]},
        {"id": NOTEBOOK_ID, "blocks": BLOCKS},
    ]
    api = Api()
    api.runs = [api.run("success", snapshotContent=yaml.safe_dump({"project": {"notebooks": notebooks}}))]
    with api.client() as dn:
        result = dn.runs.attach(RUN_ID).wait(outputs=True)
    assert [b.block_id for b in result.blocks] == [b["id"] for b in BLOCKS]


def test_an_inline_document_is_read_rather_than_its_download_url(clock: InstantClock) -> None:
    api = Api()
    closed_port = "http://127.0.0.1:9/snapshot.deepnote"  # never fetched
    api.runs = [
        api.run("success", snapshotContent=snapshot_document(BLOCKS), snapshotDownloadUrl=closed_port)
    ]
    with api.client() as dn:
        result = dn.runs.attach(RUN_ID).wait(outputs=True)
    assert [b.block_id for b in result.blocks] == [b["id"] for b in BLOCKS]


def test_an_empty_inline_document_is_read_from_its_download_url(clock: InstantClock) -> None:
    from http.server import BaseHTTPRequestHandler

    from .helpers import serve_on_loopback

    document = snapshot_document(BLOCKS).encode()

    class Storage(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", str(len(document)))
            self.end_headers()
            self.wfile.write(document)

        def log_message(self, format: str, *args: object) -> None:
            pass

    api = Api()
    with serve_on_loopback(Storage) as storage:
        api.runs = [
            api.run("success", snapshotContent="", snapshotDownloadUrl=f"{storage}/snapshot.deepnote")
        ]
        with Deepnote("tok", base_url="http://127.0.0.1:9/v2", transport=httpx.MockTransport(api)) as dn:
            result = dn.runs.attach(RUN_ID).wait(outputs=True)
    assert [b.block_id for b in result.blocks] == [b["id"] for b in BLOCKS]


def test_a_document_that_does_not_parse_is_a_typed_error_naming_the_run(clock: InstantClock) -> None:
    api = Api()
    api.runs = [api.run("success", snapshotContent="project: [unclosed")]
    with api.client() as dn, pytest.raises(ResponseParseError) as failed:
        dn.runs.attach(RUN_ID).wait(outputs=True)
    error = failed.value
    assert (error.operation, error.status_code, error.method, error.url) == (
        "getRun",
        200,
        "GET",
        f"/runs/{RUN_ID}",
    )
    assert error.reason == "the snapshot document cannot be read: ParserError"


def test_error_bodies_with_error_instead_of_message(clock: InstantClock) -> None:
    api = Api()
    api.runs = []
    with (
        Deepnote(
            "tok",
            base_url="https://api.deepnote.com/v2",
            transport=httpx.MockTransport(lambda r: httpx.Response(404, json={"error": "Run not found"})),
        ) as dn,
        pytest.raises(NotFoundError) as missing,
    ):
        dn.runs.attach(RUN_ID)
    assert missing.value.message == "Run not found"


# ---------------------------------------------------------------------------- outputs as values


def test_outputs_as_values(clock: InstantClock) -> None:
    api = Api()
    with api.client() as dn:
        result = dn.runs.attach(RUN_ID).wait(outputs=True)
    assert result.block("b-json").json == {"totals": {"eu": 7, "items": [1, 2]}}
    frame = result.block("b-df").dataframe
    assert frame == Dataframe(columns=("a",), rows=({"a": 1}, {"a": 2}), row_count=250)
    assert frame.truncated
    assert result.first_dataframe == frame
    assert result.block("b-png").images() == [PNG]
    assert result.block("b-png").images("image/jpeg") == []
    assert result.block("b-agent").text == "# Done", "Markdown preferred"
    assert result.last_json == {"totals": {"eu": 9}}
    assert result.text == "hello\n# Done"
    with pytest.raises(MissingOutputError, match="block b-text has no output of type 'application/json'"):
        _ = result.block("b-text").json


def test_to_pandas_names_the_missing_dependency(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        Dataframe(columns=("a",), rows=({"a": 1},), row_count=1).to_pandas()


# ---------------------------------------------------------------------------- named outputs


class TotalsDict(TypedDict):
    eu: int
    first: int


@attrs.frozen
class TotalsAttrs:
    eu: int
    first: int


@dataclasses.dataclass
class TotalsData:
    eu: int
    first: int


@pytest.mark.parametrize("output_type", [TotalsDict, TotalsAttrs, TotalsData])
def test_named_outputs_and_typed_results(output_type: Any, clock: InstantClock) -> None:
    api = Api()
    bindings = {
        "eu": output.json("b-json", "totals.eu"),
        "first": output.json("b-json", "totals.items.0"),
    }
    with api.client() as dn:
        result = dn.runs.attach(RUN_ID).wait(outputs=bindings, output_type=output_type)
    assert result.values == {"eu": 7, "first": 1}
    assert result.output == output_type(eu=7, first=1)


def test_last_json_derived_and_all_text(clock: InstantClock) -> None:
    api = Api()
    bindings = {
        "latest": output.last_json("totals.eu"),
        "double": output.derived(lambda result: result.values["latest"] * 2),
        "text": output.all_text(),
        "agent": output.text("b-agent"),
    }
    with api.client() as dn:
        values = dn.runs.attach(RUN_ID).wait(outputs=bindings).values
    assert values == {"latest": 9, "double": 18, "text": "hello\n# Done", "agent": "# Done"}


def test_a_binding_without_a_path_is_the_whole_value(clock: InstantClock) -> None:
    api = Api()
    bindings = {"block": output.json("b-json"), "last": output.last_json()}
    with api.client() as dn:
        values = dn.runs.attach(RUN_ID).wait(outputs=bindings).values
    assert values == {"block": {"totals": {"eu": 7, "items": [1, 2]}}, "last": {"totals": {"eu": 9}}}


def _named(result: Any) -> int:
    return 1


def test_each_binding_describes_itself() -> None:
    assert output.text("b-1").describe == "text of block b-1"
    assert output.json("b-1").describe == "json of block b-1"
    assert output.json("b-1", "totals.eu").describe == "json of block b-1 at totals.eu"
    assert output.last_json().describe == "last json of the run"
    assert output.last_json("totals.eu").describe == "last json of the run at totals.eu"
    assert output.all_text().describe == "all text"
    assert output.derived(_named).describe == "derived by _named"
    unnamed = functools.partial(_named)  # a callable without __qualname__: named by its repr
    assert output.derived(unnamed).describe == f"derived by {unnamed!r}"


@pytest.mark.parametrize(
    ("binding", "message"),
    [
        (
            output.text("b-nope"),
            "no block 'b-nope' in the run's outputs (blocks present: b-text, b-json, b-df",
        ),
        (output.json("b-json", "totals.us"), "totals.us: no 'us' (found keys ['eu', 'items'])"),
        (output.json("b-json", "totals.items.5"), "totals.items.5: index 5 of 2 items"),
        (output.json("b-text"), "block b-text has no output of type 'application/json'"),
    ],
)
def test_a_binding_that_cannot_be_read_names_itself_the_run_and_what_was_found(
    binding: output.Binding, message: str, clock: InstantClock
) -> None:
    api = Api()
    with api.client() as dn, pytest.raises(OutputBindingError) as failed:
        dn.runs.attach(RUN_ID).wait(outputs={"total": binding})
    text = str(failed.value)
    assert text.startswith(f"output 'total' ({binding.describe}) of run {RUN_ID}: ")
    assert message in text
    error = failed.value
    assert (error.name, error.binding, error.run_id, error.notebook_id) == (
        "total",
        binding.describe,
        RUN_ID,
        NOTEBOOK_ID,
    )
    assert not getattr(error, "__notes__", None), "the run has ended: no note that it may still be running"


TRICKY = {"name": "abc", "n": 9, "items": [1, 2], "by": {"1": "one"}}


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("name.0", "name.0: no '0' (found str)"),  # a string is not a list of characters
        ("name.x", "name.x: no 'x' (found str)"),
        ("n.0", "n.0: no '0' (found int)"),
        ("items.2", "items.2: index 2 of 2 items"),
        ("items.x", "items.x: no 'x' (found list)"),
        ("X", "X: no 'X' (found keys ['by', 'items', 'n', 'name'])"),
    ],
)
def test_a_path_that_does_not_fit_the_value_names_the_segment(
    path: str, reason: str, clock: InstantClock
) -> None:
    api = Api()
    blocks = [snapshot_block("b", "code", display("application/json", TRICKY))]
    api.runs = [api.run("success", snapshotStatus="available", snapshotBlocks=blocks)]
    with api.client() as dn, pytest.raises(OutputBindingError) as failed:
        dn.runs.attach(RUN_ID).wait(outputs={"v": output.last_json(path)})
    assert str(failed.value) == f"output 'v' (last json of the run at {path}) of run {RUN_ID}: {reason}"


def test_a_digit_key_of_an_object_is_a_key(clock: InstantClock) -> None:
    api = Api()
    blocks = [snapshot_block("b", "code", display("application/json", TRICKY))]
    api.runs = [api.run("success", snapshotStatus="available", snapshotBlocks=blocks)]
    with api.client() as dn:
        assert dn.runs.attach(RUN_ID).wait(outputs={"v": output.json("b", "by.1")}).values == {"v": "one"}


def test_a_block_binding_on_a_run_without_outputs_says_none_are_present(clock: InstantClock) -> None:
    api = Api()
    api.runs = [api.run("success", snapshotStatus="available", snapshotBlocks=[])]
    with api.client() as dn, pytest.raises(OutputBindingError) as failed:
        dn.runs.attach(RUN_ID).wait(outputs={"t": output.text("b-1")})
    assert str(failed.value) == (
        f"output 't' (text of block b-1) of run {RUN_ID}: "
        "no block 'b-1' in the run's outputs (blocks present: none)"
    )


def test_a_derived_binding_that_reads_a_later_value_names_the_key(clock: InstantClock) -> None:
    api = Api()
    early = output.derived(lambda result: result.values["later"])
    with api.client() as dn, pytest.raises(OutputBindingError) as failed:
        dn.runs.attach(RUN_ID).wait(outputs={"early": early, "later": output.all_text()})
    assert str(failed.value) == f"output 'early' ({early.describe}) of run {RUN_ID}: later"


def test_outputs_must_be_bindings(clock: InstantClock) -> None:
    api = Api()
    with (
        api.client() as dn,
        pytest.raises(
            TypeError, match=r"^outputs\['eu'\] must be a binding from deepnote_overlay.output, not 'b-json'$"
        ),
    ):
        dn.runs.attach(RUN_ID).wait(outputs={"eu": "b-json"})  # type: ignore[dict-item]


@pytest.mark.parametrize(
    ("output_type", "name"),
    [
        (TotalsData, "TotalsData"),
        (functools.partial(TotalsData), repr(functools.partial(TotalsData))),  # no __name__: its repr
    ],
)
def test_an_output_type_that_does_not_fit_names_the_type(
    output_type: Any, name: str, clock: InstantClock
) -> None:
    api = Api()
    with api.client() as dn, pytest.raises(OutputBindingError) as failed:
        dn.runs.attach(RUN_ID).wait(outputs={"eu": output.last_json("totals.eu")}, output_type=output_type)
    error = failed.value
    assert (error.name, error.binding, error.run_id, error.notebook_id) == (
        name,
        "output_type",
        RUN_ID,
        NOTEBOOK_ID,
    )
    prefix = f"output {name!r} (output_type) of run {RUN_ID}: cannot build it from the values ['eu']: "
    assert str(error).startswith(prefix) and "'first'" in str(error)


# ---------------------------------------------------------------------------- interruptions


class InterruptingClock(InstantClock):
    def sleep(self, seconds: float) -> None:
        raise KeyboardInterrupt


def test_an_interrupted_wait_names_the_run_it_leaves_running(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(_clock, "CLOCK", InterruptingClock())
    api = Api()
    api.runs = [api.run("running")]
    with api.client() as dn:
        run = dn.runs.start(NOTEBOOK_ID)
        with pytest.raises(KeyboardInterrupt) as interrupted:
            run.wait()
    note = f"run {RUN_ID} ({run.url}) goes on in Deepnote; the wait for it was interrupted"
    assert note in interrupted.value.__notes__
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and RUN_ID in r.getMessage()]
    assert warnings


def test_a_cancelled_async_wait_names_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    api = Api()
    api.runs = [api.run("running")]

    async def main() -> BaseException:
        async with AsyncDeepnote(
            "tok", base_url="https://api.deepnote.com/v2", transport=httpx.MockTransport(api)
        ) as dn:
            run = await dn.runs.start(NOTEBOOK_ID)
            task = asyncio.ensure_future(run.wait(poll_interval=10))
            await asyncio.sleep(0.05)
            task.cancel()
            try:
                await task
            except asyncio.CancelledError as cancelled:
                return cancelled
            raise AssertionError("not cancelled")

    cancelled = asyncio.run(main())
    assert any(RUN_ID in note for note in getattr(cancelled, "__notes__", []))


# ---------------------------------------------------------------------------- token providers


def test_a_token_provider_is_called_for_every_request(clock: InstantClock) -> None:
    tokens = iter(["t1", "t2", "t3"])
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return httpx.Response(200, json={"notebook": {"id": NOTEBOOK_ID}})

    with Deepnote(
        lambda: next(tokens), base_url="https://api.deepnote.com/v2", transport=httpx.MockTransport(handler)
    ) as dn:
        dn.notebooks.get(NOTEBOOK_ID)
        dn.notebooks.get(NOTEBOOK_ID)
        assert "t3" not in repr(dn)
    assert seen == ["Bearer t1", "Bearer t2"]


def test_a_failing_token_provider_is_a_typed_error_without_its_text(clock: InstantClock) -> None:
    def provider() -> str:
        raise RuntimeError("vault said: secret-xyz")

    with (
        Deepnote(
            provider,
            base_url="https://api.deepnote.com/v2",
            transport=httpx.MockTransport(lambda r: httpx.Response(200)),
        ) as dn,
        pytest.raises(MissingTokenError) as failed,
    ):
        dn.notebooks.get(NOTEBOOK_ID)
    assert "secret-xyz" not in str(failed.value)
    assert "RuntimeError" in str(failed.value)


def test_a_uuid_is_accepted_wherever_an_id_is(fake: ServerHandle) -> None:
    import uuid

    notebook = uuid.UUID(hex=fake.notebook_id)
    with Deepnote(fake.token, base_url=fake.base_url) as dn:
        result = dn.run_notebook(notebook, poll_interval=0.05)
        runs = list(dn.notebooks.list_runs(notebook, max_items=1))
        assert dn.notebooks.get(notebook).id == fake.notebook_id
        assert dn.runs.attach(uuid.UUID(result.run_id)).id == result.run_id
    assert result.notebook_id == fake.notebook_id
    assert runs[0].run_id == result.run_id


def test_runs_started_together_look_the_link_up_once(clock: InstantClock) -> None:
    api = Api()

    async def main() -> list[str | None]:
        async with AsyncDeepnote(
            "tok", base_url="https://api.deepnote.com/v2", transport=httpx.MockTransport(api)
        ) as dn:
            runs = await asyncio.gather(*(dn.runs.start(NOTEBOOK_ID) for _ in range(20)))
            results = await asyncio.gather(*(run.wait() for run in runs))
            return [result.url for result in results]

    urls = asyncio.run(main())
    lookups = [r.url.path for r in api.requests if r.url.path in ("/v2/me", f"/v2/notebooks/{NOTEBOOK_ID}")]
    assert sorted(lookups) == ["/v2/me", f"/v2/notebooks/{NOTEBOOK_ID}"], "one of each for 20 runs"
    assert len(set(urls)) == 1 and urls[0] is not None, "every result has the link, read once"


def test_a_failed_link_lookup_is_not_repeated_for_a_minute(clock: InstantClock) -> None:
    api = Api()
    api.me = {"broken": True}
    with api.client() as dn:
        first, second = dn.runs.start(NOTEBOOK_ID), dn.runs.start(NOTEBOOK_ID)
        clock.now += 61
        third = dn.runs.start(NOTEBOOK_ID)
    assert (first.url, second.url, third.url) == (None, None, None)
    assert [r.url.path for r in api.requests].count("/v2/me") == 2, "once, then again after a minute"
