"""The fake's ``blocks`` snapshots: Jupyter outputs derived from the source, inputs and outcome."""

from __future__ import annotations

from deepnote_fake.outputs import block_outputs, input_values, notebook_outputs, run_raises, written_files
from deepnote_fake.records import Block, NotebookInput


def test_each_statement_gives_the_output_a_kernel_would() -> None:
    outputs, raised = block_outputs("print('n =', n)\ndisplay(n)\nn", {"n": "3"})
    assert not raised
    assert outputs == [
        {"output_type": "stream", "name": "stdout", "text": "n = 3\n"},
        {
            "output_type": "display_data",
            "data": {"text/plain": "'3'", "text/html": "<pre>3</pre>"},
            "metadata": {},
        },
        {
            "output_type": "execute_result",
            "execution_count": 1,
            "data": {"text/plain": "'3'"},
            "metadata": {},
        },
    ]


def test_a_raise_or_an_unknown_name_is_an_error_output_and_stops_the_block() -> None:
    outputs, raised = block_outputs("print(1)\nraise KeyError('k')\nprint(2)", {})
    assert raised and [o["output_type"] for o in outputs] == ["stream", "error"]
    assert (outputs[1]["ename"], outputs[1]["evalue"]) == ("KeyError", "k")
    assert outputs[1]["traceback"][-1] == "KeyError: k"
    outputs, raised = block_outputs("print(missing)", {})
    assert raised and outputs[0]["ename"] == "NameError"


def test_input_values_are_the_runs_else_the_saved_defaults() -> None:
    blocks = [
        Block("i1", "input-text", "", NotebookInput("a", "saved")),
        Block("i2", "input-text", "", NotebookInput("b", "x")),
    ]
    assert input_values(blocks, {"b": "given"}) == {"a": "saved", "b": "given"}


def test_a_failed_run_fails_in_its_failing_block_and_later_blocks_did_not_run() -> None:
    blocks = [
        Block("c1", "code", "print(1)"),
        Block("c2", "code", "print(2)"),
        Block("m", "markdown", "# hi"),
    ]
    outputs = notebook_outputs(blocks, {}, failed=True)
    assert [o["output_type"] for o in outputs[1]] == ["stream", "error"]
    assert outputs[0][0]["text"] == "1\n" and outputs[2] == []
    raising = [Block("c1", "code", "raise ValueError('v')"), Block("c2", "code", "print(2)")]
    assert run_raises(raising, {})
    outputs = notebook_outputs(raising, {}, failed=True)
    assert outputs[0][0]["ename"] == "ValueError" and outputs[1] == []


def test_outputs_above_the_caps_are_replaced_by_a_notice() -> None:
    blocks = [Block("big", "code", "print('x' * 600000)")] + [
        Block(f"c{i}", "code", "print('y' * 500000)") for i in range(11)
    ]
    outputs = notebook_outputs(blocks, {}, failed=False)
    assert outputs[0][0]["output_type"] == "notice"
    assert [len(b[0].get("text", "")) for b in outputs[1:11]] == [500001] * 10
    assert outputs[11][0]["output_type"] == "notice"


def test_a_write_to_a_file_is_recorded_up_to_the_raising_line() -> None:
    written = Block("b1", "code", "open('out/a.txt', 'w').write(region)\nopen(\"b.txt\", \"w\").write('x')")
    later = Block(
        "b2", "code", "open('b.txt', 'w').write('y')\nraise ValueError('stop')\nopen('c.txt', 'w').write('z')"
    )
    never = Block("b3", "code", "open('d.txt', 'w').write('never')")
    assert written_files([written, later, never], {"region": "EU"}) == {"out/a.txt": "EU", "b.txt": "y"}
    # As the last line, like Python, it shows the number of characters written.
    assert block_outputs("open('a.txt', 'w').write('four')", {}) == (
        [
            {
                "output_type": "execute_result",
                "execution_count": 1,
                "data": {"text/plain": "4"},
                "metadata": {},
            }
        ],
        False,
    )
