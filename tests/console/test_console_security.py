"""The console's refusals over HTTP against a live HQ (SQLite and PostgreSQL): a form
without its CSRF token changes nothing, five failed sign-ins lock the account, a TOTP
code works once, a device token never opens a page, roles are enforced, an idle session
ends, and every answer carries the strict Content-Security-Policy."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from desktop.sync.wire import API_PREFIX
from hq import audit
from hq.office_tables import staff_accounts
from hq.staff import IDLE_TIMEOUT, LOCKOUT, MAX_FAILED_LOGINS
from tests.console.conftest import ConsoleHq, csrf_of


def _login_form(hq: ConsoleHq, client, number: str, password: str, code: str):
    token = csrf_of(client.get("/console/login").text)
    return client.post("/console/login", data={"csrf_token": token, "number": number,
                                               "password": password, "code": code})


def test_a_page_without_a_session_sends_the_browser_to_sign_in(backend_hq: ConsoleHq) -> None:
    answer = backend_hq.client().get("/console/branches", follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/console/login?next=%2Fconsole%2Fbranches"


def test_password_and_totp_open_a_session_with_a_strict_cookie(backend_hq: ConsoleHq) -> None:
    login = backend_hq.add_staff()
    client = backend_hq.client()
    answer = _login_form(backend_hq, client, login.number, login.password,
                         login.code(backend_hq.clock()))
    assert answer.status_code == 303
    cookie = answer.headers["set-cookie"]
    assert "cd_console=" in cookie and "HttpOnly" in cookie
    assert "SameSite=strict" in cookie and "Path=/console" in cookie
    page = client.get("/console/")
    assert page.status_code == 200 and login.number not in page.text  # the name shows, not a secret
    with backend_hq.engine.begin() as conn:
        actions = [e.action for e in audit.recent(conn, staff_number=login.number)]
    assert actions == ["login"]


def test_every_console_answer_carries_the_content_security_policy(backend_hq: ConsoleHq) -> None:
    answer = backend_hq.client().get("/console/login")
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy and "default-src 'none'" in policy
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["cache-control"] == "no-store"
    assert "<script>" not in answer.text and " on" + "click=" not in answer.text


def test_a_wrong_code_is_refused_with_one_message_for_every_mistake(backend_hq: ConsoleHq) -> None:
    login = backend_hq.add_staff()
    now = backend_hq.clock()
    wrong_code = _login_form(backend_hq, backend_hq.client(), login.number, login.password,
                             login.code(now, steps_ahead=5))
    wrong_password = _login_form(backend_hq, backend_hq.client(), login.number, "x" * 20,
                                 login.code(now))
    unknown = _login_form(backend_hq, backend_hq.client(), "NOBODY", login.password,
                          login.code(now))
    assert {wrong_code.status_code, wrong_password.status_code, unknown.status_code} == {401}
    assert "工号、密码或动态验证码不正确" in wrong_code.text
    assert wrong_code.text.count("role=\"alert\"") == 1


def test_a_totp_code_opens_one_session_only(backend_hq: ConsoleHq) -> None:
    login = backend_hq.add_staff()
    code = login.code(backend_hq.clock())
    first = _login_form(backend_hq, backend_hq.client(), login.number, login.password, code)
    replayed = _login_form(backend_hq, backend_hq.client(), login.number, login.password, code)
    assert first.status_code == 303
    assert replayed.status_code == 401


def test_five_failures_lock_the_account_even_for_the_right_code(backend_hq: ConsoleHq) -> None:
    login = backend_hq.add_staff()
    client = backend_hq.client()
    for _ in range(MAX_FAILED_LOGINS - 1):
        answer = _login_form(backend_hq, client, login.number, "wrong-password-123", "000000")
        assert answer.status_code == 401
    fifth = _login_form(backend_hq, client, login.number, "wrong-password-123", "000000")
    assert fifth.status_code == 423 and "锁定 15 分钟" in fifth.text
    right = _login_form(backend_hq, client, login.number, login.password,
                        login.code(backend_hq.clock()))
    assert right.status_code == 423
    backend_hq.clock.offset = LOCKOUT + timedelta(seconds=1)
    after = _login_form(backend_hq, client, login.number, login.password,
                        login.code(backend_hq.clock()))
    assert after.status_code == 303


def test_a_form_without_its_csrf_token_changes_nothing(backend_hq: ConsoleHq) -> None:
    admin = backend_hq.add_staff(role="admin")
    client, token = backend_hq.signed_in(admin)
    code = "CSRF" + admin.number[1:7]
    missing = client.post("/console/branches", data={"code": code, "name": "伪造网点"})
    forged = client.post("/console/branches", data={"code": code, "name": "伪造网点",
                                                    "csrf_token": token[:-2] + "xx"})
    assert missing.status_code == forged.status_code == 403
    assert "未做任何更改" in missing.text
    assert code not in client.get("/console/branches").text
    done = client.post("/console/branches", data={"code": code, "name": "真实网点",
                                                  "csrf_token": token}, follow_redirects=False)
    assert done.status_code == 303 and code in client.get("/console/branches").text


def test_the_login_form_needs_its_token_too(backend_hq: ConsoleHq) -> None:
    login = backend_hq.add_staff()
    answer = backend_hq.client().post("/console/login", data={
        "number": login.number, "password": login.password,
        "code": login.code(backend_hq.clock())})
    assert answer.status_code == 403


def test_a_device_token_never_opens_a_console_page(backend_hq: ConsoleHq) -> None:
    device = backend_hq.live.enroll()
    assert device.client.get(f"{API_PREFIX}/changes").status_code == 200
    for path in ("/console/", "/console/branches", "/console/audit"):
        answer = device.client.get(path, follow_redirects=False)
        assert answer.status_code == 403, path
        assert "设备令牌不能打开总行工作台" in answer.text
    # Nor beside a valid staff session: the bearer header alone is enough to refuse.
    client, _token = backend_hq.signed_in(backend_hq.add_staff())
    answer = client.get("/console/", headers={"Authorization":
                                              device.client.headers["Authorization"]})
    assert answer.status_code == 403


def test_an_auditor_reads_the_audit_log_and_an_officer_may_not(backend_hq: ConsoleHq) -> None:
    auditor, _ = backend_hq.signed_in(backend_hq.add_staff(role="auditor"))
    officer, _ = backend_hq.signed_in(backend_hq.add_staff(role="officer"))
    assert auditor.get("/console/audit").status_code == 200
    refused = officer.get("/console/audit")
    assert refused.status_code == 403 and "无权" in refused.text


def test_an_auditor_cannot_add_a_branch(backend_hq: ConsoleHq) -> None:
    client, token = backend_hq.signed_in(backend_hq.add_staff(role="auditor"))
    answer = client.post("/console/branches", data={"code": "AUD1", "name": "x",
                                                    "csrf_token": token})
    assert answer.status_code == 403


def test_an_idle_session_ends_and_asks_to_sign_in_again(backend_hq: ConsoleHq) -> None:
    client, _ = backend_hq.signed_in(backend_hq.add_staff())
    backend_hq.clock.offset = IDLE_TIMEOUT - timedelta(minutes=1)
    assert client.get("/console/", follow_redirects=False).status_code == 200
    backend_hq.clock.offset += IDLE_TIMEOUT + timedelta(seconds=5)
    assert client.get("/console/", follow_redirects=False).status_code == 303


def test_logging_out_ends_the_session(backend_hq: ConsoleHq) -> None:
    client, token = backend_hq.signed_in(backend_hq.add_staff())
    cookie = client.cookies.get("cd_console")
    assert client.post("/console/logout", data={"csrf_token": token},
                       follow_redirects=False).status_code == 303
    again = backend_hq.client()
    again.cookies.set("cd_console", cookie or "", path="/console")
    assert again.get("/console/", follow_redirects=False).status_code == 303


def test_the_audit_log_refuses_updates_and_deletes(backend_hq: ConsoleHq) -> None:
    backend_hq.signed_in(backend_hq.add_staff())
    for statement in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError), backend_hq.engine.begin() as conn:
            conn.execute(text(statement))
    with backend_hq.engine.begin() as conn:
        assert audit.recent(conn, limit=1)


def test_passwords_are_stored_as_argon2id_hashes(backend_hq: ConsoleHq) -> None:
    login = backend_hq.add_staff()
    with backend_hq.engine.begin() as conn:
        stored = conn.execute(select(staff_accounts.c.password_hash)
                              .where(staff_accounts.c.number == login.number)).scalar_one()
    assert stored.startswith("$argon2id$") and login.password not in stored


def test_a_change_and_its_audit_entry_are_written_together_or_not_at_all(
        backend_hq: ConsoleHq) -> None:
    """Every console POST goes through hq.console.web.console_post / audited: a refused
    change leaves no audit entry, a done one leaves exactly one, naming what it made."""
    admin = backend_hq.add_staff(role="admin")
    client, token = backend_hq.signed_in(admin)
    bad = client.post("/console/branches", data={"code": "坏 代码!", "name": "网点",
                                                 "csrf_token": token})
    assert bad.status_code == 422
    code = "AUD" + admin.number[1:7]
    done = client.post("/console/branches", data={"code": code, "name": "网点",
                                                  "csrf_token": token}, follow_redirects=False)
    assert done.status_code == 303
    key = client.post("/console/intake-keys", data={"system": "网银", "channel": "web",
                                                    "csrf_token": token})
    assert key.status_code == 200
    with backend_hq.engine.begin() as conn:
        entries = audit.recent(conn, staff_number=admin.number)
    assert [e.action for e in entries] == ["intake_key.issue", "branch.add", "login"]
    assert entries[1].target == code and entries[0].target  # the new key's id, noted after
