"""The ``sessions`` operations: one module per operation, and ``SessionsResource`` / ``AsyncSessionsResource``.

Generated from the spec by openapi-python-client with templates/resource_macros.jinja: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import UNSET, Unset

if TYPE_CHECKING:
    from uuid import UUID

    from ...models.create_session_response import CreateSessionResponse
    from ...models.execute_session_code_response import ExecuteSessionCodeResponse
    from ...models.run_inputs import RunInputs
    from ...models.session_storage_mode import SessionStorageMode
    from .. import AsyncCaller, Caller


__all__ = ["AsyncSessionsResource", "SessionsResource"]


class SessionsResource:
    """The sessions operations of the API, one method each."""

    __slots__ = ("_caller",)

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    def create(
        self,
        *,
        notebook_id: str,
        inputs: RunInputs | Unset = UNSET,
        storage_mode: SessionStorageMode | Unset = UNSET,
    ) -> CreateSessionResponse:
        """Create an interactive session

        Creates an interactive session that runs the specified notebook and stays alive to accept
        further submissions. The session ends after a period of inactivity. Beta. Not idempotent: every
        call creates a session and starts a run.

        Args:
            notebook_id: ID of the source notebook the session is anchored to.
            inputs: Input values to use for this run, keyed by the input `name` returned from `GET
                /notebooks/{notebookId}`. Values must match the referenced input block type. Values
                apply to this run only, never to the notebook's saved defaults.
            storage_mode: `read_write` (default) allows the session to write to project storage.
                `readonly` makes project storage read-only for the session; the session can still
                create temporary files.

        Operation ``createSession``: ``deepnote_client.api.sessions.create_session``.
        """
        from ...models.create_session_body import CreateSessionBody
        from . import create_session

        return self._caller.call(
            create_session,
            body=CreateSessionBody(
                notebook_id=notebook_id, inputs=inputs, storage_mode=storage_mode
            ),
        )

    def execute_code(
        self,
        session_id: str | UUID,
        *,
        notebook_id: str,
        code: str,
        timeout_ms: int | Unset = UNSET,
    ) -> ExecuteSessionCodeResponse:
        """Execute arbitrary code in a session kernel (debug)

        Runs arbitrary code inside the notebook's kernel within an interactive session and returns the
        raw outputs (without creating a snapshot). User-code exceptions are returned as error outputs
        inside the response body and still produce HTTP 200. Beta. The docs section was cut off before
        its responses: the 200 body's fields are not known (the schema is open), and the error statuses
        are those of `POST /sessions` on the same page.

        Args:
            session_id: Session identifier.
            notebook_id: Source notebook to execute against in the session.
            code: Source code to execute in the session sandbox.
            timeout_ms: Maximum execution time in milliseconds. Must be a positive integer (the
                docs' maximum was not visible).

        Operation ``executeSessionCode``: ``deepnote_client.api.sessions.execute_session_code``.
        """
        from ...models.execute_session_code_body import ExecuteSessionCodeBody
        from . import execute_session_code

        return self._caller.call(
            execute_session_code,
            session_id=session_id,
            body=ExecuteSessionCodeBody(notebook_id=notebook_id, code=code, timeout_ms=timeout_ms),
        )


class AsyncSessionsResource:
    """Async ``SessionsResource``: the same methods, ``async`` (a pager is iterated with ``async for``)."""

    __slots__ = ("_caller",)

    def __init__(self, caller: AsyncCaller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    async def create(
        self,
        *,
        notebook_id: str,
        inputs: RunInputs | Unset = UNSET,
        storage_mode: SessionStorageMode | Unset = UNSET,
    ) -> CreateSessionResponse:
        """Create an interactive session

        Creates an interactive session that runs the specified notebook and stays alive to accept
        further submissions. The session ends after a period of inactivity. Beta. Not idempotent: every
        call creates a session and starts a run.

        Args:
            notebook_id: ID of the source notebook the session is anchored to.
            inputs: Input values to use for this run, keyed by the input `name` returned from `GET
                /notebooks/{notebookId}`. Values must match the referenced input block type. Values
                apply to this run only, never to the notebook's saved defaults.
            storage_mode: `read_write` (default) allows the session to write to project storage.
                `readonly` makes project storage read-only for the session; the session can still
                create temporary files.

        Operation ``createSession``: ``deepnote_client.api.sessions.create_session``.
        """
        from ...models.create_session_body import CreateSessionBody
        from . import create_session

        return await self._caller.call(
            create_session,
            body=CreateSessionBody(
                notebook_id=notebook_id, inputs=inputs, storage_mode=storage_mode
            ),
        )

    async def execute_code(
        self,
        session_id: str | UUID,
        *,
        notebook_id: str,
        code: str,
        timeout_ms: int | Unset = UNSET,
    ) -> ExecuteSessionCodeResponse:
        """Execute arbitrary code in a session kernel (debug)

        Runs arbitrary code inside the notebook's kernel within an interactive session and returns the
        raw outputs (without creating a snapshot). User-code exceptions are returned as error outputs
        inside the response body and still produce HTTP 200. Beta. The docs section was cut off before
        its responses: the 200 body's fields are not known (the schema is open), and the error statuses
        are those of `POST /sessions` on the same page.

        Args:
            session_id: Session identifier.
            notebook_id: Source notebook to execute against in the session.
            code: Source code to execute in the session sandbox.
            timeout_ms: Maximum execution time in milliseconds. Must be a positive integer (the
                docs' maximum was not visible).

        Operation ``executeSessionCode``: ``deepnote_client.api.sessions.execute_session_code``.
        """
        from ...models.execute_session_code_body import ExecuteSessionCodeBody
        from . import execute_session_code

        return await self._caller.call(
            execute_session_code,
            session_id=session_id,
            body=ExecuteSessionCodeBody(notebook_id=notebook_id, code=code, timeout_ms=timeout_ms),
        )
