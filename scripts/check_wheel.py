"""Check a built wheel the way a user meets it: both import packages, each typed, nothing else.

Usage: python scripts/check_wheel.py dist/<name>.whl
Then installs the wheel into a throwaway virtual environment and imports both packages from a
directory outside the checkout, so nothing resolves to the source tree by accident.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path

REQUIRED = (
    "deepnote_client/__init__.py",
    "deepnote_client/py.typed",
    "deepnote_overlay/__init__.py",
    "deepnote_overlay/py.typed",
    "deepnote_client/api/notebooks/get_notebook.py",
)
IMPORT_CHECK = (
    "import deepnote_client, deepnote_overlay, importlib.metadata; "
    "from deepnote_client.api.notebooks import get_notebook; "
    "from deepnote_overlay import Deepnote, AsyncDeepnote; "
    "assert 'site-packages' in deepnote_client.__file__, deepnote_client.__file__; "
    "assert deepnote_client.__version__ == importlib.metadata.version('deepnote-api-client'); "
    "print('imported', deepnote_client.__name__, deepnote_overlay.__name__)"
)


def main(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        sys.exit(f"{wheel.name} lacks {missing}")
    if not any(name.endswith(".dist-info/licenses/LICENSE") for name in names):
        sys.exit(f"{wheel.name} lacks the LICENSE file")
    top_level = sorted(
        {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    )
    if top_level != ["deepnote_client", "deepnote_overlay"]:
        sys.exit(f"{wheel.name} installs unexpected top-level entries: {top_level}")
    with tempfile.TemporaryDirectory() as tmp:
        env_dir = Path(tmp) / "venv"
        venv.create(env_dir, with_pip=True)
        python = env_dir / "bin" / "python"
        subprocess.run([python, "-m", "pip", "install", "--quiet", str(wheel.resolve())], check=True)
        subprocess.run([python, "-c", IMPORT_CHECK], check=True, cwd=tmp)
    print(f"{wheel.name}: OK ({len(names)} files)")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
