"""Item 2: per-call overhead in process, with ``httpx.MockTransport`` serving fixed bytes.

Two answers: a ``listNotebookRuns`` page of 100 runs (~20 KB) and a ``getNotebook`` with 500 blocks
and 20 inputs (~70 KB). For each, in the same process and interleaved round by round:

- raw httpx: ``httpx.Client.get(...).json()`` (the baseline: the least any client must do);
- generated: ``<endpoint>.sync(...)`` on an ``AuthenticatedClient``;
- overlay, no retries: ``call(endpoint, ...)`` on ``connect(..., retry=None)``;
- overlay: ``call(endpoint, ...)`` on ``connect(...)`` with the default ``RetryPolicy``
  (the MockTransport goes *under* the retry transport, as ``connect(transport=...)`` documents);
- and, without HTTP, ``json.loads`` alone and ``json.loads`` + the model's ``from_dict``, to split
  the cost between decoding, model construction and the HTTP machinery.

Each observation is the mean over a batch of calls sized to take ~40 ms; the table shows
microseconds per call and the ratio to raw httpx. A cProfile of the overlay's ``call`` on the
larger answer attributes its time to JSON decoding, model parsing, httpx and the overlay. Three
more rows time building a client ready to send (``httpx.Client()`` against ``connect()``).
"""

from __future__ import annotations

import cProfile
import json
import pstats
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from bench import instructions, payloads
from bench.report import REPO_ROOT, Section
from bench.stats import interleaved, time_call

__all__ = ["run"]

BASE_URL = "https://api.deepnote.invalid/v2"
TOKEN = "bench-token"
RUNS_PATH = f"/notebooks/{payloads.NOTEBOOK_ID}/runs"
NOTEBOOK_PATH = f"/notebooks/{payloads.NOTEBOOK_ID}"
RAW = "raw httpx .get().json()"
OVERLAY = "overlay call(), retries on"


def mock_transport(runs_body: bytes, notebook_body: bytes) -> httpx.MockTransport:
    """Serves ``runs_body`` for ``.../runs`` and ``notebook_body`` for any other path.

    Each answer is unread, with its body as a stream, as ``httpx.HTTPTransport`` hands one over
    (``Response(content=...)`` would arrive read already, which no network answer does).
    """
    headers = {"content-type": "application/json"}
    runs_headers = {**headers, "content-length": str(len(runs_body))}
    notebook_headers = {**headers, "content-length": str(len(notebook_body))}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/runs"):
            return httpx.Response(200, stream=httpx.ByteStream(runs_body), headers=runs_headers)
        return httpx.Response(200, stream=httpx.ByteStream(notebook_body), headers=notebook_headers)

    return httpx.MockTransport(handler)


def _batch(fn: Callable[[], object], calls: int) -> Callable[[], float]:
    """A measure: microseconds per call, averaged over ``calls`` back-to-back calls."""

    def measure() -> float:
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        return (time.perf_counter() - start) / calls * 1e6

    return measure


def _calibrate(fn: Callable[[], object], target: float) -> int:
    """How many calls of ``fn`` take about ``target`` seconds (at least 3)."""
    fn()
    start = time.perf_counter()
    n = 0
    while time.perf_counter() - start < target / 4:
        fn()
        n += 1
    per_call = (time.perf_counter() - start) / n
    return max(3, int(target / per_call))


