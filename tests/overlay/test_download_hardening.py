"""Downloads that cannot be turned against the user (sync and async alike): no signed query in
any error or log record, no redirect to credentials, metadata, link-local or downgraded URLs,
typed errors for bad bodies and bad URLs, the caller's own ``progress`` exception, and files that
follow the umask."""

from __future__ import annotations

import io
import os
import stat
import types
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest

from deepnote_client.client import AuthenticatedClient
from deepnote_overlay import _transfer
from deepnote_overlay._transfer import ReplacedFile, public_url, refused_redirect, refused_url
from deepnote_overlay.client import connect
from deepnote_overlay.errors import APIConnectionError, InvalidRequestError, NotFoundError
from deepnote_overlay.files import Destination, Progress, adownload_file, download_file
from deepnote_overlay.runs import adownload_snapshot, download_snapshot

from .helpers import MOCK_BASE_URL, MOCK_TOKEN, PROJECT_ID, Handler, assert_no_secret, serve_on_loopback

MODES = ["sync", "async"]
SIGNATURE = "X-Amz-Signature=5ecret5ignature0f0f"
LOOPBACK_API = "http://localhost:9/v2"
"""Plain http on loopback, like the fake: a storage redirect to plain http is followed from it."""


class _Storage(BaseHTTPRequestHandler):
    """A storage host: ``/missing`` is 404, ``/gzip`` a body that is not the gzip it claims,
    ``/bad-redirect`` a redirect to a URL httpx cannot parse."""

    paths: ClassVar[list[str]] = []
    headers_seen: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:
        type(self).paths.append(self.path)
        type(self).headers_seen.append({k.lower(): v for k, v in self.headers.items()})
        body, status, headers = b"stored bytes", 200, {}
        if self.path.startswith("/missing"):
            body, status = b"<Error><StringToSign>" + SIGNATURE.encode() + b"</StringToSign></Error>", 404
        elif self.path.startswith("/bad-redirect"):
            status, headers = 302, {"Location": f"http://[::1/elsewhere?{SIGNATURE}"}
        elif self.path.startswith("/loop"):
            status, headers = 302, {"Location": f"/loop?{SIGNATURE}"}
        elif self.path.startswith("/gzip"):
            body, headers = b"this is not gzip at all", {"Content-Encoding": "gzip"}
        self.send_response(status)
        for name, value in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@pytest.fixture
def storage() -> Iterator[str]:
    _Storage.paths = []
    _Storage.headers_seen = []
    with serve_on_loopback(_Storage) as origin:
        yield origin


def client_of(handler: Handler, base_url: str = LOOPBACK_API, **options: Any) -> AuthenticatedClient:
    transport = httpx.MockTransport(handler)
    return connect(MOCK_TOKEN, base_url=base_url, transport=transport, retry=None, **options)


