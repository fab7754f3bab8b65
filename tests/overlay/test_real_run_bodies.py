"""Run answers as Deepnote's own clients' tests serve them, read by this client.

Every body here is copied from the tests of one of Deepnote's clients (only the snapshot download
URLs are rewritten to a loopback server, path and query kept); none is made up. The case ids name
the source; the sources are:

- ``cloud``: the TypeScript client, ``packages/cloud/src/cloud-runs.test.ts`` in deepnote/deepnote
  (commit 5ca970d1d254b03e6093b7ad625badd07008dc42), bodies given to ``response(...)``; the line
  is in the id (``cloud:53``). The same reader is bundled in deepnote-cli 0.10.0's binary.
- ``sdk``: deepnote-sdk 0.1.0 (in review), ``packages/pipelines/python/tests/conftest.py`` in
  deepnote/deepnote (commit 7b7033ba9074c5aa9af6ded8226e1a8061b47b8a), the bodies its ``FakeApi``
  answers (``handler`` for ``POST /v2/runs`` and errors, ``_run`` for ``GET /v2/runs/{id}`` in its
  nested, flat, download and late-snapshot modes) and its ``SNAPSHOT_TEMPLATE`` document.
- ``toolkit``: deepnote-toolkit, ``tests/unit/test_notebooks_runners.py`` with
  ``tests/unit/helpers/notebook_api.py`` (``run_response`` is ``{"runId": "run-1", "status": ...,
  **fields}``, sent bare on ``POST`` and under ``run`` on ``GET``) in deepnote/deepnote-toolkit
  (commit 06b9f613f5c37a972f48e14910be5e6506a8f1b0); its 2.9.0 wheel reads the same fields
  (``deepnote_toolkit/notebooks/_schemas.py``).

Each body is served by an ``httpx.MockTransport`` (snapshot downloads by a server on 127.0.0.1):
a ``createRun`` body must give a handle with the run's id, a ``getRun`` body ``attach(...).wait``
with the run's status and, where it carries a snapshot in any delivery, its blocks; an error body
a typed error whose ``message`` is the body's ``message`` or ``error``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from typing import Any, ClassVar

import httpx
import pytest

from deepnote_overlay import (
    APIStatusError,
    AsyncDeepnote,
    AuthenticationError,
    BadRequestError,
    Deepnote,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseParseError,
    ServerError,
)
from tests.conftest import OverlayClock

from .helpers import serve_on_loopback

BASE_URL = "https://api.deepnote.com/v2"
STORAGE = "https://storage.test"  # the sdk's presigned origin, served here from 127.0.0.1

# sdk conftest.py SNAPSHOT_TEMPLATE, as ``snapshot()`` renders it with its default stats.
SDK_SNAPSHOT = """metadata:
  createdAt: '2026-01-01T00:00:00.000Z'
project:
  id: project-1
  name: SDK
  notebooks:
    - id: notebook-1
      name: Main
      blocks:
        - blockGroup: group-1
          content: print(uri)
          id: uri-block
          metadata: {}
          sortingKey: a0
          type: code
          executionCount: 1
          outputs:
            - output_type: stream
              name: stdout
              text: 's3://bucket/data.parquet'
        - blockGroup: group-2
          content: emit stats
          id: stats-block
          metadata: {}
          sortingKey: a1
          type: code
          executionCount: 2
          outputs:
            - output_type: execute_result
              data:
                application/json: {"row_count": 182451, "totals": {"eu": 0.96}, "regions": [{"name": "eu"}]}
              metadata: {}