def profile(fn: Callable[[], object], calls: int) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """Where ``calls`` calls of ``fn`` spend their time, by cProfile.

    Returns the share of the total in four parts (from the cumulative time of their entry points:
    the outermost model ``from_dict``, httpx's ``Response.json``, httpx's ``Client.send``, and the
    rest), and the eight functions with the most self time.
    """
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        fn()
    profiler.disable()
    raw: dict[tuple[str, int, str], tuple[Any, ...]] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in raw.values()) or 1.0

    def cumulative(match: Callable[[str, str], bool]) -> float:
        return max((entry[3] for (f, _, name), entry in raw.items() if match(f, name)), default=0.0)

    models = cumulative(lambda f, name: name == "from_dict" and "deepnote_client/models" in f)
    decode = cumulative(lambda f, name: name == "json" and f.endswith("httpx/_models.py"))
    send = cumulative(lambda f, name: name == "send" and f.endswith("httpx/_client.py"))
    parts = [
        ("generated models' from_dict (typed model construction)", models),
        ("JSON decoding (Response.json)", decode),
        ("httpx Client.send (transport, retry layer, response)", send),
        (
            "the rest (request building, generated endpoint, overlay call())",
            max(0.0, total - models - decode - send),
        ),
    ]
    shares = sorted(((name, t / total) for name, t in parts), key=lambda kv: kv[1], reverse=True)
    functions = []
    for (filename, line, function), entry in raw.items():
        short = re.sub(r".*/(site-packages|lib/python3\.\d+)/", "", filename).replace(f"{REPO_ROOT}/", "")
        functions.append((f"{function} ({short}:{line})" if filename != "~" else function, entry[2] / total))
    top = sorted(functions, key=lambda kv: kv[1], reverse=True)[:8]
    return shares, top


@dataclass(frozen=True)
class _Case:
    """One answer to serve and the ways of fetching and parsing it."""

    title: str
    body: bytes
    endpoint: Any
    model: Any
    path: str
    kwargs: dict[str, Any]


def _variants(case: _Case, transport: httpx.MockTransport) -> dict[str, Callable[[], object]]:
    """The callables to time for ``case``, raw httpx first (the baseline)."""
    from deepnote_client.client import AuthenticatedClient
    from deepnote_overlay.lowlevel import call, connect

    raw = httpx.Client(base_url=BASE_URL, transport=transport, headers={"Authorization": f"Bearer {TOKEN}"})
    generated = AuthenticatedClient(base_url=BASE_URL, token=TOKEN, httpx_args={"transport": transport})
    plain = connect(TOKEN, base_url=BASE_URL, retry=None, transport=transport)
    retrying = connect(TOKEN, base_url=BASE_URL, transport=transport)
    params = {"pageSize": case.kwargs["page_size"]} if "page_size" in case.kwargs else None

    def raw_get() -> object:
        return raw.get(case.path, params=params).json()

    def generated_sync() -> object:
        return case.endpoint.sync(payloads.NOTEBOOK_ID, client=generated, **case.kwargs)

    def loads() -> object:
        return json.loads(case.body)

    def loads_from_dict() -> object:
        return case.model.from_dict(json.loads(case.body))

    def overlay_plain() -> object:
        return call(case.endpoint, client=plain, notebook_id=payloads.NOTEBOOK_ID, **case.kwargs)

    def overlay_retrying() -> object:
        return call(case.endpoint, client=retrying, notebook_id=payloads.NOTEBOOK_ID, **case.kwargs)

    return {
        RAW: raw_get,
        "generated sync()": generated_sync,
        "json.loads only (no HTTP)": loads,
        "json.loads + from_dict (no HTTP)": loads_from_dict,
        "overlay call(), retry=None": overlay_plain,
        OVERLAY: overlay_retrying,
    }


