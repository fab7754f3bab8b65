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
larger answer attributes its time to JSON decoding, model parsing, httpx and the overlay.
"""

from __future__ import annotations

import cProfile
import json
import pstats
import re
import time
from collections.abc import Callable
from typing import Any

import httpx

from bench import payloads
from bench.report import REPO_ROOT, Section
from bench.stats import interleaved

__all__ = ["run"]

BASE_URL = "https://api.deepnote.invalid/v2"
TOKEN = "bench-token"
RUNS_PATH = f"/notebooks/{payloads.NOTEBOOK_ID}/runs"
NOTEBOOK_PATH = f"/notebooks/{payloads.NOTEBOOK_ID}"


def mock_transport(runs_body: bytes, notebook_body: bytes) -> httpx.MockTransport:
    """Serves ``runs_body`` for ``.../runs`` and ``notebook_body`` for any other path."""
    headers = {"content-type": "application/json"}

    def handler(request: httpx.Request) -> httpx.Response:
        body = runs_body if request.url.path.endswith("/runs") else notebook_body
        return httpx.Response(200, content=body, headers=headers)

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


def run(*, rounds: int, batch_seconds: float = 0.04) -> Section:
    from deepnote_client.api.notebooks import get_notebook, list_notebook_runs
    from deepnote_client.client import AuthenticatedClient
    from deepnote_client.models import GetNotebookResponse, ListNotebookRunsResponse

    section = Section(2, "Per-call overhead in process (httpx.MockTransport, fixed bytes)")
    runs_body = payloads.runs_page_bytes(100)
    notebook_body = payloads.notebook_bytes(500, 20)
    transport = mock_transport(runs_body, notebook_body)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    raw = httpx.Client(base_url=BASE_URL, transport=transport, headers=auth)
    generated = AuthenticatedClient(base_url=BASE_URL, token=TOKEN, httpx_args={"transport": transport})

    try:
        from deepnote_overlay import call, connect
    except ImportError as error:
        call = connect = None
        section.notes.append(f"overlay rows skipped: {error}")

    cases: list[tuple[str, bytes, Any, Any, str, dict[str, Any]]] = [
        (
            "listNotebookRuns, 100 runs",
            runs_body,
            list_notebook_runs,
            ListNotebookRunsResponse,
            RUNS_PATH,
            {"page_size": 100},
        ),
        (
            "getNotebook, 500 blocks + 20 inputs",
            notebook_body,
            get_notebook,
            GetNotebookResponse,
            NOTEBOOK_PATH,
            {},
        ),
    ]
    profiled: Callable[[], object] | None = None
    for title, body, endpoint, model, path, kwargs in cases:
        params = {"pageSize": kwargs["page_size"]} if "page_size" in kwargs else None
        fns: dict[str, Callable[[], object]] = {
            "raw httpx .get().json()": lambda p=path, q=params: raw.get(p, params=q).json(),
            "generated sync()": lambda e=endpoint, k=kwargs: e.sync(
                payloads.NOTEBOOK_ID, client=generated, **k
            ),
            "json.loads only (no HTTP)": lambda b=body: json.loads(b),
            "json.loads + from_dict (no HTTP)": lambda b=body, m=model: m.from_dict(json.loads(b)),
        }
        if call is not None and connect is not None:
            plain = connect(TOKEN, base_url=BASE_URL, retry=None, transport=transport)
            retrying = connect(TOKEN, base_url=BASE_URL, transport=transport)
            fns["overlay call(), retry=None"] = lambda e=endpoint, k=kwargs, c=plain: call(
                e, client=c, notebook_id=payloads.NOTEBOOK_ID, **k
            )
            fns["overlay call(), retries on"] = lambda e=endpoint, k=kwargs, c=retrying: call(
                e, client=c, notebook_id=payloads.NOTEBOOK_ID, **k
            )
            profiled = fns["overlay call(), retries on"]
        else:
            profiled = fns["generated sync()"]
        for name, fn in fns.items():  # time only variants that really parse the answer
            result = fn()
            if not isinstance(result, (dict, model)):
                raise TypeError(f"{title}: {name} returned {type(result).__name__}, not {model.__name__}")
        values = interleaved(
            {name: _batch(fn, _calibrate(fn, batch_seconds)) for name, fn in fns.items()}, rounds
        )
        baseline = values["raw httpx .get().json()"]
        for name, vals in values.items():
            is_base = name.startswith("raw")
            section.add(
                f"{title}: {name}",
                "us/call",
                vals,
                baseline=None if is_base else baseline,
                baseline_label=None if is_base else "raw httpx",
            )
        section.extra[title] = {"bytes": len(body)}

    if profiled is not None:
        shares, top = profile(profiled, 200)
        who = "overlay call() with retries" if call is not None else "generated sync()"
        section.notes.append(
            f"cProfile of {who}, getNotebook 500 blocks: "
            + "; ".join(f"{name} {share:.0%}" for name, share in shares)
        )
        section.notes.append("most self time: " + ", ".join(f"{name} {share:.0%}" for name, share in top[:4]))
        section.extra["profile"] = {"shares": dict(shares), "top_functions_self": dict(top)}
    raw.close()
    return section
