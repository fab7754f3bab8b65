"""MkDocs hook: the operations reference page, generated from openapi.yaml at every build.

Guarantees:

- ``reference/operations.md`` is never committed: ``on_files`` adds it to the site from the spec
  as it is at build time, so the page cannot drift from ``openapi.yaml``.
- The page has one section per operation of the spec, grouped by the operation's first tag in the
  order of the spec's ``tags``: method, path, operationId, summary, description, parameters,
  request body fields, success statuses and the operation's ``x-source`` mark.
- The meaning of each ``x-source`` mark is read from the spec's own ``info.description`` list, and
  a table lists every operation under its mark.
- Rendering is a pure function of the spec (``render_operations``); ``python scripts/docs_hooks.py``
  prints the page.
- The API reference (``reference/api.md``, one ``::: module`` line per public module) shows every
  name in each listed module's ``__all__``: a name missing from the built page fails the build.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi.yaml"
OPERATIONS_PAGE = "reference/operations.md"
API_PAGE = "reference/api.md"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def load_spec(path: Path = SPEC_PATH) -> dict[str, Any]:
    with path.open() as f:
        spec: dict[str, Any] = yaml.safe_load(f)
    return spec


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    """Follow ``$ref`` chains: the last component name seen (None if inline) and the node."""
    name = None
    while "$ref" in node:
        ref = node["$ref"]
        name = ref.rsplit("/", 1)[-1]
        target: Any = spec
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return name, node


def _cell(text: object) -> str:
    """Text fit for one Markdown table cell: one line, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _type(spec: dict[str, Any], schema: dict[str, Any]) -> str:
    name, schema = _resolve(spec, schema)
    if name is not None:
        return f"`{name}`"
    if "const" in schema:
        return f"`{schema['const']!r}`"
    if "enum" in schema:
        return "one of " + ", ".join(f"`{value}`" for value in schema["enum"])
    for combinator in ("oneOf", "anyOf"):
        if combinator in schema:
            return " or ".join(_type(spec, variant) for variant in schema[combinator])
    if "allOf" in schema:
        return " and ".join(_type(spec, part) for part in schema["allOf"])
    kind = schema.get("type", "object")
    kinds = kind if isinstance(kind, list) else [kind]
    shown = []
    for one in kinds:
        if one == "array":
            shown.append("array of " + _type(spec, schema.get("items", {})))
        elif one == "string" and "format" in schema:
            shown.append(f"string ({schema['format']})")
        else:
            shown.append(str(one))
    return " or ".join(shown)


def x_source_meanings(spec: dict[str, Any]) -> dict[str, str]:
    """The marks and their meanings, as the spec's ``info.description`` lists them."""
    found = re.findall(r"^- `([a-z-]+)`: (.+)$", spec["info"]["description"], flags=re.MULTILINE)
    return dict(found)


def iter_operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any], list[dict[str, Any]]]]:
    """(method, path, operation, resolved parameters incl. the path's own), in spec order."""
    found = []
    for path, item in spec["paths"].items():
        shared = [_resolve(spec, p)[1] for p in item.get("parameters", [])]
        for method in HTTP_METHODS:
            if method in item:
                operation = item[method]
                own = [_resolve(spec, p)[1] for p in operation.get("parameters", [])]
                found.append((method, path, operation, shared + own))
    return found


def _body_lines(spec: dict[str, Any], operation: dict[str, Any]) -> list[str]:
    body = operation.get("requestBody")
    if body is None:
        return []
    _, body = _resolve(spec, body)
    lines = ["**Request body**" + (" (required)" if body.get("required") else "") + ":", ""]
    for media_type, content in body["content"].items():
        name, schema = _resolve(spec, content.get("schema", {}))
        named = f" (`{name}`)" if name else ""
        properties = schema.get("properties")
        if not properties:
            lines += [f"`{media_type}`{named}: {_type(spec, content.get('schema', {}))}.", ""]
            continue
        required = set(schema.get("required", []))
        lines += [
            f"`{media_type}`{named}:",
            "",
            "| Field | Type | Required | Description |",
            "| --- | --- | --- | --- |",
        ]
        for field, field_schema in properties.items():
            _, resolved = _resolve(spec, field_schema)
            lines.append(
                f"| `{field}` | {_cell(_type(spec, field_schema))} | {'yes' if field in required else 'no'} "
                f"| {_cell(resolved.get('description', field_schema.get('description', '')))} |"
            )
        lines.append("")
    return lines


