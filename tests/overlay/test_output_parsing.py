"""Reading a run's snapshot blocks: every Jupyter output type, notices in every shape, malformed blocks.

Found by mutation testing (``make mutate``) of ``outputs.py``: the lenient paths (a notice in place
of the outputs, non-text MIME values, values of the wrong type) and the errors naming a malformed
block were not checked piece by piece. Pure functions: no server needed.
"""

from __future__ import annotations

import sys
import types
from typing import Any

import pytest

from deepnote_client.models import RunStatus
from deepnote_client.types import UNSET
from deepnote_overlay import ResponseParseError
from deepnote_overlay.outputs import (
    BlockOutput,
    BlockOutputs,
    Dataframe,
    MissingOutputError,
    RunFailure,
    parse_snapshot_blocks,
    status_value,
)


def test_nothing_to_read_is_no_blocks() -> None:
    assert parse_snapshot_blocks(None) == ()
    assert parse_snapshot_blocks(UNSET) == ()
    assert parse_snapshot_blocks([]) == ()


@pytest.mark.parametrize("raw", [{"id": "b1"}, "b1", 3])
def test_blocks_that_are_not_an_array_are_named(raw: Any) -> None:
    with pytest.raises(ResponseParseError) as caught:
        parse_snapshot_blocks(raw, method="GET", url="https://api.test/v2/runs/r1")
    error = caught.value
    assert (error.operation, error.status_code, error.method, error.url) == (
        "getRun",
        200,
        "GET",
        "https://api.test/v2/runs/r1",
    )
    assert (error.field, error.reason) == ("snapshotBlocks", "snapshotBlocks is not an array")


def test_the_defaults_name_a_get_without_url() -> None:
    with pytest.raises(ResponseParseError) as caught:
        parse_snapshot_blocks({})
    assert (caught.value.method, caught.value.url) == ("GET", "")


@pytest.mark.parametrize("bad", ["b2", {"type": "code"}, {"id": 7}])
def test_a_block_without_a_string_id_is_named_by_its_index(bad: Any) -> None:
    with pytest.raises(ResponseParseError) as caught:
        parse_snapshot_blocks([{"id": "b1"}, bad])
    assert (caught.value.field, caught.value.reason) == (
        "snapshotBlocks[1].id",
        "snapshot block 1 has no string id",
    )


def test_every_jupyter_output_type_is_read() -> None:
    (block,) = parse_snapshot_blocks(
        [
            {
                "id": "b1",
                "type": "code",
                "outputs": [
                    {"output_type": "stream", "name": "stdout", "text": ["hel", "lo\n"]},
                    {
                        "output_type": "execute_result",
                        "data": {
                            "text/plain": ["4", "2"],
                            "text/html": ["<b>", "42</b>"],
                            "application/json": {"answer": 42},
                            "image/png": "iVBORw0KGgo=",
                        },
                    },
                    {"output_type": "display_data", "data": {"text/plain": "shown"}},
                    {
                        "output_type": "error",
                        "ename": "ValueError",
                        "evalue": "bad",
                        "traceback": ["line 1", 2],
                    },
                ],
            }
        ]
    )
    assert (block.block_id, block.block_type, block.notice) == ("b1", "code", None)
    stream, result, display, error = block.outputs
    assert (stream.output_type, stream.name, stream.text, stream.is_notice) == (
        "stream",
        "stdout",
        "hello\n",
        False,
    )
    assert result.text == "42"
    assert result.data == {
        "text/plain": "42",
        "text/html": "<b>42</b>",
        "application/json": {"answer": 42},
        "image/png": "iVBORw0KGgo=",
    }
    assert display.text == "shown"
    assert (error.ename, error.evalue, error.traceback, error.text) == (
        "ValueError",
        "bad",
        ("line 1", "2"),
        None,
    )
    assert block.text == "hello\n42shown"
    assert block.error is error
    assert block.data("text/plain") == "shown", "the last output that has it"
    with pytest.raises(MissingOutputError) as missing:
        block.data("image/svg+xml")
    assert (
        str(missing.value)
        == "block b1 has no output of type 'image/svg+xml' (it has: application/json, image/png, text/html, text/plain)"
    )


def test_fields_of_the_wrong_type_are_left_out() -> None:
    output = BlockOutput.from_raw(
        {
            "output_type": "error",
            "name": 1,
            "ename": 2,
            "evalue": ["x"],
            "traceback": "not a list",
            "data": [],
        }
    )
    assert (output.name, output.ename, output.evalue, output.traceback, output.data) == (
        None,
        None,
        None,
        (),
        {},
    )
    assert BlockOutput.from_raw({"output_type": "execute_result", "data": {"text/plain": 5}}).text is None


@pytest.mark.parametrize(
    ("outputs", "notice"),
    [
        ("Outputs removed: above 512 KiB", "Outputs removed: above 512 KiB"),
        ({"message": "too large"}, "too large"),
        ({"notice": "cut"}, "cut"),
        ({"text": ["a", "b"]}, "ab"),
        ({"output_type": "size_cap", "data": {"text/plain": "capped"}}, "capped"),
        ({"output_type": 7}, "notice"),
        (42, "42"),
    ],
)
def test_a_notice_in_place_of_the_outputs_is_kept_as_text(outputs: Any, notice: str) -> None:
    (block,) = parse_snapshot_blocks([{"id": "b1", "type": 3, "outputs": outputs}])
    assert block.block_type is None
    assert block.notice == notice
    (output,) = block.outputs
    assert output.is_notice and block.text == ""
    expected_type = (
        outputs["output_type"] if isinstance(outputs, dict) and "output_type" in outputs else "notice"
    )
    assert output.output_type == (expected_type if isinstance(expected_type, str) else "notice")
    assert output.raw == (outputs if isinstance(outputs, dict) else {"value": outputs})


