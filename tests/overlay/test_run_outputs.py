"""Outputs, failure reasons and waiting through outages, over loopback against the fake.

The fake runs on a ``FakeClock``; sleeping (the poll loop's, through ``overlay_clock``, and the retry
transport's) advances it, so a run, its late snapshot and minutes of outage take milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler
from typing import Any, ClassVar

import httpx
import pytest

from deepnote_fake import SEED_BLOCK_IDS, SEED_NOTEBOOK_ID, SEED_PROJECT_ID, Block, FakeClock, ServerHandle
from deepnote_overlay import (
    APIConnectionError,
    AsyncDeepnote,
    Deepnote,
    NotFoundError,
    ResponseTooLargeError,
    RunFailedError,
    RunResult,
    RunTimeoutError,
)
from deepnote_overlay.lowlevel import connect
from deepnote_overlay.outputs import parse_snapshot_blocks
from deepnote_overlay.runs import _document_blocks, adownload_snapshot, download_snapshot
from tests.conftest import OverlayClock

from .helpers import MOCK_BASE_URL, MOCK_TOKEN, RUN_ID, assert_no_secret, serve_on_loopback

RUNS_PATH = re.compile(r"^/runs/[^/]+$")


@pytest.fixture
def dn(fake_server: ServerHandle, overlay_clock: OverlayClock) -> Iterator[Deepnote]:
    """A client of the fake whose retries, like its polls, wait on the fake's clock."""
    with Deepnote(fake_server.token, base_url=fake_server.base_url, retry=overlay_clock.policy()) as client:
        yield client


@pytest.fixture
async def adn(fake_server: ServerHandle, overlay_clock: OverlayClock) -> AsyncIterator[AsyncDeepnote]:
    """The async ``dn``."""
    retry = overlay_clock.policy()
    async with AsyncDeepnote(fake_server.token, base_url=fake_server.base_url, retry=retry) as client:
        yield client


def notebook(server: ServerHandle, *sources: str) -> str:
    """A notebook with an input ``region`` (default ``EU``) and one code block per source."""
    from deepnote_fake import NotebookInput

    blocks = [Block("blk-region", "input-text", "", NotebookInput("region", "EU"))]
    blocks += [Block(f"blk-{i}", "code", source) for i, source in enumerate(sources)]
    return server.state.add_notebook(SEED_PROJECT_ID, f"nb-{len(server.state.notebooks)}", blocks=blocks).id


def run_gets(server: ServerHandle) -> list[Any]:
    return [r for r in server.state.requests if r.operation_id == "getRun"]


# ---------------------------------------------------------------------------- outputs


def test_run_notebook_returns_the_outputs_per_block(
    fake_server: ServerHandle, dn: Deepnote, overlay_clock: OverlayClock, fake_clock: FakeClock
) -> None:
    notebook_id = notebook(
        fake_server, "print('region is', region)\ndisplay(region)", "x = 1\n42", "# nothing to show"
    )
    fake_server.state.snapshot_seconds = 3.0  # the run ends at 1.3 s, its snapshot arrives at 4.3 s

    result = dn.run_notebook(notebook_id, inputs={"region": "US"}, outputs=True)

    assert isinstance(result, RunResult)
    assert result.succeeded and result.failure is None and result.snapshot_status == "available"
    assert [b.block_id for b in result.blocks] == ["blk-region", "blk-0", "blk-1", "blk-2"]
    assert [b.block_type for b in result.blocks] == ["input-text", "code", "code", "code"]
    first = result.block("blk-0")
    assert [o.output_type for o in first.outputs] == ["stream", "display_data"]
    assert first.outputs[0].name == "stdout" and first.outputs[0].text == "region is US\n"
    assert first.data("text/html") == "<pre>US</pre>"
    assert first.text == "region is US\n'US'"
    assert result.block("blk-1").outputs[0].output_type == "execute_result"
    assert result.block("blk-1").text == "42"
    assert result.block("blk-2").outputs == ()
    # The run turned terminal before its snapshot arrived: the wait went on until it did.
    polls = run_gets(fake_server)
    assert all("snapshotDelivery=blocks" in r.query for r in polls)
    assert overlay_clock.pauses == [1.0, 1.5, 1.0, 1.5]  # polls at 0, 1, 2.5 (terminal), 3.5, 5
    with pytest.raises(KeyError, match="blk-9"):
        result.block("blk-9")


