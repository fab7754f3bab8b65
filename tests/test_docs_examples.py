"""Every Python example in README.md and docs/**/*.md runs as written, against the fake API.

The convention (CONTRIBUTING.md, "Docs examples"):

- Each ```python block runs on its own, in a fresh namespace, with ``DEEPNOTE_TOKEN``,
  ``DEEPNOTE_BASE_URL``, ``DEEPNOTE_PROJECT_ID`` and ``DEEPNOTE_NOTEBOOK_ID`` pointing at a fake
  started for that block alone (runs end on the real clock within a fraction of a second).
- ``print(...)  # -> VALUE``: every line that ``print`` call writes must equal ``VALUE``, where
  ``...`` stands for any text; a block whose claimed ``print`` never runs fails.
- A block that defines ``test_*`` functions is a user's test file: it runs under pytest in a
  directory of its own, and every test in it must pass.
- ```python {.skip}: never run; only for what no reader would copy, such as a signature sketch.
  (The attribute keeps the block highlighted as Python on the site and on GitHub.)
- ```python {.engine-airflow} / {.engine-dagster}: a DAG file or Definitions that need the engine;
  run as written by that engine's own suite (``make test-airflow`` / ``make test-dagster``), in
  the venv that has it, and skipped here.
- No block reaches beyond 127.0.0.1: name resolution of any other host fails the block.

Test ids are ``FILE:LINE`` of the block's opening fence.
"""

from __future__ import annotations

import ast
import builtins
import io
import re
import socket
import subprocess
import sys
import textwrap
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from deepnote_fake import SEED_NOTEBOOK_ID, FakeDeepnote, running_server
from tests.spec_tools import ROOT

DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
# Copies of Deepnote's own pages that the spec is transcribed from: their examples are not ours.
SOURCE_PAGES = {ROOT / "docs" / "deepnote-cli-0.10.0.md", *(ROOT / "docs" / "reference").glob("*.md")}
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
CLAIM = re.compile(r"#\s*->\s?(?P<value>.*)$")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass(frozen=True)
class Block:
    path: Path
    line: int  # the opening fence's line, 1-based
    info: str
    source: str

    @property
    def id(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"

    @property
    def skipped(self) -> bool:
        return re.search(r"\{[^}]*\.skip\b[^}]*\}", self.info) is not None

    @property
    def engine(self) -> str | None:
        """The orchestrator whose suite runs this block (``{.engine-airflow}``), if any."""
        found = re.search(r"\{[^}]*\.engine-(\w+)\b[^}]*\}", self.info)
        return found.group(1) if found else None

    @property
    def is_test_file(self) -> bool:
        return re.search(r"^(async )?def test_", self.source, flags=re.MULTILINE) is not None

    def padded(self) -> str:
        """The source with as many blank lines in front as the fence has lines above it, so line
        numbers in tracebacks and claims are the Markdown file's."""
        return "\n" * self.line + self.source


def blocks_of(path: Path) -> Iterator[Block]:
    lines = path.read_text().splitlines()
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        fence, indent, info = opening["fence"], opening["indent"], opening["info"].strip()
        body: list[str] = []
        end = index + 1
        while end < len(lines):
            closing = FENCE.match(lines[end])
            if closing and closing["fence"].startswith(fence) and not closing["info"].strip():
                break
            body.append(lines[end])
            end += 1
        if re.match(r"python\b", info):
            source = textwrap.dedent("\n".join(line.removeprefix(indent) for line in body)) + "\n"
            yield Block(path, index + 1, info, source)
        index = end + 1


def all_blocks() -> list[Block]:
    return [block for path in DOC_FILES if path not in SOURCE_PAGES for block in blocks_of(path)]


def claims(block: Block) -> dict[tuple[int, int], str]:
    """``(first line, last line)`` of each claimed ``print`` call -> the claimed text."""
    source = block.padded()
    comments = {
        token.start[0]: match["value"].rstrip()
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT and (match := CLAIM.search(token.string))
    }
    prints = [
        (node.lineno, node.end_lineno or node.lineno)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"
    ]
    found: dict[tuple[int, int], str] = {}
    for line, value in comments.items():
        spans = [span for span in prints if span[0] <= line <= span[1]]
        assert spans, f"{block.path.name}:{line}: a '# ->' claim on a line without a print(...) call"
        found[min(spans, key=lambda span: span[1] - span[0])] = value
    return found


def matches(text: str, claimed: str) -> bool:
    pattern = ".*".join(re.escape(part) for part in claimed.split("..."))
    return re.fullmatch(pattern, text, flags=re.DOTALL) is not None


def _loopback_only(real: Any) -> Any:
    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name is not None and name not in LOOPBACK:
            raise OSError(f"docs examples run against the fake only; refused to resolve {name!r}")
        return real(host, *args, **kwargs)

    return getaddrinfo


# A user's test file runs under pytest in its own directory, with the same guard.
GUARD_CONFTEST = f"""
import socket

import pytest

LOOPBACK = {sorted(LOOPBACK)!r}


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch):
    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name is not None and name not in LOOPBACK:
            raise OSError(f"docs examples run against the fake only; refused to resolve {{name!r}}")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
"""


def _run_in_process(block: Block, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeDeepnote(pending_seconds=0.05, running_seconds=0.05, snapshot_seconds=0.0)
    expected = claims(block)
    printed: list[tuple[int, str]] = []
    output = io.StringIO()

    def recording_print(*args: object, sep: str | None = " ", end: str | None = "\n", **kwargs: Any) -> None:
        target = kwargs.get("file")
        if target is not None and target is not sys.stdout:
            builtins.print(*args, sep=sep, end=end, **kwargs)
            return
        text = (" " if sep is None else sep).join(str(arg) for arg in args)
        printed.append((sys._getframe(1).f_lineno, text))
        output.write(text + ("\n" if end is None else end))

    with running_server(fake) as server:
        for name, value in {**server.env, "DEEPNOTE_NOTEBOOK_ID": SEED_NOTEBOOK_ID}.items():
            monkeypatch.setenv(name, value)
        monkeypatch.setattr(socket, "getaddrinfo", _loopback_only(socket.getaddrinfo))
        namespace: dict[str, Any] = {"__name__": "__main__", "print": recording_print}
        exec(compile(block.padded(), str(block.path), "exec"), namespace)  # noqa: S102 -- running the docs is the point

    for (first, last), claimed in sorted(expected.items()):
        seen = [text for line, text in printed if first <= line <= last]
        assert seen, (
            f"{block.path.name}:{first}: the claimed print(...) never ran; output:\n{output.getvalue()}"
        )
        for text in seen:
            assert matches(text, claimed), (
                f"{block.path.name}:{first}: printed {text!r}, the comment claims {claimed!r}"
            )


def _run_as_test_file(block: Block, tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(GUARD_CONFTEST)
    (tmp_path / "test_example.py").write_text(block.padded())
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "test_example.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    tests = len(re.findall(r"^(?:async )?def test_", block.source, flags=re.MULTILINE))
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert f"{tests} passed" in result.stdout, result.stdout[-4000:]


@pytest.mark.parametrize("block", all_blocks(), ids=lambda block: block.id)
def test_the_example_runs_as_written(block: Block, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    if block.skipped:
        pytest.skip(f"{block.id}: fenced ```python {{.skip}}")
    if block.engine is not None:
        pytest.skip(f"{block.id}: run by make test-{block.engine}, in the venv that has {block.engine}")
    if (
        re.search(r"^async def (?!test_)", block.source, flags=re.MULTILINE)
        and "asyncio.run(" not in block.source
    ):
        pytest.fail(f"{block.id}: a block that defines a coroutine function runs it with asyncio.run(...)")
    if block.is_test_file:
        _run_as_test_file(block, tmp_path)
    else:
        _run_in_process(block, monkeypatch)


# The harness itself: what it finds in Markdown and what a claim accepts.


def test_blocks_are_found_with_their_line_and_info(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n```python\nprint(1)  # -> 1\n```\n\n```sh\nmake docs\n```\n\n"
        "- item\n\n    ```python {.skip}\n    def f(x): ...\n    ```\n\n````python\n```\nnot a fence end\n````\n"
        "\n```pythonic\nnot python\n```\n"
    )
    found = list(blocks_of(page))
    assert [(block.line, block.info, block.source) for block in found] == [
        (3, "python", "print(1)  # -> 1\n"),
        (13, "python {.skip}", "def f(x): ...\n"),
        (17, "python", "```\nnot a fence end\n"),
    ]
    assert [block.skipped for block in found] == [False, True, False]


def test_a_claim_belongs_to_the_print_call_it_is_written_on(tmp_path: Path) -> None:
    block = Block(
        tmp_path / "page.md", 10, "python", 'x = 2\nprint(\n    "a",\n    x,  # -> a 2\n)\nprint(x)  # -> 2\n'
    )
    assert claims(block) == {(12, 15): "a 2", (16, 16): "2"}
    with pytest.raises(AssertionError, match="without a print"):
        claims(Block(tmp_path / "page.md", 1, "python", "x = 2  # -> 2\n"))


def test_a_claim_matches_exactly_with_ellipsis_for_any_text() -> None:
    assert matches("success", "success")
    assert not matches("success!", "success")
    assert not matches("Success", "success")
    assert matches("200 GetNotebookResponse(id='x')", "200 GetNotebookResponse(...)")
    assert not matches("404 Not found", "200 ...")


def test_a_wrong_claim_fails_the_block(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    block = Block(
        tmp_path / "page.md", 1, "python", "for word in ('yes', 'no'):\n    print(word)  # -> yes\n"
    )
    with pytest.raises(AssertionError, match="printed 'no', the comment claims 'yes'"):
        _run_in_process(block, monkeypatch)


def test_a_claimed_print_that_never_runs_fails_the_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    block = Block(tmp_path / "page.md", 1, "python", "if False:\n    print('x')  # -> x\n")
    with pytest.raises(AssertionError, match="never ran"):
        _run_in_process(block, monkeypatch)


def test_a_block_cannot_reach_beyond_loopback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = (
        "from deepnote_overlay import Deepnote\nDeepnote(base_url='https://api.deepnote.com/v2').me.get()\n"
    )
    with pytest.raises(Exception, match="refused to resolve 'api.deepnote.com'"):
        _run_in_process(Block(tmp_path / "page.md", 1, "python", source), monkeypatch)