version: '1.0.0'
"""
SDK_DOWNLOAD_URL = f"{STORAGE}/snapshot?X-Amz-Signature=deadbeef"
SDK_RUN = "run-nb_extract"

# toolkit: run_response(...) under "run", as add_run registers a GET answer.
TOOLKIT_BLOCKS = [{"id": "b", "type": "code", "outputs": [{"output_type": "stream", "text": "done"}]}]


# ---------------------------------------------------------------------------- serving the bodies

Answer = tuple[int, Any]
"""A status and a JSON body (a ``str`` body is sent as plain text)."""


def _response(answer: Answer) -> httpx.Response:
    status, body = answer
    if isinstance(body, str):
        return httpx.Response(status, text=body)
    return httpx.Response(status, json=body)


class Api:
    """Answers ``createRun`` with ``create`` and each ``getRun`` with the next of ``gets`` (the last
    one repeats); ``/me`` and the notebook (the web link's lookups) are 404."""

    def __init__(self, *, create: Answer | None = None, gets: list[Answer] | None = None) -> None:
        self.create = create
        self.gets = list(gets or [])
        self.requests: list[httpx.Request] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if request.method == "POST" and path == "/v2/runs" and self.create is not None:
            return _response(self.create)
        if request.method == "GET" and path.startswith("/v2/runs/") and self.gets:
            answer = self.gets.pop(0) if len(self.gets) > 1 else self.gets[0]
            return _response(answer)
        return httpx.Response(404, json={"message": f"unexpected {request.method} {path}"})

    def count(self, method: str, prefix: str) -> int:
        return sum(1 for r in self.requests if r.method == method and r.url.path.startswith(prefix))


@pytest.fixture
def serve(overlay_clock: OverlayClock) -> Iterator[Callable[[Api], Deepnote]]:
    clients: list[Deepnote] = []

    def make(api: Api) -> Deepnote:
        client = Deepnote(
            "tok", base_url=BASE_URL, transport=httpx.MockTransport(api.handle), retry=overlay_clock.policy()
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


class _Storage(BaseHTTPRequestHandler):
    """The presigned origin: ``/snapshot`` is the sdk's document, anything else a 503."""

    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).seen.append(self.path)
        ok = self.path.startswith("/snapshot")
        body = SDK_SNAPSHOT.encode() if ok else b"unavailable"
        self.send_response(200 if ok else 503)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def storage() -> Iterator[Callable[[Any], Any]]:
    """Rewrites a body's download URLs (the sdk's ``storage.test``, the cloud client's
    ``storage.example.com``) to a loopback server, path and query kept."""
    _Storage.seen.clear()
    with serve_on_loopback(_Storage) as origin:

        def rewrite(body: Any) -> Any:
            text = json.dumps(body)
            for host in (STORAGE, "https://storage.example.com"):
                text = text.replace(host, origin)
            return json.loads(text)

        yield rewrite


# ---------------------------------------------------------------------------- createRun


CREATED = [
    # (status code, body, run id, status)
    pytest.param(
        200,
        {"run": {"id": "run-1", "status": "pending", "notebookId": "nb-1"}},
        "run-1",
        "pending",
        id="cloud:53",
    ),
    pytest.param(200, {"runId": "run-1", "status": "pending"}, "run-1", "pending", id="cloud:70"),
    pytest.param(200, {"runId": "run-2", "status": "running"}, "run-2", "running", id="cloud:131"),
    pytest.param(
        200,
        {
            "runId": SDK_RUN,
            "status": "running",
            "notebookId": "nb_extract",
            "createdAt": "2026-01-01T00:00:00.000Z",
        },
        SDK_RUN,
        "running",
        id="sdk:handler-POST",
    ),
    pytest.param(
        200, {"runId": "run-1", "status": "pending"}, "run-1", "pending", id="toolkit:run_response-pending"
    ),
    pytest.param(
        200,
        {"runId": "run-1", "status": "error", "snapshotStatus": None, "error": "bad input"},
        "run-1",
        "error",
        id="toolkit:snapshotStatus-None",
    ),
    pytest.param(
        200,
        {"runId": "run-1", "status": "error", "snapshotStatus": "unavailable", "error": "bad input"},
        "run-1",
        "error",
        id="toolkit:snapshotStatus-unavailable",
    ),
    pytest.param(
        200,
        {"runId": "run-1", "status": "error", "snapshotStatus": "available", "error": "bad input"},
        "run-1",
        "error",
        id="toolkit:snapshotStatus-available",
    ),
    pytest.param(
        200,
        {"runId": "run-1", "status": "success", "snapshotBlocks": []},
        "run-1",
        "success",
        id="toolkit:snapshotBlocks",
    ),
    pytest.param(
        200, {"runId": "a/b?x", "status": "running"}, "a/b?x", "running", id="toolkit:run-id-quoted"
    ),
    # Bodies the toolkit refuses as malformed; the run they name was created, so its id is kept
    # (a run without a status is taken as pending, and the oddity logged).
    pytest.param(200, {"runId": "r", "status": "future"}, "r", "future", id="toolkit:status-future"),
    pytest.param(
        200,
        {"runId": "r", "status": "success", "snapshotStatus": "future"},
        "r",
        "success",
        id="toolkit:snapshotStatus-future",
    ),
    pytest.param(
        200, {"run": {"runId": "r", "status": "success"}}, "r", "success", id="toolkit:nested-on-POST"
    ),
    pytest.param(200, {"runId": "r"}, "r", "pending", id="toolkit:no-status"),
    pytest.param(200, {"runId": "r", "status": None}, "r", "pending", id="toolkit:status-None"),
    pytest.param(200, {"runId": "r", "status": ""}, "r", "", id="toolkit:status-empty"),
]


@pytest.mark.parametrize(("code", "body", "run_id", "status"), CREATED)
def test_a_create_run_body_gives_a_handle_with_its_run_id(
    serve: Callable[[Api], Deepnote], code: int, body: Any, run_id: str, status: str
) -> None:
    api = Api(create=(code, body))
    run = serve(api).runs.start("nb-1")
    assert run.id == run_id
    assert run.status == status
    assert run.url is None  # the link lookups were 404: the run goes on without a link
    assert api.count("POST", "/v2/runs") == 1


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"status": "pending"}, id="cloud:137"),
        pytest.param({"run": {"id": 5, "status": []}}, id="cloud:144"),
        pytest.param({"status": "success"}, id="toolkit:no-run-id"),
    ],
)
def test_a_create_run_body_without_a_run_id_is_an_error_carrying_the_body(
    serve: Callable[[Api], Deepnote], body: Any
) -> None:
    api = Api(create=(200, body))
    with pytest.raises(ResponseParseError) as caught:
        serve(api).runs.start("nb-1")
    assert caught.value.body == body
    assert api.count("POST", "/v2/runs") == 1


