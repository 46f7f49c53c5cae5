"""Transport to HQ (issue 11, item 10): https with the bank's CA bundle and optional
certificate pinning, checked against a real TLS server on loopback (a CA and a server
certificate made in the test); plain http to another computer refused unless allowed."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.profile import open_profile
from desktop.services import complaints as uc
from desktop.services.context import Actor, load_context
from desktop.sync.client import HqClient
from desktop.sync.engine import sync_now
from desktop.sync.enrollment import connect, enroll
from desktop.sync.transport import (
    CertificatePinMismatch,
    CertificateUntrusted,
    InsecureHqAddress,
    TransportSettings,
    parse_pin,
)
from hq.app import create_app
from hq.db import make_engine, migrate
from tests.hq.conftest import LiveHq, make_vault
from tests.security.tls import Pki, TlsServer, make_pki
from tests.services.intakes import sample_intake

CLI = str(Path(sys.executable).parent / "complaint-desk")


@pytest.fixture
def tls_hq(tmp_path: Path) -> Iterator[tuple[LiveHq, Pki]]:
    url = f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    app_engine = make_engine(url)
    pki = make_pki(tmp_path / "pki")
    vault = make_vault(tmp_path)
    with TlsServer(create_app(app_engine, vault), pki) as server:
        live = LiveHq(engine.dialect.name, server.url, url, engine, vault)
        yield live, pki
        live.close()
    app_engine.dispose()
    engine.dispose()


def test_https_with_the_banks_ca_bundle_enrolls_and_syncs(tls_hq: tuple[LiveHq, Pki],
                                                          tmp_path: Path, teller: Actor) -> None:
    live, pki = tls_hq
    store = open_profile(tmp_path / "pc1")
    try:
        settings = TransportSettings(ca_bundle=str(pki.ca_file))
        enroll(store, live.base_url, live.enrollment_code(live.new_branch()), transport=settings)
        from desktop.sync.enrollment import save_transport_settings

        save_transport_settings(store, ca_bundle=str(pki.ca_file), pins=[], allow_http=False)
        ctx = load_context(store)
        uc.record_complaint(ctx, teller, sample_intake())
        with connect(store) as client:  # the CA bundle comes from the profile's settings
            assert sync_now(ctx, client).pushed == 1
    finally:
        store.close()


def test_without_the_ca_bundle_hqs_certificate_is_untrusted_and_nothing_is_sent(
        tls_hq: tuple[LiveHq, Pki], tmp_path: Path) -> None:
    live, _ = tls_hq
    store = open_profile(tmp_path / "pc1")
    code = live.enrollment_code(live.new_branch())
    try:
        with pytest.raises(CertificateUntrusted) as refused:
            enroll(store, live.base_url, code)
        assert "127.0.0.1" in refused.value.message("en")
        assert "不受信任" in refused.value.message("zh_CN")
    finally:
        store.close()


@pytest.mark.parametrize("which", ["spki_hex", "spki_base64", "cert_hex"])
def test_a_right_pin_connects(tls_hq: tuple[LiveHq, Pki], which: str) -> None:
    live, pki = tls_hq
    pin = {"spki_hex": pki.spki_sha256, "cert_hex": pki.cert_sha256,
           "spki_base64": "sha256/" + base64.b64encode(bytes.fromhex(pki.spki_sha256)).decode()}[which]
    settings = TransportSettings(ca_bundle=str(pki.ca_file), pins=(parse_pin(pin),))
    with HqClient(live.base_url, transport=settings) as client:
        assert client.reachable()


def test_a_wrong_pin_is_refused_before_anything_is_sent(tls_hq: tuple[LiveHq, Pki],
                                                        tmp_path: Path) -> None:
    live, pki = tls_hq
    wrong = TransportSettings(ca_bundle=str(pki.ca_file), pins=(parse_pin("ab" * 32),))
    code = live.enrollment_code(live.new_branch())
    store = open_profile(tmp_path / "pc1")
    try:
        with pytest.raises(CertificatePinMismatch) as refused:
            enroll(store, live.base_url, code, transport=wrong)
        assert "127.0.0.1" in refused.value.message("en")
        assert "未发送任何数据" in refused.value.message("zh_CN")
        # HQ never saw the request: the one-time code still works, with the right pin.
        right = TransportSettings(ca_bundle=str(pki.ca_file), pins=(parse_pin(pki.spki_sha256),))
        assert enroll(store, live.base_url, code, transport=right).device_number == 1
    finally:
        store.close()


def test_plain_http_to_another_computer_is_refused_unless_allowed() -> None:
    for url in ("http://hq.bank.example:8440", "http://10.20.30.40:8440"):
        with pytest.raises(InsecureHqAddress) as refused:
            HqClient(url)
        assert url in refused.value.message("en") and "https://" in refused.value.message("en")
        assert "明文" in refused.value.message("zh_CN")
    HqClient("http://10.20.30.40:8440", transport=TransportSettings(allow_http=True)).close()
    for loopback in ("http://127.0.0.1:8440", "http://localhost:8440", "http://[::1]:8440"):
        HqClient(loopback).close()


def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COMPLAINT_DESK_LANG": lang}
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=120)


def test_enroll_refuses_plain_http_in_both_languages_and_keeps_https_settings(
        tls_hq: tuple[LiveHq, Pki], tmp_path: Path) -> None:
    live, pki = tls_hq
    profile = str(tmp_path / "pc1")
    for lang, words in (("en", "unencrypted"), ("zh_CN", "不加密")):
        refused = run("admin", "enroll", "--hq", "http://hq.bank.example:8440", "--code", "x" * 12,
                      "--profile", profile, lang=lang)
        assert refused.returncode == 1 and words in refused.stderr
        assert "Traceback" not in refused.stderr
    done = run("admin", "enroll", "--hq", live.base_url, "--code",
               live.enrollment_code(live.new_branch()), "--ca-bundle", str(pki.ca_file),
               "--pin", pki.spki_sha256, "--profile", profile)
    assert done.returncode == 0, done.stderr
    synced = run("admin", "sync", "--profile", profile)  # the CA bundle and pin were kept
    assert synced.returncode == 0, synced.stderr


def test_a_base64_pin_may_begin_with_a_slash() -> None:
    from desktop.sync.transport import parse_pin

    digest = bytes([0xFF] * 32)  # base64 "//////..." — a real pin can start this way
    encoded = base64.b64encode(digest).decode()
    assert encoded.startswith("/")
    assert parse_pin(encoded) == digest
    assert parse_pin("sha256/" + encoded) == digest
