"""Shared pytest configuration: the fake Deepnote API fixtures live with the fake itself."""

pytest_plugins = ["tests.fake_deepnote.pytest_plugin"]
