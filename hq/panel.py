"""The cross-department expert panel that decides an escalated complaint (公正公平).

A panel has a chair and at least two members from at least two departments, none from
the department complained about (nor the chair). A member with a conflict of interest
recuses themself and stops counting; the panel then needs a replacement before it may
conclude. Each member records one opinion (outcome and reasons) without seeing the
others' until their own is submitted; the chair sees them once every member has. The
chair's conclusion is written as HQ's decision event (hq.admin.decide_escalated_case),
which the branch's devices pull and print as the letter.

What can go wrong: Conflict (not escalated, panel exists, already concluded, opinion
given already, opinions missing), InvalidRequest (composition rules, empty reasons),
Forbidden (not a member, not the chair).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, insert, select, update

from desktop.domain.model import Outcome, Status
from hq import admin, tables
from hq.errors import Conflict, Forbidden, InvalidRequest, NotFound
from hq.office_tables import panel_members, panel_opinions, panels, staff_accounts
from hq.staff import StaffRole

MIN_MEMBERS = 2
MIN_DEPARTMENTS = 2
PANEL_ROLES = (StaffRole.PANEL_MEMBER, StaffRole.OFFICER)
_complaints = tables.complaints


@dataclass(frozen=True, slots=True)
class Member:
    number: str
    name: str
    department: str
    recused: bool
    recusal_reason: str
    submitted: bool


@dataclass(frozen=True, slots=True)
class Opinion:
    staff_number: str
    outcome: Outcome
    reasons: str
    submitted_at: datetime


@dataclass(frozen=True, slots=True)
class Panel:
    complaint_id: str
    branch_code: str
    reference: str
    complained_department: str
    chair: str
    chair_name: str
    members: tuple[Member, ...]
    concluded_at: datetime | None
    decision_event_id: str | None

    @property
    def active(self) -> tuple[Member, ...]:
        return tuple(m for m in self.members if not m.recused)

    @property
    def all_submitted(self) -> bool:
        return bool(self.active) and all(m.submitted for m in self.active)

    def composition_problem(self) -> str | None:
        """Why this panel may not conclude as it stands (a message code), or None."""
        active = self.active
        if len(active) < MIN_MEMBERS:
            return "hq.panel.too_few_members"
        if len({m.department for m in active}) < MIN_DEPARTMENTS:
            return "hq.panel.too_few_departments"
        return None


def _escalated_case(conn: Connection, reference: str) -> tuple[str, str]:
    row = conn.execute(select(_complaints.c.id, _complaints.c.branch_code, _complaints.c.status)
                       .where(_complaints.c.reference == reference)).first()
    if row is None:
        raise NotFound("hq.decision.unknown_reference", reference=reference[:64])
    if row.status != Status.ESCALATED.value:
        raise Conflict("hq.decision.not_escalated", reference=reference[:64], state=row.status)
    return row.id, row.branch_code


def _staff(conn: Connection, numbers: list[str]) -> dict[str, tuple[str, str, str]]:
    rows = conn.execute(select(staff_accounts.c.number, staff_accounts.c.name,
                               staff_accounts.c.role, staff_accounts.c.department)
                        .where(staff_accounts.c.number.in_(numbers),
                               staff_accounts.c.disabled_at.is_(None)))
    return {r.number: (r.name, r.role, r.department) for r in rows}


def form_panel(conn: Connection, reference: str, *, complained_department: str, chair: str,
               members: list[str], formed_by: str, now: datetime) -> Panel:
    """Form the panel of escalated complaint `reference`. Members from the department
    complained about are refused (they would judge their own department)."""
    complained_department = complained_department.strip()
    if not complained_department:
        raise InvalidRequest("hq.panel.department_required")
    complaint_id, branch_code = _escalated_case(conn, reference)
    if conn.execute(select(panels.c.complaint_id)
                    .where(panels.c.complaint_id == complaint_id)).first():
        raise Conflict("hq.panel.exists", reference=reference[:64])
    members = list(dict.fromkeys(m.strip() for m in members if m.strip()))
    if chair in members:
        raise InvalidRequest("hq.panel.chair_is_member")
    found = _staff(conn, [chair, *members])
    for number in (chair, *members):
        if number not in found or found[number][1] not in PANEL_ROLES:
            raise InvalidRequest("hq.panel.not_eligible", number=number[:32])
        if found[number][2] == complained_department:
            raise InvalidRequest("hq.panel.same_department", number=number[:32],
                                 department=complained_department)
    if len(members) < MIN_MEMBERS:
        raise InvalidRequest("hq.panel.too_few_members", minimum=MIN_MEMBERS)
    if len({found[m][2] for m in members}) < MIN_DEPARTMENTS:
        raise InvalidRequest("hq.panel.too_few_departments", minimum=MIN_DEPARTMENTS)
    conn.execute(insert(panels).values(
        complaint_id=complaint_id, branch_code=branch_code, reference=reference,
        complained_department=complained_department, chair=chair, formed_by=formed_by,
        formed_at=now, concluded_at=None, decision_event_id=None))
    conn.execute(insert(panel_members), [
        {"complaint_id": complaint_id, "staff_number": m, "department": found[m][2],
         "added_at": now, "recused_at": None, "recusal_reason": ""} for m in members])
    return panel_of(conn, reference)


def add_member(conn: Connection, reference: str, number: str, now: datetime) -> Panel:
    """Add a replacement member (after a recusal) under the same rules."""
    panel = _open_panel(conn, reference)
    found = _staff(conn, [number])
    if number not in found or found[number][1] not in PANEL_ROLES or number == panel.chair:
        raise InvalidRequest("hq.panel.not_eligible", number=number[:32])
    if found[number][2] == panel.complained_department:
        raise InvalidRequest("hq.panel.same_department", number=number[:32],
                             department=panel.complained_department)
    if any(m.number == number for m in panel.members):
        raise Conflict("hq.panel.already_member", number=number[:32])
    conn.execute(insert(panel_members).values(
        complaint_id=panel.complaint_id, staff_number=number, department=found[number][2],
        added_at=now, recused_at=None, recusal_reason=""))
    return panel_of(conn, reference)


def recuse(conn: Connection, reference: str, number: str, reason: str, now: datetime) -> Panel:
    """Member `number` declares a conflict of interest and leaves the panel's count.
    A member who has given an opinion may not recuse (the opinion stands)."""
    reason = reason.strip()
    if not reason:
        raise InvalidRequest("hq.panel.reason_required")
    panel = _open_panel(conn, reference)
    member = _member(panel, number)
    if member.submitted:
        raise Conflict("hq.panel.opinion_given")
    conn.execute(update(panel_members).where(
        panel_members.c.complaint_id == panel.complaint_id,
        panel_members.c.staff_number == number).values(recused_at=now,
                                                       recusal_reason=reason[:500]))
    return panel_of(conn, reference)


def record_opinion(conn: Connection, reference: str, number: str, *, outcome: Outcome,
                   reasons: str, now: datetime) -> None:
    """Member `number`'s opinion, once; it cannot be changed afterwards."""
    reasons = reasons.strip()
    if not reasons:
        raise InvalidRequest("hq.panel.reasons_required")
    panel = _open_panel(conn, reference)
    member = _member(panel, number)
    if member.recused:
        raise Forbidden("hq.panel.recused")
    if member.submitted:
        raise Conflict("hq.panel.opinion_given")
    conn.execute(insert(panel_opinions).values(
        complaint_id=panel.complaint_id, staff_number=number, outcome=outcome.value,
        reasons=reasons[:4000], submitted_at=now))


