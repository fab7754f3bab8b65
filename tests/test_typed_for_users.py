"""A user's script type-checked with the repository's own ``.venv`` mypy, outside the repo's mypy
settings: every package ships ``py.typed``, so returned objects have their real types, not ``Any``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
from deepnote_overlay import AsyncDeepnote, Deepnote

dn = Deepnote("token", base_url="http://127.0.0.1:9/v2")
reveal_type(dn.notebooks.get("n"))
reveal_type(dn.run_notebook("n"))
dn.notebooks.get(notebook_idd="n")
Deepnote(tokn="token")
AsyncDeepnote(timeout="soon")
Deepnote("token", timeout=5, retry=None, verify=False, max_response_bytes=1024)
"""


def test_mypy_sees_the_packages_types_in_a_users_script(tmp_path: Path) -> None:
    mypy = Path(sys.executable).with_name("mypy")
    if not mypy.exists() and shutil.which("mypy") is None:
        pytest.skip("mypy is not installed here (it comes with the [dev] extra)")
    (tmp_path / "script.py").write_text(SCRIPT)
    checked = subprocess.run(
        [
            str(mypy if mypy.exists() else "mypy"),
            "--no-incremental",
            "--config-file",
            "/dev/null",
            "script.py",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    out = checked.stdout
    assert "missing library stubs or py.typed marker" not in out, out
    assert 'Revealed type is "deepnote_client.models.notebook.Notebook"' in out, out
    assert 'Revealed type is "deepnote_overlay.outputs.RunResult"' in out, out
    assert 'Unexpected keyword argument "notebook_idd"' in out, out
    # The client's settings are declared once (``connection``) and seen by mypy on both clients.
    assert 'Unexpected keyword argument "tokn" for "Deepnote"; did you mean "token"?' in out, out
    assert 'Argument "timeout" to "AsyncDeepnote" has incompatible type "str"' in out, out
    assert out.count("error:") == 3, out
