"""Files: the fake's rules for POST/DELETE /files, /files/copy and /files/download."""

from __future__ import annotations

import httpx
import pytest

from deepnote_fake import SEED_PROJECT_ID, FakeDeepnote

UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000"


def _message(response: httpx.Response) -> str:
    body = response.json()
    assert set(body) == {"message"}, body
    return str(body["message"])


def _upload(
    client: httpx.Client, path: str, content: bytes, project_id: str = SEED_PROJECT_ID
) -> httpx.Response:
    return client.post(
        "/files", data={"projectId": project_id, "path": path}, files={"file": ("upload.bin", content)}
    )


def _paths(fake: FakeDeepnote, project_id: str = SEED_PROJECT_ID) -> list[object]:
    return [entry["path"] for entry in fake.projects[project_id].files]


def test_upload_stores_the_bytes_and_lists_the_file(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    response = _upload(client, "reports/q1.csv", b"a,b\n1,2\n")
    assert response.status_code == 201, response.text
    file = response.json()["file"]
    assert (file["projectId"], file["path"], file["size"]) == (SEED_PROJECT_ID, "reports/q1.csv", 8)
    project = client.get(f"/projects/{SEED_PROJECT_ID}").json()["project"]
    assert "reports/q1.csv" in [entry["path"] for entry in project["files"]]
    download = client.get("/files/download", params={"projectId": SEED_PROJECT_ID, "path": "reports/q1.csv"})
    assert download.status_code == 200 and download.content == b"a,b\n1,2\n"


def test_a_taken_path_gets_a_unique_one_and_nothing_is_overwritten(
    client: httpx.Client, fake_state: FakeDeepnote
) -> None:
    first = _upload(client, "data.csv", b"first").json()["file"]["path"]
    second = _upload(client, "data.csv", b"second").json()["file"]["path"]
    third = _upload(client, "data.csv", b"third").json()["file"]["path"]
    assert (first, second, third) == ("data.csv", "data (1).csv", "data (2).csv")
    assert fake_state.file_contents[(SEED_PROJECT_ID, "data.csv")] == b"first"


def test_download_is_chunked_without_content_length(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    _upload(client, "big.bin", bytes(200_000))
    with client.stream(
        "GET", "/files/download", params={"projectId": SEED_PROJECT_ID, "path": "big.bin"}
    ) as r:
        assert r.headers["content-type"] == "application/octet-stream"
        assert "content-length" not in r.headers
        assert r.headers.get("transfer-encoding") == "chunked"
        assert sum(len(chunk) for chunk in r.iter_bytes()) == 200_000


def test_too_large_is_413(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    fake_state.max_file_bytes = 10
    response = _upload(client, "big.bin", b"x" * 11)
    assert (response.status_code, _message(response)) == (413, "File too large")
    assert "big.bin" not in _paths(fake_state)


@pytest.mark.parametrize(
    ("data", "files", "message"),
    [
        ({"path": "a"}, {"file": ("a", b"x")}, "projectId is required"),
        ({"projectId": "nope", "path": "a"}, {"file": ("a", b"x")}, "projectId must be a UUID"),
        ({"projectId": SEED_PROJECT_ID, "path": ""}, {"file": ("a", b"x")}, "path must not be empty"),
        (
            {"projectId": SEED_PROJECT_ID, "path": "a"},
            {"other": ("a", b"x")},
            "file is required (a file part)",
        ),
    ],
)
def test_bad_uploads_are_400_naming_the_field(
    client: httpx.Client, data: dict[str, str], files: dict[str, tuple[str, bytes]], message: str
) -> None:
    response = client.post("/files", data=data, files=files)
    assert (response.status_code, _message(response)) == (400, message)


def test_upload_must_be_multipart(client: httpx.Client) -> None:
    response = client.post("/files", json={"projectId": SEED_PROJECT_ID, "path": "a"})
    assert (response.status_code, _message(response)) == (400, "Request body must be multipart/form-data")


def test_unknown_project_is_404_and_suspended_409(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    missing = _upload(client, "a", b"x", project_id=UNKNOWN_UUID)
    assert (missing.status_code, _message(missing)) == (404, "Project not found")
    fake_state.suspend_project(SEED_PROJECT_ID)
    suspended = _upload(client, "a", b"x")
    assert (suspended.status_code, _message(suspended)) == (409, "Project is suspended")
    deleting = client.delete("/files", params={"projectId": SEED_PROJECT_ID, "path": "data/example.csv"})
    assert (deleting.status_code, _message(deleting)) == (409, "Project is suspended")


def test_delete_then_404(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    params = {"projectId": SEED_PROJECT_ID, "path": "data/example.csv"}
    assert client.delete("/files", params=params).status_code == 204
    assert "data/example.csv" not in _paths(fake_state)
    again = client.delete("/files", params=params)
    assert (again.status_code, _message(again)) == (404, "File not found")
    gone = client.get("/files/download", params=params)
    assert (gone.status_code, _message(gone)) == (404, "File not found")


def test_delete_needs_both_query_parameters(client: httpx.Client) -> None:
    response = client.delete("/files", params={"projectId": SEED_PROJECT_ID})
    assert (response.status_code, _message(response)) == (400, "path is required")


def test_copy_keeps_the_path_in_another_project(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    target = fake_state.add_project("Target").id
    body = {
        "sourceProjectId": SEED_PROJECT_ID,
        "targetProjectId": target,
        "sourceFilePath": "data/example.csv",
    }
    response = client.post("/files/copy", json=body)
    assert response.status_code == 200, response.text
    assert _paths(fake_state, target) == ["data/example.csv"]
    assert (
        fake_state.file_contents[(target, "data/example.csv")]
        == fake_state.file_contents[(SEED_PROJECT_ID, "data/example.csv")]
    )
    again = client.post("/files/copy", json=body)
    assert again.status_code == 409 and "already exists" in _message(again)


def test_copy_rules(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    target = fake_state.add_project("Target").id
    same = client.post(
        "/files/copy",
        json={"sourceProjectId": SEED_PROJECT_ID, "targetProjectId": SEED_PROJECT_ID, "sourceFilePath": "x"},
    )
    assert (same.status_code, _message(same)) == (400, "sourceProjectId and targetProjectId must differ")
    missing = client.post(
        "/files/copy",
        json={"sourceProjectId": SEED_PROJECT_ID, "targetProjectId": target, "sourceFilePath": "nope"},
    )
    assert (missing.status_code, _message(missing)) == (404, "File not found")
    no_path = client.post("/files/copy", json={"sourceProjectId": SEED_PROJECT_ID, "targetProjectId": target})
    assert (no_path.status_code, _message(no_path)) == (400, "sourceFilePath is required")
