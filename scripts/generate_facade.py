#!/usr/bin/env python3
"""Generate the resource classes of ``Deepnote`` / ``AsyncDeepnote`` from openapi.yaml.

    python scripts/generate_facade.py          # write overlay/deepnote_overlay/_resources.py and
                                               # _resource_roots.py beside it
    python scripts/generate_facade.py --check  # fail when either differs from what it would write
    python scripts/generate_facade.py --spec S --generated DIR --output F  # elsewhere

Run by ``make generate`` after the generator, checked by ``make check-generated``.

Inputs: the spec gives the tags, operations, summaries, descriptions and response shapes; the
generated package (``deepnote_client``, imported) gives the parameter names, their types and
defaults (from the signature of each endpoint's public ``sync_detailed``) and the body models' fields
(from their constructors). Nothing is written per operation by hand.

Rules (documented in docs/getting-started.md):

- Attribute: the tag in snake case (``Notebooks`` -> ``dn.notebooks``).
- Method: the operationId in snake case without the tag's noun, singular or plural, the first time
  it appears after the verb (``listNotebookRuns`` -> ``notebooks.list_runs``, ``getMe`` ->
  ``me.get``). Two operations of a tag that would share a name stop the generation.
- Parameters: path parameters positional or keyword, everything else keyword-only, with the
  generated names, types and defaults. A JSON body is taken as keyword fields (the body model's
  constructor arguments) and built into the model by the method; so is a multipart body. A raw
  body (``format: binary``, such as a ZIP) is the generated ``File``, taken as ``body``.
- Helpers: a class ``XHelpers`` in ``facade_helpers`` is a base of ``XResource``; an operation it
  lists in ``replaces`` gets no generated method (the helper's method does that job).
- Return: the success model; a wrapper object whose only property is a required object
  (``{"notebook": {...}}``) is unwrapped to that object. No content (204): ``None``. A raw answer
  (``format: binary``): the generated ``File``. An operation
  with a ``pageToken`` query parameter returns a ``SyncPager`` / ``AsyncPager`` of the items of the
  page's one array property.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import enum
import importlib
import inspect
import keyword
import pkgutil
import re
import subprocess
import sys
import textwrap
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
OUTPUT = ROOT / "overlay" / "deepnote_overlay" / "_resources.py"
ROOTS_NAME = "_resource_roots.py"
HELPERS_MODULE = "deepnote_overlay.facade_helpers"
RESOURCE_MODULE = "deepnote_overlay.resource"
PAGER_LIMITS = ("max_items", "max_pages")
BODY_VARIABLE = "request_body"
PUBLIC_FUNCTIONS = ("sync_detailed", "sync", "asyncio_detailed", "asyncio")
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

GENERATED = ROOT / "generated"


# --- names -----------------------------------------------------------------------------------


def words(name: str) -> list[str]:
    """``listNotebookRuns`` -> ``['list', 'notebook', 'runs']``; ``Project Files`` -> ``['project', 'files']``."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    spaced = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", spaced)
    return [word.lower() for word in re.split(r"[^A-Za-z0-9]+", spaced) if word]


def snake_case(name: str) -> str:
    return "_".join(words(name))


def tag_attribute(tag: str) -> str:
    return snake_case(tag)


def method_name(tag: str, operation_id: str) -> str:
    """The facade method of ``operation_id`` in ``tag``: the verb and what is left without the tag's noun."""
    verb, *rest = words(operation_id)
    noun = words(tag)
    singular = [*noun[:-1], noun[-1][:-1]] if noun[-1].endswith("s") else noun
    for form in (noun, singular):
        for start in range(len(rest) - len(form) + 1):
            if rest[start : start + len(form)] == form:
                rest = rest[:start] + rest[start + len(form) :]
                break
        else:
            continue
        break
    name = "_".join([verb, *rest])
    return f"{name}_" if keyword.iskeyword(name) else name


def class_prefix(tag: str) -> str:
    return "".join(word.capitalize() for word in words(tag))


# --- the spec --------------------------------------------------------------------------------


@dataclass
class Param:
    name: str
    annotation: str
    default: str | None  # source of the default, None when required
    positional: bool
    description: str = ""


