"""The fake under abuse: deep JSON, slow and piled-up connections, huge bodies, an early client, and
foreign ``Host`` names. Each answer is the fake's usual ``{"message": ...}`` error, never a hang, a
crash or a traceback. Every server is on 127.0.0.1; waits are bounded only to avoid hanging."""

from __future__ import annotations

import json
import re
import select
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from deepnote_fake import SEED_PROJECT_ID, SEED_TOKEN, FakeDeepnote, ServerHandle, running_server
from deepnote_fake.safety import host_allowed
from deepnote_fake.validation import MAX_JSON_DEPTH

ROOT = Path(__file__).resolve().parents[2]
AUTH = {"Authorization": f"Bearer {SEED_TOKEN}"}
WAIT = 20.0  # seconds: only a bound against hanging, never an expectation of speed
PARTIAL_HEAD = b"GET /v2/me HT"


def _connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=WAIT)


def _stall(sock: socket.socket) -> None:
    """Send half a request line; the server may already have closed ``sock`` to make room."""
    try:
        sock.sendall(PARTIAL_HEAD)
    except OSError:
        pass


def _head(path: str, content_type: str, framing: str) -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {SEED_TOKEN}\r\n"
        f"Content-Type: {content_type}\r\n{framing}\r\n\r\n"
    ).encode()


def _read_response(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of one response on ``sock`` (read until the server closes or the
    body's ``Content-Length`` is in)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"the server closed the connection without a full response: {data!r}"
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines)}
    while len(body) < int(headers.get("content-length", "0")):
        chunk = sock.recv(65536)
        assert chunk
        body += chunk
    return int(status_line.split()[1]), headers, body


def _closed_by_server(sock: socket.socket) -> bool:
    """True once the server has closed ``sock`` (EOF or reset), waiting at most ``WAIT``."""
    sock.settimeout(WAIT)
    try:
        while sock.recv(65536):
            pass
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False
    return True


def _message(body: bytes) -> str:
    data = json.loads(body)
    assert set(data) == {"message"}
    return str(data["message"])


# --- JSON nested deeper than anyone needs --------------------------------------------------------


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH, MAX_JSON_DEPTH + 1, 400, 100_000])
def test_deeply_nested_json_is_a_400_not_a_crash(depth: int, capfd: pytest.CaptureFixture[str]) -> None:
    with running_server() as server:
        # createNotebook ignores unknown fields: only the nesting can refuse this body.
        body = f'{{"projectId": "{SEED_PROJECT_ID}", "name": "deep", "extra": {_nested(depth - 1)}}}'
        response = httpx.post(
            f"{server.base_url}/notebooks",
            content=body,
            headers={**AUTH, "Content-Type": "application/json"},
            timeout=WAIT,
        )
        if depth <= MAX_JSON_DEPTH:
            assert response.status_code == 201
        else:
            assert response.status_code == 400
            assert "nested too deeply" in _message(response.content)
    assert "Traceback" not in capfd.readouterr().err


# --- connections that never finish their request head -------------------------------------------


def test_a_partial_head_is_answered_408_and_closed_after_the_header_timeout() -> None:
    with running_server(header_timeout=0.2) as server, _connect(server.port) as slow:
        slow.sendall(PARTIAL_HEAD)
        status, headers, body = _read_response(slow)
        assert status == 408 and headers["content-type"] == "application/json"
        assert "not received within 0.2 s" in _message(body)
        assert _closed_by_server(slow)


def test_a_connection_that_sends_nothing_is_closed_without_an_answer() -> None:
    with running_server(header_timeout=0.2) as server, _connect(server.port) as idle:
        idle.settimeout(WAIT)
        assert idle.recv(65536) == b""


def test_a_kept_alive_connection_gets_the_header_timeout_for_its_next_head() -> None:
    request = f"GET /v2/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {SEED_TOKEN}\r\n\r\n"
    with running_server(header_timeout=0.2) as server, _connect(server.port) as sock:
        sock.sendall(request.encode())
        assert _read_response(sock)[0] == 200
        sock.sendall(PARTIAL_HEAD)
        assert _read_response(sock)[0] == 408


