"""Item 8: uploading and downloading a 200 MB file over loopback, streamed.

The fake runs in a child process (``bench.fake_process``). Each round uploads the same 200 MB file
from disk with ``upload_file`` and with a raw ``httpx.Client.post(files=...)``, then downloads it
with ``download_file`` and with a raw ``httpx`` stream written to disk, interleaved; the ratios are
against the raw loop of the same round. The uploaded file is deleted after each upload, so the
fake does not accumulate copies.

Memory is measured in separate passes (``tracemalloc`` slows Python down): peak traced memory
during the transfer minus the level before, for a 20 MB and a 200 MB file. If a helper held the
file, the 200 MB figure would be about ten times the 20 MB one; streaming keeps the ratio near 1.
"""

from __future__ import annotations

import os
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import httpx

from bench.fake_process import FakeProcess
from bench.report import Section
from bench.stats import interleaved

__all__ = ["run"]

SMALL_MB = 20
BIG_MB = 200
PROJECT_ID = "6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"  # deepnote_fake.SEED_PROJECT_ID


def _make_file(directory: Path, megabytes: int) -> Path:
    path = directory / f"payload-{megabytes}mb.bin"
    block = os.urandom(1024 * 1024)
    with open(path, "wb") as file:
        file.writelines(block for _ in range(megabytes))
    return path


def run(*, rounds: int) -> Section:
    from deepnote_overlay import connect, download_file, upload_file

    section = Section(8, f"File transfer over loopback ({BIG_MB} MB, streamed)")
    with FakeProcess() as fake, tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        files = {mb: _make_file(directory, mb) for mb in (SMALL_MB, BIG_MB)}
        client = connect(fake.token, base_url=fake.base_url)
        raw = httpx.Client(
            base_url=fake.base_url, headers={"Authorization": f"Bearer {fake.token}"}, timeout=120
        )
        target = directory / "downloaded.bin"

        def remove(path: str) -> None:
            raw.delete("/files", params={"projectId": PROJECT_ID, "path": path}).raise_for_status()

        def upload_overlay(mb: int) -> None:
            reference = upload_file(client, PROJECT_ID, f"up-{mb}.bin", files[mb])
            remove(reference.path)

        def upload_raw(mb: int) -> None:
            with open(files[mb], "rb") as source:
                response = raw.post(
                    "/files",
                    data={"projectId": PROJECT_ID, "path": f"up-{mb}.bin"},
                    files={"file": (files[mb].name, source)},
                )
            response.raise_for_status()
            remove(response.json()["file"]["path"])

        def download_overlay(mb: int) -> None:
            download_file(client, PROJECT_ID, f"stored-{mb}.bin", target)

        def download_raw(mb: int) -> None:
            params = {"projectId": PROJECT_ID, "path": f"stored-{mb}.bin"}
            with raw.stream("GET", "/files/download", params=params) as response, open(target, "wb") as out:
                response.raise_for_status()
                out.writelines(response.iter_bytes())

        for mb in (SMALL_MB, BIG_MB):  # the files the downloads read, stored once
            with open(files[mb], "rb") as source:
                raw.post(
                    "/files",
                    data={"projectId": PROJECT_ID, "path": f"stored-{mb}.bin"},
                    files={"file": (files[mb].name, source)},
                ).raise_for_status()
        download_overlay(SMALL_MB)  # warm-up and a correctness check
        if target.read_bytes() != files[SMALL_MB].read_bytes():
            raise RuntimeError("the downloaded file differs from the uploaded one")

        def timed(fn: Callable[[int], None]) -> Callable[[], float]:
            def measure() -> float:
                start = time.perf_counter()
                fn(BIG_MB)
                return time.perf_counter() - start

            return measure

        values = interleaved(
            {
                "upload raw": timed(upload_raw),
                "upload": timed(upload_overlay),
                "download raw": timed(download_raw),
                "download": timed(download_overlay),
            },
            rounds,
        )
        for kind, helper in (("upload", "upload_file()"), ("download", "download_file()")):
            section.add(f"raw httpx {kind}, {BIG_MB} MB", "s", values[f"{kind} raw"])
            section.add(
                f"{helper}, {BIG_MB} MB",
                "s",
                values[kind],
                baseline=values[f"{kind} raw"],
                baseline_label=f"raw httpx {kind}",
            )

        memory: dict[tuple[str, int], list[float]] = {}
        for _ in range(max(1, rounds // 2)):
            for mb in (SMALL_MB, BIG_MB):
                for name, fn in (
                    ("upload raw", upload_raw),
                    ("upload", upload_overlay),
                    ("download raw", download_raw),
                    ("download", download_overlay),
                ):
                    memory.setdefault((name, mb), []).append(_peak_growth(fn, mb))
        for name, label in (
            ("upload raw", "raw httpx upload"),
            ("upload", "upload_file()"),
            ("download raw", "raw httpx download"),
            ("download", "download_file()"),
        ):
            section.add(f"peak memory growth, {label}, {SMALL_MB} MB", "KiB", memory[(name, SMALL_MB)])
            section.add(
                f"peak memory growth, {label}, {BIG_MB} MB",
                "KiB",
                memory[(name, BIG_MB)],
                ratios=[b / s for b, s in zip(memory[(name, BIG_MB)], memory[(name, SMALL_MB)], strict=True)],
                baseline_label=f"{SMALL_MB} MB",
            )
        section.notes.append(
            "memory: tracemalloc peak minus the level before the transfer; a ratio near 1.0 for 10x the "
            "file size means the file is streamed, ~10 would mean it is held in memory"
        )
        raw.close()
        client.get_httpx_client().close()
    return section


def _peak_growth(fn: Callable[[int], None], mb: int) -> float:
    """KiB of peak traced memory above the level before ``fn(mb)`` ran."""
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        fn(mb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return (peak - before) / 1024