def test_the_outputs_of_an_existing_run(
    fake_server: ServerHandle, dn: Deepnote, overlay_clock: OverlayClock, fake_clock: FakeClock
) -> None:
    started = dn.runs.start(SEED_NOTEBOOK_ID, inputs={"region": "US"})
    fake_clock.advance(60)  # long finished, snapshot attached

    result = dn.runs.attach(started.id).wait(outputs=True)

    assert result.run_id == started.id and result.notebook_id == SEED_NOTEBOOK_ID
    assert result.block(SEED_BLOCK_IDS["code"]).text == "hello US\n"
    # attach's one look at the run, then one poll (asking for the outputs): no pause
    assert overlay_clock.pauses == [] and len(run_gets(fake_server)) == 2


async def test_async_outputs(adn: AsyncDeepnote, overlay_clock: OverlayClock) -> None:
    result = await adn.run_notebook(SEED_NOTEBOOK_ID, outputs=True)
    assert result.block(SEED_BLOCK_IDS["code"]).text == "hello EU\n"
    again = await (await adn.runs.attach(result.run_id)).wait(outputs=True)
    assert again.blocks == result.blocks
    assert overlay_clock.blocking == 0, "the async client paused with a blocking sleep"


def test_a_snapshot_that_never_arrives_is_waited_for_a_bounded_time(
    fake_server: ServerHandle, dn: Deepnote, overlay_clock: OverlayClock, fake_clock: FakeClock
) -> None:
    fake_server.state.snapshot_seconds = 10_000
    result = dn.run_notebook(SEED_NOTEBOOK_ID, outputs=True, snapshot_timeout=20)
    assert result.succeeded and result.snapshot_status == "pending" and result.blocks == ()
    assert sum(overlay_clock.pauses[2:]) == pytest.approx(20)


def test_outputs_above_the_caps_come_back_as_notices(
    fake_server: ServerHandle, dn: Deepnote, overlay_clock: OverlayClock, fake_clock: FakeClock
) -> None:
    big = "print('x' * 600000)"  # above 512 KiB on its own
    half_mib = "print('y' * 500000)"  # ten of these pass 5 MiB in total
    notebook_id = notebook(fake_server, "print('small')", big, *[half_mib] * 11)

    result = dn.run_notebook(notebook_id, outputs=True)

    assert result.block("blk-0").text == "small\n" and result.block("blk-0").notice is None
    assert "512 KiB" in (result.block("blk-1").notice or "")
    assert result.block("blk-1").outputs[0].is_notice and result.block("blk-1").text == ""
    assert [result.block(f"blk-{i}").notice for i in range(2, 12)] == [None] * 10
    assert "5 MiB" in (result.block("blk-12").notice or "")
    assert len(result.notices) == 2


def test_outputs_replaced_by_a_notice_of_any_shape_do_not_crash() -> None:
    blocks = parse_snapshot_blocks(
        [
            {"id": "a", "type": "code", "outputs": "Outputs too large to return"},
            {"id": "b", "type": "code", "outputs": [{"message": "omitted"}, "also omitted"]},
            {"id": "c", "outputs": [{"output_type": "stream", "name": "stdout", "text": ["a", "b\n"]}]},
        ]
    )
    assert blocks[0].notice == "Outputs too large to return"
    assert blocks[1].notice == "omitted\nalso omitted"
    assert blocks[2].text == "ab\n" and blocks[2].block_type is None


def test_a_snapshot_block_without_an_id_is_a_typed_error_naming_it() -> None:
    from deepnote_overlay import ResponseParseError

    with pytest.raises(ResponseParseError) as caught:
        parse_snapshot_blocks([{"id": "a"}, {"type": "code"}])
    assert caught.value.field == "snapshotBlocks[1].id"


def test_the_whole_get_run_answer_survives_a_notice_in_place_of_outputs() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        run = {
            "runId": RUN_ID,
            "notebookId": "nb",
            "status": "success",
            "snapshotStatus": "available",
            "snapshotBlocks": [{"id": "a", "type": "code", "outputs": "too large"}],
        }
        return httpx.Response(200, json={"run": run})

    with Deepnote(
        MOCK_TOKEN, base_url=MOCK_BASE_URL, transport=httpx.MockTransport(handler), retry=None
    ) as dn:
        result = dn.runs.attach(RUN_ID).wait(outputs=True)
    assert result.block("a").notice == "too large"


# ---------------------------------------------------------------------------- failure reasons


