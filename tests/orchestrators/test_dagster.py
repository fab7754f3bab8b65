"""The Dagster resource with Dagster itself: the docs' asset materialised against the fake.

Runs in ``.venv-dagster`` (``make test-dagster``, with the pinned Dagster); elsewhere it is skipped.
"""

from __future__ import annotations

import re
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("dagster", reason="Dagster is installed by `make test-dagster`")

from dagster import materialize

from deepnote_fake import SEED_TOKEN, FakeDeepnote, ServerHandle, running_server
from deepnote_overlay import RunFailedError

ROOT = Path(__file__).resolve().parents[2]
DOCS_DEFINITIONS = re.findall(
    r"```python \{\.engine-dagster\}\n(.*?)```", (ROOT / "docs" / "dagster.md").read_text(), flags=re.DOTALL
)[0]


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[ServerHandle]:
    with running_server(FakeDeepnote()) as handle:
        for name, value in handle.env.items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("DEEPNOTE_NOTEBOOK_ID", handle.notebook_id)
        yield handle


def definitions(fake: ServerHandle) -> types.ModuleType:
    module = types.ModuleType("deepnote_definitions")
    exec(compile(DOCS_DEFINITIONS, "docs/dagster.md", "exec", dont_inherit=True), module.__dict__)  # noqa: S102
    return module


def test_the_docs_asset_materialises_the_notebooks_output(fake: ServerHandle) -> None:
    module = definitions(fake)
    resource = module.DeepnoteResource(token=fake.token, base_url=fake.base_url, poll_interval=0.2)
    result = materialize([module.regional_report], resources={"deepnote": resource})
    assert result.success
    assert result.output_for_node("regional_report") == "hello US\n"
    (materialization,) = result.asset_materializations_for_node("regional_report")
    metadata = materialization.metadata
    assert metadata["run_url"].value.endswith(f"/notebook/{fake.notebook_id}?secondary-sidebar=runs")
    (run,) = fake.state.runs.values()
    assert metadata["run_id"].value == str(run.id)
    assert run.inputs == {"region": "US"}


def test_the_definitions_read_the_token_from_the_environment(fake: ServerHandle) -> None:
    module = definitions(fake)
    token = module.defs.resources["deepnote"].token
    assert token.get_value() == SEED_TOKEN, "EnvVar('DEEPNOTE_TOKEN'): read when the run starts"
    assert SEED_TOKEN not in repr(module.defs.resources["deepnote"])


def test_a_failed_run_fails_the_step_naming_the_block(fake: ServerHandle) -> None:
    fake.state.run_outcome = "error"
    module = definitions(fake)
    resource = module.DeepnoteResource(token=fake.token, base_url=fake.base_url, poll_interval=0.2)
    with pytest.raises(RunFailedError, match="ended with status error"):
        materialize([module.regional_report], resources={"deepnote": resource})
