"""What the model template guarantees beyond the property tests (``test_model_properties.py``).

- Keys the spec does not name are kept in ``additional_properties``; a model without any holds
  none until the first is set, and compares, copies and pickles the same either way.
- The type checks compare the class first and fall back to ``isinstance``: a subclass of the
  JSON type still passes, a ``bool`` is still no integer or number.
- An enum field takes a value newer than the spec; one that is not a string (an unhashable
  array or object included) is a ``ParseError`` naming it. A date-time that is not a string is
  a wrong type, a string that is no ISO 8601 date-time says so.
- A JSON value that is not an object, where a model belongs, is a ``ParseError`` whether or not
  the model has required fields.
"""

from __future__ import annotations

import copy
import datetime
import enum
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from deepnote_client import models
from deepnote_client.errors import ParseError
from deepnote_client.models import (
    CursorPagination,
    ListNotebookRun,
    NotebookBlock,
    NotebookInput,
    RunStatus,
)

ROOT = Path(__file__).resolve().parent.parent
RUN = {"runId": "run-1", "status": "success", "createdAt": "2026-01-02T03:04:05Z"}


class Text(str):
    """A ``str`` subclass, as a caller's own string type would be."""


class Color(enum.StrEnum):
    RED = "red"


def test_a_model_without_extra_keys_has_an_empty_additional_properties() -> None:
    block = NotebookBlock.from_dict({"id": "b1", "type": "code", "content": None})
    assert block.additional_properties == {}
    assert block.additional_keys == []
    assert "anything" not in block
    assert repr(block) == "NotebookBlock(id='b1', type_='code', content=None)"


def test_extra_keys_are_kept_in_order_and_shown() -> None:
    block = NotebookBlock.from_dict({"id": "b1", "later": [1], "type": "code", "first": None})
    assert block.additional_properties == {"later": [1], "first": None}
    assert block.additional_keys == ["later", "first"]
    assert block["later"] == [1]
    assert block.to_dict() == {"id": "b1", "type": "code", "later": [1], "first": None}
    assert repr(block).endswith("additional_properties={'later': [1], 'first': None})")


def test_additional_properties_created_on_access_keeps_what_is_set_in_it() -> None:
    block = NotebookBlock.from_dict({"id": "b1", "type": "code"})
    block.additional_properties["note"] = "kept"
    assert block["note"] == "kept"
    assert block.to_dict() == {"id": "b1", "type": "code", "note": "kept"}
    block["other"] = 2
    del block["note"]
    assert block.additional_properties == {"other": 2}


def test_additional_properties_can_be_replaced() -> None:
    block = NotebookBlock(id="b1", type_="code")
    block.additional_properties = {"x": 1}
    assert block.to_dict() == {"id": "b1", "type": "code", "x": 1}
    assert block.additional_keys == ["x"]


def test_none_and_an_empty_dict_of_extras_compare_equal() -> None:
    parsed = NotebookBlock.from_dict({"id": "b1", "type": "code"})
    built = NotebookBlock(id="b1", type_="code")
    built.additional_properties  # noqa: B018  # reading it creates the empty dict
    assert parsed == built
    assert built == parsed
    built["x"] = 1
    assert parsed != built
    assert NotebookBlock.from_dict({"id": "b1", "type": "code", "x": 1}) == built


@pytest.mark.parametrize("extras", [{}, {"x": [1, {"y": None}]}])
def test_a_parsed_model_survives_copy_and_pickle(extras: dict[str, Any]) -> None:
    block = NotebookBlock.from_dict({"id": "b1", "type": "code", "content": "1", **extras})
    for clone in (copy.copy(block), copy.deepcopy(block), pickle.loads(pickle.dumps(block))):
        assert clone == block
        assert clone.additional_properties == extras
        assert clone.to_dict() == block.to_dict()


@pytest.mark.parametrize("value", [Text("b1"), Color.RED])
def test_a_subclass_of_str_passes_as_a_string(value: str) -> None:
    block = NotebookBlock.from_dict({"id": value, "type": value, "content": value})
    assert block.id is value
    assert block.content is value


@pytest.mark.parametrize(
    ("key", "value", "accepted"),
    [
        ("min", 1, True),
        ("min", 1.5, True),
        ("min", True, False),
        ("min", "1", False),
        ("multiple", True, True),
        ("multiple", False, True),
        ("multiple", 1, False),
        ("multiple", None, False),
        ("options", ["a"], True),
        ("options", ("a",), False),
        ("options", [1], False),
    ],
)
def test_numbers_booleans_and_arrays_are_checked_exactly(key: str, value: Any, accepted: bool) -> None:
    document = {"name": "n", key: value}
    if accepted:
        assert NotebookInput.from_dict(document).to_dict() == document
    else:
        with pytest.raises(ParseError) as caught:
            NotebookInput.from_dict(document)
        assert caught.value.path.startswith(key)
        assert caught.value.reason.startswith("expected")


