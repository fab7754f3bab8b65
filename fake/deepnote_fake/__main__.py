"""``python -m deepnote_fake --port 8765``: serve the fake in the foreground (``make serve``).

Prints the base URL, the seed token and ids, then serves until Ctrl+C. Runs use the real clock:
pending for ``--pending-seconds``, running for ``--running-seconds``, then ``--run-outcome``.
"""

from __future__ import annotations

import argparse
import sys

from .seed import SEED_NOTEBOOK_ID, SEED_PROJECT_ID
from .server import HOST, bind_loopback, serve_forever
from .store import FakeDeepnote


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deepnote_fake", description=__doc__)
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0 picks a free one)")
    parser.add_argument("--pending-seconds", type=float, default=0.3)
    parser.add_argument("--running-seconds", type=float, default=1.0)
    parser.add_argument(
        "--run-outcome", default="success", choices=["success", "error", "internal_error", "stopped", "never"]
    )
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every /v2 request")
    args = parser.parse_args(argv)

    state = FakeDeepnote(
        pending_seconds=args.pending_seconds,
        running_seconds=args.running_seconds,
        run_outcome=args.run_outcome,
        latency=args.latency,
    )
    port = args.port
    if port == 0:  # resolve a free port first so the printed URL is the real one
        probe = bind_loopback(0)
        port = int(probe.getsockname()[1])
        probe.close()
    base = f"http://{HOST}:{port}/v2"
    print("Fake Deepnote API (in-memory; state is lost on exit)", flush=True)
    print(f"  DEEPNOTE_BASE_URL={base}")
    print(f"  DEEPNOTE_TOKEN={state.token}")
    print(f"  DEEPNOTE_PROJECT_ID={SEED_PROJECT_ID}")
    print(f"  seed notebook id: {SEED_NOTEBOOK_ID}")
    print(f"  try: curl -H 'Authorization: Bearer {state.token}' {base}/projects")
    print("Press Ctrl+C to stop.", flush=True)
    try:
        serve_forever(state, port)
    except OSError as exc:
        print(f"cannot listen on {HOST}:{port}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        # uvicorn shuts down gracefully on Ctrl+C, then re-raises the signal for the caller.
        print("stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
