"""In Debian's Chromium: an HQ hotline agent records a phone complaint for a branch; a
mistake is shown at its field and nothing is recorded; once corrected, the complaint
appears on the branch's worklist after the branch PC syncs, due from HQ's receipt."""

from __future__ import annotations

from typing import Any

from desktop.domain.worklist import Worklist, WorklistQuery
from desktop.services.cases import worklist_rows
from tests.console.conftest import BranchPc, ConsoleHq, browser_login, screenshot
from tests.services.intakes import VALID_ID, simple_category


def test_a_phone_complaint_reaches_the_branch_worklist(page: Any, console_hq: ConsoleHq,
                                                       branch_pc: BranchPc) -> None:
    business_type, cause = simple_category()
    browser_login(page, console_hq, console_hq.add_staff("officer"), "/console/intake")
    page.select_option("select[name=branch]", branch_pc.branch_code)
    page.select_option("select[name=channel]", "phone")
    page.fill("input[name=name]", "刘晓")
    page.select_option("select[name=id_type]", "resident_id")
    page.fill("input[name=id_number]", VALID_ID[:-1] + "1")  # a wrong check digit
    page.fill("input[name=phone]", "13800138000")
    page.select_option("select[name=business_type]", business_type)
    page.select_option("select[name=cause]", cause)
    page.fill("textarea[name=description]", "来电反映信用卡年费未按约定减免。")
    page.fill("textarea[name=request]", "退还年费。")
    page.check("input[name=consent]")
    page.click("#intake button[type=submit]")
    assert page.locator("[data-error='customer.id_number']").is_visible()
    assert worklist_rows(branch_pc.context(), WorklistQuery(worklist=Worklist.BRANCH), 0, 50) == []
    page.console_errors.clear()  # the browser logs the refusal's 422 status

    page.fill("input[name=id_number]", VALID_ID)
    screenshot(page, "06-intake")
    page.click("#intake button[type=submit]")
    notice = page.locator("[role=status]").inner_text()
    reference = next(word for word in notice.replace("，", " ").replace("；", " ").split()
                     if word.startswith(branch_pc.branch_code))
    assert not page.console_errors

    branch_pc.sync()
    rows = worklist_rows(branch_pc.context(), WorklistQuery(worklist=Worklist.BRANCH), 0, 50)
    assert [r.reference for r in rows] == [reference]
