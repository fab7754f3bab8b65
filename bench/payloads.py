"""Fixed response bodies for the in-process benchmarks: deterministic, realistic, schema-valid.

- ``runs_page(100)``: a ``listNotebookRuns`` page of 100 runs with a next-page token.
- ``notebook(500, 20)``: a ``getNotebook`` answer with 500 blocks (code, SQL, markdown and input
  blocks, a few lines of source each) of which 20 are inputs of every input type.
"""

from __future__ import annotations

import datetime
import json
import uuid
from typing import Any

__all__ = ["NOTEBOOK_ID", "PROJECT_ID", "notebook", "notebook_bytes", "runs_page", "runs_page_bytes"]

NOTEBOOK_ID = "0b3c5d8a6f2e4c1a9e7d2b4f6a8c0e1d"
PROJECT_ID = "5f1d8c2a-3b4e-4f6a-8c9d-0e1f2a3b4c5d"
_EPOCH = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
_STATUSES = ("success", "success", "success", "error", "stopped", "success", "internal_error")


def _iso(seconds: float) -> str:
    return (_EPOCH + datetime.timedelta(seconds=seconds)).isoformat().replace("+00:00", "Z")


def runs_page(count: int = 100, *, start: int = 0, next_token: str | None = "page-2") -> dict[str, Any]:
    """A ``ListNotebookRunsResponse`` with ``count`` finished runs, newest first."""
    runs = []
    for i in range(start, start + count):
        created = 86_400 * 30 - i * 600
        runs.append(
            {
                "runId": str(uuid.UUID(int=(i + 1) * 0x9E3779B97F4A7C15 % (1 << 128), version=4)),
                "notebookId": NOTEBOOK_ID,
                "status": _STATUSES[i % len(_STATUSES)],
                "createdAt": _iso(created),
                "completedAt": _iso(created + 42.5),
            }
        )
    return {
        "runs": runs,
        "pagination": {"nextPageToken": next_token, "hasMore": next_token is not None, "pageSize": count},
    }


_INPUT_KINDS: tuple[tuple[str, Any, dict[str, Any]], ...] = (
    ("input-text", "hello", {}),
    ("input-textarea", "line one\nline two", {}),
    ("input-select", "b", {"options": ["a", "b", "c"], "multiple": False}),
    ("input-select", ["a", "c"], {"options": ["a", "b", "c"], "multiple": True}),
    ("input-date", "2025-01-31", {}),
    ("input-date-range", ["2025-01-01", "2025-01-31"], {}),
    ("input-slider", "5", {"min": 0, "max": 10, "step": 1}),
    ("input-file", "", {}),
    ("input-checkbox", True, {}),
    ("input-text", None, {}),
)

_CODE = (
    "import pandas as pd\n\ndf = pd.read_csv('data_{i}.csv')\ndf['total'] = df['a'] + df['b']\ndf.head()\n"
)
_SQL = "SELECT id, name, created_at\nFROM events_{i}\nWHERE created_at > now() - interval '7 days'\n"
_MARKDOWN = "## Section {i}\n\nSome explanatory text for this part of the analysis.\n"


def notebook(blocks: int = 500, inputs: int = 20) -> dict[str, Any]:
    """A ``GetNotebookResponse`` with ``blocks`` blocks, the first ``inputs`` of them input blocks."""
    if inputs > blocks:
        raise ValueError("a notebook cannot have more inputs than blocks")
    block_list: list[dict[str, Any]] = []
    input_list: list[dict[str, Any]] = []
    for i in range(blocks):
        block_id = f"{i:08x}-block"
        if i < inputs:
            kind, value, extra = _INPUT_KINDS[i % len(_INPUT_KINDS)]
            name = f"input_{i}"
            block_list.append({"id": block_id, "type": kind, "content": None})
            input_list.append(
                {
                    "blockId": block_id,
                    "name": name,
                    "type": kind,
                    "value": value,
                    "label": f"Input {i}",
                    **extra,
                }
            )
            continue
        kind, template = (("code", _CODE), ("sql", _SQL), ("markdown", _MARKDOWN))[i % 3]
        block_list.append({"id": block_id, "type": kind, "content": template.format(i=i)})
    return {
        "notebook": {
            "id": NOTEBOOK_ID,
            "projectId": PROJECT_ID,
            "name": "Benchmark notebook",
            "blocks": block_list,
            "inputs": input_list,
            "createdAt": _iso(0),
            "updatedAt": _iso(3600),
        }
    }


def runs_page_bytes(count: int = 100) -> bytes:
    return json.dumps(runs_page(count), separators=(",", ":")).encode()


def notebook_bytes(blocks: int = 500, inputs: int = 20) -> bytes:
    return json.dumps(notebook(blocks, inputs), separators=(",", ":")).encode()
