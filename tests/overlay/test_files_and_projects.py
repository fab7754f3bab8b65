"""Files and project export/import through ``call``, the facade and the helpers:
multipart uploads, binary downloads, progress, no size cap on streamed downloads, no replay of a
streamed upload, no token sent to another origin, and the import's conflict check."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import httpx
import pytest

from deepnote_client.api.files import copy_file, create_file, delete_file, download_file
from deepnote_client.models import CopyFileBody, CreateFileMultipartBody
from deepnote_client.types import File
from deepnote_fake import SEED_NOTEBOOK_ID, SEED_PROJECT_ID, SEED_TOKEN, FakeClock, FakeDeepnote, ServerHandle
from deepnote_overlay import (
    AsyncDeepnote,
    Deepnote,
    NotFoundError,
    RateLimitError,
    ResponseTooLargeError,
    RetryPolicy,
)
from deepnote_overlay.files import adownload_file, aupload_file, upload_file
from deepnote_overlay.files import download_file as download_to
from deepnote_overlay.lowlevel import call, connect

from .helpers import MOCK_TOKEN, mock_client, serve_on_loopback

CSV = b"city,temperature\nPrague,21\n"
LOOPBACK_API = "http://127.0.0.1:9/v2"
"""An API over plain http on loopback (like the fake): a redirect to plain http is followed."""


@pytest.fixture
def dn(fake_server: ServerHandle) -> Iterator[Deepnote]:
    with Deepnote(token=fake_server.token, base_url=fake_server.base_url) as client:
        yield client


def test_call_uploads_multipart_and_downloads_bytes(
    fake_server: ServerHandle, fake_state: FakeDeepnote
) -> None:
    client = connect(fake_server.token, base_url=fake_server.base_url)
    # The content holds the generator's old fixed boundary ("+++"): a random one keeps it intact.
    content = b"--+++\r\nnot a boundary\r\n--+++--\r\n"
    body = CreateFileMultipartBody(
        project_id=SEED_PROJECT_ID,
        path="odd.txt",
        file=File(payload=io.BytesIO(content), file_name="odd.txt"),
    )
    created = call(create_file, client, body=body)
    assert (created.file.path, created.file.size) == ("odd.txt", len(content))
    downloaded = call(download_file, client, project_id=SEED_PROJECT_ID, path="odd.txt")
    assert downloaded.payload.read() == content
    target = fake_state.add_project("Target").id
    copied = call(
        copy_file,
        client,
        body=CopyFileBody(
            source_project_id=SEED_PROJECT_ID, target_project_id=target, source_file_path="odd.txt"
        ),
    )
    assert copied["file"]["path"] == "odd.txt"  # the undocumented answer is kept as it came
    call(delete_file, client, project_id=SEED_PROJECT_ID, path="odd.txt")
    with pytest.raises(NotFoundError, match="File not found"):
        call(download_file, client, project_id=SEED_PROJECT_ID, path="odd.txt")


def test_facade_operations_and_helpers(dn: Deepnote, fake_state: FakeDeepnote, tmp_path: Path) -> None:
    created = dn.files.upload(SEED_PROJECT_ID, "a.csv", io.BytesIO(CSV))
    assert created.path == "a.csv"
    downloaded = io.BytesIO()
    assert dn.files.download(SEED_PROJECT_ID, "a.csv", downloaded) == len(CSV)
    assert downloaded.getvalue() == CSV
    source = tmp_path / "b.csv"
    source.write_bytes(CSV)
    assert dn.files.upload(SEED_PROJECT_ID, "a.csv", source).path == "a (1).csv"
    assert dn.files.download(SEED_PROJECT_ID, "a (1).csv", tmp_path / "back.csv") == len(CSV)
    assert (tmp_path / "back.csv").read_bytes() == CSV


def test_upload_from_a_file_object_reports_progress(
    fake_server: ServerHandle, fake_state: FakeDeepnote
) -> None:
    client = connect(fake_server.token, base_url=fake_server.base_url)
    content = bytes(range(256)) * 1000  # 256 000 bytes: several 64 KiB pieces
    seen: list[tuple[int, int | None]] = []
    reference = upload_file(
        client, SEED_PROJECT_ID, "blob.bin", io.BytesIO(content), progress=lambda d, t: seen.append((d, t))
    )
    assert reference.size == len(content)
    assert fake_state.file_contents[(SEED_PROJECT_ID, "blob.bin")] == content
    assert seen[-1] == (len(content), len(content))
    assert len(seen) >= 4 and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_download_to_a_file_object_with_progress(fake_server: ServerHandle, fake_state: FakeDeepnote) -> None:
    fake_state.file_contents[(SEED_PROJECT_ID, "data/example.csv")] = b"y" * 300_000
    client = connect(fake_server.token, base_url=fake_server.base_url)
    sink = io.BytesIO()
    seen: list[tuple[int, int | None]] = []
    written = download_to(
        client, SEED_PROJECT_ID, "data/example.csv", sink, progress=lambda d, t: seen.append((d, t))
    )
    assert written == 300_000 and sink.getvalue() == b"y" * 300_000
    assert seen[-1] == (300_000, None)  # chunked: the total is not known


def test_the_size_cap_applies_to_call_but_not_to_streamed_downloads(
    fake_server: ServerHandle, fake_state: FakeDeepnote, tmp_path: Path
) -> None:
    fake_state.file_contents[(SEED_PROJECT_ID, "data/example.csv")] = b"z" * 100_000
    client = connect(fake_server.token, base_url=fake_server.base_url, max_response_bytes=10_000)
    with pytest.raises(ResponseTooLargeError):
        call(download_file, client, project_id=SEED_PROJECT_ID, path="data/example.csv")
    assert download_to(client, SEED_PROJECT_ID, "data/example.csv", tmp_path / "out") == 100_000


def test_a_failed_download_leaves_no_file(fake_server: ServerHandle, tmp_path: Path) -> None:
    client = connect(fake_server.token, base_url=fake_server.base_url)
    with pytest.raises(NotFoundError, match="File not found"):
        download_to(client, SEED_PROJECT_ID, "missing.bin", tmp_path / "missing.bin")
    assert list(tmp_path.iterdir()) == []


def test_a_streamed_upload_is_not_replayed_after_429(
    fake_server: ServerHandle, fake_state: FakeDeepnote
) -> None:
    fake_state.faults.inject("429", times=1, method="POST", path="/files", retry_after=0)
    client = connect(fake_server.token, base_url=fake_server.base_url)
    with pytest.raises(RateLimitError):
        upload_file(client, SEED_PROJECT_ID, "once.bin", io.BytesIO(b"payload"))
    assert [r.path for r in fake_state.requests if r.method == "POST"] == ["/files"]
    assert (SEED_PROJECT_ID, "once.bin") not in fake_state.file_contents


def test_a_json_post_is_still_retried_after_429(fake_server: ServerHandle, fake_state: FakeDeepnote) -> None:
    # The streamed-body rule is narrow: an in-memory body keeps the documented 429 retry.
    fake_state.faults.inject("429", times=1, method="POST", path="/files/copy", retry_after=0)
    target = fake_state.add_project("Target").id
    dn = Deepnote(token=fake_server.token, base_url=fake_server.base_url)
    dn.files.copy(
        source_project_id=SEED_PROJECT_ID, target_project_id=target, source_file_path="data/example.csv"
    )
    assert [r.status for r in fake_state.requests if r.path == "/files/copy"] == [429, 200]


async def test_async_upload_and_download(
    fake_server: ServerHandle, fake_state: FakeDeepnote, tmp_path: Path
) -> None:
    client = connect(fake_server.token, base_url=fake_server.base_url)
    source = tmp_path / "in.csv"
    source.write_bytes(CSV * 1000)
    reference = await aupload_file(client, SEED_PROJECT_ID, "in.csv", source)
    assert reference.path == "in.csv"
    assert await adownload_file(client, SEED_PROJECT_ID, "in.csv", tmp_path / "out.csv") == len(CSV) * 1000
    assert (tmp_path / "out.csv").read_bytes() == CSV * 1000
    async with AsyncDeepnote(token=fake_server.token, base_url=fake_server.base_url) as dn:
        downloaded = io.BytesIO()
        assert await dn.files.download(SEED_PROJECT_ID, "in.csv", downloaded) == len(CSV) * 1000
        assert downloaded.getvalue() == CSV * 1000
        assert (await dn.files.upload(SEED_PROJECT_ID, "in.csv", io.BytesIO(b"x"))).path == "in (1).csv"
        assert await dn.files.download(SEED_PROJECT_ID, "in (1).csv", io.BytesIO()) == 1
    await client.get_async_httpx_client().aclose()


# ------------------------------------------------------------------ redirects and the token


class _Storage(BaseHTTPRequestHandler):
    """A storage host on another origin: records the headers it got, answers with fixed bytes."""

    seen: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:
        type(self).seen.append({k.lower(): v for k, v in self.headers.items()})
        body = b"from storage"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@pytest.fixture
def storage() -> Iterator[str]:
    _Storage.seen = []
    with serve_on_loopback(_Storage) as origin:
        yield origin


def test_a_redirect_to_another_origin_gets_no_token(storage: str) -> None:
    api_requests: list[httpx.Request] = []

    def api(request: httpx.Request) -> httpx.Response:
        api_requests.append(request)
        if request.url.path == "/v2/files/download":
            return httpx.Response(307, headers={"Location": "/v2/files/moved"})  # same origin first
        return httpx.Response(302, headers={"Location": f"{storage}/blob?sig=abc"})

    client = connect(MOCK_TOKEN, base_url=LOOPBACK_API, transport=httpx.MockTransport(api), retry=None)
    sink = io.BytesIO()
    assert download_to(client, SEED_PROJECT_ID, "a.bin", sink) == len(b"from storage")
    assert sink.getvalue() == b"from storage"
    assert [r.headers["authorization"] for r in api_requests] == [f"Bearer {MOCK_TOKEN}"] * 2
    (stored,) = _Storage.seen
    assert "authorization" not in stored
    assert not any(MOCK_TOKEN in value or SEED_TOKEN in value for value in stored.values())


async def test_an_async_redirect_to_another_origin_gets_no_token(storage: str) -> None:
    def api(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": f"{storage}/blob"})

    client = connect(MOCK_TOKEN, base_url=LOOPBACK_API, transport=httpx.MockTransport(api), retry=None)
    sink = io.BytesIO()
    assert await adownload_file(client, SEED_PROJECT_ID, "a.bin", sink) == len(b"from storage")
    (stored,) = _Storage.seen
    assert "authorization" not in stored


# ------------------------------------------------------------------ project export and import


def test_export_then_import_a_directory_with_the_conflict_check(
    dn: Deepnote, fake_state: FakeDeepnote, fake_clock: FakeClock, tmp_path: Path
) -> None:
    from deepnote_overlay import ConflictError
    from deepnote_overlay.project_archive import EXPORT_RECORD

    exported = dn.projects.export_to(SEED_PROJECT_ID, tmp_path)
    assert exported.files == ("seed-notebook.deepnote",)
    assert (tmp_path / EXPORT_RECORD).is_file()
    document = tmp_path / "seed-notebook.deepnote"
    document.write_text(document.read_text().replace("print(greeting, region)", "print('from disk')"))
    result = dn.projects.import_from(SEED_PROJECT_ID, tmp_path)
    assert [(n.name, n.action) for n in result.notebooks] == [("Seed notebook", "overwritten")]
    assert fake_state.notebooks[SEED_NOTEBOOK_ID].blocks[-1].content == "print('from disk')"
    # The record now holds the new base: a second import from the same directory passes the check.
    assert dn.projects.import_from(SEED_PROJECT_ID, tmp_path).project.id == SEED_PROJECT_ID

    fake_clock.advance(1)
    fake_state.add_notebook(SEED_PROJECT_ID, "Changed meanwhile")
    with pytest.raises(ConflictError, match="changed since the export"):
        dn.projects.import_from(SEED_PROJECT_ID, tmp_path)
    forced = dn.projects.import_from(SEED_PROJECT_ID, tmp_path, force=True, delete_missing_notebooks=True)
    assert ("Changed meanwhile", "deleted") in [(n.name, n.action) for n in forced.notebooks]


def test_import_without_an_export_record_refuses_before_sending(
    dn: Deepnote, fake_state: FakeDeepnote, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match="force=True"):
        dn.projects.import_from(SEED_PROJECT_ID, tmp_path)
    assert not [r for r in fake_state.requests if r.path.endswith("/import")]


def test_export_refuses_members_outside_the_root(tmp_path: Path) -> None:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../escape.deepnote", b"x")

    def api(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=buffer.getvalue(), headers={"Content-Type": "application/zip"})

    from deepnote_overlay import ResponseParseError
    from deepnote_overlay.project_archive import export_project

    with pytest.raises(ResponseParseError, match="nothing written"):
        export_project(mock_client(api, None), SEED_PROJECT_ID, tmp_path / "out")
    assert not (tmp_path / "out").exists() and not (tmp_path / "escape.deepnote").exists()


async def test_async_export_and_import(
    fake_server: ServerHandle, fake_state: FakeDeepnote, tmp_path: Path
) -> None:
    async with AsyncDeepnote(token=fake_server.token, base_url=fake_server.base_url) as dn:
        exported = await dn.projects.export_to(SEED_PROJECT_ID, tmp_path)
        assert exported.project_id == SEED_PROJECT_ID
        result = await dn.projects.import_from(SEED_PROJECT_ID, tmp_path)
        assert result.notebooks[0].id == SEED_NOTEBOOK_ID


def test_project_operations_through_call(fake_server: ServerHandle, fake_state: FakeDeepnote) -> None:
    from deepnote_client.api.projects import export_project, import_project, update_project
    from deepnote_client.models import UpdateProjectBody, UpdateProjectStaticFiles

    client = connect(fake_server.token, base_url=fake_server.base_url)
    body = UpdateProjectBody(static_files=UpdateProjectStaticFiles(sharing_enabled=True))
    updated = call(update_project, client, project_id=SEED_PROJECT_ID, body=body)
    assert updated.project.static_files.sharing_enabled is True  # type: ignore[union-attr]
    archive = call(export_project, client, project_id=SEED_PROJECT_ID).payload.read()
    imported = call(
        import_project, client, project_id=SEED_PROJECT_ID, body=File(payload=io.BytesIO(archive))
    )
    assert imported.project.id == SEED_PROJECT_ID


def test_a_download_is_retried_after_503(fake_server: ServerHandle, fake_state: FakeDeepnote) -> None:
    fake_state.faults.inject("503", times=1, method="GET", path="/files/download")
    client = connect(fake_server.token, base_url=fake_server.base_url, retry=RetryPolicy(initial_backoff=0))
    sink = io.BytesIO()
    assert download_to(client, SEED_PROJECT_ID, "data/example.csv", sink) == len(sink.getvalue()) > 0
    assert [r.status for r in fake_state.requests if r.path == "/files/download"] == [503, 200]


def test_the_file_and_project_helpers_take_a_project_id_as_a_uuid(dn: Deepnote, tmp_path: Path) -> None:
    project = uuid.UUID(SEED_PROJECT_ID)
    reference = dn.files.upload(project, "ids/data.txt", io.BytesIO(b"by uuid"))
    assert reference.project_id == SEED_PROJECT_ID
    copy = io.BytesIO()
    assert dn.files.download(project, "ids/data.txt", copy) == 7 and copy.getvalue() == b"by uuid"
    export = dn.projects.export_to(project, tmp_path)
    assert export.project_id == SEED_PROJECT_ID
    imported = dn.projects.import_from(project, tmp_path)  # the record's id matches the UUID's text
    assert imported.project.id == SEED_PROJECT_ID
