"""What a change of openapi.yaml (and of the Python surface) means for the users of this client.

    python scripts/spec_diff.py [--base REF] [--ack FILE] [--skip-missing-base]   # make diff

Guarantees:
- ``diff_specs(old, new)`` lists every change between two OpenAPI documents that a user of the
  client can notice, each with the JSON pointer it is about (a component's pointer when the schema
  is a ``$ref``, else the pointer of the inline schema), a stable ``kind`` and whether it is
  breaking. ``$ref``s are resolved (cycles stop), ``allOf`` is merged, ``oneOf``/``anyOf`` variants
  are matched by their ``$ref`` (else by position). The direction matters: request schemas (what
  the client sends) break when they accept less, response schemas (what the client reads) break
  when they promise less or may hold a type the client does not expect.
- Breaking: an operation removed or moved (method or path changed, found by its operationId); a
  parameter removed or renamed; a request parameter, body or body field newly required; a response
  field removed or no longer required; a type changed (in a request: narrowed; in a response:
  widened); an enum value removed from what the client sends; a set of success statuses changed;
  a media type removed.
- Not breaking: an operation, optional parameter, request or response field added; an enum value
  added (the client keeps an unknown value as such); a response field newly required; an error
  status added or removed.
- The Python surface of ``deepnote_overlay`` and ``deepnote_client`` is compared with griffe (the
  base's sources are read with ``git archive``, no worktree is made); each griffe breakage is a
  breaking change whose pointer is ``python:<object path>``.
- A breaking change is acknowledged by an entry ``{pointer, kind}`` in the committed ack file
  (spec-changes.ack.yaml); the exit status is 1 when a breaking change is not acknowledged, 2 when
  the base cannot be read (0 with ``--skip-missing-base``, saying so), else 0.
- Every finding is also printed as a Keep a Changelog line, grouped under Added / Changed / Removed.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = "openapi.yaml"
ACK_FILE = ROOT / "spec-changes.ack.yaml"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
REQUEST, RESPONSE = "request", "response"
# The packages whose public surface griffe compares, with the folder each lives in.
PYTHON_PACKAGES = (("deepnote_overlay", "overlay"), ("deepnote_client", "generated"))


@dataclass(frozen=True, order=True)
class Change:
    """One change: where (a JSON pointer, or ``python:<path>``), what (``kind``), and its effect."""

    pointer: str
    kind: str
    breaking: bool
    message: str

    @property
    def section(self) -> str:
        """The Keep a Changelog section this change belongs to."""
        if self.kind.endswith("-added"):
            return "Added"
        if self.kind.endswith("-removed"):
            return "Removed"
        return "Changed"

    def changelog_line(self) -> str:
        prefix = "**Breaking:** " if self.breaking else ""
        return f"- {prefix}{self.message} (`{self.pointer}`, {self.kind})"


# --- JSON pointers and $ref resolution -------------------------------------------------------


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def join_pointer(pointer: str, *tokens: str | int) -> str:
    return pointer + "".join("/" + _escape(str(token)) for token in tokens)


class SpecDoc:
    """A spec and the resolution of its local ``$ref``s."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec

    def lookup(self, ref: str) -> Any:
        if not ref.startswith("#"):
            raise ValueError(f"only local $refs are supported, not {ref!r}")
        node: Any = self.spec
        for raw in ref[1:].split("/")[1:]:
            token = raw.replace("~1", "/").replace("~0", "~")
            node = node[int(token)] if isinstance(node, list) else node[token]
        return node

    def resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        """``node`` with its ``$ref`` chain followed, and the pointer of what it ends at."""
        seen: set[str] = set()
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and node["$ref"] not in seen:
            seen.add(node["$ref"])
            pointer = node["$ref"]
            node = self.lookup(pointer)
        return node, pointer


# --- schemas -----------------------------------------------------------------------------------


