"""``python -m bench``: run the benchmark items, print the table, write ``bench/results.json``.

Items (each module's docstring says exactly what it measures):

1. ``import_time``  - ``import deepnote_overlay`` vs ``import httpx``, fresh processes
2. ``per_call``     - per-call overhead with ``httpx.MockTransport`` vs raw httpx; profile
3. ``paging``       - ``paginate()`` over 10,000 runs on the fake API vs a raw httpx loop; memory
4. ``concurrency``  - 200 concurrent ``acall(get_notebook)`` vs raw ``httpx.AsyncClient``
5. ``rate_limit``   - 3xN calls against a fake limited to N per window vs the windows needed;
                       80 runs gathered to completion under the same limit
6. ``wait_run``     - delay between a run ending and ``wait_for_run`` returning; polls made
7. ``regenerate``   - ``make generate`` into a temporary directory
8. ``files``        - a 200 MB upload and download, streamed, vs raw httpx; memory at 20 and 200 MB
9. ``run_outputs``  - ``run.wait(outputs=True)`` on a finished run of 500 blocks vs raw httpx

Options: ``--quick`` (fewer repetitions, for iterating), ``--only 2,5`` (a subset),
``--output PATH`` (default ``bench/results.json``). An item that fails or whose dependencies are
missing is reported in the table and the JSON; the exit status is 1 if any item errored.
Nothing here asserts a time. ``python -m bench.compare OLD.json NEW.json`` puts two runs side by side.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.report import REPO_ROOT, Section, format_table, machine_info, write_json

DEFAULT_OUTPUT = REPO_ROOT / "bench" / "results.json"


@dataclass(frozen=True)
class Item:
    number: int
    title: str
    run: Callable[[bool], Section]


def _import_time(quick: bool) -> Section:
    from bench import import_time

    return import_time.run(rounds=5 if quick else 15)


def _per_call(quick: bool) -> Section:
    from bench import per_call

    return per_call.run(rounds=5 if quick else 15, batch_seconds=0.02 if quick else 0.04)


def _paging(quick: bool) -> Section:
    from bench import paging

    return paging.run(rounds=2 if quick else 5)


def _concurrency(quick: bool) -> Section:
    from bench import concurrency

    return concurrency.run(rounds=3 if quick else 7)


def _rate_limit(quick: bool) -> Section:
    from bench import rate_limit

    return rate_limit.run(rounds=1 if quick else 3)


def _wait_run(quick: bool) -> Section:
    from bench import wait_run

    return wait_run.run(rounds=1 if quick else 3, real_long=not quick)


def _regenerate(quick: bool) -> Section:
    from bench import regenerate

    return regenerate.run(rounds=2 if quick else 5)


def _run_outputs(quick: bool) -> Section:
    from bench import run_outputs

    return run_outputs.run(rounds=5 if quick else 15, batch_seconds=0.02 if quick else 0.04)


def _files(quick: bool) -> Section:
    from bench import files

    return files.run(rounds=1 if quick else 3)


ITEMS = [
    Item(1, "Import (fresh process)", _import_time),
    Item(2, "Per-call overhead in process", _per_call),
    Item(3, "Paging over loopback", _paging),
    Item(4, "Concurrency (async)", _concurrency),
    Item(5, "Rate limit", _rate_limit),
    Item(6, "Waiting for a run", _wait_run),
    Item(7, "Regeneration", _regenerate),
    Item(8, "File transfer (200 MB)", _files),
    Item(9, "Waiting with outputs (500 blocks)", _run_outputs),
]


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (for iterating)")
    parser.add_argument("--only", default="", help="comma-separated item numbers, e.g. 2,5")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where to write the JSON")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parse_args(argv)
    wanted = {int(n) for n in args.only.split(",") if n.strip()} or {item.number for item in ITEMS}
    # The overlay logs every retry at INFO; item 5 provokes many. Keep the table readable.
    logging.getLogger("deepnote_overlay").setLevel(logging.WARNING)
    machine = machine_info()
    print(
        f"bench: {machine['nproc']} cores, {machine['cpu_model']}, Python {machine['python']}, "
        f"httpx {machine['httpx']}, load {machine['loadavg_at_start']}" + (" (quick)" if args.quick else ""),
        flush=True,
    )
    sections: list[Section] = []
    started = time.perf_counter()
    for item in ITEMS:
        if item.number not in wanted:
            continue
        print(f"[{item.number}/{len(ITEMS)}] {item.title} ...", end=" ", flush=True)
        t0 = time.perf_counter()
        try:
            section = item.run(args.quick)
        except ModuleNotFoundError as error:
            section = Section(item.number, item.title, status=f"skipped: {error}")
        except Exception as error:  # noqa: BLE001 - one broken item must not hide the others' figures
            section = Section(item.number, item.title, status=f"error: {type(error).__name__}: {error}")
            section.extra["traceback"] = traceback.format_exc()
            traceback.print_exc()
        section.seconds = time.perf_counter() - t0
        print(f"{section.seconds:.1f} s {'' if section.status == 'ok' else section.status}", flush=True)
        sections.append(section)
    total = time.perf_counter() - started
    print()
    print(format_table(sections))
    print(f"total {total:.1f} s; ratios are median [min-max] of per-round ratios against the named baseline")
    machine["total_seconds"] = round(total, 1)
    machine["quick"] = args.quick
    write_json(args.output, sections=sections, machine=machine, argv=argv)
    print(
        f"wrote {args.output.relative_to(REPO_ROOT) if args.output.is_relative_to(REPO_ROOT) else args.output}"
    )
    return 1 if any(s.status.startswith("error") for s in sections) else 0


if __name__ == "__main__":
    sys.exit(main())