# ---------------------------------------------------------------------------- error bodies


ERRORS = [
    # (method, status code, body, error type, message)
    pytest.param(
        "POST", 404, {"error": "notebook not found"}, NotFoundError, "notebook not found", id="cloud:160"
    ),
    pytest.param("GET", 429, {"error": "slow down"}, RateLimitError, "slow down", id="cloud:218"),
    pytest.param(
        "POST", 403, {"message": "forbidden"}, PermissionDeniedError, "forbidden", id="sdk:fail_with-403"
    ),
    pytest.param(
        "GET", 503, {"message": "unavailable"}, ServerError, "unavailable", id="sdk:poll_failures-503"
    ),
    pytest.param(
        "GET",
        404,
        {"message": "unexpected GET /v2/runs/r"},
        NotFoundError,
        "unexpected GET /v2/runs/r",
        id="sdk:handler-404",
    ),
    pytest.param("GET", 400, {"message": "reason"}, BadRequestError, "reason", id="toolkit:poll-400"),
    pytest.param("GET", 401, {"message": "reason"}, AuthenticationError, "reason", id="toolkit:poll-401"),
    pytest.param("GET", 403, {"message": "reason"}, PermissionDeniedError, "reason", id="toolkit:poll-403"),
    pytest.param("GET", 404, {"message": "reason"}, NotFoundError, "reason", id="toolkit:poll-404"),
    # A plain-text body is not quoted (a proxy's page may echo anything): the type says 401.
    pytest.param("POST", 401, "nope", AuthenticationError, None, id="cloud:153"),
]