def _types(schema: Mapping[str, Any]) -> frozenset[str] | None:
    """The JSON types a schema allows (``integer`` counts as a ``number``); None when unconstrained."""
    raw = schema.get("type")
    if raw is None:
        if "properties" in schema:
            raw = "object"
        elif "items" in schema:
            raw = "array"
        else:
            return None
    types = {raw} if isinstance(raw, str) else set(raw)
    if schema.get("nullable") is True:
        types.add("null")
    if "number" in types:
        types.add("integer")
    return frozenset(types)


# Where each property of a merged allOf sits in the spec (a part's own pointer), kept in the merge.
_POINTERS = "x-property-pointers"


def merged_schema(doc: SpecDoc, schema: Any, pointer: str) -> tuple[dict[str, Any], str]:
    """The schema with its ``$ref`` followed and its ``allOf`` parts merged into one."""
    schema, pointer = doc.resolve(schema, pointer)
    if not isinstance(schema, Mapping):
        return {}, pointer
    if "allOf" not in schema:
        return dict(schema), pointer
    merged: dict[str, Any] = {key: value for key, value in schema.items() if key != "allOf"}
    properties: dict[str, Any] = dict(merged.get("properties", {}))
    pointers = {name: join_pointer(pointer, "properties", name) for name in properties}
    required: list[str] = list(merged.get("required", []))
    for index, part in enumerate(schema["allOf"]):
        resolved, part_ptr = merged_schema(doc, part, join_pointer(pointer, "allOf", index))
        for name in resolved.get("properties", {}):
            pointers[name] = property_pointer(resolved, part_ptr, name)
        properties.update(resolved.get("properties", {}))
        required.extend(name for name in resolved.get("required", []) if name not in required)
        for key, value in resolved.items():
            if key not in ("properties", "required", _POINTERS):
                merged.setdefault(key, value)
    if properties:
        merged["properties"] = properties
        merged[_POINTERS] = pointers
    if required:
        merged["required"] = required
    return merged, pointer


def property_pointer(schema: Mapping[str, Any], pointer: str, name: str) -> str:
    """The pointer of property ``name`` of a schema from ``merged_schema`` found at ``pointer``."""
    found: str | None = schema.get(_POINTERS, {}).get(name)
    return found if found is not None else join_pointer(pointer, "properties", name)


def _variant_key(doc: SpecDoc, variant: Any, index: int) -> str:
    if isinstance(variant, Mapping) and isinstance(variant.get("$ref"), str):
        return variant["$ref"]
    resolved, _ = doc.resolve(variant, "")
    if isinstance(resolved, Mapping):
        # A variant told apart by a const property (`type: {const: start}`) is keyed by it.
        for name, prop in sorted(resolved.get("properties", {}).items()):
            if isinstance(prop, Mapping) and "const" in prop:
                return f"{name}={prop['const']}"
    return f"#{index}"


