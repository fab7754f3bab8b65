"""Run a command against the fake Deepnote API, then stop the fake.

    python scripts/with_fake_api.py -- python examples/quickstart.py     # what `make demo` runs

Starts the fake (fake/deepnote_fake) on a free 127.0.0.1 port, runs the command after ``--`` with
``DEEPNOTE_BASE_URL`` (``http://127.0.0.1:PORT/v2``), ``DEEPNOTE_TOKEN`` (the fake's seed token) and
``DEEPNOTE_PROJECT_ID`` (its seeded project) set, stops the server and exits with the command's exit
code. Runs use the real clock and finish quickly: pending ~0.3 s, running ~1 s, then success.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from deepnote_fake import SEED_PROJECT_ID, FakeDeepnote, running_server

USAGE = "usage: python scripts/with_fake_api.py -- COMMAND [ARG...]"


def main(argv: list[str]) -> int:
    if "--" not in argv or argv.index("--") == len(argv) - 1:
        print(USAGE, file=sys.stderr)
        return 2
    command = argv[argv.index("--") + 1 :]

    state = FakeDeepnote(pending_seconds=0.3, running_seconds=1.0)
    with running_server(state) as server:
        env = {
            **os.environ,
            "DEEPNOTE_BASE_URL": server.base_url,
            "DEEPNOTE_TOKEN": server.token,
            "DEEPNOTE_PROJECT_ID": SEED_PROJECT_ID,
        }
        print(f"with_fake_api: fake Deepnote API on {server.base_url}", file=sys.stderr, flush=True)
        try:
            process = subprocess.Popen(command, env=env)
        except FileNotFoundError:
            print(f"with_fake_api: command not found: {command[0]}", file=sys.stderr)
            return 127
        # `kill <pid>` of this wrapper is passed on to the command, so neither outlives the other.
        signal.signal(signal.SIGTERM, lambda *_: process.terminate())
        try:
            code = process.wait()
        except KeyboardInterrupt:
            # Ctrl+C reaches the child too (same process group); give it a moment, then make sure.
            try:
                code = process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                code = process.wait()
    # A child killed by a signal reports -N; shells report that as 128 + N.
    return 128 - code if code < 0 else code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
