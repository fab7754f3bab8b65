"""fake/README.md's "Run outputs" and "Older run shapes" say what the code does: each documented
statement gives exactly the output shown, and the traits table is ``RUN_SHAPE_TRAITS``."""

from __future__ import annotations

import json
import re

from deepnote_fake.outputs import agent_outputs, block_outputs
from deepnote_fake.run_shapes import RUN_SHAPE_TRAITS
from tests.spec_tools import ROOT

README = (ROOT / "fake" / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_each_documented_statement_gives_exactly_the_documented_output() -> None:
    rows = re.findall(r"^\| `(.+?)` \| .+? \| `(\{.+\})` \|$", _section("Run outputs"), flags=re.MULTILINE)
    statements = [statement for statement, _ in rows]
    assert statements[:1] == ['print("total", 3)'] and len(rows) == 7
    assert {"display_html", "display_json", "display_png", "raise"} <= {
        re.split(r"[( ]", s)[0] for s in statements
    }
    for statement, documented in rows:
        outputs, _ = block_outputs(statement, {"region": "EU"})
        assert outputs == [json.loads(documented)], statement


def test_the_documented_dataframe_and_agent_outputs_are_exact() -> None:
    dataframe, agent = re.findall(r"```json\n(.*?)\n```", _section("Run outputs"), flags=re.DOTALL)
    outputs, _ = block_outputs('display_dataframe(rows=250, columns=["a", "b"])', {})
    assert outputs == [json.loads(dataframe)]
    assert agent_outputs("<the block's content>") == [json.loads(agent)]


def test_the_traits_table_is_the_codes() -> None:
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| (.+) \|$", _section("Older run shapes"), flags=re.MULTILINE)
    assert dict(rows) == {name: text for name, text in RUN_SHAPE_TRAITS.items() if name != "spec"}
