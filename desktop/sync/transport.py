"""How a device reaches HQ safely: https with the bank's CA bundle and, optionally, a
pinned certificate; plain http only to this computer (loopback) unless allowed on purpose.

Settings (in the profile, set by `complaint-desk admin enroll`):
  hq_ca_bundle   a PEM file of the CA certificates HQ's certificate chains to (the bank's
                 own CA); without it the system's usual trust store is used
  hq_pins        SHA-256 pins, comma separated: of the server certificate's public key
                 (SubjectPublicKeyInfo, as `openssl ... | sha256`) or of the certificate
                 itself, as 64 hex digits or base64 (optionally prefixed `sha256/`)
  hq_allow_http  "1": allow http:// to another computer (test networks only)

A pin is checked right after the TLS handshake, before a byte of the request (and its
device token) is sent: the connection is closed and CertificatePinMismatch raised.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import ipaddress
import ssl
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.domain.errors import DomainError


class InsecureHqAddress(DomainError):
    """An http:// address of another computer, not allowed by the settings; params: url."""

    code = "sync.insecure_http"


class BadHqAddress(DomainError):
    code = "sync.bad_hq_address"


class CaBundleUnreadable(DomainError):
    """The configured CA bundle cannot be read as PEM certificates; params: path."""

    code = "sync.ca_bundle_unreadable"


class BadPin(DomainError):
    code = "sync.bad_pin"


class CertificatePinMismatch(DomainError):
    """HQ's certificate matches none of the pins (a substituted certificate); params: host."""

    code = "sync.pin_mismatch"


class CertificateUntrusted(DomainError):
    """HQ's certificate does not chain to a trusted CA or names another host; params: host."""

    code = "sync.certificate_untrusted"


@dataclass(frozen=True, slots=True)
class TransportSettings:
    ca_bundle: str | None = None
    pins: tuple[bytes, ...] = ()
    allow_http: bool = False


def parse_pin(text: str) -> bytes:
    """A SHA-256 pin from hex or base64 (`sha256/` prefix allowed). Raises BadPin."""
    value = text.strip().removeprefix("sha256/")  # base64 itself may begin with "/"
    try:
        raw = bytes.fromhex(value) if len(value) == 64 else base64.b64decode(value, validate=True)
    except (ValueError, binascii.Error):
        raise BadPin(pin=value[:80]) from None
    if len(raw) != 32:
        raise BadPin(pin=value[:80])
    return raw


def certificate_pins(der: bytes) -> set[bytes]:
    """The SHA-256 of a DER certificate and of its public key (SPKI)."""
    cert = x509.load_der_x509_certificate(der)
    spki = cert.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return {hashlib.sha256(der).digest(), hashlib.sha256(spki).digest()}


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_address(url: str, settings: TransportSettings) -> None:
    """Raises InsecureHqAddress or BadHqAddress for an address the settings do not allow."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError):
        raise BadHqAddress(url=url[:200]) from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise BadHqAddress(url=url[:200])
    if parsed.scheme == "http" and not settings.allow_http and not is_loopback(parsed.host):
        raise InsecureHqAddress(url=url[:200])


def ssl_context(settings: TransportSettings) -> ssl.SSLContext:
    if not settings.ca_bundle:
        return httpx.create_ssl_context()
    try:
        return ssl.create_default_context(cafile=settings.ca_bundle)
    except (OSError, ssl.SSLError):
        raise CaBundleUnreadable(path=settings.ca_bundle) from None


def transport(settings: TransportSettings) -> httpx.HTTPTransport:
    """An httpx transport that trusts the settings' CA bundle and checks their pins."""
    context = ssl_context(settings)
    made = httpx.HTTPTransport(verify=context)
    if settings.pins:
        # httpx takes no network backend; its pool is rebuilt with one that checks the pins.
        made._pool = httpcore.ConnectionPool(
            ssl_context=context, network_backend=_PinningBackend(settings.pins))
    return made


def untrusted_certificate(exc: BaseException) -> bool:
    """Whether a connection failed because HQ's certificate was not trusted."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class _PinnedStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, pins: tuple[bytes, ...]) -> None:
        self._inner, self._pins = inner, pins

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, timeout)

    def close(self) -> None:
        self._inner.close()

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        tls = self._inner.start_tls(ssl_context, server_hostname, timeout)
        ssl_object = tls.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(True) if ssl_object is not None else None
        if not der or not certificate_pins(der) & set(self._pins):
            tls.close()
            raise CertificatePinMismatch(host=server_hostname or "-")
        return tls


class _PinningBackend(httpcore.NetworkBackend):
    def __init__(self, pins: tuple[bytes, ...]) -> None:
        self._inner, self._pins = httpcore.SyncBackend(), pins

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return _PinnedStream(stream, self._pins)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:
        return self._inner.connect_unix_socket(path, timeout, socket_options)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)