@pytest.mark.parametrize(("method", "code", "body", "error_type", "message"), ERRORS)
def test_an_error_body_gives_a_typed_error_with_its_message(
    serve: Callable[[Api], Deepnote],
    method: str,
    code: int,
    body: Any,
    error_type: type[APIStatusError],
    message: str | None,
) -> None:
    api = Api(create=(code, body)) if method == "POST" else Api(gets=[(code, body)])
    dn = serve(api)
    with pytest.raises(error_type) as caught:
        dn.runs.start("nb-1") if method == "POST" else dn.runs.attach("r")
    assert caught.value.status_code == code
    if message is not None:
        assert caught.value.message == message
    else:
        assert "nope" not in str(caught.value)
    assert api.count("POST", "/v2/runs") == (1 if method == "POST" else 0)


# ---------------------------------------------------------------------------- getRun


def _cloud(status: str, **fields: Any) -> Answer:
    return (200, {"run": {"id": "r", "status": status, **fields}})


def _sdk(status: str, **fields: Any) -> Answer:
    return (200, {"runId": SDK_RUN, "status": status, **fields})


def _toolkit(status: str = "success", **fields: Any) -> Answer:
    return (200, {"run": {"runId": "run-1", "status": status, **fields}})


SDK_BLOCKS = {"uri-block": "s3://bucket/data.parquet", "stats-block": {"row_count": 182451}}
"""What the sdk's snapshot holds: the first block's text, the second's JSON (in part)."""

