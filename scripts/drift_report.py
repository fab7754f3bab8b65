"""What real answers held that openapi.yaml does not describe: the drift report of `make contract-live`.

Guarantees:
- ``find_drift(spec, exchanges)`` reads recorded answers (method, URL path, status, content type,
  body) and counts, per schema path (a JSON pointer into the spec): fields an object with named
  properties does not name, string values outside an ``enum``, and statuses an operation does not
  list. Objects without named properties (free-form maps) and typed ``additionalProperties`` are
  maps by design and never drift. ``$ref``s, ``allOf``, ``oneOf``/``anyOf`` (the variant a ``const``
  property selects, else the one naming most keys) are followed as in scripts/spec_diff.py.
- The report holds names, pointers, JSON kinds and counts, never a value: an unknown enum value is
  counted (with how many distinct ones) but not written; values are never stored past the run.
- ``write_reports`` writes ``drift.json`` and ``drift.md`` into a directory; ``read_cassette``
  reads schemathesis's VCR cassette (the recording of the run), skipping non-JSON and truncated bodies.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from spec_diff import METHODS, SpecDoc, join_pointer, merged_schema, property_pointer

_KINDS = {str: "string", bool: "boolean", int: "integer", float: "number", list: "array", dict: "object"}


def json_kind(value: object) -> str:
    return "null" if value is None else _KINDS.get(type(value), type(value).__name__)


@dataclass(frozen=True)
class Exchange:
    """One recorded answer; ``body`` is the decoded JSON, or None when there is none to read."""

    method: str
    path: str
    status: int
    body: Any


@dataclass
class Drift:
    """Counts per schema path; ``_enum_values`` lives only in memory, to count distinct values."""

    answers: int = 0
    fields: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    field_operations: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    enums: Counter[str] = field(default_factory=Counter)
    enum_operations: dict[str, set[str]] = field(default_factory=dict)
    _enum_values: dict[str, set[str]] = field(default_factory=dict)
    statuses: Counter[tuple[str, int]] = field(default_factory=Counter)
    unmatched: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "answers_read": self.answers,
            "answers_without_operation": self.unmatched,
            "fields": [
                {
                    "schema": schema,
                    "field": name,
                    "count": sum(kinds.values()),
                    "value_kinds": dict(sorted(kinds.items())),
                    "operations": sorted(self.field_operations[(schema, name)]),
                }
                for (schema, name), kinds in sorted(self.fields.items())
            ],
            "enum_values": [
                {
                    "schema": schema,
                    "count": count,
                    "distinct": len(self._enum_values[schema]),
                    "operations": sorted(self.enum_operations[schema]),
                }
                for schema, count in sorted(self.enums.items())
            ],
            "statuses": [
                {"operation": operation, "status": status, "count": count}
                for (operation, status), count in sorted(self.statuses.items())
            ],
        }


def _templates(spec: Mapping[str, Any]) -> list[tuple[re.Pattern[str], str, int]]:
    """Each path template as a regex, most literal segments first (`/files/copy` before `/files/{id}`)."""
    found = []
    for path in spec.get("paths") or {}:
        pattern = "".join(
            "[^/]+" if part.startswith("{") else re.escape(part) for part in re.split(r"(\{[^}]*\})", path)
        )
        found.append((re.compile(f"^{pattern}$"), path, -path.count("{")))
    return sorted(found, key=lambda item: item[2], reverse=True)


def _status_listed(responses: Mapping[Any, Any], status: int) -> bool:
    listed = {str(code).upper() for code in responses}
    return str(status) in listed or f"{str(status)[0]}XX" in listed or "DEFAULT" in listed


def find_drift(spec: Mapping[str, Any], exchanges: Iterable[Exchange], base_path: str = "") -> Drift:
    """Count what the answers held that ``spec`` does not describe; see the module's guarantees."""
    doc = SpecDoc(spec)
    templates = _templates(spec)
    drift = Drift()
    for exchange in exchanges:
        path = exchange.path.removeprefix(base_path.rstrip("/")) or "/"
        template = next((t for regex, t, _ in templates if regex.match(path)), None)
        item = (spec.get("paths") or {}).get(template) if template else None
        method = exchange.method.lower()
        if item is None or method not in item or method not in METHODS:
            drift.unmatched += 1
            continue
        drift.answers += 1
        operation = f"{exchange.method.upper()} {template}"
        responses = item[method].get("responses", {})
        if not _status_listed(responses, exchange.status):
            drift.statuses[(operation, exchange.status)] += 1
            continue
        key = next((k for k in responses if str(k) == str(exchange.status)), None)
        if key is None or exchange.body is None:
            continue
        pointer = join_pointer("#/paths", template, method, "responses", str(key))
        answer, pointer = doc.resolve(responses[key], pointer)
        media = (answer.get("content") or {}).get("application/json")
        if media and "schema" in media:
            _walk(
                doc,
                exchange.body,
                media["schema"],
                join_pointer(pointer, "content", "application/json", "schema"),
                drift,
                operation,
            )
    return drift


