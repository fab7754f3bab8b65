"""Project directories that cannot be turned against the user (sync and async alike): an import
never sends what a link points to, an export never writes through one and replaces files whole,
the directory mirrors the project, and a hostile or broken archive is a typed error with nothing
written."""

from __future__ import annotations

import io
import json
import os
import stat
import warnings
import zipfile
from pathlib import Path
from typing import Any

import httpx
import pytest

from deepnote_client.client import AuthenticatedClient
from deepnote_overlay.client import connect
from deepnote_overlay.errors import InvalidRequestError, ResponseParseError
from deepnote_overlay.project_archive import (
    EXPORT_RECORD,
    ProjectExport,
    aexport_project,
    aimport_project,
    export_project,
    import_project,
)

from .helpers import MOCK_BASE_URL, MOCK_TOKEN, PROJECT_ID

MODES = ["sync", "async"]
FIRST = b"metadata:\n  modifiedAt: '2026-11-28T09:30:00.000Z'\nproject:\n  name: first\n"
SECOND = b"metadata:\n  modifiedAt: '2026-11-28T09:30:00.000Z'\nproject:\n  name: second\n"


def zip_of(*members: tuple[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about a duplicate name, and writes it
        with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
            for name, content in members:
                archive.writestr(name, content)
    return buffer.getvalue()


class Api:
    """Answers the export with ``archive`` and an import with a new base, recording requests."""

    def __init__(self, archive: bytes) -> None:
        self.archive = archive
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if request.url.path.endswith("/export"):
            return httpx.Response(200, content=self.archive, headers={"Content-Type": "application/zip"})
        project = {"id": PROJECT_ID, "modifiedAt": "2026-11-28T10:00:00.000Z", "contentHash": "new-hash"}
        return httpx.Response(200, json={"project": project, "notebooks": []})

    def client(self) -> AuthenticatedClient:
        return connect(MOCK_TOKEN, base_url=MOCK_BASE_URL, transport=httpx.MockTransport(self), retry=None)


async def export(mode: str, api: Api, directory: Path, **caps: int) -> ProjectExport:
    if mode == "sync":
        return export_project(api.client(), PROJECT_ID, directory, **caps)
    return await aexport_project(api.client(), PROJECT_ID, directory, **caps)


async def import_(mode: str, api: Api, directory: Path, **options: Any) -> Any:
    if mode == "sync":
        return import_project(api.client(), PROJECT_ID, directory, **options)
    return await aimport_project(api.client(), PROJECT_ID, directory, **options)


def listing(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir()) if path.is_file()}


# ------------------------------------------------------------------ import and links


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("force", [False, True])
async def test_an_import_refuses_a_linked_document_naming_it_and_sends_nothing(
    mode: str, force: bool, tmp_path: Path
) -> None:
    api = Api(zip_of(("first.deepnote", FIRST)))
    directory = tmp_path / "repo"
    await export(mode, api, directory)
    secret = tmp_path / "id_rsa"
    secret.write_bytes(b"-----BEGIN OPENSSH PRIVATE KEY-----")
    (directory / "zz-config.deepnote").symlink_to("../id_rsa")
    with pytest.raises(InvalidRequestError) as caught:
        await import_(mode, api, directory, force=force)
    assert str(directory / "zz-config.deepnote") in caught.value.reason
    assert "symbolic link" in caught.value.reason
    assert [request.url.path for request in api.requests] == [f"/v2/projects/{PROJECT_ID}/export"]


@pytest.mark.parametrize("mode", MODES)
async def test_an_import_refuses_a_linked_record(mode: str, tmp_path: Path) -> None:
    api = Api(zip_of(("first.deepnote", FIRST)))
    elsewhere, directory = tmp_path / "elsewhere", tmp_path / "repo"
    await export(mode, api, elsewhere)
    directory.mkdir()
    (directory / "first.deepnote").write_bytes(FIRST)
    (directory / EXPORT_RECORD).symlink_to(elsewhere / EXPORT_RECORD)
    with pytest.raises(InvalidRequestError, match="symbolic link"):
        await import_(mode, api, directory)
    assert len(api.requests) == 1  # the export only


# ------------------------------------------------------------------ export and links, atomic files


@pytest.mark.parametrize("mode", MODES)
async def test_an_export_never_writes_through_a_link_in_the_target(mode: str, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    directory = tmp_path / "out"
    directory.mkdir()
    (directory / "second.deepnote").symlink_to("../victim.txt")
    api = Api(zip_of(("first.deepnote", FIRST), ("second.deepnote", SECOND)))
    with pytest.raises(InvalidRequestError) as caught:
        await export(mode, api, directory)
    assert str(directory / "second.deepnote") in caught.value.reason
    assert victim.read_bytes() == b"precious"
    assert sorted(path.name for path in directory.iterdir()) == ["second.deepnote"]  # nothing written
    assert api.requests == []  # refused before sending


@pytest.mark.parametrize("mode", MODES)
async def test_an_export_replaces_each_file_whole_rather_than_writing_into_it(
    mode: str, tmp_path: Path
) -> None:
    api = Api(zip_of(("first.deepnote", FIRST)))
    await export(mode, api, tmp_path)
    # A second name for the same file (a hard link) still shows the old content afterwards: the
    # export wrote a new file and renamed it over the name, so a reader never sees half a file.
    os.link(tmp_path / "first.deepnote", tmp_path / "old-view")
    (tmp_path / "first.deepnote").chmod(0o640)
    api.archive = zip_of(("first.deepnote", SECOND))
    await export(mode, api, tmp_path)
    assert (tmp_path / "first.deepnote").read_bytes() == SECOND
    assert (tmp_path / "old-view").read_bytes() == FIRST
    assert stat.S_IMODE((tmp_path / "first.deepnote").stat().st_mode) == 0o640  # its mode is kept
    assert not [path for path in tmp_path.iterdir() if path.name.endswith(".part")]


# ------------------------------------------------------------------ the directory mirrors the project


@pytest.mark.parametrize("mode", MODES)
async def test_a_re_export_removes_the_files_it_wrote_that_the_project_no_longer_has(
    mode: str, tmp_path: Path
) -> None:
    api = Api(zip_of(("first.deepnote", FIRST), ("second.deepnote", SECOND)))
    await export(mode, api, tmp_path)
    (tmp_path / "mine.deepnote").write_bytes(b"written by hand, never exported")
    (tmp_path / "notes.txt").write_bytes(b"not a document")
    api.archive = zip_of(("first.deepnote", FIRST))  # the second notebook was deleted meanwhile
    exported = await export(mode, api, tmp_path)
    assert (exported.files, exported.removed) == (("first.deepnote",), ("second.deepnote",))
    assert sorted(listing(tmp_path)) == [EXPORT_RECORD, "first.deepnote", "mine.deepnote", "notes.txt"]
    assert json.loads((tmp_path / EXPORT_RECORD).read_text())["files"] == ["first.deepnote"]
    # The next import sends only what the project has plus what the user added on purpose.
    await import_(mode, api, tmp_path)
    with zipfile.ZipFile(io.BytesIO(api.requests[-1].content)) as sent:
        assert sent.namelist() == ["first.deepnote", "mine.deepnote"]


@pytest.mark.parametrize("mode", MODES)
async def test_a_record_naming_paths_outside_the_directory_removes_nothing_there(
    mode: str, tmp_path: Path
) -> None:
    (tmp_path / "outside.deepnote").write_bytes(b"keep me")
    directory = tmp_path / "out"
    directory.mkdir()
    record = {
        "projectId": PROJECT_ID,
        "modifiedAt": None,
        "contentHash": "h",
        "files": ["../outside.deepnote"],
    }
    (directory / EXPORT_RECORD).write_text(json.dumps(record))
    exported = await export(mode, Api(zip_of(("first.deepnote", FIRST))), directory)
    assert exported.removed == ()
    assert (tmp_path / "outside.deepnote").read_bytes() == b"keep me"


@pytest.mark.parametrize("mode", MODES)
async def test_an_export_over_another_projects_export_is_refused_before_sending(
    mode: str, tmp_path: Path
) -> None:
    record = {"projectId": "other-project", "modifiedAt": None, "contentHash": "h", "files": ["a.deepnote"]}
    (tmp_path / EXPORT_RECORD).write_text(json.dumps(record))
    (tmp_path / "a.deepnote").write_bytes(b"the other project's")
    api = Api(zip_of(("first.deepnote", FIRST)))
    with pytest.raises(InvalidRequestError, match="records project other-project"):
        await export(mode, api, tmp_path)
    assert api.requests == []
    assert (tmp_path / "a.deepnote").read_bytes() == b"the other project's"


# ------------------------------------------------------------------ hostile and broken archives


def corrupted(archive: bytes, old: bytes, new: bytes) -> bytes:
    assert archive.count(old) >= 1
    return archive.replace(old, new)


def with_method(archive: bytes, method: int) -> bytes:
    """``archive`` (stored members) claiming compression ``method`` in every header."""
    data = bytearray(archive)
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = data.find(signature)
        while start >= 0:
            data[start + offset : start + offset + 2] = method.to_bytes(2, "little")
            start = data.find(signature, start + 4)
    return bytes(data)


def encrypted_flag(archive: bytes) -> bytes:
    data = bytearray(archive)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = data.find(signature)
        while start >= 0:
            data[start + offset] |= 0x1
            start = data.find(signature, start + 4)
    return bytes(data)


STORED = zip_of(("first.deepnote", FIRST), ("second.deepnote", SECOND), compression=zipfile.ZIP_STORED)
BROKEN = {
    "not a zip": (b"<html>a proxy's error page</html>", "not a readable ZIP archive"),
    "bad crc": (corrupted(STORED, b"name: second", b"name: SECOND"), "Bad CRC-32"),
    "encrypted": (encrypted_flag(STORED), "is encrypted"),
    "compression 99": (with_method(STORED, 99), "compression method 99"),
    "name too long": (
        zip_of(("first.deepnote", FIRST), ("n" * 300 + ".deepnote", SECOND)),
        "longer than the file system allows",
    ),
    "duplicate names": (
        zip_of(("first.deepnote", FIRST), ("first.deepnote", SECOND)),
        "two members named 'first.deepnote'",
    ),
    "path traversal": (
        zip_of(("first.deepnote", FIRST), ("../escape.deepnote", SECOND)),
        "not a .deepnote file",
    ),
    "absolute path": (
        zip_of(("first.deepnote", FIRST), ("/tmp/abs.deepnote", SECOND)),
        "not a .deepnote file",
    ),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", sorted(BROKEN))
async def test_a_broken_or_hostile_archive_is_a_typed_error_and_nothing_is_written(
    mode: str, case: str, tmp_path: Path
) -> None:
    archive, fragment = BROKEN[case]
    directory = tmp_path / "out"
    directory.mkdir()
    (directory / "first.deepnote").write_bytes(b"before")
    with pytest.raises(ResponseParseError) as caught:
        await export(mode, Api(archive), directory)
    assert fragment in caught.value.reason and caught.value.reason.endswith("nothing written")
    assert caught.value.operation == "exportProject"
    assert listing(directory) == {"first.deepnote": b"before"}
    assert not (tmp_path / "escape.deepnote").exists()


@pytest.mark.parametrize("mode", MODES)
async def test_too_many_members_are_refused_before_anything_is_written(mode: str, tmp_path: Path) -> None:
    members = [(f"n{index}.deepnote", b"x") for index in range(4)]
    with pytest.raises(ResponseParseError) as caught:
        await export(mode, Api(zip_of(*members)), tmp_path / "out", max_files=3)
    assert caught.value.reason == "the export holds 4 members, more than max_files=3; nothing written"
    assert not (tmp_path / "out").exists()
    exported = await export(mode, Api(zip_of(*members)), tmp_path / "out", max_files=4)
    assert len(exported.files) == 4


@pytest.mark.parametrize("mode", MODES)
async def test_an_archive_bomb_is_refused_before_anything_is_written(mode: str, tmp_path: Path) -> None:
    bomb = zip_of(("first.deepnote", FIRST), ("zeros.deepnote", b"\0" * 3_000_000))
    assert len(bomb) < 10_000  # a few kilobytes that unpack to three megabytes
    with pytest.raises(ResponseParseError) as caught:
        await export(mode, Api(bomb), tmp_path / "out", max_bytes=1_000_000)
    assert "more than max_bytes=1000000" in caught.value.reason
    assert not (tmp_path / "out").exists()


def lying_about_its_size(archive: bytes, true_size: int, claimed: int) -> bytes:
    """``archive`` whose one member claims ``claimed`` bytes unpacked (in both headers)."""
    data = bytearray(archive)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = data.find(signature)
        assert int.from_bytes(data[start + offset : start + offset + 4], "little") == true_size
        data[start + offset : start + offset + 4] = claimed.to_bytes(4, "little")
    return bytes(data)


@pytest.mark.parametrize("mode", MODES)
async def test_a_member_lying_about_its_size_is_caught_while_unpacking(mode: str, tmp_path: Path) -> None:
    liar = lying_about_its_size(zip_of(("big.deepnote", b"\0" * 200_000)), 200_000, 10)
    with pytest.raises(ResponseParseError):
        await export(mode, Api(liar), tmp_path / "out", max_bytes=1_000)
    assert not (tmp_path / "out").exists()


def test_the_caps_have_sane_defaults_and_are_the_same_for_both_drivers() -> None:
    import inspect

    from deepnote_overlay.project_archive import DEFAULT_MAX_BYTES, DEFAULT_MAX_FILES

    for function in (export_project, aexport_project):
        parameters = inspect.signature(function).parameters
        assert parameters["max_files"].default == DEFAULT_MAX_FILES == 10_000
        assert parameters["max_bytes"].default == DEFAULT_MAX_BYTES == 512 * 1024 * 1024


@pytest.mark.parametrize("mode", MODES)
async def test_a_record_that_is_not_one_is_refused_before_sending(mode: str, tmp_path: Path) -> None:
    (tmp_path / EXPORT_RECORD).write_text("not json")
    api = Api(zip_of(("first.deepnote", FIRST)))
    with pytest.raises(InvalidRequestError, match="is not an export record"):
        await export(mode, api, tmp_path)
    with pytest.raises(InvalidRequestError, match="is not an export record"):
        await import_(mode, api, tmp_path)
    assert api.requests == []


@pytest.mark.parametrize("mode", MODES)
async def test_an_import_refuses_a_document_that_is_not_a_regular_file(mode: str, tmp_path: Path) -> None:
    (tmp_path / "folder.deepnote").mkdir()
    api = Api(zip_of(("first.deepnote", FIRST)))
    with pytest.raises(InvalidRequestError) as caught:
        await import_(mode, api, tmp_path, force=True)
    assert caught.value.reason == f"{tmp_path / 'folder.deepnote'} is not a regular file"
    assert api.requests == []


def test_a_member_at_exactly_the_caps_is_exported(tmp_path: Path) -> None:
    name = "n" * (os.pathconf(tmp_path, "PC_NAME_MAX") - len(".deepnote")) + ".deepnote"
    members = zip_of((name, b"x" * 600), ("first.deepnote", b"y" * 400))
    exported = export_project(Api(members).client(), PROJECT_ID, tmp_path, max_bytes=1_000)
    assert exported.files == ("first.deepnote", name)
    assert (tmp_path / name).read_bytes() == b"x" * 600


def test_a_name_is_measured_against_the_file_systems_own_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    limits = {"PC_NAME_MAX": 20}
    monkeypatch.setattr(os, "pathconf", lambda path, name: limits[name])
    with pytest.raises(ResponseParseError) as caught:
        export_project(Api(zip_of(("n" * 12 + ".deepnote", FIRST))).client(), PROJECT_ID, tmp_path)
    assert "a name longer than the file system allows" in caught.value.reason
    exported = export_project(Api(zip_of(("n" * 11 + ".deepnote", FIRST))).client(), PROJECT_ID, tmp_path)
    assert exported.files == ("n" * 11 + ".deepnote",)


def test_a_backslash_name_and_a_refusals_details(tmp_path: Path) -> None:
    api = Api(zip_of(("first.deepnote", FIRST), ("sub\\second.deepnote", SECOND)))
    # A base URL ending in "X/": only the trailing "/" is dropped from the URL the error names.
    base_url = "https://api.test/v2X/"
    client = connect(MOCK_TOKEN, base_url=base_url, transport=httpx.MockTransport(api), retry=None)
    with pytest.raises(ResponseParseError) as caught:
        export_project(client, PROJECT_ID, tmp_path)
    assert "'sub\\\\second.deepnote', not a .deepnote file at its root" in caught.value.reason
    error = caught.value
    assert (error.status_code, error.method) == (200, "GET")
    assert error.url == f"https://api.test/v2X/projects/{PROJECT_ID}/export"
    assert list(tmp_path.iterdir()) == []


def test_an_unreadable_archive_names_what_zipfile_tripped_over(tmp_path: Path) -> None:
    with pytest.raises(ResponseParseError) as caught:
        export_project(Api(b"<html>error</html>").client(), PROJECT_ID, tmp_path)
    assert "(BadZipFile: " in caught.value.reason


def test_a_lying_member_fails_its_crc_check(tmp_path: Path) -> None:
    liar = lying_about_its_size(zip_of(("big.deepnote", b"\0" * 200_000)), 200_000, 10)
    with pytest.raises(ResponseParseError, match="Bad CRC-32"):
        export_project(Api(liar).client(), PROJECT_ID, tmp_path / "out", max_bytes=1_000)


def test_the_encrypted_flag_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(ResponseParseError, match="'first.deepnote' is encrypted"):
        export_project(Api(encrypted_flag(STORED)).client(), PROJECT_ID, tmp_path)


def refusals(directory: Path) -> dict[str, tuple[str, Any]]:
    """Each refusal before sending: (operation it names, how to provoke it)."""

    def linked_document() -> None:
        (directory / "a.deepnote").symlink_to(directory / "target")

    def linked_record() -> None:
        (directory / EXPORT_RECORD).symlink_to(directory / "target")

    def bad_record() -> None:
        (directory / EXPORT_RECORD).write_text("[]")

    def other_record() -> None:
        (directory / EXPORT_RECORD).write_text(json.dumps({"projectId": "other"}))

    return {
        "export linked document": ("exportProject", linked_document),
        "export linked record": ("exportProject", linked_record),
        "export bad record": ("exportProject", bad_record),
        "export other record": ("exportProject", other_record),
        "import linked document": ("importProject", linked_document),
        "import linked record": ("importProject", linked_record),
        "import bad record": ("importProject", bad_record),
        "import other record": ("importProject", other_record),
        "import no record": ("importProject", lambda: None),
    }


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", sorted(refusals(Path())))
async def test_every_refusal_names_its_operation(mode: str, case: str, tmp_path: Path) -> None:
    (tmp_path / "target").write_bytes(b"secret")
    operation, provoke = refusals(tmp_path)[case]
    provoke()
    api = Api(zip_of(("first.deepnote", FIRST)))
    with pytest.raises(InvalidRequestError) as caught:
        if operation == "exportProject":
            await export(mode, api, tmp_path)
        else:
            # A linked document is read only after the record's check, which force skips.
            await import_(mode, api, tmp_path, force=case == "import linked document")
    assert caught.value.operation == operation
    assert api.requests == []


def test_a_document_that_turns_into_a_link_is_not_read_through_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from deepnote_overlay import project_archive

    (tmp_path / "target").write_bytes(b"secret")
    (tmp_path / "a.deepnote").symlink_to(tmp_path / "target")
    # The link appears after the check: the open itself refuses to follow it.
    monkeypatch.setattr(project_archive, "_regular_or_absent", lambda path, operation: True)
    with pytest.raises(OSError):
        import_project(Api(b"").client(), PROJECT_ID, tmp_path, force=True)


@pytest.mark.parametrize("mode", MODES)
async def test_a_link_that_appears_during_the_export_is_refused_naming_the_export(
    mode: str, tmp_path: Path
) -> None:
    (tmp_path / "target").write_bytes(b"secret")
    for name in ("first.deepnote", EXPORT_RECORD):
        api = Api(zip_of(("first.deepnote", FIRST)))

        def answer(request: httpx.Request, name: str = name, api: Api = api) -> httpx.Response:
            (tmp_path / name).symlink_to(tmp_path / "target")
            return api(request)

        client = connect(
            MOCK_TOKEN, base_url=MOCK_BASE_URL, transport=httpx.MockTransport(answer), retry=None
        )
        with pytest.raises(InvalidRequestError) as caught:
            if mode == "sync":
                export_project(client, PROJECT_ID, tmp_path)
            else:
                await aexport_project(client, PROJECT_ID, tmp_path)
        assert caught.value.operation == "exportProject"
        (tmp_path / name).unlink()
    assert (tmp_path / "target").read_bytes() == b"secret"


def test_an_export_that_fails_half_way_is_cleaned_up_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from deepnote_overlay import _transfer, project_archive

    export_project(Api(zip_of(("old.deepnote", FIRST))).client(), PROJECT_ID, tmp_path)
    real = _transfer.ReplacedFile

    def failing(path: Path) -> Any:
        if path.name == "second.deepnote":
            raise OSError("disk full")
        return real(path)

    monkeypatch.setattr(project_archive, "ReplacedFile", failing)
    both = zip_of(("first.deepnote", FIRST), ("second.deepnote", SECOND))
    with pytest.raises(OSError, match="disk full"):
        export_project(Api(both).client(), PROJECT_ID, tmp_path)
    record = json.loads((tmp_path / EXPORT_RECORD).read_text())
    assert record["files"] == ["first.deepnote", "old.deepnote", "second.deepnote"]
    monkeypatch.undo()
    exported = export_project(Api(zip_of(("second.deepnote", SECOND))).client(), PROJECT_ID, tmp_path)
    assert exported.removed == ("first.deepnote", "old.deepnote")
    assert sorted(path.name for path in tmp_path.iterdir()) == [EXPORT_RECORD, "second.deepnote"]
