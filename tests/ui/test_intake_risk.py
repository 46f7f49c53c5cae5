"""The intake's review step shows the risk signals before the complaint is saved."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from desktop.domain.risk import age_on
from tests.ui.conftest import Counter
from ui.intake.panel import IntakePanel
from ui.intake.review_step import ReviewStep

BEIJING = ZoneInfo("Asia/Shanghai")


def test_the_review_step_explains_the_risks(counter: Counter) -> None:
    main = counter.log_in("T001")
    panel = main.new_complaint()
    assert isinstance(panel, IntakePanel)
    review = next(step for step in panel.steps if isinstance(step, ReviewStep))
    form = {"customer": {"kind": "individual", "name": "王小明", "id_type": "resident_id",
                         "id_number": "11010519491231002X"},
            "business_type": "B0101", "cause": "R0101", "amount": "80000",
            "description": "如不解决我就去法院起诉", "request": "退款"}
    review.entered(form)
    counter.qtbot.waitUntil(lambda: review.risk_texts != [], timeout=10_000)
    age = age_on("11010519491231002X", datetime.now(BEIJING).date())  # the app's clock is real
    assert review.risk_texts == ["涉及金额超过 50000.00 元", f"老年客户（{age} 岁，65 岁及以上）",
                                 "提及诉讼（“起诉”）"]
    assert not review.risks.isHidden()
    assert "提及诉讼" in review.risks.text()
