"""Run snapshots: what a finished run produced, in the three forms ``GET /runs/{runId}`` delivers.

- ``blocks``: the executed blocks with their Jupyter-style ``outputs`` (``snapshotDelivery=blocks``);
- ``document``: the run's ``.snapshot.deepnote`` document, the whole project (``inline``, and the
  body behind the download URL), written by ``deepnote_format`` and valid by ``deepnote validate``;
- ``signature``: the HMAC that stands in for a presigned download URL (fetched without the token).

``outputs`` decides what each executed block printed (with ``outputs.py``, which reads a code block's
source); it is the one place to change to make snapshots richer.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING, Any

from . import deepnote_format
from .outputs import input_values, notebook_outputs
from .records import Block, Run

if TYPE_CHECKING:
    from .store.core import StoreCore

__all__ = ["blocks", "document", "executed_blocks", "outputs", "signature"]

JSON = dict[str, Any]


def signature(store: StoreCore, run_id: str) -> str:
    """Signature of a run's snapshot URL, standing in for a presigned URL (no bearer token)."""
    return hmac.new(store.snapshot_key, run_id.encode(), hashlib.sha256).hexdigest()[:32]


def executed_blocks(store: StoreCore, run: Run) -> list[Block]:
    """The blocks the run executed: all of the notebook's, or the ones named by ``blockIds``."""
    notebook = store.notebooks[run.notebook_id]
    if run.block_ids is None:
        return list(notebook.blocks)
    by_id = {b.id: b for b in notebook.blocks}
    return [by_id[i] for i in run.block_ids if i in by_id]


def outputs(store: StoreCore, run: Run) -> list[tuple[Block, list[JSON]]]:
    """Each block the run executed, in notebook order, with its Jupyter-style outputs.

    The outputs follow from each code block's source, the run's input values (else the saved
    defaults) and the run's outcome, under the documented size caps (see ``outputs.py``). They are
    per notebook, not per block: a failing block stops the ones after it, and the 5 MiB cap counts
    every block.
    """
    with store.lock:
        executed = executed_blocks(store, run)
        values = input_values(store.notebooks[run.notebook_id].blocks, run.inputs)
        produced = notebook_outputs(executed, values, failed=run.outcome == "error")
        return list(zip(executed, produced, strict=True))


def blocks(store: StoreCore, run: Run) -> list[JSON]:
    """``snapshotBlocks``: each executed block with its outputs."""
    return [
        {"id": block.id, "type": block.type, "outputs": produced, "metadata": {}}
        for block, produced in outputs(store, run)
    ]


def document(store: StoreCore, run: Run) -> str:
    """``snapshotContent`` (and the download's body): the run's ``.snapshot.deepnote`` document, as
    ``deepnote_format`` writes it. Like Deepnote's, it is a whole-project document (the blocks
    delivery holds the executed notebook alone): every notebook of the project, the run's one with
    its executed blocks' ``outputs`` and the run's input values, and the run in ``execution``."""
    with store.lock:
        notebook = store.notebooks[run.notebook_id]
        project = store.projects[notebook.project_id]
        produced = outputs(store, run)
        executed = [block for block, _ in produced]
        block_outputs = {block.id: block_output for block, block_output in produced}
        started_t = run.created_t + run.pending_s
        execution = deepnote_format.execution_metadata(
            started_at=store.iso(started_t),
            finished_at=store.iso(run.end_t),
            duration_ms=(run.end_t - started_t) * 1000,
            inputs=run.inputs,
            outputs={
                block.id: block_outputs[block.id]
                for block in executed
                if block.type in deepnote_format.EXECUTABLE_BLOCK_TYPES
            },
        )
        notebooks = [store.notebooks[notebook_id] for notebook_id in project.notebook_ids]
        entries = [
            deepnote_format.NotebookEntry(other)
            if other.id != notebook.id
            else deepnote_format.NotebookEntry(notebook, outputs=block_outputs, input_values=run.inputs)
            for other in notebooks
        ]
        init = next((other.id for other in notebooks if other.is_init), None)
        data = deepnote_format.project_document(
            project,
            entries,
            created_at=store.iso(project.created_t),
            modified_at=store.modified_at(project),
            init_notebook_id=init,
            execution=execution,
        )
    return deepnote_format.dump(data)