def test_a_failed_run_says_which_block_failed_and_why(
    fake_server: ServerHandle, dn: Deepnote, overlay_clock: OverlayClock, fake_clock: FakeClock
) -> None:
    notebook_id = notebook(
        fake_server, "print('start')", "raise ValueError('no data for ' + region)", "print(1)"
    )
    # The fake's source reading is small: build the message from the input by hand.
    fake_server.state.notebooks[notebook_id].blocks[2].content = "raise ValueError('no data for EU')"

    result = dn.run_notebook(notebook_id, outputs=True)

    assert result.status == "error" and result.run.error is None  # the API's own field says nothing
    failure = result.failure
    assert failure is not None
    assert (failure.block_id, failure.ename, failure.evalue) == ("blk-1", "ValueError", "no data for EU")
    assert failure.traceback[-1] == "ValueError: no data for EU"
    assert result.block("blk-2").outputs == ()  # never ran

    with pytest.raises(RunFailedError) as caught:
        dn.run_notebook(notebook_id, raise_on_failure=True)
    error = caught.value
    assert (error.block_id, error.ename, error.evalue, error.status) == (
        "blk-1",
        "ValueError",
        "no data for EU",
        "error",
    )
    assert error.notebook_id == notebook_id and error.run_id == str(error.run.run_id)
    assert (
        f"notebook {notebook_id} ended with status error in block blk-1: ValueError: no data for EU"
        in str(error)
    )
    assert_no_secret(error, fake_server.token)


def test_an_input_that_makes_the_code_raise_fails_the_run(
    fake_server: ServerHandle, dn: Deepnote, overlay_clock: OverlayClock, fake_clock: FakeClock
) -> None:
    notebook_id = notebook(fake_server, "print(regoin)")
    with pytest.raises(RunFailedError) as caught:
        dn.run_notebook(notebook_id, raise_on_failure=True)
    assert (caught.value.ename, caught.value.evalue) == ("NameError", "name 'regoin' is not defined")


@pytest.mark.parametrize(
    ("outcome", "block_id", "ename"),
    [
        ("error", SEED_BLOCK_IDS["code"], "RuntimeError"),
        ("internal_error", None, None),
        ("stopped", None, None),
    ],
)
def test_every_failed_status_is_raised_when_asked(
    outcome: str,
    block_id: str | None,
    ename: str | None,
    fake_server: ServerHandle,
    dn: Deepnote,
) -> None:
    fake_server.state.run_outcome = outcome  # type: ignore[assignment]
    with pytest.raises(RunFailedError) as caught:
        dn.run_notebook(SEED_NOTEBOOK_ID, raise_on_failure=True)
    assert (caught.value.status, caught.value.block_id, caught.value.ename) == (outcome, block_id, ename)
    # Without raise_on_failure the failed run is returned, with the same reason.
    result = dn.run_notebook(SEED_NOTEBOOK_ID, outputs=True)
    assert result.failure == caught.value.failure


# ---------------------------------------------------------------------------- waiting through outages


def test_polling_goes_on_through_an_outage(
    fake_server: ServerHandle, dn: Deepnote, overlay_clock: OverlayClock, fake_clock: FakeClock
) -> None:
    faults = fake_server.state.faults
    faults.inject("503", times=8, method="GET", path=RUNS_PATH)
    faults.inject("drop", times=3, method="GET", path=RUNS_PATH)
    faults.inject("429", times=2, method="GET", path=RUNS_PATH, retry_after=7)

    result = dn.run_notebook(SEED_NOTEBOOK_ID, outputs=True)

    assert result.succeeded and result.block(SEED_BLOCK_IDS["code"]).text == "hello EU\n"
    assert faults.pending == 0
    assert len(fake_server.state.runs) == 1
    assert len([r for r in fake_server.state.requests if r.method == "POST"]) == 1
    assert 7 in overlay_clock.pauses  # the server's Retry-After was honoured