def _construction(section: Section, rounds: int) -> None:
    """Rows for building a client ready to send: ``httpx.Client()`` against ``connect()``.

    Paid once per client, not per call, but a program that builds a client per task pays it each
    time; building an httpx transport loads the CA bundle into a new SSL context (~20 ms).
    """
    from deepnote_overlay.lowlevel import connect

    def raw() -> float:
        return time_call(lambda: httpx.Client(base_url=BASE_URL).close())

    def overlay() -> float:
        return time_call(lambda: connect(TOKEN, base_url=BASE_URL).get_httpx_client().close())

    def overlay_no_retry() -> float:
        return time_call(lambda: connect(TOKEN, base_url=BASE_URL, retry=None).get_httpx_client().close())

    values = interleaved({"raw": raw, "overlay": overlay, "plain": overlay_no_retry}, max(rounds, 9))
    ms = {name: [v * 1000 for v in vals] for name, vals in values.items()}
    section.add("client construction: httpx.Client()", "ms", ms["raw"])
    section.add(
        "client construction: connect(retry=None) + sync client",
        "ms",
        ms["plain"],
        baseline=ms["raw"],
        baseline_label="httpx.Client()",
    )
    section.add(
        "client construction: connect() + sync client",
        "ms",
        ms["overlay"],
        baseline=ms["raw"],
        baseline_label="httpx.Client()",
    )


def _instruction_rows(section: Section) -> None:
    """Raw httpx and the overlay's ``call()`` (retries on) counted in instructions per call."""
    if not instructions.available():
        section.notes.append("instruction counts skipped: valgrind is not on PATH")
        return
    for index, case in enumerate(cases()[0]):
        raw = instructions.per_call(index, RAW) / 1e3
        overlay = instructions.per_call(index, OVERLAY) / 1e3
        section.add(f"{case.title}: raw httpx, instructions (callgrind)", "k instr", [raw])
        section.add(
            f"{case.title}: overlay call(), retries on, instructions",
            "k instr",
            [overlay],
            ratios=[overlay / raw],
            baseline_label="raw httpx",
        )


def cases() -> tuple[list[_Case], httpx.MockTransport]:
    """The two answers of this item (the run page, then the notebook) and a transport serving them."""
    from deepnote_client.api.notebooks import get_notebook, list_notebook_runs
    from deepnote_client.models import GetNotebookResponse, ListNotebookRunsResponse

    runs_body = payloads.runs_page_bytes(100)
    notebook_body = payloads.notebook_bytes(500, 20)
    return [
        _Case(
            "listNotebookRuns, 100 runs",
            runs_body,
            list_notebook_runs,
            ListNotebookRunsResponse,
            RUNS_PATH,
            {"page_size": 100},
        ),
        _Case(
            "getNotebook, 500 blocks + 20 inputs",
            notebook_body,
            get_notebook,
            GetNotebookResponse,
            NOTEBOOK_PATH,
            {},
        ),
    ], mock_transport(runs_body, notebook_body)


def run(*, rounds: int, batch_seconds: float = 0.04) -> Section:
    section = Section(2, "Per-call overhead in process (httpx.MockTransport, fixed bytes)")
    all_cases, transport = cases()
    fns: dict[str, Callable[[], object]] = {}
    for case in all_cases:
        fns = _variants(case, transport)
        for name, fn in fns.items():  # time only variants that really parse the answer
            result = fn()
            if not isinstance(result, (dict, case.model)):
                raise TypeError(
                    f"{case.title}: {name} returned {type(result).__name__}, not {case.model.__name__}"
                )
        values = interleaved(
            {name: _batch(fn, _calibrate(fn, batch_seconds)) for name, fn in fns.items()}, rounds
        )
        baseline = values[RAW]
        for name, vals in values.items():
            is_base = name == RAW
            section.add(
                f"{case.title}: {name}",
                "us/call",
                vals,
                baseline=None if is_base else baseline,
                baseline_label=None if is_base else "raw httpx",
            )
        section.extra[case.title] = {"bytes": len(case.body)}

    _instruction_rows(section)
    _construction(section, rounds)
    shares, top = profile(fns[OVERLAY], 200)  # the last case: getNotebook
    section.notes.append(
        "cProfile of overlay call() with retries, getNotebook 500 blocks: "
        + "; ".join(f"{name} {share:.0%}" for name, share in shares)
    )
    section.notes.append("most self time: " + ", ".join(f"{name} {share:.0%}" for name, share in top[:4]))
    section.extra["profile"] = {"shares": dict(shares), "top_functions_self": dict(top)}
    return section