@dataclass
class Operation:
    operation_id: str
    tag: str
    method: str
    module: str  # deepnote_client.api.<tag>.<operation>
    summary: str
    description: str
    params: list[Param] = field(default_factory=list)
    body_class: tuple[str, str] | None = None  # (module, class) of the JSON body
    body_fields: list[str] = field(default_factory=list)
    returns: str = "None"
    unwrap: str | None = None  # attribute of the success wrapper to return
    page: tuple[str, str] | None = None  # (item annotation, page annotation)

    @property
    def endpoint(self) -> str:
        return self.module.rsplit(".", 1)[1]

    @property
    def package(self) -> str:
        return self.module.rsplit(".", 1)[0]


class Spec:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            node = self.ref(node["$ref"])
        return node

    def ref(self, pointer: str) -> dict[str, Any]:
        target: Any = self.document
        for part in pointer.removeprefix("#/").split("/"):
            target = target[part]
        return typing.cast(dict[str, Any], target)

    @staticmethod
    def ref_name(node: dict[str, Any]) -> str | None:
        reference = node.get("$ref")
        return reference.rsplit("/", 1)[1] if isinstance(reference, str) else None

    def tags(self) -> list[tuple[str, str]]:
        return [(tag["name"], tag.get("description", "")) for tag in self.document.get("tags", [])]

    def operations(self) -> list[tuple[str, dict[str, Any], list[dict[str, Any]]]]:
        """(HTTP method, operation, parameters including the path item's), in document order."""
        found = []
        for path_item in self.document["paths"].values():
            shared = [self.resolve(p) for p in path_item.get("parameters", [])]
            for method in HTTP_METHODS:
                if method in path_item:
                    operation = path_item[method]
                    own = [self.resolve(p) for p in operation.get("parameters", [])]
                    found.append((method, operation, shared + own))
        return found


# --- types of the generated package ----------------------------------------------------------


class Types:
    """Renders annotations of the generated package as source, collecting what they need imported."""

    def __init__(self) -> None:
        import deepnote_client

        self.classes: dict[str, str] = {}  # class name -> module defining it
        self.namespace: dict[str, type] = {}  # class name -> class, to resolve string annotations
        for info in pkgutil.walk_packages(deepnote_client.__path__, "deepnote_client."):
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                if isinstance(value, type) and value.__module__ == info.name:
                    self.classes.setdefault(name, info.name)
                    self.namespace.setdefault(name, value)
        self.imports: set[tuple[str, str | None]] = set()  # (module, name) or (module, None)

    def _use_class(self, cls: type) -> str:
        if cls.__module__ == "builtins":
            return cls.__name__
        if cls is type(None):
            return "None"
        self.imports.add((cls.__module__, cls.__name__))
        return cls.__name__

    def from_object(self, annotation: Any) -> str:
        """Source of an evaluated annotation (``int | Unset``, ``list[str]``, ``UUID``)."""
        if annotation is None or annotation is type(None):
            return "None"
        if annotation is typing.Any:
            self.imports.add(("typing", "Any"))
            return "Any"
        if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
            return " | ".join(self.from_object(arg) for arg in typing.get_args(annotation))
        origin = typing.get_origin(annotation)
        if origin is typing.Literal:
            self.imports.add(("typing", "Literal"))
            return f"Literal[{', '.join(repr(arg) for arg in typing.get_args(annotation))}]"
        if origin is not None:
            arguments = ", ".join(self.from_object(arg) for arg in typing.get_args(annotation))
            return f"{self._use_class(origin)}[{arguments}]"
        if isinstance(annotation, type):
            return self._use_class(annotation)
        if isinstance(annotation, str):
            return self.from_source(annotation, {})
        raise SystemExit(f"generate_facade: cannot render the annotation {annotation!r}")

    def from_source(self, source: str, namespace: dict[str, Any]) -> str:
        """A string annotation of a generated module whose globals are ``namespace``."""
        tree = ast.parse(source, mode="eval")
        for node in ast.walk(tree):
            if not isinstance(node, ast.Name):
                continue
            name = node.id
            value = namespace.get(name)
            if isinstance(value, types.ModuleType):
                self.imports.add((value.__name__, None))
            elif isinstance(value, type) and value.__module__ != "builtins":
                self._use_class(value)
            elif value is typing.Any:
                self.imports.add(("typing", "Any"))
            elif name in self.classes:
                self.imports.add((self.classes[name], name))
            elif not hasattr(builtins, name) and name != "None":
                raise SystemExit(f"generate_facade: cannot tell where {name!r} of {source!r} comes from")
        return ast.unparse(tree)

    @staticmethod
    def default(value: Any) -> str:
        from deepnote_client.types import UNSET

        if value is UNSET:
            return "UNSET"
        if value is None or isinstance(value, (bool, int, float, str)) and not isinstance(value, enum.Enum):
            return repr(value)
        raise SystemExit(f"generate_facade: cannot render the default {value!r}")


