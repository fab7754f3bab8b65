"""The package's names: every name in ``__all__`` resolves (the lazy ones on first use) and is listed."""

from __future__ import annotations

import importlib

import pytest

import deepnote_overlay


def test_every_public_name_resolves_and_dir_lists_it() -> None:
    package = importlib.reload(deepnote_overlay)  # lazy names not looked up yet
    listed = dir(package)
    for name in package.__all__:
        assert name in listed, name
        assert getattr(package, name) is not None, name


def test_an_unknown_name_is_an_attribute_error_naming_it() -> None:
    with pytest.raises(AttributeError, match="module 'deepnote_overlay' has no attribute 'no_such_thing'"):
        deepnote_overlay.no_such_thing  # type: ignore[attr-defined]  # noqa: B018


def test_the_facade_methods_forward_to_the_run_helpers_and_say_so() -> None:
    from deepnote_overlay import AsyncDeepnote, Deepnote, runs
    from deepnote_overlay.facade_helpers import AsyncRunsHelpers, RunsHelpers

    forwarded = [
        (Deepnote.run_notebook, runs.run_notebook),
        (AsyncDeepnote.run_notebook, runs.arun_notebook),
        (RunsHelpers.wait, runs.wait_for_run),
        (AsyncRunsHelpers.wait, runs.await_run),
    ]
    for method, function in forwarded:
        assert method.__wrapped__ is function
        assert method.__doc__ == f"``deepnote_overlay.runs.{function.__name__}`` (imported on first use)."