def _operation_lines(
    spec: dict[str, Any], method: str, path: str, operation: dict[str, Any], parameters: list[dict[str, Any]]
) -> list[str]:
    operation_id = operation["operationId"]
    lines = [
        f"### {operation_id}",
        "",
        f"`{method.upper()} {path}`: {operation['summary']}.",
        "",
        f"operationId `{operation_id}`; source `{operation['x-source']}`.",
        "",
    ]
    if operation.get("description"):
        lines += [" ".join(operation["description"].split()), ""]
    if parameters:
        lines += [
            "**Parameters**:",
            "",
            "| Name | In | Type | Required | Description |",
            "| --- | --- | --- | --- | --- |",
        ]
        for parameter in parameters:
            lines.append(
                f"| `{parameter['name']}` | {parameter['in']} | {_cell(_type(spec, parameter.get('schema', {})))} "
                f"| {'yes' if parameter.get('required') else 'no'} | {_cell(parameter.get('description', ''))} |"
            )
        lines.append("")
    lines += _body_lines(spec, operation)
    successes = [
        (status, _resolve(spec, response)[1])
        for status, response in operation["responses"].items()
        if str(status).startswith("2")
    ]
    lines += ["**Success**:", ""]
    for status, response in successes:
        schemas = [
            _type(spec, content["schema"])
            for content in response.get("content", {}).values()
            if "schema" in content
        ]
        returns = f", returns {' or '.join(schemas)}" if schemas else ", no body"
        lines.append(f"- `{status}` {_cell(response.get('description', ''))}{returns}")
    lines.append("")
    return lines


def render_operations(spec: dict[str, Any]) -> str:
    """The operations reference page (Markdown) for ``spec``."""
    operations = iter_operations(spec)
    meanings = x_source_meanings(spec)
    lines = [
        "# Operations reference",
        "",
        (
            f"Every operation of `openapi.yaml` ({len(operations)} in all), generated from the spec when "
            "the site is built. Each operation's error statuses are in the spec; the client raises them "
            "as the typed errors of [Errors and retries](../errors-and-retries.md)."
        ),
        "",
        "## Where each operation comes from",
        "",
        "| `x-source` | Meaning | Operations |",
        "| --- | --- | --- |",
    ]
    for mark, meaning in meanings.items():
        ids = [
            f"[{op['operationId']}](#{op['operationId'].lower()})"
            for _, _, op, _ in operations
            if op["x-source"] == mark
        ]
        lines.append(f"| `{mark}` | {_cell(meaning)} | {', '.join(ids)} |")
    lines.append("")
    tag_order = [tag["name"] for tag in spec.get("tags", [])]
    descriptions = {tag["name"]: tag.get("description", "") for tag in spec.get("tags", [])}
    by_tag: dict[str, list[tuple[str, str, dict[str, Any], list[dict[str, Any]]]]] = {}
    for entry in operations:
        by_tag.setdefault(entry[2].get("tags", ["Other"])[0], []).append(entry)
    for tag in sorted(
        by_tag, key=lambda name: tag_order.index(name) if name in tag_order else len(tag_order)
    ):
        lines += [f"## {tag}", ""]
        if descriptions.get(tag):
            lines += [descriptions[tag], ""]
        for method, path, operation, parameters in by_tag[tag]:
            lines += _operation_lines(spec, method, path, operation, parameters)
    return "\n".join(lines).rstrip() + "\n"


def on_files(files: Any, config: Any) -> Any:
    """Add the generated operations reference to the site's files."""
    from mkdocs.structure.files import File

    files.append(File.generated(config, OPERATIONS_PAGE, content=render_operations(load_spec())))
    return files


def missing_from_api_page(markdown: str, html: str) -> list[str]:
    """The public names of the page's ``::: module`` entries that the rendered page has no entry for."""
    missing = []
    for module_name in re.findall(r"^::: (\S+)\s*$", markdown, flags=re.MULTILINE):
        module = importlib.import_module(module_name)
        missing += [
            f"{module_name}.{name}" for name in module.__all__ if f'id="{module_name}.{name}"' not in html
        ]
    return missing


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Fail the build when the API reference leaves out a public name."""
    if page.file.src_uri == API_PAGE:
        missing = missing_from_api_page(page.markdown, html)
        if missing:
            from mkdocs.exceptions import PluginError

            raise PluginError(f"{API_PAGE} has no entry for: {', '.join(missing)}")
    return html


if __name__ == "__main__":
    sys.stdout.write(render_operations(load_spec()))
