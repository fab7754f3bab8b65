"""Shared loading of the spec and of schemathesis.toml for the in-process contract tests."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import schemathesis
import yaml
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.schemas import OpenApiSchema

from deepnote_fake import SEED_TOKEN, FakeDeepnoteApp
from tests.contract import hooks  # noqa: F401  # registers the application/zip serializer

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi.yaml"
CONFIG_PATH = ROOT / "schemathesis.toml"

_SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text())
# The in-process client would send `Host: testserver`, which the fake refuses (loopback names only).
LOOPBACK_HOST = {"Host": "localhost"}


def spec_copy() -> dict[str, Any]:
    """A deep copy of openapi.yaml, safe to mutate."""
    return copy.deepcopy(_SPEC)


def load_config(*, max_examples: int | None = None) -> SchemathesisConfig:
    """schemathesis.toml as `make contract` uses it, with the seed token put in place of
    ``${DEEPNOTE_TOKEN}`` (so the tests neither need nor change the environment), and
    ``LOOPBACK_HOST``."""
    data = tomllib.loads(CONFIG_PATH.read_text())
    data["auth"]["openapi"]["bearerAuth"]["bearer"] = SEED_TOKEN
    data["headers"] = {**data.get("headers", {}), **LOOPBACK_HOST}
    if max_examples is not None:
        data.setdefault("generation", {})["max-examples"] = max_examples
    return SchemathesisConfig.from_dict(data, base_dir=str(ROOT))


def asgi_schema(app: FakeDeepnoteApp, spec: dict[str, Any] | None = None, **config: Any) -> OpenApiSchema:
    """The spec (or a mutated copy) bound to ``app``, called in process (no socket)."""
    schema = schemathesis.openapi.from_dict(
        spec if spec is not None else spec_copy(), config=load_config(**config)
    )
    schema.app = app
    assert isinstance(schema, OpenApiSchema)
    return schema
