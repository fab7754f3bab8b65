"""``project_archive``'s details (sync and async alike): the canonical content hash, what an export
writes and records, which archive members it refuses, and exactly what an import sends (the
record's base, the options) and records afterwards."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import httpx
import pytest

from deepnote_client.client import AuthenticatedClient
from deepnote_fake.documents import archive
from deepnote_overlay import (
    EXPORT_RECORD,
    InvalidRequestError,
    ProjectExport,
    ResponseParseError,
    aexport_project,
    aimport_project,
    export_project,
    import_project,
)
from deepnote_overlay.project_archive import content_hash

from .helpers import PROJECT_ID, mock_client

MODES = ["sync", "async"]
MODIFIED_AT = "2026-11-28T09:30:00.000Z"
# Not all UTF-8 (a Latin-1 byte before the modifiedAt line): still exported, and modifiedAt read.
FIRST = b"metadata:\n  name: caf\xe9\n  modifiedAt: '" + MODIFIED_AT.encode() + b"'\n"
SECOND = b"metadata:\n  modifiedAt: '" + MODIFIED_AT.encode() + b"'\nproject:\n  name: second\n"
DOCUMENTS = {"first.deepnote": FIRST, "second.deepnote": SECOND}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def zip_of(members: dict[str, bytes]) -> bytes:
    return archive(list(members.items()))


async def export(mode: str, client: AuthenticatedClient, directory: Path) -> ProjectExport:
    if mode == "sync":
        return export_project(client, PROJECT_ID, directory)
    return await aexport_project(client, PROJECT_ID, directory)


async def import_(mode: str, client: AuthenticatedClient, directory: Path, **options: Any) -> Any:
    if mode == "sync":
        return import_project(client, PROJECT_ID, directory, **options)
    return await aimport_project(client, PROJECT_ID, directory, **options)


class Api:
    """Answers the export with ``archive`` and an import with a new ``modifiedAt`` and hash,
    recording every request."""

    def __init__(self, archive: bytes = b"") -> None:
        self.archive = archive or zip_of(DOCUMENTS)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if request.url.path.endswith("/export"):
            return httpx.Response(200, content=self.archive, headers={"Content-Type": "application/zip"})
        project = {"id": PROJECT_ID, "modifiedAt": "2026-11-28T10:00:00.000Z", "contentHash": "new-hash"}
        return httpx.Response(200, json={"project": project, "notebooks": []})

    def client(self) -> AuthenticatedClient:
        return mock_client(self, None)


def test_the_content_hash_is_deepnotes_canonical_hash() -> None:
    # sha256 over the sorted "<file name>\n<sha256 of the file>" lines, joined by "\n" (reference P7).
    expected = sha256(f"first.deepnote\n{sha256(FIRST)}\nsecond.deepnote\n{sha256(SECOND)}".encode())
    assert content_hash({"second.deepnote": SECOND, "first.deepnote": FIRST}) == expected


@pytest.mark.parametrize("mode", MODES)
async def test_an_export_writes_the_documents_and_records_modified_at_and_hash(
    mode: str, tmp_path: Path
) -> None:
    directory = tmp_path / "not" / "yet" / "there"
    exported = await export(mode, Api().client(), directory)
    assert exported == ProjectExport(
        PROJECT_ID, MODIFIED_AT, content_hash(DOCUMENTS), ("first.deepnote", "second.deepnote")
    )
    assert {path.name: path.read_bytes() for path in directory.glob("*.deepnote")} == DOCUMENTS
    record = json.loads((directory / EXPORT_RECORD).read_text())
    assert record == {
        "projectId": PROJECT_ID,
        "modifiedAt": MODIFIED_AT,
        "contentHash": content_hash(DOCUMENTS),
        "files": ["first.deepnote", "second.deepnote"],
    }


@pytest.mark.parametrize("member", ["notes.txt", "sub/inner.deepnote", "sub/"])
def test_an_export_holding_anything_but_root_deepnote_files_writes_nothing(
    member: str, tmp_path: Path
) -> None:
    archive = zip_of({"first.deepnote": FIRST, member: b"x"})
    with pytest.raises(ResponseParseError) as caught:
        export_project(Api(archive).client(), PROJECT_ID, tmp_path / "out")
    assert (
        caught.value.reason
        == f"the export holds {member!r}, not a .deepnote file at its root; nothing written"
    )
    assert caught.value.operation == "exportProject"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("mode", MODES)
async def test_an_import_sends_the_root_documents_with_the_records_base_and_records_the_new_one(
    mode: str, tmp_path: Path
) -> None:
    api = Api()
    client = api.client()
    await export(mode, client, tmp_path)
    (tmp_path / "notes.txt").write_text("not a document")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "inner.deepnote").write_bytes(b"not at the root")
    result = await import_(mode, client, tmp_path)
    assert result.project.content_hash == "new-hash"
    sent = api.requests[-1]
    assert (sent.method, sent.url.path) == ("POST", f"/v2/projects/{PROJECT_ID}/import")
    assert dict(sent.url.params) == {
        "baseModifiedAt": MODIFIED_AT,
        "baseContentHash": content_hash(DOCUMENTS),
        "deleteMissingNotebooks": "false",
        "force": "false",
    }
    assert sent.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(sent.content)) as sent_zip:
        assert {name: sent_zip.read(name) for name in sent_zip.namelist()} == DOCUMENTS
        # Compressed: Deepnote refuses an import past its size limit (413).
        assert {info.compress_type for info in sent_zip.infolist()} == {zipfile.ZIP_DEFLATED}
    record = json.loads((tmp_path / EXPORT_RECORD).read_text())
    assert record == {
        "projectId": PROJECT_ID,
        "modifiedAt": "2026-11-28T10:00:00.000Z",
        "contentHash": "new-hash",
        "files": ["first.deepnote", "second.deepnote"],  # what was sent: the project's documents now
    }


@pytest.mark.parametrize("mode", MODES)
async def test_a_forced_import_needs_no_record_and_sends_no_base(mode: str, tmp_path: Path) -> None:
    api = Api()
    (tmp_path / "first.deepnote").write_bytes(FIRST)
    await import_(mode, api.client(), tmp_path, force=True, delete_missing_notebooks=True)
    (sent,) = api.requests
    assert dict(sent.url.params) == {"deleteMissingNotebooks": "true", "force": "true"}
    assert json.loads((tmp_path / EXPORT_RECORD).read_text())["contentHash"] == "new-hash"


def test_a_record_without_modified_at_sends_only_the_hash(tmp_path: Path) -> None:
    api = Api()
    record = {"projectId": PROJECT_ID, "modifiedAt": None, "contentHash": "old-hash"}
    (tmp_path / EXPORT_RECORD).write_text(json.dumps(record))
    import_project(api.client(), PROJECT_ID, tmp_path)
    (sent,) = api.requests
    assert dict(sent.url.params) == {
        "baseContentHash": "old-hash",
        "deleteMissingNotebooks": "false",
        "force": "false",
    }


@pytest.mark.parametrize("mode", MODES)
async def test_an_import_without_a_record_or_with_another_projects_refuses_before_sending(
    mode: str, tmp_path: Path
) -> None:
    api = Api()
    record_path = tmp_path / EXPORT_RECORD
    with pytest.raises(InvalidRequestError) as caught:  # also a ValueError
        await import_(mode, api.client(), tmp_path)
    assert caught.value.reason == (
        f"{record_path} is missing: export the project into {tmp_path} first, or pass force=True "
        "to import without the conflict check"
    )
    record_path.write_text(json.dumps({"projectId": "other-project", "contentHash": "h"}))
    with pytest.raises(InvalidRequestError) as caught:
        await import_(mode, api.client(), tmp_path)
    assert caught.value.reason == f"{record_path} records project other-project, not {PROJECT_ID}"
    assert api.requests == []


@pytest.mark.parametrize("mode", MODES)
async def test_the_record_is_indented_json_one_key_a_line_ending_in_a_newline(
    mode: str, tmp_path: Path
) -> None:
    # The record sits next to the notebooks, which users keep in version control: its layout is
    # fixed so that an export changes only the lines whose values changed.
    await export(mode, Api().client(), tmp_path)
    assert (tmp_path / EXPORT_RECORD).read_text() == (
        "{\n"
        f'  "projectId": "{PROJECT_ID}",\n'
        f'  "modifiedAt": "{MODIFIED_AT}",\n'
        f'  "contentHash": "{content_hash(DOCUMENTS)}",\n'
        '  "files": [\n'
        '    "first.deepnote",\n'
        '    "second.deepnote"\n'
        "  ]\n"
        "}\n"
    )
