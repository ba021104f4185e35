"""Only public servers: the one place that decides which addresses Safepost may connect to.

A school names its own Mastodon server and Bluesky PDS, so a senior leader (or someone who has
taken over their account) could name an address inside the hosting network: a database, the
cloud's metadata service (``metadata.google.internal``, 169.254.169.254), the Redis broker.
Three defences, all here:

- :func:`check_server` refuses, as the form is filled in, host names that are internal and
  addresses that are not public (private, loopback, link-local, shared, reserved, multicast);
- every connection the platform clients make resolves the name once, refuses it unless *every*
  address is public, and connects to exactly the address it checked (:class:`GuardedBackend` for
  httpx, :class:`GuardedAdapter` for requests), so a name that later resolves elsewhere (DNS
  rebinding) or a PDS address in a DID document cannot lead inside;
- redirects are never followed (the clients set that up), so a public server cannot send
  Safepost on to an internal one.

Plain ``http://`` to this machine is allowed only when ``SAFEPOST_PLATFORMS_ALLOW_LOOPBACK`` is
on: a setting for the tests (a Bluesky PDS and a Mastodon mock on loopback), never read from the
environment. The platforms app copies it into :data:`ALLOW_LOOPBACK` when Django starts and
whenever the setting changes, so this module (and the platform clients) import no Django.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from typing import Any

import httpcore
import httpx
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import NewConnectionError

#: Names that lead inside a network whatever they resolve to.
_INTERNAL_SUFFIXES = (".internal", ".local", ".localhost", ".localdomain", ".home.arpa", ".intranet", ".lan")
_INTERNAL_NAMES = {"localhost", "metadata", "metadata.google.internal", "instance-data"}
_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeAddress(ValueError):
    """The server's address is not a public one (or cannot be found); ``message`` says which."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


#: Whether plain-http servers on this machine may be used: ``SAFEPOST_PLATFORMS_ALLOW_LOOPBACK``,
#: set by :class:`apps.platforms.apps.PlatformsConfig` (tests only; off in production).
ALLOW_LOOPBACK = False


def loopback_allowed() -> bool:
    """Whether plain-http servers on this machine may be used (tests only)."""
    return ALLOW_LOOPBACK


def is_public(address: Address) -> bool:
    """Whether ``address`` is on the public internet (not private, loopback, link-local...)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None:
            return is_public(embedded)
    return address.is_global and not address.is_multicast


def _literal(host: str) -> Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def resolve(host: str, port: int) -> list[Address]:
    """Every address ``host`` resolves to (the one place that asks DNS)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


def _is_loopback_host(host: str, addresses: list[Address]) -> bool:
    return host in _LOOPBACK_NAMES or (bool(addresses) and all(a.is_loopback for a in addresses))


def safe_address(host: str, port: int) -> str:
    """The checked address to connect to for ``host``; :class:`UnsafeAddress` when there is none.

    Every address the name resolves to must be public: a name with one public and one private
    address is refused, so which one the connection would take does not matter.
    """
    name = host.lower().rstrip(".").strip("[]")
    literal = _literal(name)
    internal = literal is None and (name in _INTERNAL_NAMES or name.endswith(_INTERNAL_SUFFIXES))
    if internal and not (name == "localhost" and loopback_allowed()):
        raise UnsafeAddress(f"{name} is a name inside a private network, not a public server")
    try:
        addresses = [literal] if literal is not None else resolve(name, port)
    except (OSError, UnicodeError) as exc:
        raise UnsafeAddress(f"there is no server called {name}") from exc
    if not addresses:
        raise UnsafeAddress(f"there is no server called {name}")
    if loopback_allowed() and _is_loopback_host(name, addresses):
        return str(addresses[0])
    private = [a for a in addresses if not is_public(a)]
    if private:
        raise UnsafeAddress(f"{name} is not a public internet address ({private[0]})")
    return str(addresses[0])


def check_server(url: str) -> str | None:
    """Why ``url`` (already shaped like ``https://host[:port]``) may not be used, or ``None``.

    For the forms: a name that cannot be found now is let through (it may be a typing mistake the
    connection then reports; the connection checks again in any case).
    """
    parts = httpx.URL(url)
    host = parts.host
    loopback = host in _LOOPBACK_NAMES or ((_literal(host) or ipaddress.ip_address("8.8.8.8")).is_loopback)
    if parts.scheme == "http" and not (loopback and loopback_allowed()):
        return "The address must start with https:// so the sign-in is sent encrypted."
    try:
        safe_address(host, parts.port or 443)
    except UnsafeAddress as exc:
        if exc.message.startswith("there is no server"):
            return None
        return (
            "That address is inside a private network, not a server on the internet. Type the "
            "address of the school's server, like https://mastodon.social."
        )
    return None


# --- httpx (Bluesky) -----------------------------------------------------------------------------


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's network backend, connecting only to the public address it has just checked.

    TLS still checks the certificate against the host name (httpcore passes the name separately).
    """

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        try:
            address = safe_address(host, port)
        except UnsafeAddress as exc:
            raise httpcore.ConnectError(f"refused: {exc.message}") from exc
        return super().connect_tcp(address, port, timeout, local_address, socket_options)


def guarded_transport() -> httpx.HTTPTransport:
    """An httpx transport that connects only to public addresses (and ignores proxy settings)."""
    transport = httpx.HTTPTransport(trust_env=False)
    # httpx does not take a network backend as an argument; its pool does (same attribute since 1.0).
    transport._pool._network_backend = GuardedBackend()
    return transport


# --- requests (Mastodon) ---------------------------------------------------------------------------


def _guarded_new_conn(connection: HTTPConnection, connect: Callable[[], socket.socket]) -> socket.socket:
    name = connection._dns_host
    try:
        address = safe_address(name, connection.port)
    except UnsafeAddress as exc:
        raise NewConnectionError(connection, f"refused: {exc.message}") from exc
    # Connect to the checked address; the name stays for the Host header and TLS.
    connection._dns_host = address
    try:
        return connect()
    finally:
        connection._dns_host = name


class _GuardedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        return _guarded_new_conn(self, super()._new_conn)


class _GuardedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        return _guarded_new_conn(self, super()._new_conn)


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class GuardedAdapter(HTTPAdapter):
    """A requests adapter whose connections go only to public addresses."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}