def test_an_outage_past_the_deadline_raises_a_timeout_carrying_the_run(
    fake_server: ServerHandle, dn: Deepnote, overlay_clock: OverlayClock, fake_clock: FakeClock
) -> None:
    fake_server.state.faults.inject("503", times=10_000, method="GET", path=RUNS_PATH)

    with pytest.raises(RunTimeoutError) as caught:
        dn.run_notebook(SEED_NOTEBOOK_ID, timeout=120)

    error = caught.value
    [run_id] = list(fake_server.state.runs)
    assert (error.run_id, error.notebook_id, error.run) == (run_id, SEED_NOTEBOOK_ID, None)
    assert "never answered" in str(error)
    assert type(error.__cause__).__name__ == "ServerError"
    assert error.__cause__.run_id == run_id  # type: ignore[union-attr]
    # Each poll is retried by the transport (0.5, 1, 2 s); between polls the wait doubles up to 10 s.
    assert overlay_clock.pauses[:4] == [0.5, 1.0, 2.0, 1.0]
    assert overlay_clock.pauses[3::4][:6] == [1.0, 2.0, 4.0, 8.0, 10.0, 10.0]
    assert fake_clock.now() - 1000.0 <= 120 + 3.5  # the deadline, plus the last poll's own retries


def test_a_non_transient_error_while_polling_is_raised_at_once_with_the_run(
    fake_server: ServerHandle, dn: Deepnote, overlay_clock: OverlayClock, fake_clock: FakeClock
) -> None:
    run = dn.runs.start(SEED_NOTEBOOK_ID)
    fake_server.state.faults.inject("drop", times=1, method="GET", path=RUNS_PATH)
    del fake_server.state.runs[run.id]  # gone: 404

    with pytest.raises(NotFoundError) as caught:
        run.wait()

    assert caught.value.run_id == run.id
    assert any(run.id in note for note in caught.value.__notes__)


def test_errors_before_a_run_exists_carry_no_run(dn: Deepnote) -> None:
    from deepnote_overlay import BadRequestError

    with pytest.raises(BadRequestError) as caught:
        dn.run_notebook("no-such-notebook")
    assert caught.value.run_id is None and caught.value.notebook_id is None


# ---------------------------------------------------------------------------- snapshot documents


