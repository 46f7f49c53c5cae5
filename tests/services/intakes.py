"""A valid intake to start tests from; each test changes what it is about."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from desktop.domain.model import CustomerKind, IdDocumentType
from desktop.domain.taxonomy import load_taxonomy
from desktop.services.intake import CustomerInput, Intake

VALID_ID = "11010519491231002X"  # checksum and birth date valid
RECORDING = "3号窗口摄像头 09:00-10:30"  # where the branch's recording of the visit is
# The parts of a decision every policy's letter may require (resolve refuses without them).
DECISION_PARTS = {"verification": "调阅交易流水及柜台监控录像核实", "basis": "经核对业务规定与交易记录",
                  "basis_reference": "《借记卡章程》第五条"}


def sample_customer() -> CustomerInput:
    return CustomerInput(kind=CustomerKind.INDIVIDUAL, name="王小明", id_type=IdDocumentType.RESIDENT_ID,
                         id_number=VALID_ID, phone="13800138000", address="北京市东城区东长安街1号")


def simple_category() -> tuple[str, str]:
    """A category without extra required fields."""
    tax = load_taxonomy()
    for b in tax.categories["business_type"].values():
        for c in tax.categories["cause"].values():
            if not b.children and not c.children and not [
                f for f in tax.extra_fields(b.code, c.code) if f.required
            ]:
                return b.code, c.code
    raise AssertionError("the taxonomy has no category without extra fields")


def sample_intake(**changes: Any) -> Intake:
    business_type, cause = simple_category()
    base = Intake(customer=sample_customer(), business_type=business_type, cause=cause,
                  description="在柜台排队一小时无人办理，工作人员态度冷淡。", request="要求道歉并改进服务。",
                  product="借记卡", amount=Decimal("0"), consent=True,
                  grounds="按服务承诺应在15分钟内受理。", recording_reference=RECORDING)
    return replace(base, **changes)
