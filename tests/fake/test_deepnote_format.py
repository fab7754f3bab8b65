"""deepnote_format: the .deepnote documents the fake hands out (deepnote validate itself runs in
tests/test_compat.py)."""

from __future__ import annotations

from typing import Any

from deepnote_fake import SEED_NOTEBOOK_ID, SEED_PROJECT_ID, Block, FakeClock, FakeDeepnote, NotebookInput
from deepnote_fake import deepnote_format as fmt


def _document(fake: FakeDeepnote, **kwargs: Any) -> dict[str, Any]:
    notebook = fake.notebooks[SEED_NOTEBOOK_ID]
    entry = fmt.NotebookEntry(notebook, outputs=kwargs.pop("outputs", None))
    return fmt.project_document(
        fake.projects[SEED_PROJECT_ID], [entry], created_at="2026-01-02T03:04:05.000Z", **kwargs
    )


def _execution(outputs: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    return fmt.execution_metadata(
        started_at="2026-01-02T03:04:05.000Z",
        finished_at="2026-01-02T03:04:06.000Z",
        duration_ms=1000,
        inputs={"region": "US"},
        outputs=outputs,
    )


def test_source_document_has_the_envelope_and_no_outputs() -> None:
    fake = FakeDeepnote(clock=FakeClock())
    document = _document(fake)
    assert document["version"] == "1.0.0" and document["metadata"] == {
        "createdAt": "2026-01-02T03:04:05.000Z"
    }
    assert document["project"]["name"] == "Fake project"
    assert "execution" not in document and "snapshotHash" not in document["metadata"]
    blocks = document["project"]["notebooks"][0]["blocks"]
    assert all("outputs" not in block for block in blocks)
    assert all(len(block["blockGroup"]) == 32 for block in blocks)
    region = next(block for block in blocks if block["type"] == "input-select")
    assert region["metadata"]["deepnote_variable_name"] == "region"
    assert region["metadata"]["deepnote_variable_options"] == ["EU", "US"]


def test_sorting_keys_follow_block_order_past_ten_blocks() -> None:
    keys = [fmt.sorting_key(i) for i in range(12)]
    assert sorted(keys) == keys and keys[:2] == ["000000", "000001"]


def test_snapshot_gives_executable_blocks_outputs_and_the_run_metadata() -> None:
    fake = FakeDeepnote(clock=FakeClock())
    failure = {"output_type": "error", "ename": "ValueError", "evalue": "bad", "traceback": ["line 1"]}
    outputs = {"blk-seed-code": [failure]}
    document = _document(fake, outputs=outputs, execution=_execution(outputs))
    blocks = {block["type"]: block for block in document["project"]["notebooks"][0]["blocks"]}
    assert "outputs" not in blocks["markdown"]  # not an executable block in the schema
    assert blocks["input-text"]["outputs"] == [] and blocks["code"]["outputs"] == [failure]
    execution = document["execution"]
    assert execution["error"] == {"name": "ValueError", "message": "bad", "traceback": ["line 1"]}
    assert execution["summary"]["blocksFailed"] == 1 and execution["inputs"] == {"region": "US"}
    assert document["environment"] == {} and document["metadata"]["snapshotHash"].startswith("sha256:")


def test_snapshot_hash_follows_the_source_not_the_outputs() -> None:
    fake = FakeDeepnote(clock=FakeClock())
    printed = {"blk-seed-code": [{"output_type": "stream", "name": "stdout", "text": "hi\n"}]}
    first = _document(fake, outputs={}, execution=_execution({}))["metadata"]["snapshotHash"]
    with_outputs = _document(fake, outputs=printed, execution=_execution(printed))
    assert with_outputs["metadata"]["snapshotHash"] == first
    fake.notebooks[SEED_NOTEBOOK_ID].blocks[-1].content = "print('changed')"
    assert _document(fake, outputs={}, execution=_execution({}))["metadata"]["snapshotHash"] != first


def test_dump_is_deterministic_and_load_reads_it_back() -> None:
    fake = FakeDeepnote(clock=FakeClock())
    document = _document(fake, outputs={}, execution=_execution({}))
    text = fmt.dump(document)
    assert text == fmt.dump(_document(fake, outputs={}, execution=_execution({})))
    assert "content: |-\n" in text  # multi-line markdown as a block scalar
    assert fmt.load(text) == document


def test_load_reads_yaml_1_2_scalars_as_the_cli_writes_them() -> None:
    loaded = fmt.load("createdAt: 2026-01-02T03:04:05.000Z\nanswer: yes\nflag: true\ncount: 010\nx: 0x1f\n")
    assert loaded == {
        "createdAt": "2026-01-02T03:04:05.000Z",
        "answer": "yes",
        "flag": True,
        "count": 10,
        "x": 31,
    }


def test_dump_quotes_strings_a_yaml_1_2_reader_would_not_read_as_strings() -> None:
    # PyYAML alone writes 000008 plain (not octal in YAML 1.1); YAML 1.2 reads that as the number 8.
    values = {"key": "000008", "yes": "yes", "null": "null", "float": "1e3", "text": "a0"}
    text = fmt.dump(values)
    assert "key: '000008'" in text and "text: a0" in text
    assert fmt.load(text) == values


def test_input_values_are_typed_as_the_schema_says() -> None:
    fake = FakeDeepnote(clock=FakeClock())
    notebook = fake.add_notebook(
        SEED_PROJECT_ID,
        "Slider",
        blocks=[Block("blk-s", "input-slider", "", NotebookInput("level", 3, min=0, max=10, step=1))],
    )
    entry = fmt.NotebookEntry(notebook, input_values={"level": 7})
    document = fmt.project_document(
        fake.projects[SEED_PROJECT_ID], [entry], created_at="2026-01-02T03:04:05.000Z"
    )
    metadata = document["project"]["notebooks"][0]["blocks"][0]["metadata"]
    assert metadata["deepnote_variable_value"] == "7" and metadata["deepnote_variable_default_value"] == "3"
    assert metadata["deepnote_slider_max_value"] == 10 and metadata["deepnote_slider_step"] == 1