def test_notices_among_outputs_are_joined_and_left_out_of_the_text() -> None:
    (block,) = parse_snapshot_blocks(
        [
            {
                "id": "b1",
                "outputs": [
                    {"output_type": "stream", "name": "stdout", "text": "kept\n"},
                    {"output_type": "truncated", "text": "first cut"},
                    {"output_type": "truncated"},
                ],
            }
        ]
    )
    assert block.notice == "first cut\ntruncated"
    assert block.text == "kept\n"
    assert isinstance(block, BlockOutputs) and len(block.outputs) == 3


def test_a_block_without_outputs_has_none() -> None:
    (block,) = parse_snapshot_blocks([{"id": "b1", "type": "markdown"}])
    assert (block.block_type, block.outputs, block.notice, block.text) == ("markdown", (), None, "")


def test_an_output_that_is_a_mapping_but_not_a_dict_reads_as_a_dict_does() -> None:
    raw = {"output_type": "stream", "name": "stdout", "text": ["hel", "lo"]}
    output = BlockOutput.from_raw(types.MappingProxyType(raw))
    assert output == BlockOutput.from_raw(raw)
    assert (output.output_type, output.name, output.text, output.raw) == ("stream", "stdout", "hello", raw)


def test_a_missing_mime_type_names_what_the_block_has() -> None:
    (block,) = parse_snapshot_blocks(
        [{"id": "b1", "outputs": [{"output_type": "stream", "name": "stdout", "text": "hi"}]}]
    )
    with pytest.raises(MissingOutputError) as caught:
        _ = block.json
    assert str(caught.value) == "block b1 has no output of type 'application/json' (it has: none)"
    (shown,) = parse_snapshot_blocks(
        [
            {
                "id": "b2",
                "outputs": [{"output_type": "display_data", "data": {"text/plain": "x", "image/png": ""}}],
            }
        ]
    )
    with pytest.raises(MissingOutputError) as caught:
        _ = shown.json
    assert str(caught.value) == (
        "block b2 has no output of type 'application/json' (it has: image/png, text/plain)"
    )


def dataframe_block(value: Any) -> BlockOutputs:
    output = {"output_type": "execute_result", "data": {"application/vnd.deepnote.dataframe.v3+json": value}}
    (block,) = parse_snapshot_blocks([{"id": "b-df", "outputs": [output]}])
    return block


def test_a_dataframe_with_plain_column_names_and_no_row_count_counts_its_rows() -> None:
    frame = dataframe_block({"columns": ["a", "b"], "rows": [{"a": 1, "b": 2}, "not a row"]}).dataframe
    assert frame == Dataframe(columns=("a", "b"), rows=({"a": 1, "b": 2},), row_count=1)
    assert not frame.truncated


def test_a_dataframe_output_that_is_not_an_object_is_named() -> None:
    with pytest.raises(MissingOutputError) as caught:
        _ = dataframe_block(["a", "b"]).dataframe
    assert str(caught.value) == "block b-df's dataframe output is not an object"


def test_to_pandas_builds_a_frame_of_the_rows_sent_and_their_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[tuple[Any, Any]] = []

    def data_frame(data: Any, *, columns: Any) -> str:
        built.append((data, columns))
        return "a frame"

    monkeypatch.setitem(sys.modules, "pandas", types.SimpleNamespace(DataFrame=data_frame))
    frame = Dataframe(columns=("a", "b"), rows=({"a": 1, "b": 2},), row_count=10)
    assert frame.to_pandas() == "a frame"
    assert built == [([{"a": 1, "b": 2}], ["a", "b"])]


def test_to_pandas_without_pandas_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError) as caught:
        Dataframe(columns=(), rows=(), row_count=0).to_pandas()
    assert str(caught.value) == (
        "Dataframe.to_pandas needs pandas: pip install pandas (or the package's [pandas] extra)"
    )


def test_status_values_are_compared_as_strings() -> None:
    assert status_value(None) is None
    assert status_value(UNSET) is None
    assert status_value(RunStatus.INTERNAL_ERROR) == "internal_error"
    assert status_value("queued_somewhere_new") == "queued_somewhere_new"


def test_only_text_mime_values_are_joined_and_only_text_is_a_notice_text() -> None:
    lines = BlockOutput.from_raw({"output_type": "display_data", "data": {"application/x-lines": ["a", "b"]}})
    assert lines.data == {"application/x-lines": ["a", "b"]}
    odd = BlockOutput.from_raw({"output_type": "size_cap", "data": {"text/plain": {"not": "text"}}})
    assert odd.is_notice and odd.text is None


@pytest.mark.parametrize(
    ("failure", "described"),
    [
        (RunFailure(status="error", evalue="bad input"), "ended with status error: Error: bad input"),
        (RunFailure(status="error", ename="KeyError"), "ended with status error: KeyError: "),
        (
            RunFailure(status="stopped", block_id="b2", message="stopped by user"),
            "ended with status stopped in block b2: stopped by user",
        ),
        (RunFailure(status="internal_error"), "ended with status internal_error"),
    ],
)
def test_a_failure_describes_itself_in_one_line(failure: RunFailure, described: str) -> None:
    assert failure.describe() == described
