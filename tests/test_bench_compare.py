"""``python -m bench.compare``: rows paired by label, and ``--rename`` for labels that changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import compare


def write(path: Path, rows: dict[str, float]) -> Path:
    sections = [
        {"number": 6, "rows": [{"label": label, "value": {"median": value}} for label, value in rows.items()]}
    ]
    path.write_text(json.dumps({"sections": sections}))
    return path


def test_a_renamed_label_pairs_with_its_new_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = write(tmp_path / "old.json", {"delay, wait_for_run": 2.0, "gone": 1.0})
    new = write(tmp_path / "new.json", {"delay, run.wait": 3.0})

    assert compare.main([str(old), str(new), "--rename", "wait_for_run=run.wait"]) == 0

    lines = capsys.readouterr().out.splitlines()
    paired = [line for line in lines if "delay, run.wait" in line]
    assert len(paired) == 1 and "1.50" in paired[0] and "only in" not in paired[0]
    assert any("gone" in line and "(only in old)" in line for line in lines)


def test_without_the_rename_the_rows_stay_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = write(tmp_path / "old.json", {"delay, wait_for_run": 2.0})
    new = write(tmp_path / "new.json", {"delay, run.wait": 3.0})

    assert compare.main([str(old), str(new)]) == 0

    rows = [line.split() for line in capsys.readouterr().out.splitlines()[1:]]
    assert sorted(rows) == [
        ["6", "delay,", "run.wait", "(only", "in", "new)"],
        ["6", "delay,", "wait_for_run", "(only", "in", "old)"],
    ]


@pytest.mark.parametrize(
    "args", [["one.json"], ["a", "b", "--rename", "no-equals-sign"], ["a", "b", "--rename"]]
)
def test_wrong_arguments_print_the_usage(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert compare.main(args) == 2
    assert "--rename OLD=NEW" in capsys.readouterr().err
