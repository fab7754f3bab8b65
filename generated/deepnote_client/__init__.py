"""A client library for accessing Deepnote Public API v2"""

from .client import AuthenticatedClient, Client

# Deepnote client change: the package's version, from `package_version_override` in
# openapi-python-client.yaml (the one place it is written; pyproject.toml reads it from here).
__version__ = "0.1.0"

__all__ = (
    "AuthenticatedClient",
    "Client",
    "__version__",
)
