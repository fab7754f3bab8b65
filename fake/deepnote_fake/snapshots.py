"""Run snapshots: what a finished run produced, in the three forms ``GET /runs/{runId}`` delivers.

- ``blocks``: the executed blocks with their Jupyter-style ``outputs`` (``snapshotDelivery=blocks``);
- ``document``: a small ``.snapshot.deepnote``-like YAML document (``inline``, and the body behind
  the download URL);
- ``signature``: the HMAC that stands in for a presigned download URL (fetched without the token).

``outputs`` decides what each executed block printed; it is the one place to change to make
snapshots richer.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING, Any

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


def outputs(block: Block, run: Run) -> list[JSON]:
    """The Jupyter-style outputs of ``block`` in ``run``: code blocks print one line on stdout, or
    raise an error when the run fails; other blocks have none."""
    if block.type != "code":
        return []
    if run.outcome == "error":
        return [{"output_type": "error", "ename": "RuntimeError", "evalue": "fake failure"}]
    text = f"ran {block.id} with inputs {sorted(run.inputs.items())}\n"
    return [{"output_type": "stream", "name": "stdout", "text": text}]


def blocks(store: StoreCore, run: Run) -> list[JSON]:
    """``snapshotBlocks``: each executed block with its outputs."""
    with store.lock:
        return [
            {"id": block.id, "type": block.type, "outputs": outputs(block, run), "metadata": {}}
            for block in executed_blocks(store, run)
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
