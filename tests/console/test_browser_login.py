"""In Debian's Chromium: an HQ officer signs in with password and TOTP code, sees the
dashboard with its trend chart drawn by ECharts, switches to English, and the page
never violates the Content-Security-Policy (no inline script, no eval)."""

from __future__ import annotations

from typing import Any

from tests.console.conftest import ConsoleHq, browser_login


def test_an_officer_signs_in_with_totp_and_sees_the_dashboard(page: Any,
                                                              console_hq: ConsoleHq) -> None:
    officer = console_hq.add_staff(role="officer", name="王芳")
    page.goto(f"{console_hq.console}/")
    assert page.url.endswith("/console/login?next=%2Fconsole%2F")
    assert page.locator("h1").inner_text() == "登录总行工作台"
    browser_login(page, console_hq, officer)
    assert page.locator("h1").inner_text() == "总览"
    assert "王芳" in page.locator(".member").inner_text()
    page.wait_for_selector("#trend[data-drawn='1'] canvas")
    assert not page.console_errors


def test_a_wrong_code_keeps_the_browser_on_the_sign_in_page(page: Any,
                                                            console_hq: ConsoleHq) -> None:
    officer = console_hq.add_staff()
    page.goto(f"{console_hq.console}/login")
    page.fill("input[name=number]", officer.number)
    page.fill("input[name=password]", officer.password)
    page.fill("input[name=code]", officer.code(console_hq.clock(), steps_ahead=4))
    page.click("button[type=submit]")
    assert page.locator("[role=alert]").inner_text() == "工号、密码或动态验证码不正确。"
    assert page.context.cookies() and all(c["name"] != "cd_console"
                                          for c in page.context.cookies())


def test_the_console_switches_to_english_and_back(page: Any, console_hq: ConsoleHq) -> None:
    browser_login(page, console_hq, console_hq.add_staff())
    page.click("a.lang")
    assert page.locator("h1").inner_text() == "Dashboard"
    assert page.locator("header nav").inner_text().startswith("Dashboard")
    page.click("a.lang")
    assert page.locator("h1").inner_text() == "总览"
    assert not page.console_errors