def constructor(cls: type) -> list[inspect.Parameter]:
    return [p for p in inspect.signature(cls).parameters.values() if p.kind is not p.VAR_KEYWORD]


# --- reading one operation -------------------------------------------------------------------


def describe(schema: dict[str, Any], spec: Spec) -> dict[str, str]:
    """Property descriptions of an object schema, by snake-case name."""
    schema = spec.resolve(schema)
    found = {}
    for name, prop in schema.get("properties", {}).items():
        text = prop.get("description") or spec.resolve(prop).get("description", "")
        found[snake_case(name)] = " ".join(text.split())
    return found


def success_response(operation: dict[str, Any], spec: Spec) -> tuple[str, dict[str, Any] | None]:
    codes = sorted(code for code in operation["responses"] if str(code).startswith("2"))
    if len(codes) != 1:
        raise SystemExit(f"generate_facade: {operation['operationId']} has {len(codes)} success statuses")
    response = spec.resolve(operation["responses"][codes[0]])
    content = response.get("content", {})
    schema = (content.get("application/json") or {}).get("schema")
    if schema is None and content:
        # A raw answer (application/octet-stream, application/zip): its schema is a binary string.
        (only,) = content.values()
        schema = only.get("schema")
    return str(codes[0]), schema


def read_operation(
    spec: Spec, types_: Types, method: str, raw: dict[str, Any], parameters: list[dict[str, Any]]
) -> Operation:
    operation_id = raw["operationId"]
    (tag,) = raw["tags"]
    module_name = f"deepnote_client.api.{snake_case(tag)}.{snake_case(operation_id)}"
    module = importlib.import_module(module_name)
    operation = Operation(
        operation_id=operation_id,
        tag=tag,
        method=method_name(tag, operation_id),
        module=module_name,
        summary=" ".join(raw.get("summary", "").split()),
        description=raw.get("description", "").strip(),
    )
    path_names = {snake_case(p["name"]) for p in parameters if p["in"] == "path"}
    descriptions = {snake_case(p["name"]): " ".join(p.get("description", "").split()) for p in parameters}
    # The stock generator's public functions, in order of preference; their signatures are the
    # operation's parameters. Annotations may be strings naming TYPE_CHECKING-only imports, hence
    # the namespace of every generated class.
    function = next(getattr(module, name) for name in PUBLIC_FUNCTIONS if hasattr(module, name))
    hints = typing.get_type_hints(function, globalns={**types_.namespace, **vars(module)})
    for parameter in inspect.signature(function).parameters.values():
        if parameter.name == "client":
            continue
        if parameter.name == "body":
            read_body(operation, spec, types_, raw, hints["body"], parameter)
            continue
        required = parameter.default is inspect.Parameter.empty
        operation.params.append(
            Param(
                name=parameter.name,
                annotation=types_.from_object(hints[parameter.name]),
                default=None if required else types_.default(parameter.default),
                positional=parameter.name in path_names,
                description=descriptions.get(parameter.name, ""),
            )
        )
    read_result(operation, spec, types_, raw, parameters)
    names = [p.name for p in operation.params]
    clashes = {name for name in names if names.count(name) > 1} | ({BODY_VARIABLE, "self"} & set(names))
    if operation.page:
        clashes |= set(PAGER_LIMITS) & set(names)
    if clashes:
        raise SystemExit(f"generate_facade: {operation_id} has clashing parameter names {sorted(clashes)}")
    return operation


