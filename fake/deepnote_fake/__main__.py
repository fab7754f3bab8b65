"""``python -m deepnote_fake --port 8765``: serve the fake in the foreground (``make serve``).

Binds 127.0.0.1 first, starts serving, and only then prints shell lines ready to paste
(``export DEEPNOTE_BASE_URL=...``, ``export DEEPNOTE_TOKEN=...``, ``export DEEPNOTE_PROJECT_ID=...``,
``export DEEPNOTE_NOTEBOOK_ID=...``; everything else is a ``#`` comment), so the printed URL answers
at once; serves until Ctrl+C. Requests whose ``Host`` is not a loopback name are refused unless
named by ``--allowed-host``. Runs use the real clock: pending for ``--pending-seconds``,
running for ``--running-seconds``, then ``--run-outcome``.
"""

from __future__ import annotations

import argparse
import shlex
import sys

from .records import RUN_OUTCOMES
from .run_shapes import RUN_SHAPE_TRAITS, RunShape
from .seed import SEED_NOTEBOOK_ID, SEED_PROJECT_ID
from .server import HOST, bind_loopback, serve_forever
from .store import FakeDeepnote


def export_lines(base_url: str, token: str) -> list[str]:
    """What a shell needs to point a client at the fake: paste them and run your code."""
    values = {
        "DEEPNOTE_BASE_URL": base_url,
        "DEEPNOTE_TOKEN": token,
        "DEEPNOTE_PROJECT_ID": SEED_PROJECT_ID,
        "DEEPNOTE_NOTEBOOK_ID": SEED_NOTEBOOK_ID,
    }
    return [f"export {name}={shlex.quote(value)}" for name, value in values.items()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deepnote_fake", description=__doc__)
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0 picks a free one)")
    parser.add_argument("--pending-seconds", type=float, default=0.3)
    parser.add_argument("--running-seconds", type=float, default=1.0)
    parser.add_argument("--run-outcome", default="success", choices=sorted(RUN_OUTCOMES))
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every /v2 request")
    parser.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help="also serve requests whose Host header is NAME (any port); repeat for more names",
    )
    parser.add_argument(
        "--run-shape",
        default="spec",
        help=f"older shapes of the run answers, joined by commas: {', '.join(RUN_SHAPE_TRAITS)}",
    )
    args = parser.parse_args(argv)
    try:
        shape = RunShape.parse(args.run_shape)
    except ValueError as exc:
        parser.error(str(exc))

    state = FakeDeepnote(
        pending_seconds=args.pending_seconds,
        running_seconds=args.running_seconds,
        run_outcome=args.run_outcome,
        latency=args.latency,
        run_shape=str(shape),
    )
    try:
        sock = bind_loopback(args.port)  # a taken port is reported before anything is printed
    except OSError as exc:
        print(f"cannot listen on {HOST}:{args.port}: {exc}", file=sys.stderr)
        return 1
    base = f"http://{HOST}:{sock.getsockname()[1]}/v2"

    def announce() -> None:
        print(f"# Fake Deepnote API on {base} (in memory; state is lost on exit). Paste into a shell:")
        print("\n".join(export_lines(base, state.token)))
        print('# try: curl -H "Authorization: Bearer $DEEPNOTE_TOKEN" "$DEEPNOTE_BASE_URL/projects"')
        print("# Ctrl+C stops it.", flush=True)

    try:
        serve_forever(state, sock, on_ready=announce, allowed_hosts=args.allowed_host)
    except KeyboardInterrupt:
        # uvicorn shuts down gracefully on Ctrl+C, then re-raises the signal for the caller.
        print("stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
