"""Run snapshots: what a finished run produced, in the three forms ``GET /runs/{runId}`` delivers.

- ``blocks``: the executed blocks with their Jupyter-style ``outputs`` (``snapshotDelivery=blocks``);
- ``document``: a small ``.snapshot.deepnote``-like YAML document (``inline``, and the body behind
  the download URL);
- ``signature``: the HMAC that stands in for a presigned download URL (fetched without the token).

``outputs`` decides what each executed block printed (with ``outputs.py``, which reads a code block's
source); it is the one place to change to make snapshots richer.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING, Any

from .outputs import input_values, notebook_outputs
from .records import Block, Run

if TYPE_CHECKING:
    from .store import StoreCore

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
    """``snapshotContent`` (and the download's body): a ``.snapshot.deepnote``-like YAML document."""
    with store.lock:
        notebook = store.notebooks[run.notebook_id]
        lines = [
            "version: '1.0'",
            "metadata:",
            f"  runId: {run.id}",
            f"  status: {run.status(store.now())}",
            "project:",
            f"  id: {notebook.project_id}",
            "  notebooks:",
            f"    - id: {notebook.id}",
            f"      name: {notebook.name!r}",
            "      blocks:",
        ]
        for block in blocks(store, run):
            lines.append(f"        - id: {block['id']}")
            lines.append(f"          type: {block['type']}")
            lines.append(f"          outputs: {len(block['outputs'])}")
        return "\n".join(lines) + "\n"