# ``attach`` reads the first answer, the wait polls for the rest. Where the source test starts from a
# run already in hand (the cloud client's ``run()``, the toolkit's create answer), that run's own
# body is the first answer. ``polls`` is how many ``getRun`` requests the whole takes (``None``
# where the last answer repeats until the snapshot wait ends).
POLLED = [
    # (run id, GET answers in order, final status, statuses seen, blocks expected (None: not read), polls)
    pytest.param(
        "run-1",
        [(200, {"run": {"id": "run-1", "status": "success"}})],
        "success",
        [],
        None,
        2,
        id="cloud:170",
    ),
    pytest.param(
        "r",
        [_cloud("pending"), _cloud("running"), _cloud("success")],
        "success",
        ["running", "success"],
        None,
        3,
        id="cloud:180-182",
    ),
    pytest.param(
        "r", [_cloud("queued_somewhere"), _cloud("success")], "success", ["success"], None, 2, id="cloud:202"
    ),
    pytest.param(
        "r",
        [_cloud("running"), (429, {"error": "slow down"}), _cloud("success")],
        "success",
        ["success"],
        None,
        3,
        id="cloud:218-220",
    ),
    pytest.param(
        "r",
        [
            _cloud("success"),
            _cloud("success"),
            _cloud("success", snapshot={"snapshotContent": "version: 1.0.0"}),
        ],
        "success",
        [],
        {},
        3,
        id="cloud:325-327",
    ),
    pytest.param(
        "r",
        [
            _cloud("success", snapshot={"snapshotContent": ""}),
            _cloud("success", snapshot={"snapshotContent": ""}),
            _cloud("success", snapshot={"snapshotContent": "version: 1.0.0"}),
        ],
        "success",
        [],
        {},
        3,
        id="cloud:341-343",
    ),
    pytest.param(
        "r", [_cloud("success", snapshot={"snapshotContent": ""})], "success", [], {}, None, id="cloud:357"
    ),
    pytest.param("r", [_cloud("success")], "success", [], {}, None, id="cloud:369"),
    pytest.param("r", [_cloud("error", error="boom")], "error", [], None, 2, id="cloud:443-string-error"),
    pytest.param(
        "r", [_cloud("error", error={"message": "kaboom"})], "error", [], None, 2, id="cloud:444-object-error"
    ),
    pytest.param(
        "r",
        [_cloud("error", error={"code": 5})],
        "error",
        [],
        None,
        2,
        id="cloud:445-object-error-no-message",
    ),
    pytest.param(
        SDK_RUN,
        [_sdk("running"), _sdk("success", snapshot={"snapshotContent": SDK_SNAPSHOT})],
        "success",
        ["success"],
        SDK_BLOCKS,
        2,
        id="sdk:_run-nested",
    ),
    pytest.param(
        SDK_RUN,
        [_sdk("running"), _sdk("success", snapshot={"downloadUrl": SDK_DOWNLOAD_URL})],
        "success",
        ["success"],
        SDK_BLOCKS,
        2,
        id="sdk:_run-nested-download",
    ),
    pytest.param(
        SDK_RUN,
        [_sdk("running"), _sdk("success", snapshotContent=SDK_SNAPSHOT, snapshotDownloadUrl=None)],
        "success",
        ["success"],
        SDK_BLOCKS,
        2,
        id="sdk:_run-flat",
    ),
    pytest.param(
        SDK_RUN,
        [_sdk("running"), _sdk("success", snapshotContent=None, snapshotDownloadUrl=SDK_DOWNLOAD_URL)],
        "success",
        ["success"],
        SDK_BLOCKS,
        2,
        id="sdk:_run-flat-download",
    ),
    pytest.param(
        SDK_RUN,
        [
            _sdk(
                "error",
                error={"message": "cell 3 raised ValueError"},
                snapshot={"snapshotContent": SDK_SNAPSHOT},
            )
        ],
        "error",
        [],
        SDK_BLOCKS,
        2,
        id="sdk:_run-error-object",
    ),
    pytest.param(
        SDK_RUN,
        [
            _sdk("running"),
            _sdk("success"),
            _sdk("success", snapshot=None),
            _sdk("success", snapshot={"snapshotContent": SDK_SNAPSHOT}),
        ],
        "success",
        ["success"],
        SDK_BLOCKS,
        4,
        id="sdk:_run-late-snapshot",
    ),
    pytest.param(
        "run-1",
        [
            _toolkit("running"),
            _toolkit(snapshotStatus="pending"),
            _toolkit(
                snapshotStatus="available", snapshotBlocks=TOOLKIT_BLOCKS, snapshotContent="must not be used"
            ),
        ],
        "success",
        ["success"],
        {"b": "done"},
        3,
        id="toolkit:run_response-blocks",
    ),
    pytest.param(
        "run-1",
        [_toolkit("running"), (503, ""), _toolkit(snapshotBlocks=[])],
        "success",
        ["success"],
        {},
        3,
        id="toolkit:transient-then-blocks",
    ),
    pytest.param(
        "run-1",
        [
            _toolkit(snapshotStatus="pending"),
            (503, ""),
            _toolkit(snapshotStatus="available", snapshotBlocks=[]),
        ],
        "success",
        [],
        {},
        3,
        id="toolkit:snapshot-poll-503",
    ),
]


@pytest.mark.parametrize(("run_id", "gets", "status", "seen", "blocks", "polls"), POLLED)
def test_a_get_run_body_is_waited_for_and_read(
    serve: Callable[[Api], Deepnote],
    storage: Callable[[Any], Any],
    run_id: str,
    gets: list[Answer],
    status: str,
    seen: list[str],
    blocks: dict[str, Any] | None,
    polls: int | None,
) -> None:
    api = Api(gets=[(code, storage(body)) for code, body in gets])
    run = serve(api).runs.attach(run_id)
    assert run.id == run_id
    statuses: list[str] = []
    result = run.wait(outputs=blocks is not None, on_status=statuses.append, poll_interval=0.5)
    assert (result.run_id, result.status, statuses) == (run_id, status, seen)
    if polls is not None:
        assert api.count("GET", "/v2/runs/") == polls
    if blocks is None:
        return
    assert {block.block_id for block in result.blocks} == set(blocks)
    for block_id, expected in blocks.items():
        block = result.block(block_id)
        if isinstance(expected, str):
            assert block.text == expected
        else:
            assert {key: block.json[key] for key in expected} == expected


