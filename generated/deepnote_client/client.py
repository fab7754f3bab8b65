import ssl
import threading
from types import TracebackType
from typing import Any, Self

import httpx
from attrs import define, evolve, field

# Deepnote client change: the stock template defaults to no timeout at all.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
"""About 5 s to connect and 60 s for each read, write and pool wait."""


# Deepnote client change: header values are checked before httpx sees them. httpx and h11 quote the
# whole value in their error and in httpcore's DEBUG log, and the value may be the token.
def check_header_value(what: str, value: str) -> None:
    """Raise ``ValueError`` if ``value`` has a control or non-ASCII character; never quotes it."""
    for position, char in enumerate(value):
        if not " " <= char <= "~":
            kind = "a control character" if char.isascii() else "a non-ASCII character"
            raise ValueError(f"{what} has {kind} at position {position} (the value is not shown)")


def _checked(headers: dict[str, str]) -> dict[str, str]:
    for name, value in headers.items():
        if isinstance(value, str):
            check_header_value(f"the value of header {name.lower()!r}", value)
    return headers


@define
class Client:
    """A class for keeping track of data related to the API

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        httpx.TimeoutException if this is exceeded.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.

    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    """Whether or not to raise an errors.UnexpectedStatus if the API returns a status code that was not documented in the source OpenAPI document. Can also be provided as a keyword argument to the constructor."""
    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout | None = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    # Deepnote client change: a lock so that threads racing on the first call build one httpx
    # client between them instead of one each (the extras would leak their pools).
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)
    _lock: threading.Lock = field(factory=threading.Lock, init=False, repr=False, eq=False)

    def with_headers(self, headers: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional headers"""
        _checked(headers)
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "Client":
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return evolve(self, timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        client = self._client
        if client is not None:
            return client
        with self._lock:
            if self._client is None:
                self._client = httpx.Client(
                    base_url=self._base_url,
                    cookies=self._cookies,
                    headers=_checked(self._headers),
                    timeout=self._timeout,
                    verify=self._verify_ssl,
                    follow_redirects=self._follow_redirects,
                    **self._httpx_args,
                )
            return self._client

    # Deepnote client change: closing. The stock context managers closed only one side and
    # left a closed httpx client behind, so the next call failed.
    def close(self) -> None:
        """Close the sync httpx client, if one was made; a later call makes a fresh one.

        The async side needs ``await aclose()`` (or ``async with``), which closes both sides.
        """
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    async def aclose(self) -> None:
        """Close both the async and the sync httpx client; a later call makes fresh ones."""
        with self._lock:
            async_client, self._async_client = self._async_client, None
        if async_client is not None:
            await async_client.aclose()
        self.close()

    def __enter__(self) -> Self:
        """``with client:`` calls ``close()`` at the end (the sync side; ``async with`` closes both)"""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Close the sync side (see ``close``)"""
        self.close()

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        async_client = self._async_client
        if async_client is not None:
            return async_client
        with self._lock:
            if self._async_client is None:
                self._async_client = httpx.AsyncClient(
                    base_url=self._base_url,
                    cookies=self._cookies,
                    headers=_checked(self._headers),
                    timeout=self._timeout,
                    verify=self._verify_ssl,
                    follow_redirects=self._follow_redirects,
                    **self._httpx_args,
                )
            return self._async_client

    async def __aenter__(self) -> Self:
        """``async with client:`` calls ``aclose()`` at the end, closing both sides"""
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Close both sides (see ``aclose``)"""
        await self.aclose()


@define
class AuthenticatedClient:
    """A Client which has been authenticated for use on secured endpoints

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        httpx.TimeoutException if this is exceeded.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.

    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    """Whether or not to raise an errors.UnexpectedStatus if the API returns a status code that was not documented in the source OpenAPI document. Can also be provided as a keyword argument to the constructor."""
    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout | None = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    # Deepnote client change: a lock so that threads racing on the first call build one httpx
    # client between them instead of one each (the extras would leak their pools).
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)
    _lock: threading.Lock = field(factory=threading.Lock, init=False, repr=False, eq=False)

    token: str = field(default="", repr=False)
    """The token to use for authentication; never shown in repr"""
    prefix: str = "Bearer"
    """The prefix to use for the Authorization header"""
    auth_header_name: str = "Authorization"
    """The name of the Authorization header"""

    def with_headers(self, headers: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional headers"""
        _checked(headers)
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "AuthenticatedClient":
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return evolve(self, timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        client = self._client
        if client is not None:
            return client
        with self._lock:
            if self._client is None:
                self._client = httpx.Client(
                    base_url=self._base_url,
                    cookies=self._cookies,
                    headers=self._auth_headers(),
                    timeout=self._timeout,
                    verify=self._verify_ssl,
                    follow_redirects=self._follow_redirects,
                    **self._httpx_args,
                )
            return self._client

    # Deepnote client change: closing. The stock context managers closed only one side and
    # left a closed httpx client behind, so the next call failed.
    def close(self) -> None:
        """Close the sync httpx client, if one was made; a later call makes a fresh one.

        The async side needs ``await aclose()`` (or ``async with``), which closes both sides.
        """
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    async def aclose(self) -> None:
        """Close both the async and the sync httpx client; a later call makes fresh ones."""
        with self._lock:
            async_client, self._async_client = self._async_client, None
        if async_client is not None:
            await async_client.aclose()
        self.close()

    def __enter__(self) -> Self:
        """``with client:`` calls ``close()`` at the end (the sync side; ``async with`` closes both)"""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Close the sync side (see ``close``)"""
        self.close()

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        async_client = self._async_client
        if async_client is not None:
            return async_client
        with self._lock:
            if self._async_client is None:
                self._async_client = httpx.AsyncClient(
                    base_url=self._base_url,
                    cookies=self._cookies,
                    headers=self._auth_headers(),
                    timeout=self._timeout,
                    verify=self._verify_ssl,
                    follow_redirects=self._follow_redirects,
                    **self._httpx_args,
                )
            return self._async_client

    async def __aenter__(self) -> Self:
        """``async with client:`` calls ``aclose()`` at the end, closing both sides"""
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Close both sides (see ``aclose``)"""
        await self.aclose()

    def _auth_headers(self) -> dict[str, str]:
        """Headers for a new httpx client: the configured ones plus Authorization.

        Built on demand and never stored on this object, so the token cannot show in its repr.
        """
        check_header_value("the token", self.token)
        value = f"{self.prefix} {self.token}" if self.prefix else self.token
        return _checked({**self._headers, self.auth_header_name: value})
