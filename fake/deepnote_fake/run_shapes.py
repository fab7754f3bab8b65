"""The older shapes of the run answers, which Deepnote's own clients still read.

Guarantees:

- ``RunShape`` takes the spec's answers of ``POST /runs`` and ``GET /runs/{runId}`` (as ``render``
  writes them) and gives them in the shape its traits name (``RUN_SHAPE_TRAITS``); with no trait
  it is the spec's shape, which the contract tests check.
- Pure functions of the JSON they are given: no store, no lock, no clock.
- ``RunShape.parse`` reads ``"spec"`` or traits joined by commas, and refuses an unknown trait and
  a contradictory combination with a ``ValueError`` naming it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["RUN_SHAPE_TRAITS", "RunShape"]

JSON = dict[str, Any]

# Each older shape of the run answers that Deepnote's clients read (deepnote-cli's cloud-runs.ts,
# deepnote-sdk's runs.py, deepnote-toolkit's error reading): what the trait changes.
RUN_SHAPE_TRAITS: dict[str, str] = {
    "spec": "the shape openapi.yaml documents (the default; alone only)",
    "bare": "GET /runs/{runId} answers the run itself, without the {run: ...} envelope",
    "post-nested": "POST /runs answers {run: {runId, status, createdAt}}",
    "id": "the run id is `id`, not `runId` (POST and GET)",
    "snapshot-nested": "GET: the snapshot under `snapshot` as {snapshotContent} or {downloadUrl} "
    "(absent until available), not the flat snapshotContent / snapshotDownloadUrl",
    "error-object": "a run's non-null `error` is {message: text}",
    "error-object-error": "a run's non-null `error` is {error: text}",
    "error-body": "the run operations' error bodies are {error: text}, not {message: text}",
    "status-200": "POST /runs answers 200, not 202",
    "status-201": "POST /runs answers 201, not 202",
    "deliver-inline": "GET delivers the snapshot inline whatever snapshotDelivery asks (a client's "
    "tests can check it reads any delivery into the same outputs)",
    "deliver-download-url": "GET delivers the snapshot by download URL whatever snapshotDelivery asks",
}
_EXCLUSIVE = (
    {"error-object", "error-object-error"},
    {"status-200", "status-201"},
    {"deliver-inline", "deliver-download-url"},
)


@dataclass(frozen=True)
class RunShape:
    """The traits of ``RUN_SHAPE_TRAITS`` the run answers take (none: the spec's shape)."""

    traits: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, text: str) -> RunShape:
        """``"spec"``, or traits joined by commas (``"bare,id"``); ``ValueError`` names a bad one."""
        names = [name.strip() for name in text.split(",") if name.strip()]
        unknown = [name for name in names if name not in RUN_SHAPE_TRAITS]
        if unknown or not names:
            raise ValueError(
                f"run_shape: unknown {unknown or [text]}; the traits are {list(RUN_SHAPE_TRAITS)}"
            )
        traits = frozenset(names) - {"spec"}
        if "spec" in names and traits:
            raise ValueError("run_shape: 'spec' stands alone")
        for exclusive in _EXCLUSIVE:
            if len(traits & exclusive) > 1:
                raise ValueError(f"run_shape: choose one of {sorted(exclusive)}")
        return cls(traits)

    def __str__(self) -> str:
        return ",".join(name for name in RUN_SHAPE_TRAITS if name in self.traits) or "spec"

    @property
    def error_key(self) -> str:
        """The key of the run operations' error bodies."""
        return "error" if "error-body" in self.traits else "message"

    def delivery(self, asked: str) -> str:
        """The snapshot delivery of a ``GET /runs/{runId}`` that asked for ``asked``."""
        if "deliver-inline" in self.traits:
            return "inline"
        return "downloadUrl" if "deliver-download-url" in self.traits else asked

    def created(self, run: JSON) -> tuple[int, JSON]:
        """``POST /runs``: the status and body for the spec's ``{runId, status, createdAt}``."""
        status = 200 if "status-200" in self.traits else 201 if "status-201" in self.traits else 202
        body = self._id(run)
        return status, {"run": body} if "post-nested" in self.traits else body

    def run(self, run: JSON) -> JSON:
        """``GET /runs/{runId}``: the body for the spec's ``Run``."""
        body = self._id(run)
        if "snapshot-nested" in self.traits:
            content = body.pop("snapshotContent")
            url = body.pop("snapshotDownloadUrl")
            if content is not None:
                body["snapshot"] = {"snapshotContent": content}
            elif url is not None:
                body["snapshot"] = {"downloadUrl": url}
        error = body.get("error")
        if error is not None and "error-object" in self.traits:
            body["error"] = {"message": error}
        elif error is not None and "error-object-error" in self.traits:
            body["error"] = {"error": error}
        return body if "bare" in self.traits else {"run": body}

    def _id(self, run: JSON) -> JSON:
        if "id" not in self.traits:
            return dict(run)
        return {("id" if key == "runId" else key): value for key, value in run.items()}
