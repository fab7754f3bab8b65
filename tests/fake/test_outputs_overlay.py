"""What users test with the fake, done with this project's client: every output kind, read from
every snapshot delivery and every older run shape, comes back the same in ``RunResult``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from deepnote_fake import SEED_PROJECT_ID, FakeDeepnote, ServerHandle, running_server
from deepnote_fake.outputs import PNG_BYTES
from deepnote_fake.seed import every_output_blocks
from deepnote_overlay import Deepnote

SHAPES = [
    "spec",
    "deliver-inline",
    "deliver-download-url",
    "bare,id,error-object,status-200,snapshot-nested,deliver-inline",
    "post-nested,error-object-error,status-201,error-body,snapshot-nested,deliver-download-url",
]


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[ServerHandle, str]]:
    # run_notebook waits on the real clock, so the fake's runs are short.
    fake = FakeDeepnote(pending_seconds=0.02, running_seconds=0.02, snapshot_seconds=0.0)
    notebook = fake.add_notebook(SEED_PROJECT_ID, "Every output", blocks=every_output_blocks())
    with running_server(fake) as server:
        yield server, notebook.id


@pytest.mark.parametrize("shape", SHAPES)
def test_every_output_kind_in_every_shape(served: tuple[ServerHandle, str], shape: str) -> None:
    server, notebook_id = served
    server.state.run_shape = shape
    with Deepnote(token=server.token, base_url=server.base_url) as dn:
        result = dn.run_notebook(notebook_id, outputs=True, poll_interval=0.01, timeout=30)
    assert (result.status, result.run_id in server.state.runs) == ("error", True)
    blocks = {block.block_id: block for block in result.blocks}
    assert list(blocks) == [block.id for block in every_output_blocks()]
    assert blocks["blk-every-stream"].text == "hello 42\n"
    assert blocks["blk-every-result"].text == "42"
    assert blocks["blk-every-html"].data("text/html") == "<b>bold</b>"
    assert blocks["blk-every-json"].json == {"totals": {"eu": 12, "us": 30}, "rows": [1, 2]}
    frame = blocks["blk-every-dataframe"].dataframe
    assert (frame.columns, frame.row_count, len(frame.rows), frame.truncated) == (("a", "b"), 250, 10, True)
    assert frame.rows[3] == {"a": 3, "b": 6}
    assert blocks["blk-every-png"].images() == [PNG_BYTES]
    assert blocks["blk-every-agent"].text == "## Summary\nRevenue grew in **EU**."
    error = blocks["blk-every-error"].error
    assert error is not None and (error.ename, error.evalue) == ("ValueError", "bad input")
    assert result.first_dataframe == frame and result.last_json == blocks["blk-every-json"].json
