"""Every "(reference X)" in the fake names a section of docs/reference/deepnote-api-v2.md, and every
source mark it cites (R-nbpatch, ...) is defined there, so the citations resolve inside the repo."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = (ROOT / "docs" / "reference" / "deepnote-api-v2.md").read_text()
SOURCES = {path: path.read_text() for path in sorted((ROOT / "fake" / "deepnote_fake").rglob("*.py"))}
SECTIONS = set(re.findall(r"^#{2,3} ([A-Z]?[0-9]+(?:\.[0-9]+)?)[ .]", REFERENCE, re.MULTILINE))


def _cited(pattern: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path, text in SOURCES.items():
        for match in re.findall(pattern, text):
            found.setdefault(match, set()).add(path.name)
    return found


def test_the_reference_has_sections() -> None:
    assert {"N1", "R1", "P2", "M1", "1.3"} <= SECTIONS


def test_every_cited_section_exists() -> None:
    cited = _cited(r"\breference ([A-Z][0-9]+|[0-9]+\.[0-9]+)\b")
    assert cited, "the fake cites no section: the pattern above is out of date"
    assert {section: files for section, files in cited.items() if section not in SECTIONS} == {}


def test_every_cited_source_mark_is_defined() -> None:
    marks = _cited(r"\b(R-[a-z]+)\b")
    assert {mark: files for mark, files in marks.items() if mark not in REFERENCE} == {}