def read_body(
    operation: Operation,
    spec: Spec,
    types_: Types,
    raw: dict[str, Any],
    body_type: Any,
    parameter: inspect.Parameter,
) -> None:
    if parameter.default is not inspect.Parameter.empty or not isinstance(body_type, type):
        raise SystemExit(
            f"generate_facade: {operation.operation_id}: only a required model body is supported"
        )
    (content_type,) = raw["requestBody"]["content"]  # one content type per body (the generator's too)
    schema = raw["requestBody"]["content"][content_type]["schema"]
    if spec.resolve(schema).get("format") == "binary":
        # A raw body (application/zip, application/octet-stream): the generated ``File``, passed on.
        operation.params.append(
            Param(
                name="body",
                annotation=types_.from_object(body_type),
                default=None,
                positional=False,
                description=" ".join(str(raw["requestBody"].get("description", "")).split()),
            )
        )
        return
    descriptions = describe(schema, spec)
    namespace = vars(sys.modules[body_type.__module__])
    operation.body_class = (body_type.__module__, body_type.__name__)
    for field_ in constructor(body_type):
        required = field_.default is inspect.Parameter.empty
        annotation = field_.annotation
        operation.params.append(
            Param(
                name=field_.name,
                annotation=(
                    types_.from_source(annotation, namespace)
                    if isinstance(annotation, str)
                    else types_.from_object(annotation)
                ),
                default=None if required else types_.default(field_.default),
                positional=False,
                description=descriptions.get(field_.name, ""),
            )
        )
        operation.body_fields.append(field_.name)


def read_result(
    operation: Operation, spec: Spec, types_: Types, raw: dict[str, Any], parameters: list[dict[str, Any]]
) -> None:
    _, schema = success_response(raw, spec)
    if schema is None:
        return
    if spec.resolve(schema).get("format") == "binary":
        from deepnote_client.types import File

        operation.returns = types_.from_object(File)  # the generated parse_response's File
        return
    name = Spec.ref_name(schema)
    if name is None or name not in types_.classes:
        raise SystemExit(f"generate_facade: {operation.operation_id}: the success body must be a named model")
    model = getattr(importlib.import_module(types_.classes[name]), name)
    namespace = vars(sys.modules[model.__module__])
    resolved = spec.resolve(schema)
    properties = resolved.get("properties", {})

    def field_annotation(prop: str) -> str:
        matches = [p for p in constructor(model) if p.name == snake_case(prop)]
        if len(matches) != 1:
            raise SystemExit(f"generate_facade: {name} has no constructor argument for {prop!r}")
        found = matches[0]
        annotation = found.annotation
        if isinstance(annotation, str):
            return types_.from_source(annotation, namespace)
        return types_.from_object(annotation)

    if "x-page-items" in resolved:
        # The spec names the items field (the same extension the endpoint template reads).
        items_field = resolved["x-page-items"]
        if items_field not in properties or "pagination" not in properties:
            raise SystemExit(
                f"generate_facade: {operation.operation_id}: x-page-items {items_field!r} is not a field "
                "beside pagination"
            )
        items = field_annotation(items_field)
        match = re.fullmatch(r"list\[(.+)\]", items)
        if match is None:
            raise SystemExit(f"generate_facade: {operation.operation_id}: items typed {items!r}")
        operation.page = (match.group(1), types_.from_source(name, {name: model}))
        return
    (only, *more) = properties or [None]
    only_schema = spec.resolve(properties[only]) if only else {}
    if (
        only
        and not more
        and only in resolved.get("required", [])
        and "$ref" in properties[only]
        and (only_schema.get("type") == "object" or "allOf" in only_schema)
    ):
        operation.unwrap = snake_case(only)
        operation.returns = field_annotation(only)
    else:
        operation.returns = types_.from_source(name, {name: model})


# --- rendering -------------------------------------------------------------------------------


def docstring(operation: Operation, indent: str, paginated_note: str) -> str:
    parts = [operation.summary or operation.operation_id]
    if operation.description:
        parts.append(textwrap.fill(" ".join(operation.description.split()), width=96))
    args = [
        textwrap.fill(
            f"{p.name}: {p.description}", width=92, initial_indent="    ", subsequent_indent="        "
        )
        for p in operation.params
        if p.description
    ]
    if args:
        parts.append("Args:\n" + "\n".join(args))
    if paginated_note:
        parts.append(textwrap.fill(paginated_note, width=96))
    parts.append(f"Operation ``{operation.operation_id}``: ``{operation.module}``.")
    text = "\n\n".join(parts).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return textwrap.indent(f'"""{text}\n"""', indent).lstrip()