class _SchemaDiff:
    """Compares two schemas in one direction, appending to ``changes``; each pair is compared once."""

    def __init__(self, old: SpecDoc, new: SpecDoc, changes: list[Change]) -> None:
        self.old, self.new, self.changes = old, new, changes
        self.seen: set[tuple[str, str, str]] = set()

    def add(self, pointer: str, kind: str, breaking: bool, message: str) -> None:
        self.changes.append(Change(pointer, kind, breaking, message))

    def compare(self, old: Any, new: Any, old_ptr: str, new_ptr: str, direction: str, where: str) -> None:
        old_schema, old_ptr = merged_schema(self.old, old, old_ptr)
        new_schema, new_ptr = merged_schema(self.new, new, new_ptr)
        key = (old_ptr, new_ptr, direction)
        if key in self.seen:
            return
        self.seen.add(key)
        reading = direction == RESPONSE
        self._types(old_schema, new_schema, new_ptr, direction, where)
        self._enum(old_schema, new_schema, new_ptr, direction, where)
        self._properties(old_schema, new_schema, old_ptr, new_ptr, direction, where)
        if "items" in old_schema and "items" in new_schema:
            self.compare(
                old_schema["items"],
                new_schema["items"],
                join_pointer(old_ptr, "items"),
                join_pointer(new_ptr, "items"),
                direction,
                f"{where}[]",
            )
        for combinator in ("oneOf", "anyOf"):
            old_variants = old_schema.get(combinator)
            new_variants = new_schema.get(combinator)
            if old_variants is None or new_variants is None:
                continue
            old_by = {_variant_key(self.old, v, i): (i, v) for i, v in enumerate(old_variants)}
            new_by = {_variant_key(self.new, v, i): (i, v) for i, v in enumerate(new_variants)}
            for name in sorted(old_by.keys() - new_by.keys()):
                self.add(
                    join_pointer(old_ptr, combinator, old_by[name][0]),
                    "variant-removed",
                    not reading,
                    f"{where}: {combinator} variant {name} removed",
                )
            for name in sorted(new_by.keys() - old_by.keys()):
                self.add(
                    join_pointer(new_ptr, combinator, new_by[name][0]),
                    "variant-added",
                    reading,
                    f"{where}: {combinator} variant {name} added",
                )
            for name in sorted(old_by.keys() & new_by.keys()):
                (oi, ov), (ni, nv) = old_by[name], new_by[name]
                self.compare(
                    ov,
                    nv,
                    join_pointer(old_ptr, combinator, oi),
                    join_pointer(new_ptr, combinator, ni),
                    direction,
                    where,
                )

    def _types(
        self, old: Mapping[str, Any], new: Mapping[str, Any], ptr: str, direction: str, where: str
    ) -> None:
        old_types, new_types = _types(old), _types(new)
        old_format, new_format = old.get("format"), new.get("format")
        if old_types == new_types and old_format == new_format:
            return
        if old_types == new_types:
            self.add(ptr, "format-changed", True, f"{where}: format {old_format} -> {new_format}")
            return
        shown = f"{where}: type {_show(old_types)} -> {_show(new_types)}"
        if old_types is not None and (new_types is None or new_types > old_types):
            # Wider: a request accepts more (fine); a response may hold what the client does not expect.
            self.add(ptr, "type-widened", direction == RESPONSE, shown)
        elif new_types is not None and (old_types is None or new_types < old_types):
            # Narrower: a request refuses what it accepted; a response holds less than it did.
            self.add(ptr, "type-narrowed", direction == REQUEST, shown)
        else:
            self.add(ptr, "type-changed", True, shown)

    def _enum(
        self, old: Mapping[str, Any], new: Mapping[str, Any], ptr: str, direction: str, where: str
    ) -> None:
        old_values, new_values = old.get("enum"), new.get("enum")
        if old_values is None or new_values is None:
            if old_values is None and new_values is not None:
                # A value that was free is now one of a list: a request may be refused.
                self.add(
                    ptr, "enum-added", direction == REQUEST, f"{where}: now one of {len(new_values)} values"
                )
            return
        for value in sorted(set(map(str, old_values)) - set(map(str, new_values))):
            # A value the client may send and the server now refuses; a value the client reads no
            # longer appears, which breaks nothing.
            self.add(
                join_pointer(ptr, "enum"),
                "enum-value-removed",
                direction == REQUEST,
                f"{where}: enum value {value!r} removed",
            )
        for value in sorted(set(map(str, new_values)) - set(map(str, old_values))):
            self.add(
                join_pointer(ptr, "enum"), "enum-value-added", False, f"{where}: enum value {value!r} added"
            )

    def _properties(
        self,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        old_ptr: str,
        new_ptr: str,
        direction: str,
        where: str,
    ) -> None:
        old_props: Mapping[str, Any] = old.get("properties", {})
        new_props: Mapping[str, Any] = new.get("properties", {})
        old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
        reading = direction == RESPONSE
        for name in sorted(old_props.keys() - new_props.keys()):
            # A field the client reads is gone; a field it sends is gone from the model.
            self.add(
                property_pointer(old, old_ptr, name),
                f"{direction}-field-removed",
                True,
                f"{where}.{name}: {direction} field removed",
            )
        for name in sorted(new_props.keys() - old_props.keys()):
            required = name in new_required
            self.add(
                property_pointer(new, new_ptr, name),
                f"{direction}-field-added" if reading or not required else "required-request-field-added",
                not reading and required,
                f"{where}.{name}: {'required ' if required else ''}{direction} field added",
            )
        for name in sorted(old_props.keys() & new_props.keys()):
            pointer = property_pointer(new, new_ptr, name)
            was, now = name in old_required, name in new_required
            if was and not now and reading:
                self.add(
                    pointer, "response-field-no-longer-required", True, f"{where}.{name}: no longer required"
                )
            elif now and not was and not reading:
                self.add(pointer, "request-field-became-required", True, f"{where}.{name}: now required")
            elif now and not was:
                self.add(
                    pointer, "response-field-became-required", False, f"{where}.{name}: now always present"
                )
            elif was and not now:
                self.add(pointer, "request-field-became-optional", False, f"{where}.{name}: now optional")
            self.compare(
                old_props[name],
                new_props[name],
                property_pointer(old, old_ptr, name),
                pointer,
                direction,
                f"{where}.{name}",
            )