@pytest.mark.parametrize("bounds", [{"header_timeout": 0}, {"max_connections_per_client": 0}])
def test_connection_bounds_must_be_positive(bounds: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"), running_server(**bounds):  # type: ignore[arg-type]
        pass


def test_a_client_past_its_connection_bound_loses_its_longest_waiting_connection() -> None:
    with running_server(max_connections_per_client=4) as server:
        slow = [_connect(server.port) for _ in range(10)]
        try:
            for sock in slow:
                _stall(sock)
            # The GET is connection 11: it closes the oldest waiting one, like 5..10 did.
            response = httpx.get(f"{server.base_url}/me", headers=AUTH, timeout=WAIT)
            assert response.status_code == 200
            assert all(_closed_by_server(sock) for sock in slow[:7])
            readable, _, _ = select.select(slow[7:], [], [], 0)
            assert readable == []  # the three newest still wait for their heads
        finally:
            for sock in slow:
                sock.close()


@contextmanager
def _fake_process(*args: str, descriptors: int | None = None) -> Iterator[str]:
    """``python -m deepnote_fake --port 0 ARGS``, optionally with a lower descriptor limit; yields
    the base URL as soon as the export line is printed."""

    def limit_descriptors() -> None:  # pragma: no cover - runs in the child
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (descriptors, hard))

    process = subprocess.Popen(
        [sys.executable, "-m", "deepnote_fake", "--port", "0", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        preexec_fn=limit_descriptors if descriptors is not None else None,  # noqa: PLW1509
    )
    try:
        assert process.stdout is not None
        for _ in range(20):
            line = process.stdout.readline()
            assert line, "python -m deepnote_fake exited before printing its URL"
            if line.startswith("export DEEPNOTE_BASE_URL="):
                yield line.split("=", 1)[1].strip().strip("'")
                break
        else:
            raise AssertionError("no export DEEPNOTE_BASE_URL line")
    finally:
        process.terminate()
        process.wait(timeout=WAIT)


def _port(base_url: str) -> int:
    return int(base_url.rsplit(":", 1)[1].split("/", 1)[0])


@pytest.mark.skipif(sys.platform == "win32", reason="needs RLIMIT_NOFILE")
def test_hundreds_of_stalled_connections_do_not_starve_a_normal_request() -> None:
    import resource

    own_limit, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    stalled = min(300, own_limit - 64)
    # 128 descriptors: fewer than the stalled connections, as under macOS's default of 256.
    with _fake_process(descriptors=128) as base_url:
        port = _port(base_url)
        slow = []
        try:
            for _ in range(stalled):
                slow.append(_connect(port))
                _stall(slow[-1])
            response = httpx.get(f"{base_url}/me", headers=AUTH, timeout=WAIT)
            assert response.status_code == 200
        finally:
            for sock in slow:
                sock.close()


@pytest.mark.skipif(sys.platform == "win32", reason="needs RLIMIT_NOFILE")
def test_past_the_servers_bound_with_every_connection_busy_a_new_one_gets_503() -> None:
    head = _head("/v2/notebooks", "application/json", "Content-Length: 10") + b"{"
    with _fake_process(descriptors=128) as base_url:
        port = _port(base_url)
        busy: list[socket.socket] = []
        try:
            refused = None
            for _ in range(200):  # far more than 128 descriptors allow
                sock = _connect(port)
                sock.sendall(head)  # a head, then a body that never ends: busy, not waiting
                busy.append(sock)
                readable, _, _ = select.select([sock], [], [], 0.05)
                if readable:
                    refused = sock
                    break
            assert refused is not None, "every connection was accepted"
            status, headers, body = _read_response(refused)
            assert status == 503 and "Too many connections" in _message(body)
            assert headers["connection"] == "close"
        finally:
            for sock in busy:
                sock.close()


# --- bodies past their limit ---------------------------------------------------------------------


@pytest.fixture
def small_limits() -> Iterator[ServerHandle]:
    state = FakeDeepnote()
    state.max_json_bytes = 1000
    state.max_file_bytes = 1000
    state.max_import_bytes = 1000
    with running_server(state) as server:
        yield server


@pytest.mark.parametrize(
    ("path", "content_type", "limit", "message"),
    [
        ("/v2/notebooks", "application/json", 1000, "Request body too large"),
        ("/v2/files", "multipart/form-data; boundary=x", 1000 + 64 * 1024, "File too large"),
        (f"/v2/projects/{SEED_PROJECT_ID}/import", "application/zip", 1000, "Archive too large"),
    ],
)
def test_a_content_length_past_the_limit_is_refused_before_the_body_is_sent(
    small_limits: ServerHandle, path: str, content_type: str, limit: int, message: str
) -> None:
    with _connect(small_limits.port) as sock:
        sock.sendall(_head(path, content_type, f"Content-Length: {limit + 1}"))  # and no body at all
        status, headers, body = _read_response(sock)
    assert status == 413 and message in _message(body)
    assert headers["connection"] == "close"
    assert small_limits.state.requests[-1].status == 413


def test_a_chunked_body_is_refused_once_it_passes_the_limit(small_limits: ServerHandle) -> None:
    with _connect(small_limits.port) as sock:
        sock.sendall(_head("/v2/notebooks", "application/json", "Transfer-Encoding: chunked"))
        for _ in range(3):
            sock.sendall(b"190\r\n" + b" " * 400 + b"\r\n")  # 1,200 bytes, and the body never ends
        status, _, body = _read_response(sock)
    assert status == 413 and "Request body too large" in _message(body)


def test_a_streamed_body_past_the_limit_is_not_read_to_its_end(small_limits: ServerHandle) -> None:
    sent = 0
    chunk = b" " * 65536
    total = 32 * 1024 * 1024  # never allocated: the same chunk, yielded again and again

    def body() -> Iterator[bytes]:
        nonlocal sent
        while sent < total:
            sent += len(chunk)
            yield chunk

    response = httpx.post(
        f"{small_limits.base_url}/notebooks",
        content=body(),
        headers={**AUTH, "Content-Type": "application/json"},
        timeout=WAIT,
    )
    assert response.status_code == 413
    assert sent < total  # the client stopped sending: the server had hung up after the limit


def test_bodies_within_the_limit_are_served_streamed_or_not(small_limits: ServerHandle) -> None:
    def body(name: str) -> bytes:
        return json.dumps({"projectId": SEED_PROJECT_ID, "name": name}).encode()

    headers = {**AUTH, "Content-Type": "application/json"}
    with httpx.Client(base_url=small_limits.base_url, headers=headers, timeout=WAIT) as client:
        assert client.post("/notebooks", content=body("whole")).status_code == 201
        streamed = body("streamed")
        assert client.post("/notebooks", content=iter([streamed[:10], streamed[10:]])).status_code == 201
        small_limits.state.max_json_bytes = len(body("too long")) - 1
        assert client.post("/notebooks", content=body("too long")).status_code == 413
        assert client.post("/notebooks", content=iter([body("too long")])).status_code == 413
    names = small_limits.state.notebook_names(SEED_PROJECT_ID)
    assert {"whole", "streamed"} <= set(names) and "too long" not in names


# --- the printed URL ------------------------------------------------------------------------------


def test_the_printed_url_accepts_a_connection_at_once() -> None:
    for _ in range(3):
        with _fake_process() as base_url:
            with _connect(_port(base_url)):
                pass  # no ECONNREFUSED: listening before the line was printed
            assert httpx.get(f"{base_url}/me", headers=AUTH, timeout=WAIT).status_code == 200


# --- Host names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1:8765",
        "LOCALHOST",
        "localhost.",
        "api.localhost:80",
        "127.0.0.2",
        "[::1]:8765",
        "[::ffff:127.0.0.1]",
    ],
)
def test_loopback_host_names_are_served(host: str) -> None:
    assert host_allowed(host)


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "localhost.evil.example",
        "127.0.0.1.evil.example",
        "0.0.0.0",
        "127.1",
        "[::2]",
        "",
        "::1.evil",
    ],
)
def test_other_host_names_are_not(host: str) -> None:
    assert not host_allowed(host)


