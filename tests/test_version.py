"""One version: deepnote_client.__version__, the installed distribution's and the changelog's agree."""

from __future__ import annotations

import importlib.metadata
import re

import deepnote_client
from tests.spec_tools import ROOT

# A release heading of Keep a Changelog: `## [1.2.0] - 2026-12-07`.
RELEASE = re.compile(r"^## \[(\d+\.\d+\.\d+[^\]]*)\] - \d{4}-\d{2}-\d{2}$", re.MULTILINE)


def test_the_distribution_has_the_packages_version() -> None:
    assert importlib.metadata.version("deepnote-api-client") == deepnote_client.__version__


def test_the_changelog_tops_with_unreleased_then_this_version_once_released() -> None:
    text = (ROOT / "CHANGELOG.md").read_text()
    headings = re.findall(r"^## .*$", text, re.MULTILINE)
    assert headings[0] == "## [Unreleased]"
    releases = RELEASE.findall(text)
    assert len(releases) == len(headings) - 1, "every other section is a dated release"
    if releases:
        assert releases[0] == deepnote_client.__version__