def opinions_for(conn: Connection, panel: Panel, viewer: str,
                 viewer_role: StaffRole) -> list[Opinion] | None:
    """The opinions `viewer` may read, or None while they must stay hidden: a member sees
    them after submitting their own, the chair once every member has, anyone else (and
    auditors) once the panel has concluded."""
    member = next((m for m in panel.members if m.number == viewer), None)
    visible = (panel.concluded_at is not None
               or (member is not None and member.submitted)
               or (viewer == panel.chair and panel.all_submitted))
    if not visible:
        return None
    rows = conn.execute(select(panel_opinions)
                        .where(panel_opinions.c.complaint_id == panel.complaint_id)
                        .order_by(panel_opinions.c.submitted_at))
    return [Opinion(r.staff_number, Outcome(r.outcome), r.reasons, r.submitted_at)
            for r in rows]


def own_opinion(conn: Connection, panel: Panel, number: str) -> Opinion | None:
    r = conn.execute(select(panel_opinions).where(
        panel_opinions.c.complaint_id == panel.complaint_id,
        panel_opinions.c.staff_number == number)).first()
    return None if r is None else Opinion(r.staff_number, Outcome(r.outcome), r.reasons,
                                          r.submitted_at)


def conclude(conn: Connection, reference: str, chair: str, *, outcome: Outcome,
             findings: str, verification: str, remedy: str = "",
             compensation: str | None = None, basis: str = "", basis_reference: str = "",
             customer_summary: str, now: datetime) -> str:
    """The chair's conclusion, written as HQ's decision event with `customer_summary`, what
    the branch's letter tells the customer; returns the event id."""
    panel = _open_panel(conn, reference)
    if chair != panel.chair:
        raise Forbidden("hq.panel.not_chair")
    problem = panel.composition_problem()
    if problem:
        raise Conflict(problem, minimum=MIN_MEMBERS)
    if not panel.all_submitted:
        raise Conflict("hq.panel.opinions_missing")
    if not findings.strip() or not verification.strip():
        raise InvalidRequest("hq.panel.conclusion_required")
    event = admin.decide_escalated_case(
        conn, panel.branch_code, reference, outcome=outcome, findings=findings.strip(),
        verification=verification.strip(), remedy=remedy.strip(),
        compensation=compensation or None, officer=chair, now=now, basis=basis.strip(),
        basis_reference=basis_reference.strip(), customer_summary=customer_summary)
    conn.execute(update(panels).where(panels.c.complaint_id == panel.complaint_id)
                 .values(concluded_at=now, decision_event_id=event.id))
    return event.id


