"""``DeepnoteHook``: an Airflow connection of type ``deepnote`` as a ``Deepnote`` client.

Guarantees:

- The token is the connection's password; the base URL its host: a full URL is taken as it is, a
  bare host name gets ``https://`` and ``/v2``; no host means the public API.
- ``get_client()`` / ``get_async_client()`` return a new client each time; the caller closes it
  (``with hook.get_client() as dn:``). Clients read the connection once, when made.
- The token never appears in a log line or an exception of the hook.
"""

from __future__ import annotations

from typing import Any

from airflow.sdk import BaseHook

from deepnote_overlay import AsyncDeepnote, Deepnote

__all__ = ["DeepnoteHook"]

DEFAULT_BASE_URL = "https://api.deepnote.com/v2"


def base_url_of(host: str | None) -> str:
    """The API base URL for a connection's host field."""
    host = (host or "").strip()
    if not host:
        return DEFAULT_BASE_URL
    if "://" not in host:
        host = f"https://{host}"
    host = host.rstrip("/")
    return host if host.endswith("/v2") else f"{host}/v2"


class DeepnoteHook(BaseHook):
    """A Deepnote client made from the Airflow connection ``deepnote_conn_id``."""

    conn_name_attr = "deepnote_conn_id"
    default_conn_name = "deepnote_default"
    conn_type = "deepnote"
    hook_name = "Deepnote"

    def __init__(self, deepnote_conn_id: str = default_conn_name, **client_options: Any) -> None:
        super().__init__()
        self.deepnote_conn_id = deepnote_conn_id
        self.client_options = client_options

    @classmethod
    def get_ui_field_behaviour(cls) -> dict[str, Any]:
        return {
            "hidden_fields": ["schema", "port", "login", "extra"],
            "relabeling": {"host": "Base URL", "password": "API token"},
            "placeholders": {"host": DEFAULT_BASE_URL},
        }

    def _settings(self, connection: Any) -> dict[str, Any]:
        return {"token": connection.password, "base_url": base_url_of(connection.host), **self.client_options}

    def get_client(self) -> Deepnote:
        """A ``Deepnote`` client on this connection (close it, or use it in ``with``)."""
        return Deepnote(**self._settings(self.get_connection(self.deepnote_conn_id)))

    async def get_async_client(self) -> AsyncDeepnote:
        """An ``AsyncDeepnote`` client on this connection, for triggers."""
        return AsyncDeepnote(**self._settings(await self.aget_connection(self.deepnote_conn_id)))

    def test_connection(self) -> tuple[bool, str]:
        """Airflow's "Test" button: one ``GET /me``."""
        try:
            with self.get_client() as dn:
                name = dn.me.get().workspace.name
        except Exception as error:  # noqa: BLE001  # the button shows any failure as text
            return False, f"{type(error).__name__}: {error}"
        return True, f"Connected to workspace {name}"
