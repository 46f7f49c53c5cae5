"""`make run`: the demo's local HQ serves the console, and the printed officer login
(staff number, password, TOTP secret) signs in to it."""

from __future__ import annotations

from pathlib import Path

import httpx
import pyotp

from desktop.demo import demo_console_login, prepare_demo
from tests.console.conftest import csrf_of


def test_the_printed_demo_login_opens_the_demo_hq_console(tmp_path: Path) -> None:
    printed: list[str] = []
    hq = prepare_demo(tmp_path / "demo", complaints=5, progress=printed.append)
    assert hq is not None
    try:
        login = demo_console_login(tmp_path / "demo")
        line = next(m for m in printed if f"{hq.url}/console/" in m)
        assert login["number"] in line and login["totp_secret"] in line
        with httpx.Client(base_url=hq.url, timeout=30) as client:
            token = csrf_of(client.get("/console/login").text)
            answer = client.post("/console/login", data={
                "csrf_token": token, "number": login["number"],
                "password": login["password"], "code": pyotp.TOTP(login["totp_secret"]).now()})
            assert answer.status_code == 303
            assert client.get("/console/").status_code == 200
    finally:
        hq.stop()