class _Recorder(BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:
        type(self).seen.append(dict(self.headers))
        body = b"version: '1.0'\n"
        self.send_response(404 if self.path.startswith("/missing") else 200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def presigned_origin() -> Iterator[str]:
    with serve_on_loopback(_Recorder) as origin:
        yield origin


def test_a_snapshot_url_is_fetched_without_the_token(presigned_origin: str) -> None:
    _Recorder.seen.clear()
    client = connect(MOCK_TOKEN, base_url="https://api.test/v2")
    document = download_snapshot(client, f"{presigned_origin}/snapshots/r1?X-Signature=abc")
    assert document == "version: '1.0'\n"
    [headers] = _Recorder.seen
    assert "authorization" not in {name.lower() for name in headers}


async def test_a_snapshot_larger_than_max_response_bytes_is_refused_without_its_signature(
    presigned_origin: str,
) -> None:
    client = connect(MOCK_TOKEN, base_url="https://api.test/v2", max_response_bytes=8)
    url = f"{presigned_origin}/snapshots/r1?X-Signature=abc"
    with pytest.raises(ResponseTooLargeError) as caught:
        download_snapshot(client, url)
    assert caught.value.limit == 8 and "X-Signature" not in str(caught.value)
    with pytest.raises(ResponseTooLargeError) as caught:
        await adownload_snapshot(client, url)
    assert caught.value.__cause__ is None and "X-Signature" not in repr(caught.value)
    roomy = connect(MOCK_TOKEN, base_url="https://api.test/v2", max_response_bytes=1024)
    assert await adownload_snapshot(roomy, url) == "version: '1.0'\n"


def test_the_fakes_snapshot_url_downloads(
    fake_server: ServerHandle, dn: Deepnote, overlay_clock: OverlayClock, fake_clock: FakeClock
) -> None:
    run = dn.run_notebook(SEED_NOTEBOOK_ID)
    fake_clock.advance(5)

    url = dn.runs.get(run.run_id).snapshot_download_url
    assert isinstance(url, str)
    document = download_snapshot(dn.client, url)  # the .snapshot.deepnote text; it names no run id
    assert SEED_NOTEBOOK_ID in document and "hello EU" in document
    with pytest.raises(NotFoundError) as caught:
        download_snapshot(dn.client, url.replace("sig=", "sig=0"))
    assert "sig" not in str(caught.value)  # the signature stays out of messages
    assert (caught.value.method, caught.value.url) == ("GET", url.split("?", 1)[0])


def test_an_unreachable_snapshot_url_is_a_connection_error() -> None:
    client = connect(MOCK_TOKEN, base_url="https://api.test/v2", timeout=2)
    with pytest.raises(APIConnectionError):
        download_snapshot(client, "http://127.0.0.1:9/snapshot?sig=secret")


async def test_snapshot_download_errors_name_the_request_without_its_signature(presigned_origin: str) -> None:
    client = connect(MOCK_TOKEN, base_url="https://api.test/v2", max_response_bytes=8)
    url = f"{presigned_origin}/snapshots/r1?X-Signature=abc"
    for download in (download_snapshot, adownload_snapshot):
        with pytest.raises(ResponseTooLargeError) as too_large:
            result = download(client, url)
            if not isinstance(result, str):
                await result
        error = too_large.value
        assert (error.status_code, error.method, error.url, error.limit) == (
            200,
            "GET",
            f"{presigned_origin}/snapshots/r1",
            8,
        )
    unreachable = "http://127.0.0.1:9/snapshot?sig=secret"
    roomy = connect(MOCK_TOKEN, base_url="https://api.test/v2", timeout=2)
    for download in (download_snapshot, adownload_snapshot):
        with pytest.raises(APIConnectionError) as failed:
            result = download(roomy, unreachable)
            if not isinstance(result, str):
                await result
        assert (failed.value.method, failed.value.url, failed.value.reason) == (
            "GET",
            "http://127.0.0.1:9/snapshot",
            "ConnectError",
        )
        assert isinstance(failed.value.__cause__, httpx.ConnectError)


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_snapshot_is_streamed_with_the_clients_timeout_and_tls_verification(
    mode: str, presigned_origin: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Any] = []

    class Sync(httpx.HTTPTransport):
        def __init__(self, **options: Any) -> None:
            seen.append(options)
            super().__init__(**options)

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            seen.append(request.extensions["timeout"])
            return super().handle_request(request)

    class Async(httpx.AsyncHTTPTransport):
        def __init__(self, **options: Any) -> None:
            seen.append(options)
            super().__init__(**options)

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            seen.append(request.extensions["timeout"])
            return await super().handle_async_request(request)

    client = connect(MOCK_TOKEN, base_url="https://api.test/v2", timeout=7, verify=False)
    monkeypatch.setattr(httpx, "HTTPTransport", Sync)
    monkeypatch.setattr(httpx, "AsyncHTTPTransport", Async)
    url = f"{presigned_origin}/snapshots/r1?X-Signature=abc"
    if mode == "sync":
        document = download_snapshot(client, url)
    else:
        document = await adownload_snapshot(client, url)
    assert document == "version: '1.0'\n"
    # On a transport of its own (no httpx client: no log line), with the client's settings.
    assert seen == [{"verify": False}, httpx.Timeout(7).as_dict()]


async def test_an_async_snapshot_refusal_names_the_url_without_its_signature(presigned_origin: str) -> None:
    client = connect(MOCK_TOKEN, base_url="https://api.test/v2")
    with pytest.raises(NotFoundError) as caught:
        await adownload_snapshot(client, f"{presigned_origin}/missing?X-Signature=abc")
    assert (caught.value.method, caught.value.url) == ("GET", f"{presigned_origin}/missing")


RAN = {"id": "b1", "type": "code", "outputs": []}
DOCUMENTS = {
    "the run's notebook, not the first": (
        (
            "project:\n  notebooks:\n"
            "  - {id: other, blocks: [{id: x, type: code, outputs: []}]}\n"
            "  - {id: nb, blocks: [{id: b1, type: code, outputs: []}]}\n"
        ),
        [RAN],
    ),
    "the first notebook when none is the run's": (
        "project:\n  notebooks:\n  - {id: one, blocks: [{id: b1, type: code, outputs: []}]}\n  - {id: two}\n",
        [RAN],
    ),
    "only executed blocks": (
        (
            "project:\n  notebooks:\n  - id: nb\n    blocks: [text, {id: b0, type: markdown}, "
            "{id: b1, type: code, outputs: []}]\n"
        ),
        [RAN],
    ),
    "not a mapping": ("- a list\n", []),
    "no project": ("version: 1\n", []),
    "no notebooks": ("project: {}\n", []),
    "no notebook": ("project: {notebooks: []}\n", []),
    "a notebook that is not a mapping": ("project: {notebooks: [text]}\n", []),
    "a notebook without blocks": ("project: {notebooks: [{id: nb}]}\n", []),
}


@pytest.mark.parametrize("case", DOCUMENTS)
def test_a_snapshot_documents_blocks_are_the_executed_blocks_of_the_runs_notebook(case: str) -> None:
    document, blocks = DOCUMENTS[case]
    assert _document_blocks(document, "nb") == blocks