def _show(types: frozenset[str] | None) -> str:
    if types is None:
        return "any"
    shown = sorted(types - {"integer"} if "number" in types else types)
    return "|".join(shown)


# --- operations --------------------------------------------------------------------------------


def _normalized(path: str) -> str:
    """A path template with its parameter names dropped: `/projects/{}`."""
    out, depth = [], 0
    for char in path:
        if char == "{":
            depth += 1
            out.append("{}")
        elif char == "}":
            depth -= 1
        elif depth == 0:
            out.append(char)
    return "".join(out)


def _operations(doc: SpecDoc) -> dict[tuple[str, str], tuple[str, str, Mapping[str, Any], list[Any]]]:
    """(METHOD, normalized path) -> (path, pointer, operation, path-level parameters)."""
    found: dict[tuple[str, str], tuple[str, str, Mapping[str, Any], list[Any]]] = {}
    for path, item in (doc.spec.get("paths") or {}).items():
        item, _ = doc.resolve(item, join_pointer("#/paths", path))
        for method in METHODS:
            if method in item:
                pointer = join_pointer("#/paths", path, method)
                found[(method.upper(), _normalized(path))] = (
                    path,
                    pointer,
                    item[method],
                    item.get("parameters", []),
                )
    return found


def _parameters(
    doc: SpecDoc, operation: Mapping[str, Any], shared: list[Any], op_ptr: str
) -> dict[tuple[str, str], tuple[Mapping[str, Any], str]]:
    params: dict[tuple[str, str], tuple[Mapping[str, Any], str]] = {}
    path_ptr = op_ptr.rsplit("/", 1)[0]
    sources = [(p, join_pointer(path_ptr, "parameters", i)) for i, p in enumerate(shared)]
    sources += [
        (p, join_pointer(op_ptr, "parameters", i)) for i, p in enumerate(operation.get("parameters", []))
    ]
    for raw, pointer in sources:
        param, pointer = doc.resolve(raw, pointer)
        if isinstance(param, Mapping) and "name" in param:
            # Path parameters are matched by position in the path, so a renamed one is found too.
            params[(param.get("in", ""), param["name"])] = (param, pointer)
    return params


def _success(operation: Mapping[str, Any]) -> set[str]:
    return {str(status) for status in operation.get("responses", {}) if str(status).startswith("2")}


