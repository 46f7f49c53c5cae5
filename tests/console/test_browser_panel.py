"""In Debian's Chromium: a branch escalates a complaint; at HQ an officer forms the
expert panel, two members from two other departments give their opinions without
seeing each other's, the chair decides; the branch PC pulls the decision on its next
sync and prints the decision letter (a PDF read back: the printer is the one part not
here). An auditor sees the case but has no way to decide it."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader

from desktop.domain.model import Role, Status
from desktop.services.cases import case_detail
from desktop.services.context import Actor
from desktop.services.printing import prepare_case_print
from tests.console.conftest import BranchPc, ConsoleHq, StaffLogin, browser_login, screenshot

FINDINGS = "网点工作人员未按规定告知排队规则，投诉部分属实"
TO_THE_CUSTOMER = "您反映的排队规则未告知问题属实，我行向您致歉并已改进叫号公示。"


def _as(page: Any, hq: ConsoleHq, login: StaffLogin, reference: str) -> None:
    page.context.clear_cookies()
    browser_login(page, hq, login, f"/console/escalations/{reference}")
    assert page.url.endswith(f"/console/escalations/{reference}")


def _opinion(page: Any, hq: ConsoleHq, login: StaffLogin, reference: str, outcome: str,
             reasons: str) -> None:
    _as(page, hq, login, reference)
    assert page.locator("#opinions-hidden").is_visible()
    page.select_option("#opinion select[name=outcome]", outcome)
    page.fill("#opinion textarea[name=reasons]", reasons)
    page.click("#opinion button[type=submit]")
    page.wait_for_selector("#opinions")


def test_a_panel_of_three_decides_and_the_branch_prints_the_letter(
        page: Any, console_hq: ConsoleHq, branch_pc: BranchPc) -> None:
    complaint_id, reference = branch_pc.record_escalated_complaint()
    officer = console_hq.add_staff("officer", "消费者权益保护部", "王芳")
    chair = console_hq.add_staff("panel_member", "法律合规部", "陈律")
    legal = console_hq.add_staff("panel_member", "法律合规部", "李法")
    risk = console_hq.add_staff("panel_member", "风险管理部", "赵风")
    auditor = console_hq.add_staff("auditor", "审计部", "周审")

    _as(page, console_hq, officer, reference)
    assert page.locator("[data-deadline]").is_visible()
    page.fill("input[name=complained_department]", "零售业务部")
    page.select_option("select[name=chair]", chair.number)
    page.check(f"input[name=members][value={legal.number}]")
    page.check(f"input[name=members][value={risk.number}]")
    page.click("#form-panel button[type=submit]")
    page.locator(f"tr[data-member={legal.number}]").wait_for()  # the page after the POST
    assert page.locator(f"tr[data-member={legal.number}]").is_visible()

    _opinion(page, console_hq, legal, reference, "partly_upheld", "排队规则未公示，服务态度问题属实。")
    assert "排队规则未公示" in page.locator("#opinions").inner_text()
    _opinion(page, console_hq, risk, reference, "partly_upheld", "未见资金损失，部分属实。")
    screenshot(page, "04-panel-opinions")

    _as(page, console_hq, auditor, reference)
    assert page.locator("#conclude").count() == 0 and page.locator("#opinion").count() == 0

    _as(page, console_hq, chair, reference)
    page.goto(f"{console_hq.console}/")
    screenshot(page, "01-dashboard")
    page.goto(f"{console_hq.console}/escalations/{reference}")
    assert page.locator("#opinions .opinion").count() == 2
    page.select_option("#conclude select[name=outcome]", "partly_upheld")
    page.fill("#conclude textarea[name=findings]", FINDINGS)
    page.fill("#conclude textarea[name=verification]", "调阅监控录像并询问当班人员")
    page.fill("#conclude textarea[name=basis]", "《营业网点服务规范》关于排队叫号的要求")
    page.fill("#conclude input[name=basis_reference]", "《营业网点服务规范》第十二条")
    page.fill("#conclude textarea[name=remedy]", "向客户致歉并改进叫号公示")
    summary = page.locator("#conclude textarea[name=customer_summary]")
    prefilled = summary.input_value()
    assert prefilled.startswith("您于") and FINDINGS not in prefilled  # second person, facts
    summary.press("Control+End")
    summary.press_sequentially(TO_THE_CUSTOMER)
    screenshot(page, "05-panel-chair")
    page.click("#conclude button[type=submit]")
    assert "网点下次同步时收到决定" in page.locator("[role=status]").inner_text()
    page.goto(f"{console_hq.console}/complaints/{reference}")
    assert page.locator("[data-kind=hq_decision]").is_visible()
    screenshot(page, "03-case")
    page.goto(f"{console_hq.console}/complaints?branch={branch_pc.branch_code}")
    screenshot(page, "02-complaints")
    page.click("a.lang")
    screenshot(page, "02-complaints-en")
    assert not page.console_errors

    branch_pc.sync()
    ctx = branch_pc.context()
    detail = case_detail(ctx, complaint_id)
    assert detail.view.status is Status.RESOLVED
    printed = prepare_case_print(ctx, Actor("S001", Role.SUPERVISOR, "张敏"), "letter",
                                 complaint_id, locale="zh_CN", fmt="a4")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(printed.pdf)).pages)
    printed_text = text.replace("\n", "")
    assert TO_THE_CUSTOMER[:12] in printed_text  # the customer's summary, not HQ's notes
    assert FINDINGS[:10] not in printed_text
