"""Item 9: waiting for a finished run and reading its outputs, against raw httpx.

A ``getRun`` answer with ``snapshotBlocks`` for 500 executed blocks (each a stream and a
``display_data`` with ``text/plain`` and ``application/json``; about 150 KB) is served by an
``httpx.MockTransport`` (unread, streamed, as the network transport hands answers over). In the
same process, interleaved round by round:

- raw httpx: ``httpx.Client.get(url).json()`` (the least any client must do: one GET, decoded);
- overlay: ``handle.wait(outputs=True)`` on a handle from ``dn.runs.attach``: one ``getRun``, the
  run parsed by the generated model, each block's outputs read into ``BlockOutputs``, retries and
  the rate limiter on (the default client);
- overlay with named outputs: the same plus ``outputs={"total": output.last_json("total")}``.

Each observation is the mean over a batch of calls sized to take ~40 ms; the table shows
milliseconds per call and the ratio to raw httpx.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import httpx

from bench.report import Section
from bench.stats import interleaved

__all__ = ["run"]

BASE_URL = "https://api.deepnote.invalid/v2"
RUN_ID = "5b0a1f0e-0000-4000-8000-000000000009"
NOTEBOOK_ID = "nb-bench"
BLOCKS = 500


def snapshot_body(blocks: int = BLOCKS) -> bytes:
    snapshot = [
        {
            "id": f"block-{index}",
            "type": "code",
            "outputs": [
                {"output_type": "stream", "name": "stdout", "text": f"row {index} done\n"},
                {
                    "output_type": "display_data",
                    "data": {"text/plain": f"{{'total': {index}}}", "application/json": {"total": index}},
                    "metadata": {},
                },
            ],
        }
        for index in range(blocks)
    ]
    run = {
        "runId": RUN_ID,
        "notebookId": NOTEBOOK_ID,
        "status": "success",
        "createdAt": "2026-12-07T10:00:00Z",
        "snapshotStatus": "available",
        "snapshotBlocks": snapshot,
    }
    return json.dumps({"run": run}).encode()


def transport(body: bytes) -> httpx.MockTransport:
    headers = {"content-type": "application/json", "content-length": str(len(body))}
    notebook = json.dumps({"notebook": {"id": NOTEBOOK_ID, "projectId": "p"}}).encode()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith(f"/runs/{RUN_ID}"):
            return httpx.Response(200, stream=httpx.ByteStream(body), headers=headers)
        if request.url.path.endswith("/me"):
            me = {"apiKey": {}, "user": {}, "workspace": {"id": "w"}, "accessLevel": "edit"}
            return httpx.Response(200, json=me)
        return httpx.Response(200, content=notebook, headers={"content-type": "application/json"})

    return httpx.MockTransport(handler)


def _batch(call: Callable[[], Any], seconds: float) -> Callable[[], float]:
    """A measure: the mean seconds per call over a batch sized to take about ``seconds``."""
    start = time.perf_counter()
    call()
    size = max(1, int(seconds / max(time.perf_counter() - start, 1e-6)))

    def measure() -> float:
        begin = time.perf_counter()
        for _ in range(size):
            call()
        return (time.perf_counter() - begin) / size

    return measure


def run(rounds: int = 15, batch_seconds: float = 0.04) -> Section:
    from deepnote_overlay import Deepnote, output

    body = snapshot_body()
    section = Section(9, "Waiting for a finished run with outputs (500 blocks)")
    raw = httpx.Client(base_url=BASE_URL, transport=transport(body))
    dn = Deepnote("bench-token", base_url=BASE_URL, transport=transport(body))
    handle = dn.runs.attach(RUN_ID)
    bindings = {"total": output.last_json("total")}
    assert handle.wait(outputs=True).blocks[-1].json == {"total": BLOCKS - 1}
    measures = {
        "raw": _batch(
            lambda: raw.get(f"/runs/{RUN_ID}", params={"snapshotDelivery": "blocks"}).json(), batch_seconds
        ),
        "wait": _batch(lambda: handle.wait(outputs=True), batch_seconds),
        "named": _batch(lambda: handle.wait(outputs=bindings), batch_seconds),
    }
    values = interleaved(measures, rounds)
    ms = {name: [v * 1000 for v in observed] for name, observed in values.items()}
    section.add("raw httpx .get().json()", "ms/call", ms["raw"])
    section.add(
        "run.wait(outputs=True)", "ms/call", ms["wait"], baseline=ms["raw"], baseline_label="raw httpx"
    )
    section.add(
        "run.wait(outputs={...named})", "ms/call", ms["named"], baseline=ms["raw"], baseline_label="raw httpx"
    )
    section.notes.append(f"answer: {len(body) / 1024:.0f} KiB, {BLOCKS} blocks with 2 outputs each")
    raw.close()
    dn.close()
    return section
