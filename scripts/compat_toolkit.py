"""Drive deepnote-toolkit's ``DeepnoteCloudRunner`` once and print what it read, as JSON.

    .venv-compat/bin/python scripts/compat_toolkit.py BASE_URL NOTEBOOK_ID [NAME=VALUE ...]

Guarantees:
- Runs in ``.venv-compat`` (``make compat-venv``: deepnote-toolkit pinned in
  ``scripts/compat-toolkit.txt``), never in the project's own venv, and imports nothing of this
  project: ``scripts/compat.py`` starts it as a subprocess against a fake on 127.0.0.1.
- Loads the toolkit's runner subpackage (``deepnote_toolkit.notebooks``) without the package's
  ``__init__``, which imports the Jupyter kernel runtime this venv does not install (and, on a
  failed import, reports it to a Deepnote web app over the network).
- The token comes from ``DEEPNOTE_TOKEN`` (never the command line), through a token provider, so
  the output counts how often the runner asked for it (once per request).
- Prints one JSON object: ``info`` (the notebook's name and inputs) and ``result`` (``success``,
  ``status``, ``run_id``, ``error``, ``snapshot_status``, ``text``, ``html``, ``agent_text``,
  ``first_dataframe``, ``images`` in base64, ``outputs`` as ``[block_id, block_type, output_type]``)
  and ``token_requests``; exits 1 with the runner's error on stderr when it raises.
"""

from __future__ import annotations

import base64
import importlib
import json
import os
import sys
import types
from importlib.util import find_spec
from typing import Any


def _runner_module() -> Any:
    spec = find_spec("deepnote_toolkit")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("deepnote_toolkit is not installed in this interpreter: run `make compat-venv`")
    package = types.ModuleType("deepnote_toolkit")
    package.__path__ = list(spec.submodule_search_locations)
    sys.modules["deepnote_toolkit"] = package
    return importlib.import_module("deepnote_toolkit.notebooks")


def main(argv: list[str]) -> int:
    base_url, notebook_id, *pairs = argv
    inputs = dict(pair.split("=", 1) for pair in pairs)
    notebooks = _runner_module()
    asked = 0

    def token() -> str:
        nonlocal asked
        asked += 1
        return os.environ["DEEPNOTE_TOKEN"]

    runner = notebooks.DeepnoteCloudRunner(
        notebook_id,
        token_provider=token,
        base_url=base_url,
        poll_interval=0.05,  # the fake's runs take a fraction of a second
        timeout=60,
        snapshot_timeout=10,
    )
    try:
        info = runner.info()
        result = runner.run(inputs)
    except notebooks.RunnerError as exc:
        print(f"RunnerError: {exc}", file=sys.stderr)
        return 1
    frame = result.first_dataframe()
    report = {
        "info": {
            "notebook": info.notebook,
            "inputs": [[block.variable_name, block.type, block.value] for block in info.inputs],
        },
        "result": {
            "success": result.success,
            "status": result.status,
            "run_id": result.run_id,
            "error": result.error,
            "snapshot_status": result.snapshot_status,
            "text": result.text(),
            "html": result.text("text/html"),
            "agent_text": result.agent_text(),
            "first_dataframe": None
            if frame is None
            else {
                "columns": list(frame.columns),
                "rows": list(frame.rows),
                "row_count": frame.row_count,
                "is_truncated": frame.is_truncated,
                "records_without_index": frame.records(include_index=False),
            },
            "images": [base64.b64encode(image).decode("ascii") for image in result.images()],
            "outputs": [[o.block_id, o.block_type, o.output_type] for o in result.outputs],
        },
        "token_requests": asked,
    }
    json.dump(report, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