def panel_of(conn: Connection, reference: str) -> Panel:
    row = conn.execute(select(panels, staff_accounts.c.name)
                       .join(staff_accounts, staff_accounts.c.number == panels.c.chair)
                       .where(panels.c.reference == reference)).first()
    if row is None:
        raise NotFound("hq.panel.none", reference=reference[:64])
    submitted = set(conn.execute(select(panel_opinions.c.staff_number)
                                 .where(panel_opinions.c.complaint_id == row.complaint_id))
                    .scalars())
    members = tuple(
        Member(m.staff_number, m.name, m.department, m.recused_at is not None,
               m.recusal_reason, m.staff_number in submitted)
        for m in conn.execute(
            select(panel_members, staff_accounts.c.name)
            .join(staff_accounts, staff_accounts.c.number == panel_members.c.staff_number)
            .where(panel_members.c.complaint_id == row.complaint_id)
            .order_by(panel_members.c.added_at, panel_members.c.staff_number)))
    return Panel(row.complaint_id, row.branch_code, row.reference, row.complained_department,
                 row.chair, row.name, members, row.concluded_at, row.decision_event_id)


def find_panel(conn: Connection, reference: str) -> Panel | None:
    try:
        return panel_of(conn, reference)
    except NotFound:
        return None


def _open_panel(conn: Connection, reference: str) -> Panel:
    panel = panel_of(conn, reference)
    if panel.concluded_at is not None:
        raise Conflict("hq.panel.concluded", reference=reference[:64])
    return panel


def _member(panel: Panel, number: str) -> Member:
    member = next((m for m in panel.members if m.number == number), None)
    if member is None:
        raise Forbidden("hq.panel.not_member")
    return member


def eligible_staff(conn: Connection, complained_department: str | None = None,
                   ) -> list[tuple[str, str, str]]:
    """(number, name, department) of everyone who may sit on a panel."""
    query = (select(staff_accounts.c.number, staff_accounts.c.name, staff_accounts.c.department)
             .where(staff_accounts.c.role.in_([r.value for r in PANEL_ROLES]),
                    staff_accounts.c.disabled_at.is_(None))
             .order_by(staff_accounts.c.department, staff_accounts.c.number))
    if complained_department:
        query = query.where(staff_accounts.c.department != complained_department)
    return [(r.number, r.name, r.department) for r in conn.execute(query)]