def test_a_foreign_host_is_refused_on_the_api_and_the_controls() -> None:
    with running_server() as server:
        for url in (f"{server.base_url}/me", f"{server.root_url}/_fake/requests"):
            response = httpx.get(url, headers={**AUTH, "Host": "rebound.example"}, timeout=WAIT)
            assert response.status_code == 400
            assert "rebound.example" in _message(response.content)
        assert server.state.requests == []  # refused before anything is recorded
        ok = httpx.get(f"{server.base_url}/me", headers={**AUTH, "Host": "localhost:1"}, timeout=WAIT)
        assert ok.status_code == 200


def test_a_request_without_host_is_served() -> None:
    with running_server() as server, _connect(server.port) as sock:
        sock.sendall(f"GET /v2/me HTTP/1.0\r\nAuthorization: Bearer {SEED_TOKEN}\r\n\r\n".encode())
        status, _, _ = _read_response(sock)
    assert status == 200


def test_allowed_hosts_adds_names_to_loopback() -> None:
    with running_server(allowed_hosts=["Deepnote.Test"]) as server:
        for host, status in (("deepnote.test:8080", 200), ("other.test", 400), ("localhost", 200)):
            response = httpx.get(f"{server.base_url}/me", headers={**AUTH, "Host": host}, timeout=WAIT)
            assert response.status_code == status, host


def test_python_m_takes_allowed_host_flags() -> None:
    with _fake_process("--allowed-host", "one.test", "--allowed-host", "two.test") as base_url:
        for host, status in (("one.test", 200), ("two.test:1", 200), ("three.test", 400)):
            response = httpx.get(f"{base_url}/me", headers={**AUTH, "Host": host}, timeout=WAIT)
            assert response.status_code == status, host


# --- the documentation ----------------------------------------------------------------------------


def test_the_safety_page_example_prints_what_its_comments_say(capsys: pytest.CaptureFixture[str]) -> None:
    page = (ROOT / "docs" / "safety.md").read_text()
    section = page.split("## The fake", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    claimed = [line.split("  # ", 1)[1] for line in block.splitlines() if line.lstrip().startswith("print(")]
    exec(compile(block, "docs/safety.md", "exec"), {})  # noqa: S102 -- running the docs is the point
    assert capsys.readouterr().out.splitlines() == claimed
