"""Run rules: what ``POST /runs`` accepts, runs that advance by themselves, keyset-paged history.

"(reference R1)" cites a section of ``docs/reference/deepnote-api-v2.md`` (start a run: 400 for an
unknown notebook, ``blockIds`` vs ``detached``, inputs and their types). How a run's status and snapshot
status follow the clock is in ``records.Run``.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Mapping
from typing import Any

from ..errors import ApiError
from ..outputs import input_values, run_raises, written_files
from ..records import Notebook, NotebookInput, Run, RunOutcome
from .core import StoreCore

__all__ = ["RunRules"]

# Input types whose value is a single string (slider values are numeric strings; reference R1).
_STRING_INPUTS = frozenset({"input-text", "input-textarea", "input-file", "input-date", "input-slider"})


class RunRules(StoreCore):
    def create_run(
        self,
        notebook_id: str,
        *,
        detached: bool | None = None,
        block_ids: list[str] | None = None,
        run_dependent_blocks: bool | None = None,
        inputs: Mapping[str, Any] | None = None,
    ) -> Run:
        with self.lock:
            notebook = self.notebooks.get(notebook_id)
            if notebook is None:
                # An unknown notebook is a 400 on POST /runs, not a 404 (reference R1).
                raise ApiError(400, "Notebook not found")
            if self.projects[notebook.project_id].suspended:
                raise ApiError(400, "Project is suspended")
            if block_ids is not None and detached:
                raise ApiError(400, "blockIds is not supported for detached runs")
            if run_dependent_blocks and block_ids is None:
                raise ApiError(400, "runDependentBlocks requires blockIds")
            known_blocks = {b.id for b in notebook.blocks}
            for block_id in block_ids or []:
                if block_id not in known_blocks:
                    raise ApiError(400, "Block not found in notebook")
            checked = _check_inputs(notebook, inputs or {})
            # A notebook whose code raises with these inputs fails (see outputs.py).
            ran = [b for b in notebook.blocks if block_ids is None or b.id in block_ids]
            values = input_values(notebook.blocks, checked)
            raises = run_raises(ran, values)
            # The fake writes a run's files when it starts it (its outcome is decided then too).
            for path, text in written_files(ran, values).items():
                self.write_file(notebook.project_id, path, text.encode())
            return self._add_run(
                notebook,
                self.now(),
                detached=bool(detached),
                block_ids=block_ids,
                inputs=checked,
                outcome="error" if raises else None,
            )

    def add_runs(self, notebook_id: str, count: int, *, outcome: RunOutcome = "success") -> list[str]:
        """Bulk-create ``count`` finished historical runs (oldest first) and return their ids.

        Fast enough for 10,000 runs. Their ``createdAt`` increase by 1 ms, end about now, and come
        after every run the notebook already had, so a list shows them first, newest first.
        """
        if outcome == "never":
            raise ValueError("historical runs are finished; use run_outcome='never' for live runs")
        with self.lock:
            notebook = self.notebooks[notebook_id]
            start = self.now() - count * 0.001
            if notebook.runs:
                start = max(start, notebook.runs[-1].created_t)
            ids = []
            for i in range(count):
                run = self._add_run(
                    notebook, start + (i + 1) * 0.001, outcome=outcome, pending_s=0.0, running_s=0.0
                )
                run.historical = True
                ids.append(run.id)
            return ids

    def get_run(self, run_id: str) -> Run:
        with self.lock:
            run = self.runs.get(run_id)
            if run is None:
                raise ApiError(404, "Run not found")
            if self.projects[self.notebooks[run.notebook_id].project_id].suspended:
                raise ApiError(409, "Project is suspended")
            return run

    def list_runs(
        self, notebook_id: str, page_size: int, page_token: str | None
    ) -> tuple[list[Run], str | None]:
        """One page of the notebook's runs, newest first, and the token of the next page."""
        with self.lock:
            notebook = self._notebook(notebook_id)
            scope = f"runs:{notebook.id}"
            runs = notebook.runs  # ascending seq
            end = len(runs)
            if page_token is not None:
                after = self.pages.decode(page_token, scope)
                # Keyset cursor: runs started after the first page was read do not shift the pages.
                end = _bisect_seq(runs, after)
            start = max(0, end - page_size)
            page = runs[start:end][::-1]
            token = self.pages.encode(scope, page[-1].seq) if start > 0 and page else None
            return page, token

    def _add_run(
        self,
        notebook: Notebook,
        created_t: float,
        *,
        detached: bool = False,
        block_ids: list[str] | None = None,
        inputs: dict[str, Any] | None = None,
        outcome: RunOutcome | None = None,
        pending_s: float | None = None,
        running_s: float | None = None,
        snapshot_s: float | None = None,
    ) -> Run:
        outcome = outcome or self.run_outcome
        running = self.running_seconds if running_s is None else running_s
        run = Run(
            id=str(uuid.uuid4()),
            notebook_id=notebook.id,
            seq=self.next_seq(),
            created_t=created_t,
            pending_s=self.pending_seconds if pending_s is None else pending_s,
            running_s=running,
            snapshot_s=self.snapshot_seconds if snapshot_s is None else snapshot_s,
            outcome="never" if math.isinf(running) else outcome,
            detached=detached,
            block_ids=block_ids,
            inputs=inputs or {},
        )
        self.runs[run.id] = run
        notebook.runs.append(run)
        return run


def _check_inputs(notebook: Notebook, inputs: Mapping[str, Any]) -> dict[str, Any]:
    by_name = {b.input.name: b for b in notebook.blocks if b.input is not None}
    for name, value in inputs.items():
        block = by_name.get(name)
        if block is None:
            raise ApiError(400, f'Input "{name}" is not defined for this notebook')
        assert block.input is not None
        if not _input_value_fits(block.type, block.input, value):
            raise ApiError(400, f'Input "{name}" has a value of the wrong type for a {block.type} block')
    return dict(inputs)


def _bisect_seq(runs: list[Run], seq: int) -> int:
    """Index of the first run whose seq is >= ``seq`` (runs are sorted by seq)."""
    lo, hi = 0, len(runs)
    while lo < hi:
        mid = (lo + hi) // 2
        if runs[mid].seq < seq:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _input_value_fits(block_type: str, spec: NotebookInput, value: Any) -> bool:
    """Whether ``value`` has the JSON type the input block takes (reference R1 "inputs")."""
    if block_type == "input-checkbox":
        return isinstance(value, bool)
    if block_type == "input-select":
        if spec.multiple:
            return isinstance(value, list) and all(isinstance(v, str) for v in value)
        return isinstance(value, str)
    if block_type == "input-date-range":
        if isinstance(value, list):
            return len(value) == 2 and all(isinstance(v, str) for v in value)
        return isinstance(value, str)
    if block_type == "input-slider":
        if not isinstance(value, str):
            return False
        try:
            float(value)
        except ValueError:
            return False
        return True
    if block_type in _STRING_INPUTS:
        return isinstance(value, str)
    return True
