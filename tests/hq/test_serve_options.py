"""`complaint-desk-hq serve` options: HTTPS with uvicorn's TLS options (certificate and
key, optional client CAs) and the console's time zone; a wrong option is one line on
stderr and exit code 1, before anything listens."""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from desktop.sync.wire import API_PREFIX
from hq.cli import main
from tests.security.tls import make_pki

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMPLAINT_DESK_LANG", "en")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_serve_answers_over_https_with_the_given_certificate_and_key(tmp_path: Path) -> None:
    pki = make_pki(tmp_path / "pki")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "hq", "serve", "--database",
         f"sqlite:///{tmp_path / 'hq.sqlite3'}", "--port", str(port),
         "--ssl-certfile", str(pki.cert_file), "--ssl-keyfile", str(pki.key_file)],
        cwd=ROOT, env={**os.environ, "COMPLAINT_DESK_LANG": "en"},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    trusted = ssl.create_default_context(cafile=str(pki.ca_file))
    try:
        health = None
        for _ in range(150):
            try:
                health = httpx.get(f"https://127.0.0.1:{port}{API_PREFIX}/health",
                                   verify=trusted, timeout=1)
                break
            except httpx.TransportError:
                if server.poll() is not None:
                    break
                time.sleep(0.1)
        assert health is not None and health.status_code == 200
        with pytest.raises(httpx.TransportError):  # plain HTTP on the TLS port gets nothing
            httpx.get(f"http://127.0.0.1:{port}{API_PREFIX}/health", timeout=2).raise_for_status()
    finally:
        server.terminate()
        _out, err = server.communicate(timeout=20)
    assert f"https://127.0.0.1:{port}" in err.decode()


@pytest.mark.parametrize(("options", "words"), [
    (["--ssl-certfile", "{cert}"], "needs both --ssl-certfile and --ssl-keyfile"),
    (["--ssl-ca-certs", "{ca}"], "needs both --ssl-certfile and --ssl-keyfile"),
    (["--ssl-certfile", "{cert}", "--ssl-keyfile", "{missing}"], "cannot be used"),
    (["--ssl-certfile", "{ca}", "--ssl-keyfile", "{key}"], "cannot be used"),  # not the key's
    (["--time-zone", "Mars/Olympus_Mons"], "Unknown time zone Mars/Olympus_Mons"),
])
def test_a_wrong_tls_or_time_zone_option_is_one_line_and_nothing_listens(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str],
        words: str) -> None:
    pki = make_pki(tmp_path / "pki")
    files = {"cert": pki.cert_file, "key": pki.key_file, "ca": pki.ca_file,
             "missing": tmp_path / "no-such.key"}
    port = _free_port()
    code = main(["serve", "--database", f"sqlite:///{tmp_path / 'hq.sqlite3'}",
                 "--port", str(port), *(o.format(**files) for o in options)])
    err = capsys.readouterr().err
    assert code == 1 and words in err and err.strip().count("\n") == 0, err
    assert "Traceback" not in err
    with socket.socket() as probe:  # the port is still free: the server never started
        probe.bind(("127.0.0.1", port))


def test_the_access_log_keeps_no_query_string_and_masks_identity_in_paths(tmp_path: Path) -> None:
    """A console search is a GET form: its query names an ID number, phone or name, which
    must not reach uvicorn's access log; an ID number in a path is masked."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "hq", "serve", "--database",
         f"sqlite:///{tmp_path / 'hq.sqlite3'}", "--port", str(port)],
        cwd=ROOT, env={**os.environ, "COMPLAINT_DESK_LANG": "en"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                httpx.get(f"{base}{API_PREFIX}/health", timeout=1)
                break
            except httpx.TransportError:
                assert server.poll() is None, "the server did not start"
                time.sleep(0.1)
        httpx.get(f"{base}/console/complaints",
                  params={"q": "110101199003077777", "phone": "13912345678", "name": "王小明"})
        httpx.get(f"{base}/console/complaints/110101199003077777")
    finally:
        server.terminate()
        out, err = server.communicate(timeout=20)
    log = out.decode() + err.decode()
    assert "/console/complaints" in log  # the access log is on, only without the query
    assert "?" not in "".join(line for line in log.splitlines() if "/console/complaints" in line)
    for secret in ("110101199003077777", "13912345678", "王小明", "%E7%8E%8B"):
        assert secret not in log
