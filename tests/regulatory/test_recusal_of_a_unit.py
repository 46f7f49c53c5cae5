"""Rule 5 for a unit: the branch's units come from the roster HQ publishes (checked by the
roster's model, errors named by field path); a complaint about a unit records it and who
belonged to it then, and none of them may own, decide or approve the case — the service
refuses with a clear message, and a complaint one of them took routes to a supervisor."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from desktop.domain.errors import PolicyError, ValidationError
from desktop.domain.model import Outcome, Role
from desktop.domain.reference_files import RosterFile, check
from desktop.security.staff import add_staff
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.context import Actor, ServiceContext
from desktop.services.units import branch_units
from desktop.store.models import ReferenceDocumentRow
from tests.services.intakes import DECISION_PARTS, sample_intake

HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"
UNITS = [{"code": "COUNTER", "name": {"zh_CN": "柜面服务组", "en": "Counter services"}, "branch_code": "BJ001"},
         {"code": "LOANS", "name": {"zh_CN": "个人贷款部", "en": "Personal loans"}, "branch_code": "BJ001"},
         {"code": "COUNTER", "name": {"zh_CN": "柜面", "en": "Counter"}, "branch_code": "SH002"}]


def _member(number: str, role: str, unit: str | None, branch: str = "BJ001") -> dict[str, Any]:
    return {"number": number, "name": number, "role": role, "branch_code": branch,
            "password_hash": HASH, "unit": unit}


ROSTER = {"staff": [_member("T001", "teller", "COUNTER"), _member("T002", "teller", "COUNTER"),
                    _member("S001", "supervisor", "LOANS"), _member("X001", "teller", "COUNTER", "SH002")],
          "units": UNITS}


@pytest.fixture
def units(ctx: ServiceContext) -> None:
    for number, role in (("T001", Role.TELLER), ("T002", Role.TELLER), ("S001", Role.SUPERVISOR)):
        add_staff(ctx.store, number=number, name=number, role=role, branch_code="BJ001",
                  password="Counter-pass-2026!")
    with ctx.store.write() as s:
        s.add(ReferenceDocumentRow(kind="roster", version=1, content=ROSTER,
                                   received_at=datetime(2026, 3, 1, tzinfo=UTC)))


def test_the_branch_units_come_from_the_published_roster(ctx: ServiceContext, units: None) -> None:
    found = {u.code: u for u in branch_units(ctx)}
    assert set(found) == {"COUNTER", "LOANS"}  # only this branch's
    assert found["COUNTER"].members == ("T001", "T002") and found["LOANS"].name("en") == "Personal loans"


def test_a_roster_naming_an_unknown_unit_is_refused_with_its_field_path() -> None:
    bad = {**ROSTER, "staff": [*ROSTER["staff"], _member("T009", "teller", "CASH")]}
    with pytest.raises(PolicyError) as refused:
        check(RosterFile, bad, "roster.invalid")
    assert "staff[4].unit" in str(refused.value.params["detail"])
    twice = {**ROSTER, "units": [*UNITS, UNITS[0]]}
    with pytest.raises(PolicyError) as refused:
        check(RosterFile, twice, "roster.invalid")
    assert "units[3].code" in str(refused.value.params["detail"])


def test_no_member_of_the_unit_complained_about_may_own_decide_or_approve(
        ctx: ServiceContext, units: None, supervisor: Actor) -> None:
    outsider = Actor("M001", Role.MANAGER)
    rec = uc.record_complaint(ctx, outsider, sample_intake(complained_about="柜面服务态度差",
                                                           complained_unit="counter"))
    view = case_detail(ctx, rec.complaint_id).view
    assert view.complained_unit == "COUNTER" and view.complained_unit_members == ["T001", "T002"]
    before = len(case_detail(ctx, rec.complaint_id).timeline)
    with pytest.raises(uc.RecusedUnit) as refused:
        uc.assign(ctx, supervisor, rec.complaint_id, "T001", reason="人手不足")
    assert "COUNTER" in refused.value.message("zh_CN") and "回避" in refused.value.message("zh_CN")
    assert "step aside" in refused.value.message("en")
    with pytest.raises(uc.Recused):
        uc.resolve(ctx, Actor("T002", Role.TELLER), rec.complaint_id, outcome=Outcome.NOT_UPHELD,
                   findings="无", **DECISION_PARTS)
    with pytest.raises(uc.Recused):  # nor approve
        uc.extend_deadline(ctx, outsider, rec.complaint_id, reason="复杂",
                           approver=Actor("T001", Role.SUPERVISOR))
    assert len(case_detail(ctx, rec.complaint_id).timeline) == before
    assert uc.assign(ctx, supervisor, rec.complaint_id, "S001", reason="回避：改由贷款部主管处理").assignee == "S001"


def test_a_complaint_a_member_of_the_unit_took_routes_to_a_supervisor(
        ctx: ServiceContext, units: None, teller: Actor, supervisor: Actor) -> None:
    rec = uc.record_complaint(ctx, teller, sample_intake(complained_unit="COUNTER"))
    view = case_detail(ctx, rec.complaint_id).view
    assert view.assignee == "" and "recusal:received_by_complained_unit" in view.review_reasons
    assert uc.assign(ctx, supervisor, rec.complaint_id, "S001").assignee == "S001"


def test_a_unit_not_of_the_branch_is_refused_and_nothing_is_written(
        ctx: ServiceContext, units: None, teller: Actor) -> None:
    with pytest.raises(ValidationError) as refused:
        uc.record_complaint(ctx, teller, sample_intake(complained_unit="CASH"))
    assert refused.value.field == "complained_unit" and refused.value.message("zh_CN")
    with ctx.store.read() as s:
        from desktop.store.models import EventRow
        assert s.query(EventRow).count() == 0


def test_the_demo_branch_has_units_and_its_roster_applies_cleanly(ctx: ServiceContext) -> None:
    from desktop.demo import DEMO_PASSWORD, DEMO_STAFF, write_demo_roster
    from desktop.security.staff import authenticate
    from desktop.sync.engine import apply_published_roster

    for number, name, role in DEMO_STAFF:
        add_staff(ctx.store, number=number, name=name, role=role, branch_code="BJ001",
                  password=DEMO_PASSWORD)
    write_demo_roster(ctx.store, "BJ001")
    assert [(u.code, u.members) for u in branch_units(ctx)] == [
        ("COUNTER", ("T001", "T002")), ("LOANS", ("S001",))]
    assert apply_published_roster(ctx)  # the same staff, as HQ would publish them
    assert authenticate(ctx.store, "T001", DEMO_PASSWORD, ctx.now()).role is Role.TELLER