def diff_specs(old_spec: Mapping[str, Any], new_spec: Mapping[str, Any]) -> list[Change]:
    """Every change from ``old_spec`` to ``new_spec``, sorted by pointer; see the module's guarantees."""
    old, new = SpecDoc(old_spec), SpecDoc(new_spec)
    changes: list[Change] = []
    schemas = _SchemaDiff(old, new, changes)
    old_ops, new_ops = _operations(old), _operations(new)
    new_ids = {
        op.get("operationId"): (key, ptr) for key, (_, ptr, op, _) in new_ops.items() if op.get("operationId")
    }
    for key in sorted(old_ops.keys() - new_ops.keys()):
        _, pointer, op, _ = old_ops[key]
        moved = new_ids.get(op.get("operationId"))
        if moved is not None and moved[0] not in old_ops:
            changes.append(
                Change(
                    pointer,
                    "operation-moved",
                    True,
                    f"{key[0]} {old_ops[key][0]} moved to {moved[0][0]} {new_ops[moved[0]][0]}",
                )
            )
        else:
            changes.append(
                Change(pointer, "operation-removed", True, f"{key[0]} {old_ops[key][0]}: operation removed")
            )
    old_ids = {op.get("operationId") for (_, _, op, _) in old_ops.values()}
    for key in sorted(new_ops.keys() - old_ops.keys()):
        path, pointer, op, _ = new_ops[key]
        if op.get("operationId") is None or op.get("operationId") not in old_ids or key in old_ops:
            changes.append(Change(pointer, "operation-added", False, f"{key[0]} {path}: operation added"))
    for key in sorted(old_ops.keys() & new_ops.keys()):
        _compare_operation(old, new, old_ops[key], new_ops[key], f"{key[0]} {new_ops[key][0]}", schemas)
    # One finding per pointer and kind (a schema shared by several operations is compared once per
    # direction); breaking wins when the two directions disagree.
    merged: dict[tuple[str, str], Change] = {}
    for change in changes:
        known = merged.get((change.pointer, change.kind))
        if known is None or (change.breaking and not known.breaking):
            merged[(change.pointer, change.kind)] = change
    return sorted(merged.values())


def _compare_operation(
    old: SpecDoc,
    new: SpecDoc,
    old_entry: tuple[str, str, Mapping[str, Any], list[Any]],
    new_entry: tuple[str, str, Mapping[str, Any], list[Any]],
    where: str,
    schemas: _SchemaDiff,
) -> None:
    _, old_ptr, old_op, old_shared = old_entry
    _, new_ptr, new_op, new_shared = new_entry
    add = schemas.add
    old_params = _parameters(old, old_op, old_shared, old_ptr)
    new_params = _parameters(new, new_op, new_shared, new_ptr)
    for key in sorted(old_params.keys() - new_params.keys()):
        add(
            old_params[key][1],
            "parameter-removed",
            True,
            f"{where}: {key[0]} parameter {key[1]!r} removed or renamed",
        )
    for key in sorted(new_params.keys() - old_params.keys()):
        required = bool(new_params[key][0].get("required"))
        add(
            new_params[key][1],
            "required-parameter-added" if required else "parameter-added",
            required,
            f"{where}: {'required ' if required else 'optional '}{key[0]} parameter {key[1]!r} added",
        )
    for key in sorted(old_params.keys() & new_params.keys()):
        (old_param, op_), (new_param, np_) = old_params[key], new_params[key]
        if new_param.get("required") and not old_param.get("required"):
            add(
                np_, "parameter-became-required", True, f"{where}: {key[0]} parameter {key[1]!r} now required"
            )
        schemas.compare(
            old_param.get("schema", {}),
            new_param.get("schema", {}),
            join_pointer(op_, "schema"),
            join_pointer(np_, "schema"),
            REQUEST,
            f"{where} {key[1]}",
        )
    old_body, old_body_ptr = old.resolve(old_op.get("requestBody"), join_pointer(old_ptr, "requestBody"))
    new_body, new_body_ptr = new.resolve(new_op.get("requestBody"), join_pointer(new_ptr, "requestBody"))
    if old_body is None and new_body is not None:
        required = bool(new_body.get("required"))
        add(
            new_body_ptr,
            "request-body-added",
            required,
            f"{where}: {'required ' if required else ''}request body added",
        )
    elif old_body is not None and new_body is None:
        add(old_body_ptr, "request-body-removed", True, f"{where}: request body removed")
    elif old_body is not None and new_body is not None:
        if new_body.get("required") and not old_body.get("required"):
            add(new_body_ptr, "request-body-became-required", True, f"{where}: request body now required")
        _compare_content(schemas, old_body, new_body, old_body_ptr, new_body_ptr, REQUEST, f"{where} body")
    old_success, new_success = _success(old_op), _success(new_op)
    if old_success != new_success:
        add(
            join_pointer(new_ptr, "responses"),
            "success-status-changed",
            True,
            f"{where}: success status {'/'.join(sorted(old_success))} -> {'/'.join(sorted(new_success))}",
        )
    old_responses, new_responses = old_op.get("responses", {}), new_op.get("responses", {})
    for status in sorted(set(map(str, old_responses)) - set(map(str, new_responses)) - old_success):
        add(
            join_pointer(old_ptr, "responses", status),
            "error-status-removed",
            False,
            f"{where}: status {status} removed",
        )
    for status in sorted(set(map(str, new_responses)) - set(map(str, old_responses)) - new_success):
        add(
            join_pointer(new_ptr, "responses", status),
            "error-status-added",
            False,
            f"{where}: status {status} added",
        )
    for status in sorted(set(map(str, old_responses)) & set(map(str, new_responses))):
        old_answer, old_answer_ptr = old.resolve(
            _get_status(old_responses, status), join_pointer(old_ptr, "responses", status)
        )
        new_answer, new_answer_ptr = new.resolve(
            _get_status(new_responses, status), join_pointer(new_ptr, "responses", status)
        )
        _compare_content(
            schemas, old_answer, new_answer, old_answer_ptr, new_answer_ptr, RESPONSE, f"{where} {status}"
        )


