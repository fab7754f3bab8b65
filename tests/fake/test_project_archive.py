"""Project settings, export and import: the fake's rules over HTTP."""

from __future__ import annotations

import hashlib
import io
import zipfile

import httpx
import pytest
import yaml

from deepnote_fake import (
    SEED_NOTEBOOK_ID,
    SEED_POSTGRES_INTEGRATION_ID,
    SEED_PROJECT_ID,
    Block,
    FakeDeepnote,
    NotebookInput,
    deepnote_format,
)
from deepnote_fake.documents import content_hash

UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000"


def _message(response: httpx.Response) -> str:
    body = response.json()
    assert set(body) == {"message"}, body
    return str(body["message"])


def _export(client: httpx.Client, project_id: str = SEED_PROJECT_ID) -> dict[str, bytes]:
    response = client.get(f"/projects/{project_id}/export")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(documents: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in documents.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _import(client: httpx.Client, documents: dict[str, bytes], **params: str) -> httpx.Response:
    return client.post(
        f"/projects/{SEED_PROJECT_ID}/import",
        content=_zip(documents),
        params=params,
        headers={"Content-Type": "application/zip"},
    )


def _edit(document: bytes, **changes: str) -> bytes:
    data = yaml.safe_load(document)
    notebook = data["project"]["notebooks"][0]
    for key, value in changes.items():
        if key == "content":
            notebook["blocks"][-1]["content"] = value
        else:
            notebook[key] = value
    return yaml.safe_dump(data, sort_keys=False).encode()


# ------------------------------------------------------------------------------------- PATCH


def test_patch_updates_static_files_and_the_rules_hold(
    client: httpx.Client, fake_state: FakeDeepnote
) -> None:
    url = f"/projects/{SEED_PROJECT_ID}"
    refused = client.patch(url, json={"staticFiles": {"apiAccessEnabled": True}})
    assert (refused.status_code, _message(refused)) == (
        400,
        "API access cannot be enabled while sharing is disabled",
    )
    both = client.patch(url, json={"staticFiles": {"sharingEnabled": True, "apiAccessEnabled": True}})
    assert both.status_code == 200, both.text
    static = both.json()["project"]["staticFiles"]
    assert (static["sharingEnabled"], static["apiAccessEnabled"]) == (True, True)
    off = client.patch(url, json={"staticFiles": {"sharingEnabled": False}})
    static = off.json()["project"]["staticFiles"]
    assert (static["sharingEnabled"], static["apiAccessEnabled"]) == (
        False,
        False,
    )  # disabling sharing disables API access
    assert client.get(url).json()["project"]["staticFiles"]["apiAccessEnabled"] is False


def test_patch_streamlit_access_and_environment(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    response = client.patch(
        f"/projects/{SEED_PROJECT_ID}",
        json={"streamlitAppApiAccessEnabled": True, "environmentId": "python-3.11"},
    )
    assert response.status_code == 200, response.text
    project = fake_state.projects[SEED_PROJECT_ID]
    assert (project.streamlit_app_api_access_enabled, project.environment_id) == (True, "python-3.11")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "At least one of staticFiles, streamlitAppApiAccessEnabled, environmentId is required"),
        ({"staticFiles": {}}, "staticFiles needs at least one of sharingEnabled, apiAccessEnabled"),
        ({"staticFiles": {"sharingEnabled": "yes"}}, "sharingEnabled must be a boolean"),
        ({"streamlitAppApiAccessEnabled": 1}, "streamlitAppApiAccessEnabled must be a boolean"),
        ({"environmentId": ""}, "environmentId must not be empty"),
    ],
)
def test_patch_validation(client: httpx.Client, body: dict[str, object], message: str) -> None:
    response = client.patch(f"/projects/{SEED_PROJECT_ID}", json=body)
    assert (response.status_code, _message(response)) == (400, message)


def test_patch_unknown_project_is_404(client: httpx.Client) -> None:
    response = client.patch(f"/projects/{UNKNOWN_UUID}", json={"environmentId": "x"})
    assert (response.status_code, _message(response)) == (404, "Project not found")


# ------------------------------------------------------------------------------------ export


def test_export_is_one_plausible_document_per_notebook(
    client: httpx.Client, fake_state: FakeDeepnote
) -> None:
    fake_state.add_notebook(SEED_PROJECT_ID, "Seed notebook!")  # slugs collide: made unique
    documents = _export(client)
    assert sorted(documents) == ["seed-notebook-2.deepnote", "seed-notebook.deepnote"]
    parsed = [yaml.safe_load(content) for content in documents.values()]
    assert {doc["version"] for doc in parsed} == {"1.0.0"}
    assert len({doc["metadata"]["modifiedAt"] for doc in parsed}) == 1
    seed = yaml.safe_load(documents["seed-notebook.deepnote"])
    assert seed["project"]["id"] == SEED_PROJECT_ID and seed["project"]["name"] == "Fake project"
    (notebook,) = seed["project"]["notebooks"]
    assert notebook["id"] == SEED_NOTEBOOK_ID
    assert notebook["blocks"][0]["type"] == "markdown"
    assert all(
        {"id", "blockGroup", "sortingKey", "type", "content", "metadata"} <= set(b)
        for b in notebook["blocks"]
    )
    assert not any("outputs" in b or "executionCount" in b for b in notebook["blocks"])
    assert _export(client) == documents  # byte-identical for an unchanged project


