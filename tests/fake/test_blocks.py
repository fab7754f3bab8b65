"""The fake's Blocks rules over HTTP (reference 6.1): create with type, position and SQL
integration, get with metadata and version, PATCH content/integrationId only, delete then 404."""

from __future__ import annotations

import httpx
import pytest

from deepnote_fake import SEED_NOTEBOOK_ID, SEED_POSTGRES_INTEGRATION_ID, FakeDeepnote


def _create(client: httpx.Client, **fields: object) -> httpx.Response:
    return client.post("/blocks", json={"notebookId": SEED_NOTEBOOK_ID, **fields})


def test_create_appends_by_default_and_inserts_at_position(
    client: httpx.Client, fake_state: FakeDeepnote
) -> None:
    appended = _create(client, type="markdown", content="# End", includeNotebookBlockIds=True)
    assert appended.status_code == 201
    block = appended.json()["block"]
    assert block == {
        "id": block["id"],
        "notebookId": SEED_NOTEBOOK_ID,
        "type": "markdown",
        "content": "# End",
        "metadata": {},
        "integrationId": None,
        "version": 1,
    }
    ids = [b.id for b in fake_state.notebooks[SEED_NOTEBOOK_ID].blocks]
    assert appended.json()["notebookBlockIds"] == ids and ids[-1] == block["id"]

    first = _create(client, type="code", position=0).json()
    assert "notebookBlockIds" not in first  # only when asked
    assert first["block"]["content"] == ""  # "Defaults to an empty string"
    assert fake_state.notebooks[SEED_NOTEBOOK_ID].blocks[0].id == first["block"]["id"]


def test_sql_block_stores_its_integration_in_metadata(client: httpx.Client) -> None:
    created = _create(
        client, type="sql", content="select * from orders", integrationId=SEED_POSTGRES_INTEGRATION_ID
    ).json()["block"]
    got = client.get(f"/blocks/{created['id']}").json()["block"]
    assert got["integrationId"] == SEED_POSTGRES_INTEGRATION_ID
    assert got["metadata"] == {"sql_integration_id": SEED_POSTGRES_INTEGRATION_ID}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"type": "code", "integrationId": SEED_POSTGRES_INTEGRATION_ID}, "only allowed for sql blocks"),
        (
            {"type": "sql", "metadata": {"sql_integration_id": SEED_POSTGRES_INTEGRATION_ID}},
            "sql_integration_id",
        ),
        ({"type": "sql", "integrationId": "00000000-0000-4000-8000-000000000000"}, "Integration not found"),
        ({"type": "sql", "integrationId": "deepnote-dataframe-sql"}, "integrationId must be a UUID"),
        ({"type": "chart"}, "type must be one of"),
        ({"type": "code", "position": -1}, "position must be at least 0"),
        ({"type": "code", "position": True}, "position must be an integer"),
        ({"type": "code", "metadata": []}, "metadata must be an object"),
    ],
)
def test_create_refusals(client: httpx.Client, fields: dict[str, object], message: str) -> None:
    response = _create(client, **fields)
    assert response.status_code == 400
    assert message in response.json()["message"]


def test_create_in_an_unknown_notebook_is_400(client: httpx.Client) -> None:
    response = client.post("/blocks", json={"notebookId": "nope", "type": "code"})
    assert (response.status_code, response.json()["message"]) == (400, "Notebook not found")


def test_patch_replaces_content_and_raises_the_version(client: httpx.Client) -> None:
    block = _create(client, type="sql", content="select 1").json()["block"]
    patched = client.patch(f"/blocks/{block['id']}", json={"content": ""})
    assert patched.json() == {"block": {"id": block["id"], "version": 2}}
    again = client.patch(f"/blocks/{block['id']}", json={"integrationId": SEED_POSTGRES_INTEGRATION_ID})
    assert again.json()["block"]["version"] == 3
    got = client.get(f"/blocks/{block['id']}").json()["block"]
    assert got["content"] == "" and got["integrationId"] == SEED_POSTGRES_INTEGRATION_ID


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "At least one of content, integrationId"),
        ({"metadata": {}}, "Unknown field(s): metadata"),
        ({"type": "code"}, "Unknown field(s): type"),
        ({"content": 1}, "content must be a string"),
    ],
)
def test_patch_refusals(client: httpx.Client, body: dict[str, object], message: str) -> None:
    block = _create(client, type="code").json()["block"]
    response = client.patch(f"/blocks/{block['id']}", json=body)
    assert response.status_code == 400 and message in response.json()["message"]


def test_patch_integration_of_a_code_block_is_400(client: httpx.Client) -> None:
    block = _create(client, type="code").json()["block"]
    response = client.patch(f"/blocks/{block['id']}", json={"integrationId": SEED_POSTGRES_INTEGRATION_ID})
    assert response.status_code == 400


def test_delete_then_404_everywhere(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    block_id = _create(client, type="code").json()["block"]["id"]
    assert client.delete(f"/blocks/{block_id}").status_code == 204
    assert block_id not in [b.id for b in fake_state.notebooks[SEED_NOTEBOOK_ID].blocks]
    for response in (
        client.get(f"/blocks/{block_id}"),
        client.patch(f"/blocks/{block_id}", json={"content": "x"}),
        client.delete(f"/blocks/{block_id}"),
    ):
        assert (response.status_code, response.json()["message"]) == (404, "block not found")
