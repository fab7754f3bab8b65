"""Shared pytest configuration: the fake Deepnote API fixtures live with the fake itself."""

import os

from hypothesis import settings

pytest_plugins = ["deepnote_fake.pytest_plugin"]

# CI (CI=true) runs one fixed set of generated cases, so a red build always reproduces; local runs
# keep exploring new cases each time.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