def redirecting_to(location: str) -> Handler:
    def api(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": location})

    return api


async def download(
    mode: str, client: AuthenticatedClient, destination: Destination, progress: Progress | None = None
) -> int:
    if mode == "sync":
        return download_file(client, PROJECT_ID, "a.bin", destination, progress=progress)
    return await adownload_file(client, PROJECT_ID, "a.bin", destination, progress=progress)


async def snapshot(mode: str, client: AuthenticatedClient, url: str) -> str:
    if mode == "sync":
        return download_snapshot(client, url)
    return await adownload_snapshot(client, url)


def no_signature_logged(caplog: pytest.LogCaptureFixture) -> None:
    for record in caplog.records:
        text = f"{record.name} {record.getMessage()} {record.args!r} {record.exc_text or ''}"
        assert "5ecret5ignature" not in text, f"signed query in a log record of {record.name}: {text}"


@pytest.fixture
def nothing_sent_to_the_network(monkeypatch: pytest.MonkeyPatch) -> list[httpx.Request]:
    """Every request that would reach a real transport is recorded and refused instead."""
    sent: list[httpx.Request] = []

    def refuse(self: Any, request: httpx.Request) -> httpx.Response:
        sent.append(request)
        raise httpx.ConnectError("the test does not let this leave the process")

    async def arefuse(self: Any, request: httpx.Request) -> httpx.Response:
        return refuse(self, request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", refuse)
    monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", arefuse)
    return sent


# ------------------------------------------------------------------ signed queries


@pytest.mark.parametrize("mode", MODES)
async def test_a_refused_storage_download_shows_no_signature_in_its_error_or_the_logs(
    mode: str, storage: str, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    client = client_of(redirecting_to(f"{storage}/missing/blob?{SIGNATURE}"))
    with pytest.raises(NotFoundError) as caught:
        await download(mode, client, tmp_path / "out.bin")
    assert (caught.value.method, caught.value.url) == ("GET", f"{storage}/missing/blob")
    page = b"<Error><StringToSign>" + SIGNATURE.encode() + b"</StringToSign></Error>"
    assert caught.value.message == f"the download failed ({len(page)}-byte body)"
    assert "StringToSign" not in str(caught.value)  # a storage error page is never quoted
    assert_no_secret(caught.value, "5ecret5ignature")
    assert _Storage.paths == [f"/missing/blob?{SIGNATURE}"]  # the signed URL itself was fetched
    no_signature_logged(caplog)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("mode", MODES)
async def test_downloads_through_storage_log_no_signed_query(
    mode: str, storage: str, caplog: pytest.LogCaptureFixture
) -> None:
    client = client_of(redirecting_to(f"{storage}/blob?{SIGNATURE}"))
    sink = io.BytesIO()
    assert await download(mode, client, sink) == len(b"stored bytes")
    assert await snapshot(mode, client, f"{storage}/snapshot?{SIGNATURE}") == "stored bytes"
    assert sink.getvalue() == b"stored bytes"
    assert _Storage.paths == [f"/blob?{SIGNATURE}", f"/snapshot?{SIGNATURE}"]
    assert all("authorization" not in headers for headers in _Storage.headers_seen)
    no_signature_logged(caplog)


@pytest.mark.parametrize("mode", MODES)
async def test_a_storage_connection_failure_names_the_url_without_its_query(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    client = client_of(redirecting_to(f"http://127.0.0.1:9/blob?{SIGNATURE}"), timeout=2)
    with pytest.raises(APIConnectionError) as caught:
        await download(mode, client, io.BytesIO())
    assert (caught.value.url, caught.value.reason) == ("http://127.0.0.1:9/blob", "ConnectError")
    assert_no_secret(caught.value, "5ecret5ignature")
    no_signature_logged(caplog)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("quoting", [True, False], ids=["quoting-the-query", "not-quoting-it"])
async def test_a_storage_failure_is_chained_only_when_its_text_does_not_quote_the_query(
    mode: str, quoting: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    raised: list[httpx.ConnectError] = []

    def fail(self: Any, request: httpx.Request) -> httpx.Response:
        raised.append(httpx.ConnectError(f"cannot reach {request.url}" if quoting else "cannot reach it"))
        raise raised[-1]

    async def afail(self: Any, request: httpx.Request) -> httpx.Response:
        return fail(self, request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", fail)
    monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", afail)
    client = client_of(redirecting_to(f"https://storage.test/blob?{SIGNATURE}"))
    with pytest.raises(APIConnectionError) as caught:
        await download(mode, client, io.BytesIO())
    assert (caught.value.url, caught.value.reason) == ("https://storage.test/blob", "ConnectError")
    if quoting:
        assert caught.value.__cause__ is None and caught.value.__suppress_context__
        assert_no_secret(caught.value.args, "5ecret5ignature")
    else:
        assert caught.value.__cause__ is raised[0]


def test_errors_show_another_origins_url_without_credentials_query_or_fragment() -> None:
    url = httpx.URL(f"https://user:hunter2@storage.test:8443/blob?{SIGNATURE}#part")
    assert public_url(url) == "https://storage.test:8443/blob"


# ------------------------------------------------------------------ refused redirects


@pytest.mark.parametrize("mode", MODES)
async def test_a_redirect_carrying_a_user_and_password_is_refused_unsent(
    mode: str, storage: str, nothing_sent_to_the_network: list[httpx.Request]
) -> None:
    location = storage.replace("http://", "http://user:hunter2@") + f"/blob?{SIGNATURE}"
    with pytest.raises(APIConnectionError) as caught:
        await download(mode, client_of(redirecting_to(location)), io.BytesIO())
    assert caught.value.reason == "refused a redirect to a URL with a user name or password"
    assert (caught.value.method, caught.value.url) == ("GET", f"{storage}/blob")
    assert_no_secret(caught.value, "hunter2", "5ecret5ignature")
    assert nothing_sent_to_the_network == []


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "location",
    [
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "http://2852039166/latest/meta-data/",  # 169.254.169.254 as one decimal number
        "http://0xA9.0xFE.0xA9.0xFE/latest/meta-data/",
        "http://[::ffff:169.254.169.254]/latest/meta-data/",
        "http://[fe80::1]/",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://metadata.google.internal./computeMetadata/v1/",
        "http://100.100.100.200/latest/meta-data/",
        "http://0x646464c8/latest/meta-data/",  # 100.100.100.200 (not link-local) as one hex number
        "http://[::ffff:100.100.100.200]/latest/meta-data/",
        "http://[fd00:ec2:0::254]/latest/meta-data/",  # written longer than METADATA_HOSTS has it
        "http://[fd00:ec2::254%25eth0]/latest/meta-data/",  # with an IPv6 zone
        "http://168.63.129.16/machine?comp=goalstate",  # Azure's platform endpoint
        "http://metadata/computeMetadata/v1/",
        "http://metadata.goog/computeMetadata/v1/",
        "http://instance-data/latest/meta-data/",
        "http://INSTANCE-DATA.ec2.internal/latest/meta-data/",
    ],
)
async def test_a_redirect_to_link_local_or_metadata_addresses_is_refused_unsent(
    mode: str, location: str, nothing_sent_to_the_network: list[httpx.Request]
) -> None:
    with pytest.raises(APIConnectionError) as caught:
        await download(mode, client_of(redirecting_to(location)), io.BytesIO())
    assert caught.value.reason == "refused a redirect to a link-local or cloud metadata address"
    assert nothing_sent_to_the_network == []


@pytest.mark.parametrize("mode", MODES)
async def test_a_redirect_from_https_to_plain_http_is_refused(mode: str, storage: str) -> None:
    client = client_of(redirecting_to(f"{storage}/blob"), base_url=MOCK_BASE_URL)  # https
    with pytest.raises(APIConnectionError) as caught:
        await download(mode, client, io.BytesIO())
    assert caught.value.reason.startswith("refused a redirect to plain http")
    assert _Storage.paths == []


@pytest.mark.parametrize("mode", MODES)
async def test_a_storage_redirect_httpx_cannot_parse_is_a_typed_error(mode: str, storage: str) -> None:
    client = client_of(redirecting_to(f"{storage}/bad-redirect?{SIGNATURE}"))
    with pytest.raises(InvalidRequestError) as caught:
        await download(mode, client, io.BytesIO())
    assert caught.value.operation == "downloadFile"
    assert caught.value.reason == "the redirect's Location is not a valid URL (not shown: it may be signed)"
    assert_no_secret(caught.value, "5ecret5ignature")


@pytest.mark.parametrize("mode", MODES)
async def test_too_many_storage_redirects_name_the_last_without_its_query(mode: str, storage: str) -> None:
    client = client_of(redirecting_to(f"{storage}/loop?{SIGNATURE}"))
    with pytest.raises(APIConnectionError) as caught:
        await download(mode, client, io.BytesIO())
    assert (caught.value.reason, caught.value.url) == ("too many redirects", f"{storage}/loop")
    assert_no_secret(caught.value, "5ecret5ignature")


# ------------------------------------------------------------------ snapshot URLs and bodies


@pytest.mark.parametrize("mode", MODES)
async def test_a_snapshot_that_does_not_decode_is_a_typed_error(mode: str, storage: str) -> None:
    client = client_of(redirecting_to("unused"))
    with pytest.raises(APIConnectionError) as caught:
        await snapshot(mode, client, f"{storage}/gzip?{SIGNATURE}")
    assert (caught.value.url, caught.value.reason) == (f"{storage}/gzip", "DecodingError")
    assert_no_secret(caught.value, "5ecret5ignature")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("url", [f"http://[::1/snapshot?{SIGNATURE}", f"http://a\x00b/snapshot?{SIGNATURE}"])
async def test_a_snapshot_url_httpx_cannot_parse_is_a_typed_error(mode: str, url: str) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        await snapshot(mode, client_of(redirecting_to("unused")), url)
    assert caught.value.operation == "download_snapshot"
    assert caught.value.reason == "the URL is not valid (not shown: it may be signed)"
    assert_no_secret(caught.value, "5ecret5ignature")


@pytest.mark.parametrize("mode", MODES)
async def test_a_snapshot_url_to_metadata_or_with_a_password_is_refused_unsent(
    mode: str, nothing_sent_to_the_network: list[httpx.Request]
) -> None:
    client = client_of(redirecting_to("unused"))
    refusals = [
        ("http://169.254.169.254/latest/", "a link-local or cloud metadata address"),
        (f"https://user:hunter2@storage.test/s?{SIGNATURE}", "a URL with a user name or password"),
        ("/snapshot", "a relative URL"),
    ]
    for url, reason in refusals:
        with pytest.raises(APIConnectionError) as caught:
            await snapshot(mode, client, url)
        assert (caught.value.method, caught.value.reason) == ("GET", f"refused {reason}")
        assert_no_secret(caught.value, "hunter2", "5ecret5ignature")
    assert nothing_sent_to_the_network == []


@pytest.mark.parametrize("mode", MODES)
async def test_a_snapshot_storage_refuses_is_its_status_error_without_the_page(
    mode: str, storage: str
) -> None:
    page = b"<Error><StringToSign>" + SIGNATURE.encode() + b"</StringToSign></Error>"
    with pytest.raises(NotFoundError) as caught:
        await snapshot(mode, client_of(redirecting_to("unused")), f"{storage}/missing/s?{SIGNATURE}")
    assert (caught.value.message, caught.value.method, caught.value.url) == (
        f"snapshot download failed ({len(page)}-byte body)",
        "GET",
        f"{storage}/missing/s",
    )
    assert_no_secret(caught.value, "5ecret5ignature")


# ------------------------------------------------------------------ the caller's progress


class Stop(Exception):
    """The caller's own exception, raised from its progress callback."""


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("redirected", [False, True], ids=["from-the-api", "from-storage"])
async def test_an_exception_from_progress_comes_through_and_leaves_no_file(
    mode: str, redirected: bool, storage: str, tmp_path: Path
) -> None:
    def api(request: httpx.Request) -> httpx.Response:
        if redirected:
            return httpx.Response(302, headers={"Location": f"{storage}/blob"})
        return httpx.Response(200, content=b"the file")

    def progress(done: int, total: int | None) -> None:
        raise Stop(done)

    target = tmp_path / "out.bin"
    target.write_bytes(b"kept")
    with pytest.raises(Stop):
        await download(mode, client_of(api), target, progress=progress)
    assert target.read_bytes() == b"kept"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.bin"]


# ------------------------------------------------------------------ file modes


@pytest.fixture(params=[0o027, 0o002], ids=oct)
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
@pytest.mark.parametrize("mode", MODES)
async def test_a_downloaded_file_follows_the_umask_and_keeps_an_existing_files_mode(
    mode: str, tmp_path: Path, umask: int
) -> None:
    client = client_of(lambda request: httpx.Response(200, content=b"the file"))
    fresh = tmp_path / "fresh.bin"
    await download(mode, client, fresh)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask  # 0o640, 0o664
    existing = tmp_path / "existing.bin"
    existing.write_bytes(b"old")
    existing.chmod(0o604)
    await download(mode, client, existing)
    assert existing.read_bytes() == b"the file"
    assert stat.S_IMODE(existing.stat().st_mode) == 0o604


@pytest.mark.parametrize(
    ("origin", "target", "refused"),
    [
        ("http://127.0.0.1:9/v2", "http://storage.test/blob", False),  # http on loopback: allowed
        ("http://[::1]:9/v2", "http://storage.test/blob", False),
        ("http://localhost:9/v2", "http://storage.test/blob", False),
        ("http://api.internal/v2", "http://storage.test/blob", True),  # http, not loopback
        ("https://127.0.0.1:9/v2", "http://storage.test/blob", True),  # a downgrade from https
        ("https://api.test/v2", "https://storage.test/blob", False),
        ("https://api.test/v2", "ftp://storage.test/blob", True),
    ],
)
def test_which_redirects_are_followed(origin: str, target: str, refused: bool) -> None:
    assert (refused_redirect(httpx.URL(target), httpx.URL(origin)) is not None) is refused


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("ftp://storage.test/blob", "a ftp URL"),
        ("/blob", "a relative URL"),
        ("https://user@storage.test/blob", "a URL with a user name or password"),
        ("https://storage.test/blob", None),
    ],
)
def test_refused_urls_say_why(target: str, reason: str | None) -> None:
    assert refused_url(httpx.URL(target)) == reason


# ------------------------------------------------------------------ temporary files


def _tokens(monkeypatch: pytest.MonkeyPatch, *tokens: str) -> list[int]:
    """Temporary names from ``tokens`` (the last one repeated); returns the lengths asked for."""
    asked: list[int] = []
    queue = list(tokens)

    def token_hex(length: int) -> str:
        asked.append(length)
        return queue.pop(0) if len(queue) > 1 else queue[0]

    monkeypatch.setattr(_transfer, "secrets", types.SimpleNamespace(token_hex=token_hex))
    return asked


@pytest.mark.parametrize("link", [False, True], ids=["file", "symlink"])
def test_a_temporary_name_taken_already_is_skipped_and_left_alone(
    link: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stranger = tmp_path / ".out.bin.taken.part"
    if link:  # never written through: the file it points to keeps its bytes
        (tmp_path / "victim").write_bytes(b"someone else's")
        stranger.symlink_to("victim")
    else:
        stranger.write_bytes(b"someone else's")
    _tokens(monkeypatch, "taken", "taken", "free")
    with ReplacedFile(tmp_path / "out.bin") as file:
        file.write(b"new")
    assert (tmp_path / "out.bin").read_bytes() == b"new"
    assert stranger.read_bytes() == b"someone else's"
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        [stranger.name, "out.bin", *(["victim"] if link else [])]
    )


def test_when_every_temporary_name_is_taken_it_gives_up_naming_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".out.bin.taken.part").write_bytes(b"someone else's")
    asked = _tokens(monkeypatch, "taken")
    with pytest.raises(FileExistsError) as caught, ReplacedFile(tmp_path / "out.bin"):
        pass
    assert str(caught.value) == f"no free temporary name beside {tmp_path / 'out.bin'}"
    assert len(asked) == 100, "a bounded number of tries"
    assert not (tmp_path / "out.bin").exists()


def test_a_failure_after_the_temporary_file_vanished_comes_through_as_it_was(tmp_path: Path) -> None:
    replaced = ReplacedFile(tmp_path / "out.bin")
    with pytest.raises(Stop), replaced:
        assert replaced.temporary is not None
        replaced.temporary.unlink()  # a cleaner got there first
        raise Stop
    assert list(tmp_path.iterdir()) == []
