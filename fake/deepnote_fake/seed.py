"""The seed data every fresh fake starts with, so a newcomer can call it at once.

One workspace, one folder, one standard project ("Fake project", with one file) and in it the
"Seed notebook": five blocks (markdown, the inputs ``region`` (select, ``EU``/``US``), ``greeting``
(text) and ``verbose`` (checkbox), and code). The ids are constants, printed by ``make serve`` and
documented in ``fake/README.md``.
"""

from __future__ import annotations

from .records import Block, Integration, IntegrationTable, MachineType, NotebookInput

__all__ = [
    "SEED_BLOCK_IDS",
    "SEED_FOLDER_ID",
    "SEED_NOTEBOOK_ID",
    "SEED_POSTGRES_INTEGRATION_ID",
    "SEED_PROJECT_ID",
    "SEED_SNOWFLAKE_INTEGRATION_ID",
    "SEED_TOKEN",
    "SEED_WORKSPACE_ID",
    "every_output_blocks",
    "seed_blocks",
    "seed_integrations",
    "seed_machine_types",
]

SEED_TOKEN = "fake-deepnote-token-3b5f0c9e"
SEED_WORKSPACE_ID = "0b7a9f56-6c1d-4d8e-9b35-2a4c8e1f7d10"
SEED_PROJECT_ID = "6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
SEED_FOLDER_ID = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
# Notebook ids are opaque strings in v2 (not uuids): the fake uses 32 hex digits so a client that
# wrongly expects a uuid fails here rather than in production.
SEED_NOTEBOOK_ID = "5e2f8a1c9b7d4e6f8a0b1c2d3e4f5a6b"
SEED_BLOCK_IDS = {
    "markdown": "blk-seed-markdown",
    "region": "blk-seed-input-region",
    "greeting": "blk-seed-input-greeting",
    "verbose": "blk-seed-input-verbose",
    "code": "blk-seed-code",
}


SEED_FOLDER_NAME = "Fake folder"
SEED_PROJECT_NAME = "Fake project"
SEED_NOTEBOOK_NAME = "Seed notebook"
# The seed project's one file: its path and bytes.
SEED_FILE = ("data/example.csv", b"city,temperature\nPrague,21\nLisbon,27\nOslo,15\n")


def seed_blocks() -> list[Block]:
    """Fresh blocks of the seed notebook (markdown, the three inputs, code)."""
    ids = SEED_BLOCK_IDS
    return [
        Block(ids["markdown"], "markdown", "# Seed notebook\nRuns greet the chosen region."),
        Block(
            ids["region"],
            "input-select",
            "",
            NotebookInput("region", "EU", label="Region", options=["EU", "US"], multiple=False),
        ),
        Block(ids["greeting"], "input-text", "", NotebookInput("greeting", "hello", label="Greeting")),
        Block(ids["verbose"], "input-checkbox", "", NotebookInput("verbose", False, label="Verbose")),
        Block(ids["code"], "code", "print(greeting, region)"),
    ]


# --- integrations and machine types -------------------------------------------------------------

SEED_POSTGRES_INTEGRATION_ID = "3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
SEED_SNOWFLAKE_INTEGRATION_ID = "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d"


def seed_integrations() -> dict[str, Integration]:
    """Two SQL integrations by id: Postgres "Fake warehouse", Snowflake "Fake lake" (two databases)."""
    orders = IntegrationTable(
        "orders", "public", columns=[("id", "integer"), ("region", "text"), ("total", "numeric")]
    )
    postgres = Integration(
        SEED_POSTGRES_INTEGRATION_ID,
        "Fake warehouse",
        "pgsql",
        has_schema=True,
        sql=True,
        # Complete decrypted metadata, secrets included (what includeMetadata=true returns): Deepnote's
        # CLI skips an integration whose metadata lacks a field its type requires.
        metadata={
            "host": "db.example.com",
            "port": "5432",
            "database": "shop",
            "user": "reader",
            "password": "fake-warehouse-password",
        },
        tables=[orders],
    )
    snowflake = Integration(
        SEED_SNOWFLAKE_INTEGRATION_ID,
        "Fake lake",
        "snowflake",
        has_schema=True,
        sql=True,
        metadata={
            "accountName": "fake-account",
            "warehouse": "COMPUTE_WH",
            "username": "FAKE_READER",
            "password": "fake-lake-password",
        },
        tables=[
            IntegrationTable("EVENTS", "RAW", "ANALYTICS", [("ID", "NUMBER"), ("KIND", "VARCHAR")]),
            IntegrationTable("USERS", "CORE", "ANALYTICS", [("ID", "NUMBER"), ("EMAIL", "VARCHAR")]),
            IntegrationTable("SALES", "PUBLIC", "FINANCE", [("ID", "NUMBER"), ("AMOUNT", "NUMBER")]),
        ],
    )
    return {postgres.id: postgres, snowflake.id: snowflake}


def seed_machine_types() -> list[MachineType]:
    """Three machine types, in the editor's order; the last one is not allowed by the plan."""
    return [
        MachineType("basic", "CPU (Basic)", "deepnote", 2, 5, 0),
        MachineType("fjord", "CPU (Plus)", "deepnote", 4, 16, 0),
        MachineType(
            "gpu-t4", "GPU (T4)", "deepnote", 4, 16, 1, available=False, unavailable_reason="Not in plan"
        ),
    ]


def every_output_blocks() -> list[Block]:
    """Blocks whose run outputs are every kind the fake produces (see ``outputs.py``), one block per
    kind in this order: a stream, a ``text/plain`` result, ``text/html``, ``application/json``, a
    Deepnote dataframe of 250 rows (10 sent), an ``image/png``, an agent's Markdown; the last block
    raises (an ``error`` with a traceback), so a run of them ends with ``error``. Not seeded: add
    them with ``fake.add_notebook(SEED_PROJECT_ID, "Every output", blocks=every_output_blocks())``."""
    sources = [
        ("stream", "code", 'print("hello", 42)'),
        ("result", "code", "42"),
        ("html", "code", 'display_html("<b>bold</b>")'),
        ("json", "code", 'display_json({"totals": {"eu": 12, "us": 30}, "rows": [1, 2]})'),
        ("dataframe", "code", 'display_dataframe(rows=250, columns=["a", "b"])'),
        ("png", "code", "display_png()"),
        ("agent", "agent", "## Summary\nRevenue grew in **EU**."),
        ("error", "code", 'raise ValueError("bad input")'),
    ]
    return [Block(f"blk-every-{name}", kind, source) for name, kind, source in sources]
