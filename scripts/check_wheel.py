"""Check a built wheel the way a user meets it: its packages, each typed, nothing else; then the
fake's pytest plugin from a user's point of view.

Usage: python scripts/check_wheel.py dist/<name>.whl

In a throwaway virtual environment, from a directory outside the checkout (so nothing resolves to
the source tree by accident):
1. the wheel alone: the three packages import; the fake's state works without the [fake] extra, it
   routes from its own copy of openapi.yaml, and its server says how to get the extra;
2. the wheel with [fake] and pytest (the version pinned in [dev]): examples/test_against_the_fake.py,
   a user-style test file using the ``deepnote_fake`` fixture, passes.
Dependencies come from the package index (pinned: the extra pins Starlette, uvicorn and PyYAML).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
USER_TESTS = ROOT / "examples" / "test_against_the_fake.py"
PACKAGES = ["deepnote_airflow", "deepnote_client", "deepnote_dagster", "deepnote_fake", "deepnote_overlay"]
REQUIRED = (
    "deepnote_client/__init__.py",
    "deepnote_client/py.typed",
    "deepnote_overlay/__init__.py",
    "deepnote_overlay/py.typed",
    "deepnote_client/api/notebooks/get_notebook.py",
    "deepnote_fake/__init__.py",
    "deepnote_fake/py.typed",
    "deepnote_fake/pytest_plugin.py",
    "deepnote_fake/openapi.yaml",
    "deepnote_airflow/operators.py",
    "deepnote_dagster/__init__.py",
)
IMPORT_CHECK = """
import deepnote_client, deepnote_overlay, deepnote_fake
from deepnote_client.api.notebooks import get_notebook
from deepnote_overlay import AsyncDeepnote, Deepnote
from deepnote_overlay.lowlevel import call, connect
import importlib.metadata
assert deepnote_client.__version__ == importlib.metadata.version("deepnote-api-client")
(provider,) = importlib.metadata.entry_points(group="apache_airflow_provider", name="provider_info")
assert provider.value == "deepnote_airflow:get_provider_info", provider  # Airflow finds the provider
for module in (deepnote_client, deepnote_overlay, deepnote_fake):
    assert "site-packages" in module.__file__, module.__file__
assert deepnote_fake.FakeDeepnote().notebook_names(deepnote_fake.SEED_PROJECT_ID) == ["Seed notebook"]
from deepnote_fake.spec import spec_path
assert "site-packages" in str(spec_path()) and spec_path().name == "openapi.yaml", spec_path()
try:
    deepnote_fake.running_server
except ModuleNotFoundError as error:
    assert deepnote_fake.EXTRA_HINT in str(error), error
else:
    raise AssertionError("running_server imported without the [fake] extra")
print("imported", deepnote_client.__name__, deepnote_overlay.__name__, deepnote_fake.__name__)
"""


def pinned(name: str) -> str:
    """The ``name==version`` requirement pinned in pyproject.toml's [dev] extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for requirement in project["optional-dependencies"]["dev"]:
        if re.match(rf"{re.escape(name)}==", requirement):
            return str(requirement)
    raise SystemExit(f"no {name}==... pin in pyproject.toml [dev]")


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
    if top_level != PACKAGES:
        sys.exit(f"{wheel.name} installs unexpected top-level entries: {top_level}")
    with tempfile.TemporaryDirectory() as tmp:
        env_dir = Path(tmp) / "venv"
        venv.create(env_dir, with_pip=True)
        python = env_dir / "bin" / "python"
        pip = [python, "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, str(wheel.resolve())], check=True)
        subprocess.run([python, "-c", IMPORT_CHECK], check=True, cwd=tmp)

        subprocess.run([*pip, f"{wheel.resolve()}[fake]", pinned("pytest")], check=True)
        project = Path(tmp) / "user_project"
        project.mkdir()
        shutil.copy(USER_TESTS, project)
        subprocess.run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider"], check=True, cwd=project)
    print(f"{wheel.name}: OK ({len(names)} files; the user-style tests pass against it)")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
