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
