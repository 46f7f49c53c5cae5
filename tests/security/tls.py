"""A throwaway certificate authority and an HQ served over TLS on loopback, for the
transport tests: real certificates (made with `cryptography`), real uvicorn with ssl."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from ipaddress import IPv4Address
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.hq.conftest import _ThreadedServer


@dataclass(frozen=True)
class Pki:
    ca_file: Path
    cert_file: Path
    key_file: Path
    spki_sha256: str  # hex SHA-256 of the server certificate's public key
    cert_sha256: str  # hex SHA-256 of the server certificate


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test Bank"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common)])


def make_pki(folder: Path, host: str = "127.0.0.1") -> Pki:
    """A CA and a server certificate for `host` (an IP address) signed by it, as PEM files."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("Test Bank Root CA"))
          .issuer_name(_name("Test Bank Root CA")).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number())
          .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False,
                                       encipher_only=False, decipher_only=False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_name("hq.test"))
            .issuer_name(ca.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(IPv4Address(host)),
                                                        x509.DNSName("localhost")]), critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .sign(ca_key, hashes.SHA256()))
    folder.mkdir(parents=True, exist_ok=True)
    ca_file, cert_file, key_file = folder / "ca.pem", folder / "hq.pem", folder / "hq.key"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    spki = key.public_key().public_bytes(serialization.Encoding.DER,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)
    return Pki(ca_file, cert_file, key_file, hashlib.sha256(spki).hexdigest(),
               hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest())


class TlsServer(_ThreadedServer):
    """uvicorn serving `app` over TLS on a free loopback port, in a thread."""

    def __init__(self, app: Any, pki: Pki) -> None:
        super().__init__(app, ssl_certfile=str(pki.cert_file), ssl_keyfile=str(pki.key_file))

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"
