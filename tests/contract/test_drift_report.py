"""The drift report of `make contract-live`: fields, enum values and statuses the spec does not describe.

The live run is pointed at the fake on loopback (as in test_live_mode.py) with a spec that lacks
things the fake sends, so the drift is known in advance. The finder itself is also tested on
recorded answers written by hand.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml

from deepnote_fake import ServerHandle
from tests.contract.support import ROOT, spec_copy

SCRIPTS = ROOT / "scripts"


def _script(name: str) -> ModuleType:
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))  # drift_report imports spec_diff, its sibling
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


contract = _script("contract")
drift_report = _script("drift_report")


def _strings(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return {s for item in value.values() for s in _strings(item)}
    if isinstance(value, list):
        return {s for item in value for s in _strings(item)}
    return set()


def test_live_run_against_the_fake_writes_the_drift_report(
    fake_server: ServerHandle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = spec_copy()
    schemas = spec["components"]["schemas"]
    del schemas["MeWorkspace"]["properties"]["slug"]
    schemas["AccessLevel"]["enum"].remove("admin")  # the seed token's access level
    del spec["paths"]["/notebooks/{notebookId}"]["get"]["responses"]["404"]
    spec_path = tmp_path / "openapi.yaml"
    spec_path.write_text(yaml.safe_dump(spec))
    monkeypatch.setenv("DEEPNOTE_TOKEN", fake_server.token)
    monkeypatch.setenv("DEEPNOTE_BASE_URL", fake_server.base_url)
    monkeypatch.setenv("DEEPNOTE_CONTRACT_RATE_LIMIT", "100000/m")
    monkeypatch.delenv("DEEPNOTE_CONTRACT_ALLOW_WRITES", raising=False)

    only = ("--include-operation-id", "getMe", "--include-operation-id", "getNotebook")
    contract.run_live(spec=spec_path, drift_dir=tmp_path / "report", extra_args=only)

    report = json.loads((tmp_path / "report" / "drift.json").read_text())
    assert [(r["schema"], r["field"], list(r["value_kinds"])) for r in report["fields"]] == [
        ("#/components/schemas/MeWorkspace", "slug", ["string"])
    ]
    assert [(r["schema"], r["distinct"], r["operations"]) for r in report["enum_values"]] == [
        ("#/components/schemas/AccessLevel", 1, ["GET /me"])
    ]
    assert [(r["operation"], r["status"]) for r in report["statuses"]] == [
        ("GET /notebooks/{notebookId}", 404)
    ]
    assert all(r["count"] >= 1 for r in report["fields"] + report["enum_values"] + report["statuses"])
    assert {r.method for r in fake_server.state.requests} == {"GET"}

    markdown = (tmp_path / "report" / "drift.md").read_text()
    assert "| `#/components/schemas/MeWorkspace` | `slug` |" in markdown
    # Never a value: nothing the fake answered (nor the token) is in either file.
    me = httpx.get(
        f"{fake_server.base_url}/me", headers={"Authorization": f"Bearer {fake_server.token}"}
    ).json()
    values = {s for s in _strings(me) if len(s) >= 4} | {"admin", fake_server.token}
    for text in (json.dumps(report), markdown):
        assert not [value for value in values if value in text]


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "1"},
    "paths": {
        "/events/{eventId}": {
            "get": {
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Event"}}},
                    },
                    "4XX": {"description": "client errors"},
                }
            }
        },
        "/events/latest": {
            "get": {
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {}}}}}
            }
        },
    },
    "components": {
        "schemas": {
            "Event": {
                "allOf": [
                    {"type": "object", "properties": {"id": {"type": "string"}}},
                    {
                        "type": "object",
                        "properties": {
                            "place": {
                                "oneOf": [
                                    {"$ref": "#/components/schemas/Start"},
                                    {"$ref": "#/components/schemas/After"},
                                ]
                            },
                            "labels": {
                                "type": "object",
                                "additionalProperties": {"type": "string", "enum": ["a", "b"]},
                            },
                            "metadata": {"type": "object"},
                        },
                    },
                ]
            },
            "Start": {"type": "object", "properties": {"type": {"const": "start"}}},
            "After": {
                "type": "object",
                "properties": {"type": {"const": "after"}, "blockId": {"type": "string"}},
            },
        }
    },
}


def test_finder_follows_all_of_one_of_and_maps() -> None:
    body = {
        "id": "e1",
        "extra": [1],
        "place": {"type": "after", "blockId": "b", "offset": 3},
        "labels": {"x": "a", "y": "zzz", "z": "yyy"},
        "metadata": {"anything": True},  # a free-form object: its keys are not drift
    }
    exchanges = [
        drift_report.Exchange("GET", "/v2/events/e1", 200, body),
        drift_report.Exchange("GET", "/v2/events/e1", 404, None),  # listed as 4XX
        drift_report.Exchange("GET", "/v2/events/e1", 503, None),
        drift_report.Exchange(
            "GET", "/v2/events/latest", 200, {"free": 1}
        ),  # `/latest` wins over `{eventId}`
        drift_report.Exchange("GET", "/v2/unknown", 200, None),
    ]
    report = drift_report.find_drift(SPEC, exchanges, "/v2").as_json()
    assert [(r["schema"], r["field"], r["value_kinds"]) for r in report["fields"]] == [
        ("#/components/schemas/After", "offset", {"integer": 1}),
        ("#/components/schemas/Event", "extra", {"array": 1}),
    ]
    assert report["enum_values"] == [
        {
            "schema": "#/components/schemas/Event/allOf/1/properties/labels/additionalProperties",
            "count": 2,
            "distinct": 2,
            "operations": ["GET /events/{eventId}"],
        }
    ]
    assert report["statuses"] == [{"operation": "GET /events/{eventId}", "status": 503, "count": 1}]
    assert (report["answers_read"], report["answers_without_operation"]) == (4, 1)


def test_cassette_bodies_are_read_only_when_json_and_whole(tmp_path: Path) -> None:
    def interaction(body: str, content_type: str, **extra: Any) -> dict[str, Any]:
        return {
            "request": {"uri": "http://127.0.0.1:1/v2/events/e1?x=1", "method": "GET", "headers": {}},
            "response": {
                "status": {"code": "200", "message": "OK"},
                "headers": {"Content-Type": [content_type]},
                "body": {"encoding": "utf-8", "string": body},
                **extra,
            },
        }

    cassette = tmp_path / "cassette.yaml"
    cassette.write_text(
        yaml.safe_dump(
            {
                "http_interactions": [
                    interaction('{"id": "e1"}', "application/json"),
                    interaction('{"id": "e1"', "application/json", truncated_from=10**6),
                    interaction("plain", "text/plain"),
                    {"request": {"uri": "http://h/v2/x", "method": "GET"}, "response": None},
                ]
            }
        )
    )
    assert drift_report.read_cassette(cassette) == [
        drift_report.Exchange("GET", "/v2/events/e1", 200, {"id": "e1"}),
        drift_report.Exchange("GET", "/v2/events/e1", 200, None),
        drift_report.Exchange("GET", "/v2/events/e1", 200, None),
    ]