def test_a_run_error_in_any_shape_is_read_as_its_message(serve: Callable[[Api], Deepnote]) -> None:
    answers = {
        "boom": _cloud("error", error="boom"),  # cloud:443
        "kaboom": _cloud("error", error={"message": "kaboom"}),  # cloud:444
        "cell 3 raised ValueError": _sdk("error", error={"message": "cell 3 raised ValueError"}),  # sdk
        "bad input": _toolkit("error", snapshotStatus="unavailable", error="bad input"),  # toolkit
    }
    for message, answer in answers.items():
        result = serve(Api(gets=[answer])).runs.attach("r").wait()
        assert (result.run.error, result.failure and result.failure.message) == (message, message)
    result = serve(Api(gets=[_cloud("error", error={"code": 5})])).runs.attach("r").wait()  # cloud:445
    assert result.run.error == '{"code": 5}'  # the object as JSON text, as the cloud client shows it


def test_a_second_poll_is_made_while_the_snapshot_content_is_empty(serve: Callable[[Api], Deepnote]) -> None:
    # cloud:338-353: a terminal run's empty ``snapshotContent`` is a snapshot not yet attached.
    api = Api(
        gets=[
            _cloud("success", snapshot={"snapshotContent": ""}),
            _cloud("success", snapshot={"snapshotContent": ""}),
            _cloud("success", snapshot={"snapshotContent": SDK_SNAPSHOT}),
        ]
    )
    result = serve(api).runs.attach("r").wait(outputs=True)
    assert result.block("uri-block").text == "s3://bucket/data.parquet"


def test_a_snapshot_download_that_fails_is_a_typed_error_without_the_signature(
    serve: Callable[[Api], Deepnote], storage: Callable[[Any], Any]
) -> None:
    # cloud:405-421: the storage answers 503; the failure is raised, not taken for "no outputs".
    body = storage(
        {
            "run": {
                "id": "r",
                "status": "success",
                "snapshot": {
                    "downloadUrl": "https://storage.example.com/snapshot-x?X-Amz-Signature=deadbeef"
                },
            }
        }
    )
    body["run"]["snapshot"]["downloadUrl"] = body["run"]["snapshot"]["downloadUrl"].replace(
        "/snapshot-x", "/missing"
    )
    with pytest.raises(APIStatusError) as caught:
        serve(Api(gets=[(200, body)])).runs.attach("r").wait(outputs=True)
    assert caught.value.status_code == 503
    assert caught.value.run_id == "r"
    assert "deadbeef" not in str(caught.value)
    assert _Storage.seen == ["/missing?X-Amz-Signature=deadbeef"]


async def test_the_async_client_reads_the_same_bodies(
    overlay_clock: OverlayClock, storage: Callable[[Any], Any]
) -> None:
    # cloud:53 to start, then the sdk's flat download (the async download path).
    api = Api(
        create=(200, {"run": {"id": "run-1", "status": "pending", "notebookId": "nb-1"}}),
        gets=[
            (200, storage({"runId": "run-1", "status": "running"})),
            (
                200,
                storage(
                    {
                        "runId": "run-1",
                        "status": "success",
                        "snapshotContent": None,
                        "snapshotDownloadUrl": SDK_DOWNLOAD_URL,
                    }
                ),
            ),
        ],
    )
    transport = httpx.MockTransport(api.handle)
    async with AsyncDeepnote(
        "tok", base_url=BASE_URL, transport=transport, retry=overlay_clock.policy()
    ) as dn:
        run = await dn.runs.start("nb-1")
        assert (run.id, run.status) == ("run-1", "pending")
        result = await run.wait(outputs=True, poll_interval=0.5)
    assert result.block("uri-block").text == "s3://bucket/data.parquet"
    assert api.count("GET", "/v2/runs/") == 2