def signature(operation: Operation) -> str:
    positional = [p for p in operation.params if p.positional]
    keyword_only = [p for p in operation.params if not p.positional]
    # Required keyword-only parameters first only for readability; keyword-only order is free.
    keyword_only.sort(key=lambda p: p.default is not None)

    def render(p: Param) -> str:
        return f"{p.name}: {p.annotation}" + ("" if p.default is None else f" = {p.default}")

    items = ["self", *(render(p) for p in positional)]
    if keyword_only or operation.page:
        items.append("*")
        items.extend(render(p) for p in keyword_only)
    if operation.page:
        items.extend(f"{limit}: int | None = None" for limit in PAGER_LIMITS)
    return ", ".join(items)


def method_source(operation: Operation, asynchronous: bool) -> str:
    indent = " " * 8
    if operation.page:
        pager = "AsyncPager" if asynchronous else "SyncPager"
        returns = f"{pager}[{operation.page[0]}, {operation.page[1]}]"
        note = (
            f"Returns a lazy ``{pager}``: iterate it ({'``async for``' if asynchronous else '``for``'}) for the "
            "items across pages, or its ``pages()`` for whole pages; ``max_items`` and ``max_pages`` "
            "stop early."
        )
    else:
        returns, note = operation.returns, ""
    define = "async def" if asynchronous and not operation.page else "def"
    lines = [
        f"    {define} {operation.method}({signature(operation)}) -> {returns}:",
        f"{indent}{docstring(operation, indent, note)}",
        f"{indent}from {operation.package} import {operation.endpoint}",
    ]
    arguments = [f"{p.name}={p.name}" for p in operation.params if p.name not in operation.body_fields]
    if operation.body_class:
        module, cls = operation.body_class
        lines.append(f"{indent}from {module} import {cls}")
        lines.append("")
        fields = ", ".join(f"{name}={name}" for name in operation.body_fields)
        lines.append(f"{indent}{BODY_VARIABLE} = {cls}({fields})")
        arguments.append(f"body={BODY_VARIABLE}")
    else:
        lines.append("")
    if operation.page:
        call_arguments = ", ".join(f'"{a.split("=")[0]}": {a.split("=")[0]}' for a in arguments)
        lines.append(
            f"{indent}return {pager}({operation.endpoint}, self._client, max_items=max_items, "
            f"max_pages=max_pages, arguments={{{call_arguments}}})"
        )
        return "\n".join(lines)
    call = f"{'await acall' if asynchronous else 'call'}({operation.endpoint}, client=self._client"
    call += "".join(f", {a}" for a in arguments) + ")"
    if operation.returns == "None":
        lines.append(f"{indent}{call}")
    elif operation.unwrap:
        lines.append(
            f"{indent}return ({call}).{operation.unwrap}"
            if asynchronous
            else f"{indent}return {call}.{operation.unwrap}"
        )
    else:
        lines.append(f"{indent}return {call}")
    return "\n".join(lines)