def _get_status(responses: Mapping[Any, Any], status: str) -> Any:
    return responses[status] if status in responses else responses[int(status)]


def _compare_content(
    schemas: _SchemaDiff,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    old_ptr: str,
    new_ptr: str,
    direction: str,
    where: str,
) -> None:
    old_content, new_content = old.get("content") or {}, new.get("content") or {}
    for media in sorted(old_content.keys() - new_content.keys()):
        schemas.add(
            join_pointer(old_ptr, "content", media), "media-type-removed", True, f"{where}: {media} removed"
        )
    for media in sorted(new_content.keys() - old_content.keys()):
        schemas.add(
            join_pointer(new_ptr, "content", media), "media-type-added", False, f"{where}: {media} added"
        )
    for media in sorted(old_content.keys() & new_content.keys()):
        schemas.compare(
            (old_content[media] or {}).get("schema", {}),
            (new_content[media] or {}).get("schema", {}),
            join_pointer(old_ptr, "content", media, "schema"),
            join_pointer(new_ptr, "content", media, "schema"),
            direction,
            where,
        )


# --- the Python surface ------------------------------------------------------------------------


def python_changes(base: str, repo: Path = ROOT) -> list[Change]:
    """griffe's breaking changes of the public packages, from ``base`` to the working tree."""
    import griffe

    changes: list[Change] = []
    with tempfile.TemporaryDirectory(prefix="spec-diff-") as tmp:
        present = []
        for package, folder in PYTHON_PACKAGES:
            archive = subprocess.run(
                ["git", "archive", "--format=tar", base, "--", f"{folder}/{package}"],
                cwd=repo,
                capture_output=True,
                check=False,
            )
            if archive.returncode != 0:
                continue  # the package did not exist at the base: nothing of it can break
            with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
                tar.extractall(tmp, filter="data")
            if not (repo / folder / package).is_dir():
                changes.append(
                    Change(
                        f"python:{package}", "python-object-removed", True, f"Python API: {package} removed"
                    )
                )
                continue
            present.append(package)
        # One loader per side holds every package, so a class inheriting from another package's
        # (``Deepnote`` from ``deepnote_client.api.Resources``) has its inherited members.
        sides = []
        for root in (Path(tmp), repo):
            loader = griffe.GriffeLoader(search_paths=[str(root / folder) for _, folder in PYTHON_PACKAGES])
            loaded = {package: loader.load(package) for package in present}
            loader.resolve_aliases(external=True)
            sides.append(loaded)
        old_side, new_side = sides
        for package in present:
            for breakage in griffe.find_breaking_changes(old_side[package], new_side[package]):
                # A parameter's breakage names it, so two parameters of one function are two entries.
                param = next(
                    (v for v in (breakage.old_value, breakage.new_value) if isinstance(v, griffe.Parameter)),
                    None,
                )
                where = breakage.obj.path + (f"({param.name})" if param is not None else "")
                explained = breakage.explain(griffe.ExplanationStyle.MARKDOWN).strip()
                changes.append(
                    Change(
                        f"python:{where}",
                        f"python-{breakage.kind.name.lower().replace('_', '-')}",
                        True,
                        f"Python API: {explained.removeprefix('- ')}",
                    )
                )
    return sorted(set(changes))


