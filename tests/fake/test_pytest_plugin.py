"""The pytest plugin, seen from a user's project: loaded by its entry point, harmless without the
[fake] extra. (`make package` runs the same user-style file against the installed wheel.)"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import deepnote_fake
import deepnote_fake.pytest_plugin
from deepnote_fake import FakeClock, ServerHandle

ROOT = Path(__file__).resolve().parents[2]
USER_TESTS = ROOT / "examples" / "test_against_the_fake.py"
WITHOUT_EXTRA = """
import sys
sys.modules["starlette"] = None  # as if `pip install deepnote-api-client` without [fake]
sys.modules["uvicorn"] = None
import pytest
sys.exit(pytest.main(["-p", "no:cacheprovider", "-q", "test_user.py"]))
"""
USER_TESTS_WITHOUT_EXTRA = """
from deepnote_fake import SEED_TOKEN, FakeDeepnote

def test_not_using_the_fake():
    assert FakeDeepnote().token == SEED_TOKEN  # the state alone needs no extra

def test_using_the_fake(deepnote_fake):
    pass
"""


def _pytest_in(directory: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_plugin_is_loaded_by_its_entry_point(request: pytest.FixtureRequest) -> None:
    assert request.config.pluginmanager.get_plugin("deepnote_fake") is deepnote_fake.pytest_plugin


def readme_example() -> str:
    """The test in the README's "Testing your own code against the fake" section."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Testing your own code against the fake", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    return block


def test_user_style_test_files_pass_outside_the_repository(tmp_path: Path) -> None:
    """examples/test_against_the_fake.py and the README's example, as a user's project."""
    shutil.copy(USER_TESTS, tmp_path)
    (tmp_path / "test_readme_example.py").write_text(readme_example())
    result = _pytest_in(tmp_path, "-m", "pytest", "-p", "no:cacheprovider", "-q")
    sources = [USER_TESTS.read_text(), readme_example()]
    tests = sum(len(re.findall(r"^def test_", source, re.MULTILINE)) for source in sources)
    assert result.returncode == 0, result.stdout[-3000:]
    assert f"{tests} passed" in result.stdout


def test_without_the_extra_only_tests_using_the_fixture_fail_with_the_install_hint(tmp_path: Path) -> None:
    (tmp_path / "test_user.py").write_text(USER_TESTS_WITHOUT_EXTRA)
    (tmp_path / "run.py").write_text(WITHOUT_EXTRA)
    result = _pytest_in(tmp_path, "run.py")
    assert result.returncode == 1, result.stdout[-3000:]
    assert "1 passed, 1 error" in result.stdout
    assert deepnote_fake.EXTRA_HINT in result.stdout


def test_the_install_hint_names_what_can_be_installed_today() -> None:
    """The package is not on PyPI: the hint says to install from a clone, as the docs' install line does."""
    hint = deepnote_fake.EXTRA_HINT
    assert hint == (
        "the fake Deepnote API needs Starlette and uvicorn, from the [fake] extra; "
        "deepnote-api-client is not on PyPI yet: install it from a clone of its repository, "
        "with the fake: pip install '.[fake]'"
    )
    assert "pip install 'deepnote-api-client" not in hint
    index = " ".join((ROOT / "docs" / "index.md").read_text().split())
    assert "deepnote-api-client is not on PyPI yet: install it from a clone of its repository" in index
    assert "pip install '.[fake]'" in index


def test_the_fixture_runs_on_real_time_so_a_users_run_finishes(deepnote_fake: ServerHandle) -> None:
    """Without asking for ``deepnote_fake_clock``, a run started through ``Deepnote`` ends by itself."""
    from deepnote_overlay import Deepnote

    assert not isinstance(deepnote_fake.state.clock, FakeClock)
    with Deepnote(deepnote_fake.token, base_url=deepnote_fake.base_url) as dn:
        result = dn.run_notebook(deepnote_fake.notebook_id, poll_interval=0.1, timeout=30)
    assert result.status == "success"


def test_asking_for_the_clock_puts_the_fake_on_it(
    deepnote_fake: ServerHandle, deepnote_fake_clock: FakeClock
) -> None:
    assert deepnote_fake.state.clock is deepnote_fake_clock
