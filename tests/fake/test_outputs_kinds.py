"""Every output kind Deepnote sends, from the fake's documented statement forms, and the same
outputs in every snapshot delivery (``blocks``, inline ``.snapshot.deepnote``, download URL)."""

from __future__ import annotations

import base64
import struct
import zlib
from typing import Any

import httpx
import pytest

from deepnote_fake import SEED_PROJECT_ID, FakeClock, FakeDeepnote, deepnote_format
from deepnote_fake.outputs import (
    DATAFRAME_INDEX_COLUMN,
    DATAFRAME_MIME,
    DATAFRAME_PAGE_SIZE,
    PNG_BYTES,
    block_outputs,
    notebook_outputs,
)
from deepnote_fake.records import Block
from deepnote_fake.seed import every_output_blocks


def _only(source: str, values: dict[str, Any] | None = None) -> dict[str, Any]:
    outputs, raised = block_outputs(source, values or {})
    assert not raised, outputs
    assert len(outputs) == 1, outputs
    return outputs[0]


def test_display_html_is_a_text_html_display() -> None:
    assert _only('display_html("<b>x</b>")') == {
        "output_type": "display_data",
        "data": {"text/html": "<b>x</b>", "text/plain": "<IPython.core.display.HTML object>"},
        "metadata": {},
    }


def test_display_json_is_an_application_json_display_with_input_values_inside() -> None:
    output = _only('display_json({"totals": {"eu": region, "n": [1, 2.5, None, True]}})', {"region": "EU"})
    assert output["data"] == {
        "application/json": {"totals": {"eu": "EU", "n": [1, 2.5, None, True]}},
        "text/plain": "<IPython.core.display.JSON object>",
    }


def test_display_dataframe_sends_the_first_page_and_the_full_row_count() -> None:
    frame = _only('display_dataframe(rows=250, columns=["a", "b"])')["data"][DATAFRAME_MIME]
    assert frame["row_count"] == 250 and frame["column_count"] == 2
    assert frame["columns"] == [{"name": "a", "dtype": "int64"}, {"name": "b", "dtype": "int64"}]
    assert len(frame["rows"]) == DATAFRAME_PAGE_SIZE == 10
    assert frame["rows"][3] == {"a": 3, "b": 6, DATAFRAME_INDEX_COLUMN: 3}
    # Fewer rows than a page: all of them, not truncated.
    small = _only("display_dataframe(3, columns=['x'])")["data"][DATAFRAME_MIME]
    assert (small["row_count"], [r["x"] for r in small["rows"]]) == (3, [0, 1, 2])


