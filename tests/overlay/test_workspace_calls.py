"""The workspace operations (blocks, search, sessions, integrations, machines, Streamlit apps)
through ``call`` against the fake on loopback: success models, typed errors naming the problem,
lenient reading of a new block type, and the retry policy (session creation and PATCH are never
replayed once sent; a 429 is)."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import pytest

from deepnote_client.api.blocks import create_block, get_block, update_block
from deepnote_client.api.integrations import get_integration, list_integrations
from deepnote_client.api.machines import get_machine, list_machine_types
from deepnote_client.api.search import search
from deepnote_client.api.sessions import create_session, execute_session_code
from deepnote_client.api.streamlit_apps import create_streamlit_app, get_streamlit_app_status
from deepnote_client.client import AuthenticatedClient
from deepnote_client.models import (
    BlockType,
    CreateBlockBody,
    CreateBlockResponse,
    CreateSessionBody,
    CreateStreamlitAppBody,
    ExecuteSessionCodeBody,
    ListIntegrationsIncludeMetadata,
    UpdateBlockBody,
)
from deepnote_fake import (
    SEED_NOTEBOOK_ID,
    SEED_POSTGRES_INTEGRATION_ID,
    SEED_PROJECT_ID,
    Block,
    FakeDeepnote,
    ServerHandle,
)
from deepnote_overlay import (
    APIConnectionError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RetryPolicy,
    ServerError,
)
from deepnote_overlay.lowlevel import call, connect

from .helpers import FakeTime

UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def client(fake_server: ServerHandle, fake_time: FakeTime) -> Iterator[AuthenticatedClient]:
    with connect(fake_server.token, base_url=fake_server.base_url, retry=RetryPolicy()) as http:
        yield http


def _sent(fake: FakeDeepnote, method: str, prefix: str) -> int:
    return sum(1 for r in fake.requests if r.method == method and r.path.startswith(prefix))


def test_a_sql_block_with_its_integration(client: AuthenticatedClient) -> None:
    body = CreateBlockBody(
        notebook_id=SEED_NOTEBOOK_ID,
        type_=BlockType.SQL,
        content="select * from orders",
        integration_id=SEED_POSTGRES_INTEGRATION_ID,
    )
    created = call(create_block, client=client, body=body)
    assert isinstance(created, CreateBlockResponse)
    got = call(get_block, client=client, block_id=created.block.id).block
    assert got.integration_id == SEED_POSTGRES_INTEGRATION_ID
    assert got.metadata is not None and got.metadata.to_dict() == {
        "sql_integration_id": SEED_POSTGRES_INTEGRATION_ID
    }


def test_block_refusals_are_typed_and_name_the_field(client: AuthenticatedClient) -> None:
    body = CreateBlockBody(
        notebook_id=SEED_NOTEBOOK_ID, type_=BlockType.CODE, integration_id=SEED_POSTGRES_INTEGRATION_ID
    )
    with pytest.raises(BadRequestError, match="integrationId is only allowed for sql blocks"):
        call(create_block, client=client, body=body)
    with pytest.raises(BadRequestError, match="At least one of content, integrationId"):
        call(update_block, client=client, block_id="blk-seed-code", body=UpdateBlockBody())
    with pytest.raises(NotFoundError, match="block not found"):
        call(get_block, client=client, block_id="gone")


def test_a_block_type_newer_than_the_spec_is_read_not_rejected(
    client: AuthenticatedClient, fake_state: FakeDeepnote
) -> None:
    fake_state.notebooks[SEED_NOTEBOOK_ID].blocks.append(Block("blk-new", "kanban-board", "x"))
    block = call(get_block, client=client, block_id="blk-new").block
    assert block.type_ == "kanban-board" and block.type_ not in list(BlockType)


def test_search_integrations_machines_and_apps(client: AuthenticatedClient, fake_state: FakeDeepnote) -> None:
    found = call(search, client=client, q="warehouse", types="integrations")
    assert found.results.to_dict()["integrations"][0]["id"] == SEED_POSTGRES_INTEGRATION_ID
    assert "partialFailure" not in found.to_dict()

    fake_state.can_edit_integrations = False
    with pytest.raises(PermissionDeniedError):
        call(list_integrations, client=client, include_metadata=ListIntegrationsIncludeMetadata.TRUE)
    with pytest.raises(NotFoundError, match="Integration not found"):
        call(get_integration, client=client, integration_id=UNKNOWN_UUID)

    assert call(list_machine_types, client=client).machine_types[0].id == "basic"
    with pytest.raises(NotFoundError, match="Project not found"):
        call(get_machine, client=client, project_id=UNKNOWN_UUID)

    app_body = CreateStreamlitAppBody(project_id=UUID(SEED_PROJECT_ID), entrypoint="data/example.csv")
    app = call(create_streamlit_app, client=client, body=app_body).streamlit_app
    with pytest.raises(ConflictError, match="Streamlit app already exists"):
        call(create_streamlit_app, client=client, body=app_body)
    assert call(get_streamlit_app_status, client=client, streamlit_app_id=app.id).status == "unavailable"


def test_session_errors_are_typed(client: AuthenticatedClient, fake_state: FakeDeepnote) -> None:
    with pytest.raises(NotFoundError, match="Session not found"):
        call(
            execute_session_code,
            client=client,
            session_id=UNKNOWN_UUID,
            body=ExecuteSessionCodeBody(notebook_id=SEED_NOTEBOOK_ID, code="1"),
        )
    fake_state.sessions_enabled = False
    with pytest.raises(PermissionDeniedError, match="not enabled"):
        call(create_session, client=client, body=CreateSessionBody(notebook_id=SEED_NOTEBOOK_ID))


def test_session_creation_is_never_replayed_once_sent(
    client: AuthenticatedClient, fake_state: FakeDeepnote
) -> None:
    # 503 may come after the server acted: a POST is not sent again.
    fake_state.faults.inject("503", times=1, method="POST", path="/sessions")
    with pytest.raises(ServerError):
        call(create_session, client=client, body=CreateSessionBody(notebook_id=SEED_NOTEBOOK_ID))
    # A connection dropped after sending: not sent again either.
    fake_state.faults.inject("drop", times=1, method="POST", path="/sessions")
    with pytest.raises(APIConnectionError):
        call(create_session, client=client, body=CreateSessionBody(notebook_id=SEED_NOTEBOOK_ID))
    assert _sent(fake_state, "POST", "/sessions") == 2
    # A 429 is a refusal without acting: retried, and exactly one session results.
    fake_state.faults.inject("429", times=1, method="POST", path="/sessions")
    call(create_session, client=client, body=CreateSessionBody(notebook_id=SEED_NOTEBOOK_ID))
    assert _sent(fake_state, "POST", "/sessions") == 4
    assert len(fake_state.sessions) == 1


def test_block_patch_and_create_are_never_replayed_once_sent(
    client: AuthenticatedClient, fake_state: FakeDeepnote
) -> None:
    fake_state.faults.inject("503", times=1, method="PATCH", path="/blocks/")
    with pytest.raises(ServerError):
        call(update_block, client=client, block_id="blk-seed-code", body=UpdateBlockBody(content="x"))
    assert _sent(fake_state, "PATCH", "/blocks/") == 1
    fake_state.faults.inject("502", times=1, method="POST", path="/blocks")
    before = len(fake_state.notebooks[SEED_NOTEBOOK_ID].blocks)
    with pytest.raises(ServerError):
        call(
            create_block,
            client=client,
            body=CreateBlockBody(notebook_id=SEED_NOTEBOOK_ID, type_=BlockType.CODE),
        )
    assert _sent(fake_state, "POST", "/blocks") == 1
    assert len(fake_state.notebooks[SEED_NOTEBOOK_ID].blocks) == before
    # GET is idempotent: retried after a 503.
    fake_state.faults.inject("503", times=1, method="GET", path="/blocks/")
    assert call(get_block, client=client, block_id="blk-seed-code").block.id == "blk-seed-code"
    assert _sent(fake_state, "GET", "/blocks/") == 2