def render(spec: Spec, types_: Types, operations: list[Operation]) -> tuple[str, str]:
    helpers = importlib.import_module(HELPERS_MODULE)
    resource = importlib.import_module(RESOURCE_MODULE)
    by_tag: dict[str, list[Operation]] = {}
    for operation in operations:
        by_tag.setdefault(operation.tag, []).append(operation)
    tag_descriptions = dict(spec.tags())
    tags = [tag for tag, _ in spec.tags() if tag in by_tag] + sorted(set(by_tag) - set(tag_descriptions))

    classes: list[str] = []
    helper_imports: list[str] = []
    replaced: dict[str, str] = {}  # operationId -> the helper method that does its job
    for asynchronous in (False, True):
        for tag in tags:
            side = "AsyncResource" if asynchronous else "Resource"
            prefix = ("Async" if asynchronous else "") + class_prefix(tag)
            bases = [side]
            helper = getattr(helpers, f"{prefix}Helpers", None)
            operations_here = by_tag[tag]
            if helper is not None:
                if not issubclass(helper, getattr(resource, side)):
                    raise SystemExit(f"generate_facade: {helper.__name__} must derive from {side}")
                helper_imports.append(helper.__name__)
                bases = [helper.__name__]
                replaces: dict[str, str] = getattr(helper, "replaces", {})
                unknown = set(replaces) - {operation.operation_id for operation in operations_here}
                if unknown:
                    raise SystemExit(
                        f"generate_facade: {helper.__name__} replaces unknown operations {unknown}"
                    )
                replaced.update(replaces)
                operations_here = [op for op in operations_here if op.operation_id not in replaces]
                taken = {name for name in dir(helper) if not name.startswith("_")}
                clash = taken & {operation.method for operation in operations_here}
                if clash:
                    raise SystemExit(f"generate_facade: {helper.__name__} defines operation names {clash}")
            methods = {operation.method for operation in operations_here}
            if len(methods) != len(operations_here):
                raise SystemExit(f"generate_facade: two operations of {tag} map to one method name")
            description = " ".join(tag_descriptions.get(tag, "").split()) or f"The {tag} operations."
            body = [
                f"class {prefix}Resource({', '.join(bases)}):",
                f'    """{description}"""',
                "",
                "    __slots__ = ()",
            ]
            for operation in operations_here:
                body.extend(["", method_source(operation, asynchronous)])
            classes.append("\n".join(body))

    roots = []
    root_imports: list[str] = []
    for asynchronous in (False, True):
        prefix = "Async" if asynchronous else ""
        facade = "AsyncDeepnote" if asynchronous else "Deepnote"
        lines = [
            f"class {prefix}Resources:",
            f'    """The resources of ``{facade}``: one attribute per spec tag, made on first use."""',
            "",
            "    _client: AuthenticatedClient",
        ]
        for tag in tags:
            description = " ".join(tag_descriptions.get(tag, "").split()) or f"The {tag} operations."
            cls = f"{prefix}{class_prefix(tag)}Resource"
            root_imports.append(cls)
            lines.extend(
                [
                    "",
                    "    @functools.cached_property",
                    f"    def {tag_attribute(tag)}(self) -> {cls}:",
                    f'        """{description}"""',
                    f"        from ._resources import {cls}",
                    "",
                    f"        return {cls}(self._client)",
                ]
            )
        roots.append("\n".join(lines))

    methods_table = [
        f'    "{op.operation_id}": '
        f'("{tag_attribute(op.tag)}.{replaced.get(op.operation_id, op.method)}", "{op.module}"),'
        for op in operations
    ]
    source = "\n\n\n".join(classes)
    # A method named like a builtin (``list``) hides it inside the class body, so annotations
    # there name the builtin through ``builtins``.
    shadowed = {op.method for op in operations} & {
        "list",
        "dict",
        "set",
        "type",
        "str",
        "int",
        "bool",
        "float",
    }
    for name in sorted(shadowed):
        source = re.sub(rf"(?<![\w.\"]){name}\[", f"builtins.{name}[", source)
    imports = import_block(types_, helper_imports, bool(shadowed))
    header = (
        '"""Resource classes of ``Deepnote`` and ``AsyncDeepnote``: one per spec tag, one method per operation.\n\n'
        "Generated by ``scripts/generate_facade.py`` from ``openapi.yaml`` and the generated package:\n"
        "do not edit; change the spec (or the script) and run ``make generate``.\n"
        '"""'
    )
    table = "\n".join(
        [
            "# operationId -> (facade method, generated module); the docs' operations reference reads it.",
            "OPERATIONS: dict[str, tuple[str, str]] = {",
            *methods_table,
            "}",
        ]
    )
    all_names = sorted(
        ["OPERATIONS"] + [f"{p}{class_prefix(t)}Resource" for p in ("", "Async") for t in tags]
    )
    exports = "__all__ = [\n" + "".join(f'    "{name}",\n' for name in all_names) + "]"
    return f"{header}\n\n{imports}\n\n{exports}\n\n{table}\n\n\n{source}\n", render_roots(roots, root_imports)