def test_display_png_is_a_valid_png_in_base64() -> None:
    data = _only("display_png()")["data"]
    raw = base64.b64decode(data["image/png"], validate=True)
    assert raw == PNG_BYTES and raw.startswith(b"\x89PNG\r\n\x1a\n")
    # Every chunk's CRC is right, the header says 2x2 RGB, and the pixel rows inflate.
    offset, chunks = 8, {}
    while offset < len(raw):
        (length,) = struct.unpack(">I", raw[offset : offset + 4])
        kind, body = raw[offset + 4 : offset + 8], raw[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", raw[offset + 8 + length : offset + 12 + length])
        assert crc == zlib.crc32(kind + body)
        chunks[kind] = body
        offset += 12 + length
    assert struct.unpack(">IIBB", chunks[b"IHDR"][:10]) == (2, 2, 8, 2)
    assert len(zlib.decompress(chunks[b"IDAT"])) == 2 * (1 + 2 * 3)


def test_a_rich_form_with_an_unknown_name_raises_like_python() -> None:
    outputs, raised = block_outputs("display_json({'a': missing})\nprint(1)", {})
    assert raised and [o["output_type"] for o in outputs] == ["error"]
    assert outputs[0]["ename"] == "NameError" and outputs[0]["traceback"][-1].startswith("NameError")


def test_an_agent_block_writes_markdown_and_plain_text_and_stops_after_a_failure() -> None:
    blocks = [Block("a1", "agent", "## Hi\n**there**"), Block("c", "code", "raise ValueError('v')")]
    blocks.append(Block("a2", "agent", "never"))
    outputs = notebook_outputs(blocks, {}, failed=False)
    assert outputs[0] == [
        {
            "output_type": "display_data",
            "data": {"text/markdown": "## Hi\n**there**", "text/plain": "## Hi\n**there**"},
            "metadata": {},
        }
    ]
    assert outputs[1][0]["output_type"] == "error" and outputs[2] == []


def test_every_output_blocks_give_every_kind_once() -> None:
    blocks = every_output_blocks()
    outputs = notebook_outputs(blocks, {}, failed=False)
    kinds = [
        (o["output_type"], sorted(o.get("data", {})) or o.get("name") or o.get("ename"))
        for block_outputs_ in outputs
        for o in block_outputs_
    ]
    assert kinds == [
        ("stream", "stdout"),
        ("execute_result", ["text/plain"]),
        ("display_data", ["text/html", "text/plain"]),
        ("display_data", ["application/json", "text/plain"]),
        ("display_data", [DATAFRAME_MIME, "text/plain"]),
        ("display_data", ["image/png", "text/plain"]),
        ("display_data", ["text/markdown", "text/plain"]),
        ("error", "ValueError"),
    ]


# ------------------------------------------------------------------ the three snapshot deliveries


def _finished_run(client: httpx.Client, fake: FakeDeepnote, clock: FakeClock) -> tuple[str, str]:
    notebook = fake.add_notebook(SEED_PROJECT_ID, "Every output", blocks=every_output_blocks())
    response = client.post("/runs", json={"notebookId": notebook.id})
    assert response.status_code == 202, response.text
    clock.advance(60)
    return str(response.json()["runId"]), notebook.id


def _outputs_of_document(text: str, notebook_id: str) -> dict[str, list[Any]]:
    document = deepnote_format.load(text)
    (notebook,) = [n for n in document["project"]["notebooks"] if n["id"] == notebook_id]
    return {block["id"]: block.get("outputs", []) for block in notebook["blocks"]}


@pytest.mark.parametrize("delivery", ["blocks", "inline", "downloadUrl"])
def test_every_delivery_carries_the_same_outputs(
    client: httpx.Client, fake_state: FakeDeepnote, fake_clock: FakeClock, delivery: str
) -> None:
    run_id, notebook_id = _finished_run(client, fake_state, fake_clock)
    expected = dict(
        zip(
            [b.id for b in every_output_blocks()],
            notebook_outputs(every_output_blocks(), {}, failed=False),
            strict=True,
        )
    )
    run = client.get(f"/runs/{run_id}", params={"snapshotDelivery": delivery}).json()["run"]
    assert (run["status"], run["snapshotStatus"]) == ("error", "available")
    if delivery == "blocks":
        assert (run["snapshotContent"], run["snapshotDownloadUrl"]) == (None, None)
        got = {block["id"]: block["outputs"] for block in run["snapshotBlocks"]}
        assert [block["type"] for block in run["snapshotBlocks"]] == [b.type for b in every_output_blocks()]
    elif delivery == "inline":
        assert (run["snapshotBlocks"], run["snapshotDownloadUrl"]) == (None, None)
        got = _outputs_of_document(run["snapshotContent"], notebook_id)
    else:
        assert (run["snapshotBlocks"], run["snapshotContent"]) == (None, None)
        download = httpx.get(run["snapshotDownloadUrl"], timeout=10)  # presigned: no token
        assert download.status_code == 200
        got = _outputs_of_document(download.text, notebook_id)
    assert got == expected
    frame = got["blk-every-dataframe"][0]["data"][DATAFRAME_MIME]
    assert (frame["row_count"], len(frame["rows"])) == (250, 10)
    assert base64.b64decode(got["blk-every-png"][0]["data"]["image/png"]) == PNG_BYTES