def test_an_empty_project_exports_an_empty_zip(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    project = fake_state.add_project("Empty")
    assert _export(client, project.id) == {}


def test_export_unknown_project_is_404(client: httpx.Client) -> None:
    response = client.get(f"/projects/{UNKNOWN_UUID}/export")
    assert (response.status_code, _message(response)) == (404, "Project not found")


# ------------------------------------------------------------------------------------ import


def test_import_overwrites_by_notebook_id_and_reports_the_new_base(
    client: httpx.Client, fake_state: FakeDeepnote
) -> None:
    documents = _export(client)
    name = "seed-notebook.deepnote"
    base = yaml.safe_load(documents[name])["metadata"]["modifiedAt"]
    edited = {"renamed-file.deepnote": _edit(documents[name], name="Edited", content="print('edited')")}
    response = _import(
        client, edited, baseModifiedAt=base, baseContentHash=content_hash(list(documents.items()))
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["notebooks"] == [{"id": SEED_NOTEBOOK_ID, "name": "Edited", "action": "overwritten"}]
    notebook = fake_state.notebooks[SEED_NOTEBOOK_ID]
    assert notebook.name == "Edited" and notebook.blocks[-1].content == "print('edited')"
    assert notebook.blocks[-1].id == "blk-seed-code"  # block identity kept
    assert notebook.blocks[1].input is not None and notebook.blocks[1].input.name == "region"
    now = _export(client)
    assert body["project"]["contentHash"] == content_hash(list(now.items()))
    assert body["project"]["modifiedAt"] == yaml.safe_load(next(iter(now.values())))["metadata"]["modifiedAt"]


def test_the_content_hash_is_the_documented_rule(client: httpx.Client) -> None:
    documents = _export(client)
    lines = sorted(f"{n}\n{hashlib.sha256(c).hexdigest()}" for n, c in documents.items())
    assert content_hash(list(documents.items())) == hashlib.sha256("\n".join(lines).encode()).hexdigest()


def test_conflicts_are_409_unless_forced(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    documents = _export(client)
    base = yaml.safe_load(next(iter(documents.values())))["metadata"]["modifiedAt"]
    base_hash = content_hash(list(documents.items()))
    fake_state.clock.advance(1)
    fake_state.add_notebook(SEED_PROJECT_ID, "Added meanwhile")  # a structural change
    stale = _import(client, documents, baseModifiedAt=base)
    assert stale.status_code == 409 and "changed since the export" in _message(stale)
    other_hash = _import(client, documents, baseContentHash=base_hash)
    assert other_hash.status_code == 409 and "content hash" in _message(other_hash)
    forced = _import(client, documents, baseModifiedAt=base, baseContentHash=base_hash, force="true")
    assert forced.status_code == 200, forced.text


def test_created_and_deleted_notebooks(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    documents = _export(client)
    seed = documents["seed-notebook.deepnote"]
    new = yaml.safe_load(seed)
    new["project"]["notebooks"][0].update({"id": "new-notebook-id", "name": "Brand new"})
    upload = {"brand-new.deepnote": yaml.safe_dump(new, sort_keys=False).encode()}
    response = _import(client, upload, deleteMissingNotebooks="true")
    assert response.status_code == 200, response.text
    actions = {(n["name"], n["action"]) for n in response.json()["notebooks"]}
    assert actions == {("Brand new", "created"), ("Seed notebook", "deleted")}
    assert fake_state.notebook_names(SEED_PROJECT_ID) == ["Brand new"]
    assert SEED_NOTEBOOK_ID not in fake_state.notebooks


@pytest.mark.parametrize(
    ("documents", "fragment"),
    [
        ({"a.txt": b"x"}, "not a .deepnote document"),
        ({"dir/a.deepnote": b"x"}, "not a .deepnote document"),
        ({"a.deepnote": b": ["}, "is not a YAML document"),
        ({"a.deepnote": b"project: {id: x, name: y, notebooks: []}"}, "exactly one notebook"),
    ],
)
def test_malformed_archives_are_422(client: httpx.Client, documents: dict[str, bytes], fragment: str) -> None:
    response = _import(client, documents)
    assert response.status_code == 422 and fragment in _message(response)


def test_foreign_and_inconsistent_documents_are_422(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    other = fake_state.add_project("Other")
    fake_state.add_notebook(other.id, "Theirs")
    foreign = _export(client, other.id)
    response = _import(client, foreign)
    assert response.status_code == 422 and "belongs to another project" in _message(response)
    mine = _export(client)["seed-notebook.deepnote"]
    renamed = yaml.safe_load(mine)
    renamed["project"]["name"] = "Another name"
    renamed["project"]["notebooks"][0]["id"] = "second"
    renamed["project"]["notebooks"][0]["name"] = "Second"
    mixed = {"a.deepnote": mine, "b.deepnote": yaml.safe_dump(renamed).encode()}
    response = _import(client, mixed)
    assert response.status_code == 422 and "share the project name" in _message(response)


def test_not_a_zip_is_422_and_wrong_type_400(client: httpx.Client) -> None:
    response = client.post(
        f"/projects/{SEED_PROJECT_ID}/import", content=b"plain", headers={"Content-Type": "application/zip"}
    )
    assert (response.status_code, _message(response)) == (422, "The archive is not a valid ZIP file")
    response = client.post(f"/projects/{SEED_PROJECT_ID}/import", json={})
    assert response.status_code == 400 and "application/zip" in _message(response)


def test_too_large_is_413_and_suspended_409(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    documents = _export(client)
    fake_state.max_import_bytes = 10
    response = _import(client, documents)
    assert (response.status_code, _message(response)) == (413, "Archive too large")
    fake_state.max_import_bytes = 10_000_000
    fake_state.suspend_project(SEED_PROJECT_ID)
    response = _import(client, documents)
    assert (response.status_code, _message(response)) == (409, "Project is suspended")


# ------------------------------------------------------------- round trip (one .deepnote module)


def test_export_import_export_gives_the_same_documents(
    client: httpx.Client, fake_state: FakeDeepnote
) -> None:
    # What Deepnote's CLI relies on after a push: it exports again and writes that. Input blocks of
    # every kind, a SQL block with its integration and a block with metadata of its own included.
    notebook = fake_state.add_notebook(
        SEED_PROJECT_ID,
        "Queries",
        blocks=[
            Block("blk-slider", "input-slider", "", NotebookInput("n", 5, min=1, max=10, step=1)),
            Block(
                "blk-multi", "input-select", "", NotebookInput("m", ["a"], options=["a", "b"], multiple=True)
            ),
            Block("blk-callout", "text-cell-callout", "Note", metadata={"color": "blue"}),
        ],
    )
    fake_state.create_block(
        notebook.id, "sql", content="select * from orders", integration_id=SEED_POSTGRES_INTEGRATION_ID
    )
    before = fake_state.modified_at(fake_state.projects[SEED_PROJECT_ID])
    documents = _export(client)
    fake_state.clock.advance(5)
    response = _import(client, documents)
    assert response.status_code == 200, response.text
    assert {n["action"] for n in response.json()["notebooks"]} == {"overwritten"}
    assert _export(client) == documents
    assert response.json()["project"]["modifiedAt"] == before  # nothing changed, nothing moved

    queries = deepnote_format.load(documents["queries.deepnote"])["project"]["notebooks"][0]["blocks"]
    sql = queries[-1]
    assert (sql["type"], sql["metadata"]) == ("sql", {"sql_integration_id": SEED_POSTGRES_INTEGRATION_ID})
    assert queries[2]["metadata"] == {"color": "blue"}
    assert queries[0]["metadata"]["deepnote_variable_value"] == "5"  # the schema's string-typed slider


def test_an_imported_sql_block_keeps_its_integration(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    block, _ = fake_state.create_block(
        SEED_NOTEBOOK_ID, "sql", content="select 1", integration_id=SEED_POSTGRES_INTEGRATION_ID
    )
    document = _export(client)["seed-notebook.deepnote"]
    edited = document.replace(b"select 1", b"select 2")
    response = _import(client, {"seed-notebook.deepnote": edited})
    assert response.status_code == 200, response.text
    (imported,) = [b for b in fake_state.notebooks[SEED_NOTEBOOK_ID].blocks if b.id == block.id]
    assert (imported.content, imported.integration_id) == ("select 2", SEED_POSTGRES_INTEGRATION_ID)
    response = client.get(f"/blocks/{block.id}")
    assert response.json()["block"]["integrationId"] == SEED_POSTGRES_INTEGRATION_ID


def test_a_malformed_block_is_422_naming_it(client: httpx.Client) -> None:
    document = deepnote_format.load(_export(client)["seed-notebook.deepnote"])
    document["project"]["notebooks"][0]["blocks"][1]["metadata"] = ["not", "a", "mapping"]
    response = _import(client, {"seed-notebook.deepnote": deepnote_format.dump(document).encode()})
    assert (response.status_code, _message(response)) == (
        422,
        '"seed-notebook.deepnote": block 1: metadata must be a mapping',
    )
