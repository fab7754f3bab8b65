"""Contract tests of openapi.yaml with the schemathesis CLI.

    python scripts/contract.py fake   # make contract: all phases and checks against the fake API
    python scripts/contract.py live   # make contract-live: read-only run against the real API

``fake`` first checks that the fake has a rule for every operation of the spec (a missing route
would answer a documented 404, which schemathesis accepts), then starts the fake Deepnote API
(fake/deepnote_fake) on a free 127.0.0.1 port with a few objects no generated request can name
(``prepare``), runs ``schemathesis run`` with schemathesis.toml,
prints how many operations and test cases were tested, and stops the server. Then it reads the
fake's request log: every documented 2xx of every operation tested must have been answered at least
once. When some were not, a second schemathesis pass runs over just those operations and the ones
whose OpenAPI links lead to them; whatever is still unanswered fails the run, named
(operationId, status). It exits non-zero on any failure
of schemathesis, a missing rule or an unreached success.

``live`` needs ``DEEPNOTE_TOKEN`` (and takes ``DEEPNOTE_BASE_URL``, default
https://api.deepnote.com/v2). It uses schemathesis.live.toml: GET operations only, no requests with
other methods, positive data only, rate-limited, a small example budget. With
``DEEPNOTE_CONTRACT_ALLOW_WRITES=1`` it uses schemathesis.toml instead (every operation, including
the ones that create, change and delete things) with the same positive-only, rate-limited, small
budget given on the command line: read the warning printed (and in fake/README.md)
before opting in.

``live`` also writes the drift report (scripts/drift_report.py): what the real answers held that
the spec does not describe (fields, enum values, statuses per schema path, with counts and never a
value), as ``drift.json`` and ``drift.md`` in ``contract-report/`` (``--drift-dir DIR`` elsewhere).
It is read from schemathesis's VCR cassette of the run, kept in a temporary directory and deleted.

The token is handed to schemathesis through the environment (the config reads ``${DEEPNOTE_TOKEN}``),
never on the command line, where ``ps`` and the JSON report's ``command`` field would show it; and
schemathesis's output sanitization (on by default) prints the Authorization header as [Filtered].
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from deepnote_fake import FakeDeepnote, RecordedRequest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
FAKE_CONFIG = ROOT / "schemathesis.toml"
LIVE_CONFIG = ROOT / "schemathesis.live.toml"
DRIFT_DIR = ROOT / "contract-report"
# Writes opted in: every operation with schemathesis.toml's narrowing, but the live run's limits.
LIVE_WRITES_ARGS = (
    "--mode",
    "positive",
    "--max-examples",
    "5",
    "--rate-limit",
    "30/m",
    "--request-timeout",
    "30",
    "--max-failures",
    "20",
)
DEFAULT_LIVE_URL = "https://api.deepnote.com/v2"
PREPARED_ENV = "DEEPNOTE_CONTRACT_PREPARED"  # read by tests/contract/hooks.py
# Upper bounds so a stuck run ends by itself: `make contract` takes about a minute.
FAKE_TIMEOUT_S = 15 * 60
LIVE_TIMEOUT_S = 30 * 60

WRITES_WARNING = """\
WARNING: DEEPNOTE_CONTRACT_ALLOW_WRITES=1 lets schemathesis call every operation of the spec
against the workspace of DEEPNOTE_TOKEN, with generated data. It CREATES projects (each with a
placeholder notebook) and notebooks with random names, STARTS RUNS of notebooks it can reach
(executing their code on Deepnote machines), RENAMES notebooks, REORDERS their blocks, REPLACES
project schedules, and DELETES notebooks and projects, including existing ones whose ids it reads
from list responses. Nothing is cleaned up afterwards. Use only a token of a throwaway workspace
that holds nothing you want to keep."""


def run_schemathesis(
    config: Path,
    base_url: str,
    env: dict[str, str],
    timeout_s: float,
    *,
    spec: Path = SPEC,
    extra_args: Sequence[str] = (),
    drift_dir: Path | None = None,
) -> int:
    """Run the CLI; print its output live, then the operations and cases it tested.

    With ``drift_dir``, the run is recorded (a VCR cassette in the temporary directory) and its
    drift report written there.
    """
    with tempfile.TemporaryDirectory(prefix="contract-") as tmp:
        report_path = Path(tmp) / "report.json"
        cassette = Path(tmp) / "cassette.yaml"
        record = () if drift_dir is None else ("--report-vcr-path", str(cassette))
        # The application/zip serializer (tests/contract/hooks.py), importable from the repository root.
        env = {**env, "SCHEMATHESIS_HOOKS": "tests.contract.hooks"}
        command = [
            sys.executable,
            "-m",
            "schemathesis.cli",
            "--config-file",
            str(config),
            "run",
            str(spec),
            "--url",
            base_url,
            "--report",
            "json" if drift_dir is None else "json,vcr",
            "--report-json-path",
            str(report_path),
            *record,
            *extra_args,
        ]
        shown = " ".join([f"--config-file {config.name} run {spec.name} --url {base_url}", *extra_args])
        print(f"$ schemathesis {shown}", flush=True)
        try:
            completed = subprocess.run(command, env=env, cwd=ROOT, timeout=timeout_s, check=False)
            code = completed.returncode
        except subprocess.TimeoutExpired:
            print(f"schemathesis did not finish within {timeout_s:.0f} s; stopped", file=sys.stderr)
            return 124
        report = _load(report_path)
        if drift_dir is not None:
            _write_drift(cassette, spec, base_url, drift_dir)
    if report is None:
        print("schemathesis wrote no report (it failed before testing)", file=sys.stderr)
        return code or 1
    _print_summary(report)
    return code


def _load(path: Path) -> dict[str, Any] | None:
    try:
        data: dict[str, Any] = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return data


def _write_drift(cassette: Path, spec: Path, base_url: str, drift_dir: Path) -> None:
    if not cassette.exists():
        print("schemathesis recorded nothing: no drift report", file=sys.stderr)
        return
    scripts = str(Path(__file__).resolve().parent)
    if scripts not in sys.path:
        sys.path.insert(0, scripts)  # drift_report and spec_diff sit beside this script
    import drift_report
    import yaml

    exchanges = drift_report.read_cassette(cassette)
    drift = drift_report.find_drift(yaml.safe_load(spec.read_text()), exchanges, urlsplit(base_url).path)
    json_path, md_path = drift_report.write_reports(drift, drift_dir)
    found = drift.as_json()
    print(
        f"drift: {len(found['fields'])} unknown fields, {len(found['enum_values'])} enums with unknown "
        f"values, {len(found['statuses'])} unlisted statuses in {drift.answers} answers; "
        f"written to {json_path} and {md_path}",
        flush=True,
    )


def _print_summary(report: dict[str, Any]) -> None:
    operations = report.get("operations", {})
    cases = report.get("test_cases", {})
    failures = sum(int(f.get("count", 0)) for f in report.get("failures", []))
    phases = ", ".join(f"{name} {info.get('status')}" for name, info in report.get("phases", {}).items())
    print(
        f"contract: {operations.get('tested', 0)} of {operations.get('total', 0)} operations tested, "
        f"{cases.get('generated', 0)} test cases generated, {failures} failures, "
        f"{len(report.get('errors', []))} errors ({phases})",
        flush=True,
    )


def _load_spec(spec: Path) -> dict[str, Any]:
    import yaml

    document: dict[str, Any] = yaml.safe_load(spec.read_text())
    return document


def documented_successes(spec: Path, extra_args: Sequence[str] = ()) -> dict[str, tuple[int, ...]]:
    """operationId -> its documented 2xx statuses, for the operations the run tests: those named by
    ``--include-operation-id`` in ``extra_args``, else every operation of ``spec``."""
    from deepnote_fake.spec import operations_of

    operations = operations_of(_load_spec(spec))
    included = [extra_args[i + 1] for i, arg in enumerate(extra_args[:-1]) if arg == "--include-operation-id"]
    return {op_id: op.statuses for op_id, op in operations.items() if not included or op_id in included}


def link_sources(spec: Path) -> dict[str, set[str]]:
    """operationId -> the operations whose documented responses link to it (OpenAPI ``links``)."""
    document = _load_spec(spec)
    sources: dict[str, set[str]] = {}
    for item in document["paths"].values():
        for method, operation in item.items():
            if method == "parameters":
                continue
            for response in operation.get("responses", {}).values():
                for link in response.get("links", {}).values():
                    target = link.get("operationId")
                    if target:
                        sources.setdefault(str(target), set()).add(str(operation["operationId"]))
    return sources


def targeted_args(spec: Path, unreached: Iterable[tuple[str, int]]) -> list[str]:
    """schemathesis arguments for a second pass over the unreached operations and the operations
    linking to them: generated requests, and the stateful phase when there are links to follow."""
    targets = sorted({op_id for op_id, _ in unreached})
    sources = link_sources(spec)
    linking = sorted(set().union(*(sources.get(t, set()) for t in targets)) - set(targets))
    args = [arg for op_id in [*targets, *linking] for arg in ("--include-operation-id", op_id)]
    return [*args, "--phases", "fuzzing,stateful" if linking else "fuzzing"]


def missing_rules(expected: Iterable[str]) -> list[str]:
    """The operations of ``expected`` the fake has no rule for."""
    from deepnote_fake.operations import RULES

    return [op_id for op_id in expected if op_id not in RULES]


def unreached_successes(
    expected: dict[str, tuple[int, ...]], requests: Iterable[RecordedRequest]
) -> list[tuple[str, int]]:
    """Each documented (operationId, 2xx status) no recorded request was answered with."""
    reached = {(request.operation_id, request.status) for request in requests}
    return [
        (op_id, status)
        for op_id, statuses in expected.items()
        for status in statuses
        if (op_id, status) not in reached
    ]


def prepare(state: FakeDeepnote) -> dict[str, str]:
    """Objects some documented successes need and no generated request can name (their ids are made
    at run time): a run (getRun), a session (executeSessionCode) and a second project (copyFile's
    target), created in the fake before the run; tests/contract/hooks.py puts each id in half of the
    generated requests with a parameter or body field of that name."""
    from deepnote_fake import SEED_NOTEBOOK_ID

    run = state.create_run(SEED_NOTEBOOK_ID, detached=True)
    session, _ = state.create_session(SEED_NOTEBOOK_ID)
    project = state.create_project("Contract copy target")
    return {"runId": run.id, "sessionId": session.id, "targetProjectId": project.id}


def _pass(state: FakeDeepnote, spec: Path, extra_args: Sequence[str]) -> int:
    """One schemathesis run against ``state`` served on loopback, with the prepared objects in it."""
    from deepnote_fake import running_server

    state.record_requests = True  # the coverage check reads every request
    env = {**os.environ, "DEEPNOTE_TOKEN": state.token, PREPARED_ENV: json.dumps(prepare(state))}
    with running_server(state) as server:
        print(f"fake Deepnote API on {server.base_url}", flush=True)
        code = run_schemathesis(
            FAKE_CONFIG, server.base_url, env, FAKE_TIMEOUT_S, spec=spec, extra_args=extra_args
        )
        print(f"the fake received {state.request_count} requests", flush=True)
    return code


def run_fake(*, spec: Path = SPEC, state: FakeDeepnote | None = None, extra_args: Sequence[str] = ()) -> int:
    """`make contract`; the keyword arguments let tests run a broken spec or fake through it."""
    from deepnote_fake import FakeDeepnote

    expected = documented_successes(spec, extra_args)
    missing = missing_rules(expected)
    if missing:
        print(
            f"contract: the fake has no rule for {', '.join(missing)} (documented in {spec.name}); "
            "add one in fake/deepnote_fake/operations/",
            file=sys.stderr,
            flush=True,
        )
        return 1
    # Runs advance on the real clock here (pending 0.3 s, running 1 s), as for `make serve`.
    first = state if state is not None else FakeDeepnote()
    code = _pass(first, spec, extra_args)
    requests = list(first.requests)
    unreached = unreached_successes(expected, requests)
    if unreached:
        # Generated data reaches a success by chance (importProject's archive and query parameters
        # must all fit), and the first pass may have deleted what a success needs (the seeded
        # project, the prepared run's notebook): a second pass, on a fresh fake, gives the unreached
        # operations, and those whose links lead to them, the whole budget again.
        listed = ", ".join(f"{op_id} {status}" for op_id, status in unreached)
        print(f"contract: not answered yet: {listed}; a second pass over them on a fresh fake", flush=True)
        second = FakeDeepnote() if state is None else type(state)()
        code = _pass(second, spec, targeted_args(spec, unreached)) or code
        requests += second.requests
    unreached = unreached_successes(expected, requests)
    if unreached:
        listed = ", ".join(f"{op_id} {status}" for op_id, status in unreached)
        print(
            f"contract: documented successes never answered during the run: {listed} "
            "(add an OpenAPI link or example that reaches each, or fix the fake)",
            file=sys.stderr,
            flush=True,
        )
        return code or 1
    total = sum(len(statuses) for statuses in expected.values())
    print(f"contract: all {total} documented successes of {len(expected)} operations answered", flush=True)
    return code


def run_live(*, spec: Path = SPEC, drift_dir: Path = DRIFT_DIR, extra_args: Sequence[str] = ()) -> int:
    """`make contract-live`; the keyword arguments let tests run it against the fake with another spec."""
    token = os.environ.get("DEEPNOTE_TOKEN", "").strip()
    if not token:
        print(
            "make contract-live needs a Deepnote API token and none is set: export DEEPNOTE_TOKEN "
            "(Workspace settings > Security > API keys), optionally DEEPNOTE_BASE_URL "
            f"(default {DEFAULT_LIVE_URL}). Refusing to start.",
            file=sys.stderr,
        )
        return 2
    base_url = os.environ.get("DEEPNOTE_BASE_URL", "").strip() or DEFAULT_LIVE_URL
    writes = os.environ.get("DEEPNOTE_CONTRACT_ALLOW_WRITES", "") == "1"
    extra_args = tuple(extra_args)
    if writes:
        print(WRITES_WARNING, file=sys.stderr, flush=True)
        config, extra_args = FAKE_CONFIG, (*LIVE_WRITES_ARGS, *extra_args)
    else:
        print(
            "read-only: GET operations only, positive data, rate-limited "
            "(set DEEPNOTE_CONTRACT_ALLOW_WRITES=1 to include writes)",
            flush=True,
        )
        config = LIVE_CONFIG
    # A dry run against the fake (tests/contract/test_live_mode.py) need not wait for the rate limit.
    rate_limit = os.environ.get("DEEPNOTE_CONTRACT_RATE_LIMIT", "").strip()
    if rate_limit:
        extra_args = (*extra_args, "--rate-limit", rate_limit)
    env = {**os.environ, "DEEPNOTE_TOKEN": token}
    return run_schemathesis(
        config, base_url, env, LIVE_TIMEOUT_S, spec=spec, extra_args=extra_args, drift_dir=drift_dir
    )


def main(argv: list[str]) -> int:
    if argv == ["fake"]:
        return run_fake()
    if argv == ["live"]:
        return run_live()
    if len(argv) == 3 and argv[:2] == ["live", "--drift-dir"]:
        return run_live(drift_dir=Path(argv[2]))
    print("usage: python scripts/contract.py {fake|live [--drift-dir DIR]}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