def _walk(doc: SpecDoc, value: Any, raw: Any, pointer: str, drift: Drift, operation: str) -> None:
    schema, pointer = merged_schema(doc, raw, pointer)
    for combinator in ("oneOf", "anyOf"):
        if combinator in schema:
            chosen = _variant(doc, value, schema[combinator], join_pointer(pointer, combinator))
            if chosen is not None:
                _walk(doc, value, chosen[0], chosen[1], drift, operation)
            return
    if isinstance(value, dict):
        props: Mapping[str, Any] | None = schema.get("properties")
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            if props is not None and key in props:
                _walk(doc, item, props[key], property_pointer(schema, pointer, key), drift, operation)
            elif isinstance(extra, Mapping):
                _walk(doc, item, extra, join_pointer(pointer, "additionalProperties"), drift, operation)
            elif props is not None:
                drift.fields.setdefault((pointer, key), Counter())[json_kind(item)] += 1
                drift.field_operations.setdefault((pointer, key), set()).add(operation)
    elif isinstance(value, list) and "items" in schema:
        for item in value:
            _walk(doc, item, schema["items"], join_pointer(pointer, "items"), drift, operation)
    elif isinstance(value, str) and "enum" in schema and value not in schema["enum"]:
        drift.enums[pointer] += 1
        drift._enum_values.setdefault(pointer, set()).add(value)
        drift.enum_operations.setdefault(pointer, set()).add(operation)


def _variant(doc: SpecDoc, value: Any, variants: list[Any], pointer: str) -> tuple[Any, str] | None:
    """The variant ``value`` belongs to: a matching const, else the most keys named, else the JSON type."""
    best: tuple[int, int] | None = None
    for index, raw in enumerate(variants):
        schema, _ = merged_schema(doc, raw, join_pointer(pointer, index))
        types = schema.get("type")
        allowed = {types} if isinstance(types, str) else set(types or [])
        kind = json_kind(value)
        if allowed and kind not in allowed and not (kind == "integer" and "number" in allowed):
            continue
        props = schema.get("properties", {}) if isinstance(value, dict) else {}
        consts = [(k, p["const"]) for k, p in props.items() if isinstance(p, Mapping) and "const" in p]
        if any(value.get(k) != const for k, const in consts):
            continue
        score = len(consts) * 1000 + (len(props.keys() & value.keys()) if isinstance(value, dict) else 0)
        if best is None or score > best[0]:
            best = (score, index)
    return None if best is None else (variants[best[1]], join_pointer(pointer, best[1]))


def read_cassette(path: Path) -> list[Exchange]:
    """The answers recorded in a schemathesis VCR cassette (bodies decoded only when JSON and whole)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
    exchanges = []
    for interaction in data.get("http_interactions") or []:
        response = interaction.get("response")
        if not response:
            continue
        request = interaction["request"]
        headers = {k.lower(): v for k, v in (response.get("headers") or {}).items()}
        content_type = " ".join(headers.get("content-type") or [])
        text = (response.get("body") or {}).get("string")
        body = None
        if "json" in content_type and text and "truncated_from" not in response:
            try:
                body = json.loads(text)
            except ValueError:
                body = None
        status = int(response["status"]["code"])
        exchanges.append(Exchange(request["method"], urlsplit(request["uri"]).path, status, body))
    return exchanges


def markdown(report: Mapping[str, Any]) -> str:
    lines = [
        "# Drift report: what real answers held that openapi.yaml does not describe",
        "",
        f"{report['answers_read']} answers read. Names, schema paths and counts only; never a value.",
        "",
        "## Fields the spec does not name",
        "",
    ]
    if report["fields"]:
        lines += ["| Schema | Field | Count | Value kinds | Operations |", "|---|---|---|---|---|"]
        for row in report["fields"]:
            kinds = ", ".join(f"{k} {n}" for k, n in row["value_kinds"].items())
            lines.append(
                f"| `{row['schema']}` | `{row['field']}` | {row['count']} | {kinds} | {', '.join(row['operations'])} |"
            )
    else:
        lines.append("None.")
    lines += ["", "## Enum values the spec does not list", ""]
    if report["enum_values"]:
        lines += ["| Schema | Count | Distinct values | Operations |", "|---|---|---|---|"]
        for row in report["enum_values"]:
            lines.append(
                f"| `{row['schema']}` | {row['count']} | {row['distinct']} | {', '.join(row['operations'])} |"
            )
    else:
        lines.append("None.")
    lines += ["", "## Statuses the spec does not list", ""]
    if report["statuses"]:
        lines += ["| Operation | Status | Count |", "|---|---|---|"]
        lines += [f"| {row['operation']} | {row['status']} | {row['count']} |" for row in report["statuses"]]
    else:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def write_reports(drift: Drift, directory: Path) -> tuple[Path, Path]:
    """Write drift.json and drift.md into ``directory`` (created if needed); return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    report = drift.as_json()
    json_path, md_path = directory / "drift.json", directory / "drift.md"
    json_path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    md_path.write_text(markdown(report), encoding="utf-8")
    return json_path, md_path