# --- acknowledgements, output, command line -------------------------------------------------------


def load_acks(path: Path) -> set[tuple[str, str]]:
    """The (pointer, kind) pairs the ack file acknowledges; none when it does not exist."""
    if not path.exists():
        return set()
    data = yaml.safe_load(path.read_text()) or {}
    entries = data.get("acknowledged") or []
    acks: set[tuple[str, str]] = set()
    for entry in entries:
        if not isinstance(entry, Mapping) or "pointer" not in entry or "kind" not in entry:
            raise ValueError(
                f"{path.name}: each acknowledged entry needs a pointer and a kind, got {entry!r}"
            )
        acks.add((str(entry["pointer"]), str(entry["kind"])))
    return acks


def report(changes: Iterable[Change], acks: set[tuple[str, str]]) -> tuple[list[str], int]:
    """The lines to print and the number of breaking changes not acknowledged."""
    changes = list(changes)
    lines: list[str] = []
    open_breaking = 0
    for change in changes:
        acked = (change.pointer, change.kind) in acks
        if change.breaking and not acked:
            open_breaking += 1
        verdict = "BREAKING" if change.breaking else "ok"
        if change.breaking and acked:
            verdict = "BREAKING (acknowledged)"
        lines.append(f"{verdict:<24} {change.kind:<34} {change.pointer}\n{'':<25}{change.message}")
    if not changes:
        lines.append("no changes")
        return lines, 0
    lines += ["", "Changelog lines to paste under ## [Unreleased]:"]
    for section in ("Added", "Changed", "Removed"):
        chosen = [change for change in changes if change.section == section]
        if chosen:
            lines += ["", f"### {section}", *(change.changelog_line() for change in chosen)]
    return lines, open_breaking


def default_base(repo: Path = ROOT) -> str:
    """The latest release tag (``v*``), else ``main``."""
    tags = subprocess.run(
        ["git", "tag", "--list", "v*", "--sort=-v:refname"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    return tags[0] if tags else "main"


def spec_at(base: str, repo: Path = ROOT) -> Mapping[str, Any] | None:
    """The spec at a git reference; None when that reference (or the spec in it) does not exist."""
    shown = subprocess.run(
        ["git", "show", f"{base}:{SPEC}"], cwd=repo, capture_output=True, text=True, check=False
    )
    if shown.returncode != 0:
        return None
    data: Mapping[str, Any] = yaml.safe_load(shown.stdout)
    return data


def main(argv: list[str] | None = None, repo: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--base", default="", help="git reference to compare with (default: latest v* tag, else main)"
    )
    parser.add_argument("--ack", type=Path, default=repo / ACK_FILE.name, help="the acknowledgements file")
    parser.add_argument(
        "--skip-missing-base",
        action="store_true",
        help="exit 0 when the base does not exist (a first commit, a shallow clone)",
    )
    parser.add_argument("--no-python", action="store_true", help="compare the spec only (no griffe)")
    args = parser.parse_args(argv)
    base = args.base or default_base(repo)
    old_spec = spec_at(base, repo)
    if old_spec is None:
        message = f"make diff: {base!r} is not a commit with {SPEC} here (first commit or shallow clone?)"
        if args.skip_missing_base:
            print(f"{message}; nothing to compare, skipped")
            return 0
        print(message, file=sys.stderr)
        return 2
    new_spec = yaml.safe_load((repo / SPEC).read_text())
    changes = diff_specs(old_spec, new_spec)
    if not args.no_python:
        changes += python_changes(base, repo)
    lines, open_breaking = report(changes, load_acks(args.ack))
    print(f"make diff: {SPEC} and the Python API, {base} -> working tree")
    print("\n".join(lines))
    if open_breaking:
        print(
            f"\n{open_breaking} breaking change(s) not acknowledged: add each pointer and kind to "
            f"{args.ack.name} (and a changelog line) once the change is meant.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
