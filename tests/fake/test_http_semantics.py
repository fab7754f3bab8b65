"""The fake's HTTP semantics: auth, routing, errors, notebooks, projects, suspension, schedules."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from deepnote_fake import (
    SEED_BLOCK_IDS,
    SEED_FOLDER_ID,
    SEED_NOTEBOOK_ID,
    SEED_PROJECT_ID,
    SEED_TOKEN,
    FakeClock,
    FakeDeepnote,
    running_server,
)

UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000"


def _message(response: Any) -> str:
    """The error body: exactly ``{"message": str}``, as every documented error of the API."""
    body = response.json()
    assert set(body) == {"message"}, body
    assert isinstance(body["message"], str) and body["message"]
    return str(body["message"])


# ---------------------------------------------------------------------------- auth and routing


@pytest.mark.parametrize(
    "header",
    [None, "", "Bearer", "Bearer wrong-token", f"Basic {SEED_TOKEN}", f"Bearer {SEED_TOKEN}x", SEED_TOKEN],
)
def test_requests_without_the_right_bearer_token_get_401(client: httpx.Client, header: str | None) -> None:
    headers = {"Authorization": header} if header is not None else {}
    client.headers.pop("Authorization")
    response = client.get("/me", headers=headers)
    assert response.status_code == 401
    assert "API key" in _message(response)


def test_bearer_scheme_is_case_insensitive(client: httpx.Client) -> None:
    assert client.get("/me", headers={"Authorization": f"bearer {SEED_TOKEN}"}).status_code == 200


def test_a_custom_token(fake_clock: FakeClock) -> None:
    with running_server(FakeDeepnote(token="other", clock=fake_clock)) as server:
        assert server.token == "other"
        with httpx.Client(base_url=server.base_url) as client:
            assert client.get("/me", headers={"Authorization": "Bearer other"}).status_code == 200
            assert client.get("/me", headers={"Authorization": f"Bearer {SEED_TOKEN}"}).status_code == 401


def test_every_operation_requires_the_token(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    client.headers.pop("Authorization")
    calls = [
        ("POST", "/notebooks"),
        ("GET", f"/notebooks/{SEED_NOTEBOOK_ID}"),
        ("DELETE", f"/notebooks/{SEED_NOTEBOOK_ID}"),
        ("PATCH", f"/notebooks/{SEED_NOTEBOOK_ID}"),
        ("POST", f"/notebooks/{SEED_NOTEBOOK_ID}/reorder-blocks"),
        ("GET", f"/notebooks/{SEED_NOTEBOOK_ID}/runs"),
        ("POST", f"/notebooks/{SEED_NOTEBOOK_ID}/schedule"),
        ("POST", "/runs"),
        ("GET", f"/runs/{UNKNOWN_UUID}"),
        ("GET", "/projects"),
        ("POST", "/projects"),
        ("GET", f"/projects/{SEED_PROJECT_ID}"),
        ("DELETE", f"/projects/{SEED_PROJECT_ID}"),
        ("GET", "/me"),
    ]
    for method, path in calls:
        assert client.request(method, path).status_code == 401, (method, path)
    # Nothing was changed by the refused calls.
    assert SEED_NOTEBOOK_ID in fake_state.notebooks
    assert fake_state.notebook_names(SEED_PROJECT_ID) == ["Seed notebook"]


def test_unknown_routes_are_404_json(client: httpx.Client) -> None:
    for path in ("/nope", "/notebooks", "/notebooks/x/nope", "/"):
        response = client.get(path) if path != "/notebooks" else client.put(path)
        assert response.status_code in (404, 405)
        _message(response)
    assert client.get("/nope").status_code == 404
    assert client.get(str(client.base_url).replace("/v2", "/v3") + "me").status_code == 404


def test_wrong_method_is_405_with_every_allowed_method(client: httpx.Client) -> None:
    response = client.put(f"/notebooks/{SEED_NOTEBOOK_ID}")
    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == {"GET", "HEAD", "DELETE", "PATCH"}
    _message(response)
    response = client.delete("/projects")
    assert set(response.headers["allow"].split(", ")) == {"GET", "HEAD", "POST"}


def test_trailing_slash_is_not_redirected(client: httpx.Client) -> None:
    response = client.get("/projects/", follow_redirects=False)
    assert response.status_code == 404


def test_an_id_with_a_slash_stays_one_path_segment(client: httpx.Client) -> None:
    # %2F must not turn DELETE /notebooks/{id} into a 405 on /notebooks/{id}/runs.
    response = client.delete("/notebooks/abc%2Fruns")
    assert response.status_code == 404
    assert _message(response) == "Notebook not found"


# ---------------------------------------------------------------------------- seed and me


def test_seed_is_documented_and_callable(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    project = client.get(f"/projects/{SEED_PROJECT_ID}").json()["project"]
    assert project["name"] == "Fake project"
    assert project["folder"]["id"] == SEED_FOLDER_ID
    assert [n["id"] for n in project["notebooks"]] == [SEED_NOTEBOOK_ID]
    notebook = client.get(f"/notebooks/{SEED_NOTEBOOK_ID}").json()["notebook"]
    assert [b["id"] for b in notebook["blocks"]] == list(SEED_BLOCK_IDS.values())
    assert {i["name"]: i["value"] for i in notebook["inputs"]} == {
        "region": "EU",
        "greeting": "hello",
        "verbose": False,
    }
    assert fake_state.notebook_names(SEED_PROJECT_ID) == ["Seed notebook"]


def test_me(client: httpx.Client) -> None:
    me = client.get("/me").json()
    assert set(me) == {"apiKey", "user", "workspace", "accessLevel"}
    assert me["workspace"]["slug"] == "fake-workspace"


# ---------------------------------------------------------------------------- notebooks


def test_create_notebook(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    response = client.post("/notebooks", json={"projectId": SEED_PROJECT_ID, "name": "Report"})
    assert response.status_code == 201
    notebook = response.json()["notebook"]
    assert notebook["name"] == "Report" and notebook["projectId"] == SEED_PROJECT_ID
    assert notebook["blocks"] == [] and "inputs" not in notebook  # inputs only with input blocks
    assert fake_state.notebooks[notebook["id"]].name == "Report"
    assert client.get(f"/notebooks/{notebook['id']}").json()["notebook"] == notebook


def test_notebook_names_are_unique_per_project_case_sensitively(
    client: httpx.Client, fake_state: FakeDeepnote
) -> None:
    assert client.post("/notebooks", json={"projectId": SEED_PROJECT_ID, "name": "Report"}).status_code == 201
    duplicate = client.post("/notebooks", json={"projectId": SEED_PROJECT_ID, "name": "Report"})
    assert duplicate.status_code == 409
    assert _message(duplicate) == 'Notebook with name "Report" already exists in the project.'
    assert client.post("/notebooks", json={"projectId": SEED_PROJECT_ID, "name": "report"}).status_code == 201
    other = client.post("/projects", json={"name": "Other"}).json()["project"]["id"]
    assert client.post("/notebooks", json={"projectId": other, "name": "Report"}).status_code == 201
    assert fake_state.notebook_names(SEED_PROJECT_ID) == ["Seed notebook", "Report", "report"]


def test_unnamed_notebooks_get_the_next_free_default_name(client: httpx.Client) -> None:
    project = client.post("/projects", json={"name": "P"}).json()["project"]["id"]
    names = [
        client.post("/notebooks", json={"projectId": project}).json()["notebook"]["name"] for _ in range(2)
    ]
    assert names == ["Notebook 2", "Notebook 3"]  # "Notebook 1" is the project's placeholder


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({}, "projectId is required"),
        ({"projectId": 5}, "projectId must be a string"),
        ({"projectId": "not-a-uuid"}, "projectId must be a UUID"),
        ({"projectId": SEED_PROJECT_ID.replace("-", "")}, "projectId must be a UUID"),
        ({"projectId": SEED_PROJECT_ID, "name": 3}, "name must be a string"),
        ([SEED_PROJECT_ID], "Request body must be a JSON object"),
    ],
)
def test_create_notebook_validation(client: httpx.Client, body: Any, problem: str) -> None:
    response = client.post("/notebooks", json=body)
    assert response.status_code == 400
    assert _message(response) == problem


def test_bodies_must_be_json(client: httpx.Client) -> None:
    not_json = client.post("/notebooks", content=b"{", headers={"Content-Type": "application/json"})
    assert (not_json.status_code, _message(not_json)) == (400, "Request body is not valid JSON")
    form = client.post("/notebooks", data={"projectId": SEED_PROJECT_ID})
    assert form.status_code == 400
    assert "Content-Type: application/json" in _message(form)
    assert client.post("/notebooks").status_code == 400


def test_create_notebook_in_unknown_project_is_404(client: httpx.Client) -> None:
    response = client.post("/notebooks", json={"projectId": UNKNOWN_UUID})
    assert (response.status_code, _message(response)) == (404, "Project not found")


@pytest.mark.parametrize("project_type", ["notebook", "agent"])
def test_single_notebook_and_agent_projects_take_no_notebooks(
    client: httpx.Client, project_type: str
) -> None:
    project = client.post("/projects", json={"name": "Solo", "projectType": project_type}).json()["project"]
    assert project["projectType"] == project_type
    assert client.post("/notebooks", json={"projectId": project["id"]}).status_code == 409
    renamed = client.patch(f"/notebooks/{project['notebooks'][0]['id']}", json={"name": "Mine"})
    assert renamed.status_code == 409


def test_get_and_delete_unknown_notebook_are_404(client: httpx.Client) -> None:
    for method in ("GET", "DELETE"):
        response = client.request(method, "/notebooks/no-such-notebook")
        assert (response.status_code, _message(response)) == (404, "Notebook not found")


def test_delete_notebook(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    run = fake_state.create_run(SEED_NOTEBOOK_ID)
    response = client.delete(f"/notebooks/{SEED_NOTEBOOK_ID}")
    assert response.status_code == 204 and response.content == b""
    assert client.get(f"/notebooks/{SEED_NOTEBOOK_ID}").status_code == 404
    assert client.delete(f"/notebooks/{SEED_NOTEBOOK_ID}").status_code == 404
    assert client.get(f"/runs/{run.id}").status_code == 404  # its runs went with it
    assert fake_state.notebook_names(SEED_PROJECT_ID) == []


def test_rename_notebook(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    response = client.patch(f"/notebooks/{SEED_NOTEBOOK_ID}", json={"name": "Renamed"})
    assert response.status_code == 200
    assert response.json()["notebook"]["name"] == "Renamed"
    assert client.patch(f"/notebooks/{SEED_NOTEBOOK_ID}", json={"name": "Renamed"}).status_code == 200
    client.post("/notebooks", json={"projectId": SEED_PROJECT_ID, "name": "Taken"})
    assert client.patch(f"/notebooks/{SEED_NOTEBOOK_ID}", json={"name": "Taken"}).status_code == 409
    empty = client.patch(f"/notebooks/{SEED_NOTEBOOK_ID}", json={"name": ""})
    assert (empty.status_code, _message(empty)) == (400, "name must not be empty")
    assert client.patch("/notebooks/nope", json={"name": "x"}).status_code == 404
    assert fake_state.notebook_names(SEED_PROJECT_ID) == ["Renamed", "Taken"]


def test_naming_a_notebook_init_makes_it_the_init_notebook(client: httpx.Client) -> None:
    client.patch(f"/notebooks/{SEED_NOTEBOOK_ID}", json={"name": "Init"})
    rows = client.get(f"/projects/{SEED_PROJECT_ID}").json()["project"]["notebooks"]
    assert rows[0]["isInit"] is True


# ---------------------------------------------------------------------------- reorder blocks


def _order(client: httpx.Client) -> list[str]:
    return [b["id"] for b in client.get(f"/notebooks/{SEED_NOTEBOOK_ID}").json()["notebook"]["blocks"]]


def test_reorder_blocks(client: httpx.Client) -> None:
    md, region, greeting, verbose, code = SEED_BLOCK_IDS.values()
    path = f"/notebooks/{SEED_NOTEBOOK_ID}/reorder-blocks"
    moved = client.post(path, json={"blockIds": [code, md], "placement": {"type": "start"}})
    assert moved.json() == {"blockIds": [code, md, region, greeting, verbose]}
    assert _order(client) == [code, md, region, greeting, verbose]
    moved = client.post(path, json={"blockIds": [code], "placement": {"type": "end"}})
    assert moved.json()["blockIds"] == [md, region, greeting, verbose, code]
    moved = client.post(
        path, json={"blockIds": [verbose, md], "placement": {"type": "after", "blockId": code}}
    )
    assert moved.json()["blockIds"] == [region, greeting, code, verbose, md]
    same = client.post(path, json={"blockIds": [region], "placement": {"type": "start"}})
    assert same.status_code == 200  # a no-op is not an error


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"placement": {"type": "start"}}, "blockIds is required"),
        ({"blockIds": [], "placement": {"type": "start"}}, "blockIds must not be empty"),
        ({"blockIds": ["a", "a"], "placement": {"type": "start"}}, "blockIds must not contain duplicates"),
        ({"blockIds": [SEED_BLOCK_IDS["code"]]}, "placement is required"),
        ({"blockIds": [SEED_BLOCK_IDS["code"]], "placement": {"type": "middle"}}, "placement.type"),
        ({"blockIds": [SEED_BLOCK_IDS["code"]], "placement": {"type": "after"}}, "placement.blockId"),
        ({"blockIds": ["nope"], "placement": {"type": "start"}}, 'Block "nope" not found in notebook'),
        (
            {
                "blockIds": [SEED_BLOCK_IDS["code"]],
                "placement": {"type": "after", "blockId": SEED_BLOCK_IDS["code"]},
            },
            "must not be one of the moved blocks",
        ),
        (
            {"blockIds": [SEED_BLOCK_IDS["code"]], "placement": {"type": "after", "blockId": "nope"}},
            'Anchor block "nope" not found',
        ),
    ],
)
def test_reorder_blocks_validation(client: httpx.Client, body: dict[str, Any], problem: str) -> None:
    before = _order(client)
    response = client.post(f"/notebooks/{SEED_NOTEBOOK_ID}/reorder-blocks", json=body)
    assert response.status_code == 400
    assert problem in _message(response)
    assert _order(client) == before


# ---------------------------------------------------------------------------- schedules


def test_schedule_notebook_and_repoint(client: httpx.Client) -> None:
    response = client.post(
        f"/notebooks/{SEED_NOTEBOOK_ID}/schedule", json={"cron": "0 9 * * 1-5", "timezone": "Europe/London"}
    )
    assert response.status_code == 200
    schedule = response.json()["schedule"]
    assert (schedule["notebookId"], schedule["cron"], schedule["timezone"]) == (
        SEED_NOTEBOOK_ID,
        "0 9 * * 1-5",
        "Europe/London",
    )
    assert schedule["nextRunAt"].endswith("Z")
    other = client.post("/notebooks", json={"projectId": SEED_PROJECT_ID, "name": "Other"}).json()["notebook"]
    client.post(f"/notebooks/{other['id']}/schedule", json={"cron": "*/15 * * * *"})
    rows = {
        n["id"]: n["isScheduled"]
        for n in client.get(f"/projects/{SEED_PROJECT_ID}").json()["project"]["notebooks"]
    }
    assert rows == {SEED_NOTEBOOK_ID: False, other["id"]: True}  # one schedule per project


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"cron": "every day"}, "Invalid cron expression"),
        ({"cron": "61 * * * *"}, "Invalid cron expression"),
        ({"cron": "* * * *"}, "Invalid cron expression"),
        ({"cron": "0 9 * * *", "timezone": "Mars/Olympus"}, 'Invalid timezone "Mars/Olympus"'),
        ({"cron": ""}, "cron must not be empty"),
        ({"cron": "0 9 * * *", "repeat": True}, "Unknown field(s): repeat"),
        ({}, "cron is required"),
    ],
)
def test_schedule_validation(client: httpx.Client, body: dict[str, Any], problem: str) -> None:
    response = client.post(f"/notebooks/{SEED_NOTEBOOK_ID}/schedule", json=body)
    assert (response.status_code, _message(response)) == (400, problem)


# ---------------------------------------------------------------------------- projects


def test_create_project_gets_a_placeholder_notebook(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    response = client.post("/projects", json={"name": "Analytics", "folderId": SEED_FOLDER_ID})
    assert response.status_code == 201
    project = response.json()["project"]
    assert [n["name"] for n in project["notebooks"]] == ["Notebook 1"]
    assert project["projectType"] == "standard"
    assert project["folder"]["id"] == SEED_FOLDER_ID
    assert fake_state.notebook_names(project["id"]) == ["Notebook 1"]


@pytest.mark.parametrize(
    ("body", "status", "problem"),
    [
        ({}, 400, "name is required"),
        ({"name": ""}, 400, "name must not be empty"),
        ({"name": "x", "projectType": "huge"}, 400, "projectType must be one of standard, notebook, agent"),
        ({"name": "x", "folderId": "f"}, 400, "folderId must be a UUID"),
        ({"name": "x", "folderId": UNKNOWN_UUID}, 404, "Folder not found"),
    ],
)
def test_create_project_validation(
    client: httpx.Client, body: dict[str, Any], status: int, problem: str
) -> None:
    response = client.post("/projects", json=body)
    assert (response.status_code, _message(response)) == (status, problem)


def test_get_and_delete_project(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    assert client.get("/projects/not-a-uuid").status_code == 400
    assert client.get(f"/projects/{UNKNOWN_UUID}").status_code == 404
    assert client.delete(f"/projects/{UNKNOWN_UUID}").status_code == 404
    detail = client.get(f"/projects/{SEED_PROJECT_ID}").json()["project"]
    assert {"files", "staticFiles"} <= set(detail)
    assert client.delete(f"/projects/{SEED_PROJECT_ID}").status_code == 204
    assert client.get(f"/projects/{SEED_PROJECT_ID}").status_code == 404
    assert client.get(f"/notebooks/{SEED_NOTEBOOK_ID}").status_code == 404  # deleted with the project
    assert SEED_NOTEBOOK_ID not in fake_state.notebooks


def test_list_projects_pages_and_filters(client: httpx.Client) -> None:
    for i in range(60):
        client.post("/projects", json={"name": f"Batch {i:02d}" if i % 2 else f"other {i:02d}"})
    first = client.get("/projects").json()
    assert len(first["projects"]) == 50  # default pageSize
    assert first["pagination"] == {
        "nextPageToken": first["pagination"]["nextPageToken"],
        "hasMore": True,
        "pageSize": 50,
    }
    second = client.get("/projects", params={"pageToken": first["pagination"]["nextPageToken"]}).json()
    assert len(second["projects"]) == 11 and second["pagination"]["nextPageToken"] is None
    names = [p["name"] for p in first["projects"] + second["projects"]]
    assert len(set(names)) == 61 and names[0] == "Fake project"  # creation order, none lost
    batch = client.get("/projects", params={"nameContains": "BATCH", "pageSize": 20}).json()
    assert len(batch["projects"]) == 20 and all("Batch" in p["name"] for p in batch["projects"])
    token = batch["pagination"]["nextPageToken"]
    rest = client.get(
        "/projects", params={"nameContains": "BATCH", "pageSize": 20, "pageToken": token}
    ).json()
    assert len(rest["projects"]) == 10
    # The token is tied to its filter.
    other = client.get("/projects", params={"nameContains": "other", "pageToken": token})
    assert other.status_code == 400 and "different list or filter" in _message(other)


# ---------------------------------------------------------------------------- suspended projects


def test_suspended_project(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    run = fake_state.create_run(SEED_NOTEBOOK_ID)
    fake_state.suspend_project(SEED_PROJECT_ID)
    nb = f"/notebooks/{SEED_NOTEBOOK_ID}"
    expectations = [
        (client.get(nb), 400),  # the docs' quirk: GET reports suspension as 400
        (client.delete(nb), 409),
        (client.patch(nb, json={"name": "x"}), 409),
        (client.get(f"{nb}/runs"), 409),
        (client.post(f"{nb}/reorder-blocks", json={"blockIds": ["a"], "placement": {"type": "start"}}), 409),
        (client.post(f"{nb}/schedule", json={"cron": "* * * * *"}), 409),
        (client.post("/notebooks", json={"projectId": SEED_PROJECT_ID}), 409),
        (client.post("/runs", json={"notebookId": SEED_NOTEBOOK_ID}), 400),  # POST /runs has no 409
        (client.get(f"/runs/{run.id}"), 409),
    ]
    for response, status in expectations:
        assert response.status_code == status, response.request.url
        assert _message(response) == "Project is suspended"
    assert client.get(f"/projects/{SEED_PROJECT_ID}").status_code == 200
    fake_state.suspend_project(SEED_PROJECT_ID, False)
    assert client.get(nb).status_code == 200


def test_lone_surrogates_are_refused_not_a_500(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    body = b'{"projectId": "' + SEED_PROJECT_ID.encode() + b'", "name": "a\\udc00"}'
    response = client.post("/notebooks", content=body, headers={"Content-Type": "application/json"})
    assert (response.status_code, _message(response)) == (
        400,
        "Request body contains invalid Unicode (a lone surrogate escape)",
    )
    pair = b'{"projectId": "' + SEED_PROJECT_ID.encode() + b'", "name": "a\\ud83d\\ude00"}'
    assert (
        client.post("/notebooks", content=pair, headers={"Content-Type": "application/json"}).status_code
        == 201
    )
    assert fake_state.notebook_names(SEED_PROJECT_ID)[-1] == "a\U0001f600"