def test_a_subclass_of_int_and_of_list_passes() -> None:
    class Count(int):
        pass

    class Names(list[str]):
        pass

    parsed = NotebookInput.from_dict({"name": "n", "max": Count(3), "options": Names(["a"])})
    assert parsed.max_ == 3
    assert parsed.options == ["a"]


def test_an_enum_value_newer_than_the_spec_is_kept() -> None:
    run = ListNotebookRun.from_dict({**RUN, "status": "queued_somewhere"})
    assert run.status == "queued_somewhere"
    assert not run.status.is_known
    assert ListNotebookRun.from_dict(RUN).status is RunStatus.SUCCESS


@pytest.mark.parametrize(
    ("status", "found"),
    [(["success"], "array"), ({"a": 1}, "object"), (7, "integer"), (True, "boolean"), (None, "null")],
)
def test_an_enum_value_that_is_not_a_string_is_named(status: Any, found: str) -> None:
    with pytest.raises(ParseError) as caught:
        ListNotebookRun.from_dict({**RUN, "status": status})
    assert caught.value.path == "status"
    assert caught.value.reason == f"expected string, got {found}"
    assert caught.value.__cause__ is None


def test_a_date_time_is_read_from_a_string_or_a_subclass_of_one() -> None:
    expected = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    assert ListNotebookRun.from_dict(RUN).created_at == expected
    assert ListNotebookRun.from_dict({**RUN, "createdAt": Text(RUN["createdAt"])}).created_at == expected


@pytest.mark.parametrize(
    ("created_at", "reason"),
    [
        (1767323045, "expected string, got integer"),
        (["2026-01-02"], "expected string, got array"),
        (None, "expected string, got null"),
        ("yesterday", "expected an ISO 8601 date-time"),
        ("", "expected an ISO 8601 date-time"),
    ],
)
def test_a_date_time_of_the_wrong_type_or_form_is_named(created_at: Any, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        ListNotebookRun.from_dict({**RUN, "createdAt": created_at})
    assert caught.value.path == "createdAt"
    assert caught.value.reason == reason


@pytest.mark.parametrize(
    ("value", "found"),
    [([], "array"), ("text", "string"), (3, "integer"), (1.5, "number"), (False, "boolean"), (None, "null")],
)
# NotebookBlock has required fields (its first read finds the non-object), CursorPagination none.
@pytest.mark.parametrize("model", [NotebookBlock, CursorPagination])
def test_a_value_that_is_not_an_object_is_named(model: Any, value: Any, found: str) -> None:
    with pytest.raises(ParseError) as caught:
        model.from_dict(value)
    assert caught.value.reason == f"expected object, got {found}"
    assert caught.value.path == ""


def test_a_non_object_item_in_an_array_is_named_by_its_index() -> None:
    document = {"notebook": {"id": "nb", "blocks": [{"id": "b0", "type": "code"}, "b1"]}}
    with pytest.raises(ParseError) as caught:
        models.GetNotebookResponse.from_dict(document)
    assert caught.value.path == "notebook.blocks[1]"
    assert caught.value.reason == "expected object, got string"


TYPED_EXTRAS_SPEC = """
openapi: 3.1.0
info: {title: typed extras, version: "1"}
paths:
  /tagged:
    get:
      operationId: getTagged
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Tagged"}
components:
  schemas:
    Tagged:
      type: object
      required: [id]
      properties:
        id: {type: string}
      additionalProperties: {type: integer}
"""


def test_a_model_with_typed_extras_and_fields_parses_with_and_without_extras(tmp_path: Path) -> None:
    """The spec has no such model today; the template's branch for it is generated here."""
    (tmp_path / "spec.yaml").write_text(TYPED_EXTRAS_SPEC)
    generator = Path(sys.executable).parent / "openapi-python-client"
    subprocess.run(
        [
            str(generator),
            "generate",
            "--path",
            "spec.yaml",
            "--config",
            str(ROOT / "openapi-python-client.yaml"),
            "--custom-template-path",
            str(ROOT / "templates"),
            "--meta",
            "none",
            "--output-path",
            "typed_extras",
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={**os.environ, "PATH": f"{generator.parent}{os.pathsep}{os.environ['PATH']}"},
    )
    probe = """
from typed_extras.errors import ParseError
from typed_extras.models.tagged import Tagged
assert Tagged.from_dict({"id": "x"}).additional_properties == {}
assert Tagged.from_dict({"id": "x", "n": 3}).to_dict() == {"n": 3, "id": "x"}
try:
    Tagged.from_dict({"id": "x", "n": "three"})
except ParseError as error:
    assert (error.path, error.reason) == ("n", "expected integer, got string"), error
else:
    raise AssertionError("a wrongly typed extra parsed")
"""
    subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, check=True)
