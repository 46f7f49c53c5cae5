"""In Debian's Chromium: an HQ admin uploads a changed deadline policy, sees the
difference, publishes it, and the branch PC's next sync puts it in force there."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from desktop.resources import load_json
from tests.console.conftest import BranchPc, ConsoleHq, browser_login


def test_a_published_policy_takes_effect_on_the_branch(page: Any, console_hq: ConsoleHq,
                                                        branch_pc: BranchPc,
                                                        tmp_path: Path) -> None:
    assert branch_pc.context().policy.due_soon.days == 3  # the shipped policy
    policy = copy.deepcopy(load_json("policies", "cn_cbirc_2020.json"))
    policy["due_soon"] = {"days": 5, "count": "calendar"}
    upload = tmp_path / "policy.json"
    upload.write_text(json.dumps(policy, ensure_ascii=False), encoding="utf-8")

    browser_login(page, console_hq, console_hq.add_staff(role="admin"))
    page.click("header nav >> text=基础数据")
    page.click("text=时限规则")
    page.set_input_files("input[name=document]", str(upload))
    page.click("text=校验并与已发布版本对比")
    assert page.locator("[role=status]").inner_text() == "网点设备可以加载此文件。"
    page.click("text=发布到所有网点")
    assert "各网点下次同步时生效" in page.locator("[role=status]").inner_text()
    assert not page.console_errors

    report = branch_pc.sync()
    assert "policy" in report.references
    assert branch_pc.context().policy.due_soon.days == 5