def render_roots(roots: list[str], classes: list[str]) -> str:
    """The module of ``Resources`` / ``AsyncResources``, which ``Deepnote`` / ``AsyncDeepnote`` inherit.

    Apart from ``_resources`` so that ``import deepnote_overlay`` does not run the resource
    classes' bodies (about a fifth of the overlay's own import time): each attribute imports its
    class on first use.
    """
    header = (
        '"""The resource attributes of ``Deepnote`` and ``AsyncDeepnote``, one per spec tag, made on first use.\n\n'
        "Each imports its class from ``_resources`` when first read, so importing the facade does not\n"
        "load them. Generated by ``scripts/generate_facade.py``: do not edit; run ``make generate``.\n"
        '"""'
    )
    checking = ["    from deepnote_client.client import AuthenticatedClient", ""]
    checking += ["    from ._resources import (", *(f"        {name}," for name in sorted(classes)), "    )"]
    imports = "\n".join(
        ["from __future__ import annotations", "", "import functools", "from typing import TYPE_CHECKING", ""]
        + ["if TYPE_CHECKING:", *checking]
    )
    exports = '__all__ = ["AsyncResources", "Resources"]'
    return f"{header}\n\n{imports}\n\n{exports}\n\n\n" + "\n\n\n".join(roots) + "\n"


def import_block(types_: Types, helper_imports: list[str], needs_builtins: bool) -> str:
    standard = ["from __future__ import annotations", ""]
    if needs_builtins:
        standard.append("import builtins")
    standard += ["import functools", "from typing import TYPE_CHECKING"]
    runtime = [
        "",
        "from deepnote_client.client import AuthenticatedClient",
        "from deepnote_client.types import UNSET, Unset",
        "",
        "from .calls import acall, call",
    ]
    if helper_imports:
        runtime.append(f"from .facade_helpers import {', '.join(sorted(set(helper_imports)))}")
    runtime.append("from .resource import AsyncPager, AsyncResource, Resource, SyncPager")
    checking = []
    for module, name in sorted(types_.imports, key=lambda item: (item[0], item[1] or "")):
        if (module, name) in {("deepnote_client.types", "Unset"), ("typing", "TYPE_CHECKING")}:
            continue
        checking.append(f"    import {module}" if name is None else f"    from {module} import {name}")
    block = standard + runtime
    if checking:
        block += ["", "if TYPE_CHECKING:", *checking]
    return "\n".join(block)


def ruff_format(source: str) -> str:
    ruff = Path(sys.executable).parent / "ruff"
    relative = OUTPUT.relative_to(ROOT)  # ruff's settings (pyproject.toml) for the committed file
    fixed = subprocess.run(
        [str(ruff), "check", "--fix-only", "--stdin-filename", str(relative), "-"],
        input=source,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    return subprocess.run(
        [str(ruff), "format", "--stdin-filename", str(relative), "-"],
        input=fixed,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout


def build(spec_path: Path) -> tuple[str, str]:
    """The resources module's source and the resource roots module's source."""
    spec = Spec(yaml.safe_load(spec_path.read_text(encoding="utf-8")))
    types_ = Types()
    operations = [read_operation(spec, types_, *found) for found in spec.operations()]
    resources, roots = render(spec, types_, operations)
    return ruff_format(resources), ruff_format(roots)


def shown(path: Path) -> str:
    """``path`` relative to the checkout when inside it."""
    resolved = path.resolve()
    return str(resolved.relative_to(ROOT)) if resolved.is_relative_to(ROOT) else str(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail when the written files are stale")
    parser.add_argument("--spec", type=Path, default=SPEC, help="the OpenAPI document")
    parser.add_argument(
        "--generated", type=Path, default=GENERATED, help="the folder holding deepnote_client"
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help="the module to write")
    args = parser.parse_args()
    # The generated package given, and this checkout's overlay (for the helpers), come first.
    sys.path[:0] = [str(args.generated.resolve()), str(ROOT / "overlay")]
    module, roots = build(args.spec)
    # The roots module sits beside the resources module (its attributes import ``._resources``).
    outputs: list[tuple[Path, str]] = [(args.output, module), (args.output.with_name(ROOTS_NAME), roots)]
    stale = [path for path, new in outputs if not path.exists() or path.read_text(encoding="utf-8") != new]
    if args.check:
        if stale:
            names = ", ".join(map(shown, stale))
            print(f"{names} stale: run 'make generate' and commit the result", file=sys.stderr)
            return 1
        print(f"{' and '.join(shown(path) for path, _ in outputs)} match {shown(args.spec)}")
        return 0
    for path, new in outputs:
        path.write_text(new, encoding="utf-8")
    for path in stale:
        print(f"wrote {shown(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
