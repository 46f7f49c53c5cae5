"""Use cases on a complaint: one function each, callable from the CLI, the UI and tests alike.

Each checks the state machine and the actor's role, appends its event and
refolds the complaint row in one transaction, and raises a typed DomainError
(with zh_CN and en messages) when the action is refused. A refused action
writes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.domain.documents import DOCUMENT_KINDS
from desktop.domain.errors import DomainError, NotFound, PermissionDenied, ValidationError
from desktop.domain.model import Actor, ComplaintView, EventKind, Outcome, Role, Status
from desktop.domain.projection import fold
from desktop.domain.reference import make_reference, normalise_reference
from desktop.domain.root_causes import CorrectiveActionInput, correction_fields
from desktop.domain.states import EVENT_OF_ACTION, Action, check_transition
from desktop.domain.validation import check_intake, clean_text, validate_amount
from desktop.security.permissions import authorize
from desktop.services.context import ServiceContext
from desktop.services.day_close import business_date_in
from desktop.services.identity import (
    CustomerDetailsDiffer,
    check_known_details,
    correction_payload,
    log_correction,
)
from desktop.services.intake import (
    Intake,
    RepeatWarning,
    event_fields,
    find_customer_row,
    find_repeats,
    upsert_customer,
)
from desktop.services.intake_rules import record_rules
from desktop.store.events import append_local_event, complaint_events
from desktop.store.models import ComplaintRow, StaffRow

MAX_NOTE = 4000
MAX_REASON = 1000
# What the staff member complained about may not do on the case, nor approve (回避).
_DECIDING = frozenset({Action.ASSIGN, Action.RESOLVE, Action.EXTEND_DEADLINE,
                       Action.REQUEST_EXTENSION, Action.CLOSE, Action.REOPEN, Action.ESCALATE,
                       Action.RECORD_SATISFACTION})


class ExtensionNeedsHq(DomainError):
    """This extension level is approved by HQ, not on the branch's PC."""

    code = "deadline.extension_needs_hq"


class ExtensionNotHq(DomainError):
    """This extension level is approved at the branch; there is nothing to ask HQ."""

    code = "deadline.extension_not_hq"


class ExtensionAlreadyRequested(DomainError):
    code = "deadline.extension_already_requested"


class ReassignmentNotAllowed(PermissionDenied):
    """First-contact responsibility: only a supervisor may move a case away from its owner."""

    code = "assignment.supervisor_only"


class Recused(PermissionDenied):
    """The staff member complained about may not own, decide or approve the case (回避)."""

    code = "recusal.complained_staff"


class RecusedUnit(Recused):
    """A member of the unit complained about may not own, decide or approve the case (回避)."""

    code = "recusal.complained_unit"


class IntakeRejected(ValidationError):
    """The intake has field errors; `errors` holds every one (the message is the first's)."""

    def __init__(self, errors: list[ValidationError]) -> None:
        first = errors[0]
        super().__init__(first.code, **first.params)
        self.errors = errors


@dataclass(frozen=True, slots=True)
class Recorded:
    complaint_id: str
    reference: str
    decision_due: datetime
    repeats: list[RepeatWarning]
    business_date: date | None = None  # the date its receipt counts on
    after_close: bool = False  # recorded after its day was closed: counts on the next business day


def _plain_id(value: str) -> bool:
    """Ids and references are short printable ASCII; anything else cannot name a complaint
    (and must not reach SQL or an error message as typed)."""
    return isinstance(value, str) and 0 < len(value) <= 64 and value.isascii() and value.isprintable()


def _complaint_row(session: Session, complaint_id: str) -> ComplaintRow:
    """The complaint's row. Raises NotFound, which never repeats what was typed."""
    row = None
    if _plain_id(complaint_id):
        row = session.scalar(select(ComplaintRow).where(ComplaintRow.id == complaint_id))
    if row is None:
        raise NotFound(what="complaint")
    return row


def _next_sequence(session: Session, ctx: ServiceContext) -> int:
    """The next daily sequence of this device, counted up in one statement; the write lock
    makes it unique even with two app instances on one profile."""
    return int(session.connection().execute(
        _NEXT_SEQUENCE, {"day": ctx.business_date().isoformat()}).scalar_one())


# Plain SQL, compiled once (SQLAlchemy cannot cache a SQLite ON CONFLICT construct).
_NEXT_SEQUENCE = text("INSERT INTO daily_sequences (business_date, last) VALUES (:day, 1) "
                      "ON CONFLICT (business_date) DO UPDATE SET last = daily_sequences.last + 1 "
                      "RETURNING last")


def _complained_staff(ctx: ServiceContext, intake: Intake, complained_about: str) -> str:
    """The roster number of the staff member complained about: given explicitly (it must be on
    the roster), or the first word of the (cleaned) free text when that is a roster number."""
    given = intake.complained_staff
    if not isinstance(given, str):
        raise IntakeRejected([ValidationError("validation.unknown_staff", field="complained_staff")])
    explicit = given.strip().upper()
    guess = (complained_about.strip().split() or [""])[0].upper()
    with ctx.store.read() as s:
        for number in (explicit, guess):
            if number and _plain_id(number) and s.get(StaffRow, number) is not None:
                return number
    if explicit:
        raise IntakeRejected([ValidationError("validation.unknown_staff", field="complained_staff")])
    return ""


def _complained_unit(ctx: ServiceContext, intake: Intake) -> tuple[str, list[str]]:
    """(code, members then) of the branch's unit complained about; ("", []) for none. Raises
    IntakeRejected (field `complained_unit`) for a code that is not one of the branch's units."""
    given = intake.complained_unit
    if not isinstance(given, str) or not given.strip():
        return "", []
    from desktop.services.units import unit_named

    unit = unit_named(ctx, given) if _plain_id(given.strip()) else None
    if unit is None:
        raise IntakeRejected([ValidationError("validation.unknown_unit", field="complained_unit")])
    return unit.code, list(unit.members)


def _recused(details: dict[str, Any] | None) -> tuple[str, set[str], str]:
    """(the staff member complained about, the members of the unit complained about, its code)."""
    d = details or {}
    return (str(d.get("complained_staff") or ""),
            {str(n) for n in d.get("complained_unit_members") or ()},
            str(d.get("complained_unit") or ""))


def _check_recusal(details: dict[str, Any] | None, *people: str) -> None:
    """Raises Recused / RecusedUnit when one of `people` must step aside on this case."""
    staff, members, unit = _recused(details)
    for who in people:
        if who and who == staff:
            raise Recused(staff=staff)
        if who and who in members:
            raise RecusedUnit(staff=who, unit=unit)


def _repeat_link(session: Session, repeat_of: str | None, customer_id: str) -> str | None:
    """The earlier complaint a new one repeats, checked: it must be a complaint of the same
    customer. Raises IntakeRejected (field `repeat_of`) otherwise; the write is rolled back."""
    if repeat_of is None or repeat_of == "":
        return None
    row = None
    if _plain_id(repeat_of):
        row = session.scalar(select(ComplaintRow).where(ComplaintRow.id == repeat_of))
    if row is None or row.customer_id != customer_id:
        raise IntakeRejected([ValidationError("validation.repeat_unknown", field="repeat_of")])
    # A repeat of a repeat counts against the first complaint about the matter.
    return row.repeat_of or row.id


def record_complaint(ctx: ServiceContext, actor: Actor, intake: Intake) -> Recorded:
    """Record a new complaint: customer found or created, reference number issued,
    decision deadline set from the policy. Raises IntakeRejected (with every field
    error) when the intake is incomplete or wrong; nothing is written then."""
    form = checked_intake(ctx, actor, intake)
    with ctx.store.write() as s:
        return write_complaint(s, ctx, actor, intake, form)


def checked_intake(ctx: ServiceContext, actor: Actor, intake: Intake) -> dict[str, Any]:
    """The intake as it will be recorded (cleaned, with what the policy's rules add), after
    checking the state machine, the permission table and every field. Raises IntakeRejected
    (every field error), TransitionNotAllowed or PermissionDenied. Writes nothing."""
    check_transition(None, Action.RECEIVE, actor.role)
    authorize(actor, Action.RECEIVE)  # the branch's permission table (desktop.security)
    check = check_intake(intake.as_dict(), today=ctx.business_date(ctx.now()),
                         taxonomy=ctx.taxonomy)
    errors = list(check.errors)
    recorded_extra, rule_errors = record_rules(ctx, intake)  # Art. 7 and 13 (policy data)
    errors += rule_errors
    if not intake.consent:
        errors.append(ValidationError("validation.consent_required", field="consent"))
    if errors:
        raise IntakeRejected(errors)
    form = check.cleaned
    form.update(recorded_extra)
    form["complained_staff"] = _complained_staff(ctx, intake, form["complained_about"])
    form["complained_unit"], form["complained_unit_members"] = _complained_unit(ctx, intake)
    return form


def write_complaint(s: Session, ctx: ServiceContext, actor: Actor, intake: Intake,
                    form: dict[str, Any]) -> Recorded:
    """Write the `received` event of a checked intake (`checked_intake`) inside the caller's
    write transaction: customer upserted, reference issued, deadline from the policy."""
    now = ctx.now()
    received_at = now
    due = ctx.policy.decision_due(received_at, form["business_type"])
    known = find_customer_row(s, form["customer"])  # looked up once, for both uses below
    try:
        changed = check_known_details(s, form["customer"], intake.customer.confirmed_change,
                                      lambda _s, _data: known,
                                      intake.customer.confirmed_fields)
    except CustomerDetailsDiffer as exc:
        raise IntakeRejected([exc]) from None
    customer = upsert_customer(s, form["customer"], now, found=known)
    # A customer created just now has no earlier complaints to repeat.
    repeats = (find_repeats(s, ctx, customer["id"], form["business_type"], form["cause"])
               if known is not None else [])
    repeat_of = _repeat_link(s, intake.repeat_of, customer["id"])
    reference = make_reference(ctx.device.branch_code, ctx.device.device_number,
                               ctx.business_date(now), _next_sequence(s, ctx))
    day = business_date_in(s, ctx, now)
    complaint_id = str(uuid.uuid4())
    payload: dict[str, Any] = {
        **event_fields(form),
        "reference": reference,
        "customer": customer,
        "received_at": received_at.isoformat(),
        "decision_due": due.isoformat(),
        "policy_id": ctx.policy.policy_id,
    }
    if repeat_of is not None:
        payload["repeat_of"] = repeat_of
    append_local_event(
        s, complaint_id=complaint_id, kind=EventKind.RECEIVED, payload=payload,
        actor=actor.staff_number, actor_role=actor.role, device_id=ctx.device.device_id,
        branch_code=ctx.device.branch_code, now=now, business_date=day,
    )
    if changed:  # its own event on the new complaint's timeline: who, when, old -> new
        act_in(s, ctx, actor, complaint_id, Action.CORRECT_CUSTOMER,
               correction_payload(customer["id"], changed))
        log_correction(actor, customer["id"], changed, now)
    return Recorded(complaint_id=complaint_id, reference=reference, decision_due=due,
                    repeats=repeats, business_date=day, after_close=day != ctx.business_date(now))


def act_in(s: Session, ctx: ServiceContext, actor: Actor, complaint_id: str, action: Action,
           payload: dict[str, Any], *, role_of: Actor | None = None) -> None:
    """Append the event of `action` inside the caller's write transaction, after checking
    the permission table, the state machine and recusal. Raises the DomainError that refuses it."""
    authorize(actor, action, payload, approver=role_of)  # the branch's permission table
    now = ctx.now()
    row = _complaint_row(s, complaint_id)
    check_transition(Status(row.status), action, (role_of or actor).role)
    if action in _DECIDING:
        _check_recusal(row.details, actor.staff_number, role_of.staff_number if role_of else "")
    append_local_event(
        s, complaint_id=complaint_id, kind=EVENT_OF_ACTION[action], payload=payload,
        actor=actor.staff_number, actor_role=actor.role, device_id=ctx.device.device_id,
        branch_code=ctx.device.branch_code, now=now, business_date=ctx.business_date(now),
    )
    s.flush()


def _act(ctx: ServiceContext, actor: Actor, complaint_id: str, action: Action,
         payload: dict[str, Any], *, role_of: Actor | None = None) -> ComplaintView:
    """Append the event of `action` after checking state and role; the refolded view is returned.
    `role_of` is the approver whose role authorises the action (same-PC approval)."""
    with ctx.store.write() as s:
        act_in(s, ctx, actor, complaint_id, action, payload, role_of=role_of)
        view = fold(complaint_events(s, complaint_id))
    assert view is not None  # the complaint row exists, so its receipt does
    return view


def _required_text(value: str, field: str, limit: int) -> str:
    text = clean_text(value, field=field, max_length=limit, multiline=True)
    if not text.strip():
        raise ValidationError("validation.required", field=field)
    return text


def acknowledge(ctx: ServiceContext, actor: Actor, complaint_id: str) -> ComplaintView:
    return _act(ctx, actor, complaint_id, Action.ACKNOWLEDGE, {})


def add_note(ctx: ServiceContext, actor: Actor, complaint_id: str, text: str) -> ComplaintView:
    return _act(ctx, actor, complaint_id, Action.ADD_NOTE,
                {"text": _required_text(text, "note", MAX_NOTE)})


def log_contact_attempt(ctx: ServiceContext, actor: Actor, complaint_id: str, *, channel: str,
                        reached: bool, text: str = "",
                        extension_notice: bool = False) -> ComplaintView:
    """A call, visit or message to the customer. `extension_notice`: it told them of the
    deadline extension (with `reached`, that clears the open "extension notice" task)."""
    return _act(ctx, actor, complaint_id, Action.LOG_CONTACT, {
        "channel": clean_text(channel, field="channel", max_length=40),
        "reached": bool(reached),
        "text": clean_text(text, field="note", max_length=MAX_NOTE, multiline=True),
        "extension_notice": bool(extension_notice),
    })


def assign(ctx: ServiceContext, actor: Actor, complaint_id: str, assignee: str,
           reason: str = "") -> ComplaintView:
    """Give the case to `assignee`. First-contact responsibility (首问负责制): the first handler
    owns it, so only a supervisor or manager may reassign it away from its owner, and only with
    a reason (kept on the timeline). The staff member complained about can never own it (回避).
    Raises ReassignmentNotAllowed, ValidationError (no reason), Recused."""
    who = clean_text(assignee, field="assignee", max_length=32)
    if not who:
        raise ValidationError("validation.required", field="assignee")
    why = clean_text(reason, field="reason", max_length=MAX_REASON, multiline=True)
    with ctx.store.read() as s:
        row = _complaint_row(s, complaint_id)
        owner = row.assignee
        details = row.details
    _check_recusal(details, who)
    if owner and owner != who:
        if actor.role not in (Role.SUPERVISOR, Role.MANAGER, Role.HQ_OFFICER):
            raise ReassignmentNotAllowed(role=actor.role.value)
        if not why.strip():
            raise ValidationError("validation.reassign_reason", field="reason")
    return _act(ctx, actor, complaint_id, Action.ASSIGN,
                {"assignee": who, "reason": why, "previous": owner})


def escalate(ctx: ServiceContext, actor: Actor, complaint_id: str, reason: str) -> ComplaintView:
    with ctx.store.read() as s:
        level = _complaint_row(s, complaint_id).escalation_level + 1
    return _act(ctx, actor, complaint_id, Action.ESCALATE,
                {"level": level, "reason": _required_text(reason, "reason", MAX_REASON)})


def extend_deadline(ctx: ServiceContext, actor: Actor, complaint_id: str, *, reason: str,
                    approver: Actor) -> ComplaintView:
    """Extend the decision deadline to the policy's next level. The approver (authenticated
    on this PC) must hold the role the policy names for that level; the policy raises otherwise.
    A level the policy has HQ approve cannot be approved here (ExtensionNeedsHq: use
    `request_extension`), and no extension is given once the deadline has passed."""
    why = _required_text(reason, "reason", MAX_REASON)
    with ctx.store.read() as s:
        row = _complaint_row(s, complaint_id)
        level = row.extensions + 1
        ext = ctx.policy.extension_level(level, row.business_type or None, row.cause or None)
        if ext.needs_hq:
            raise ExtensionNeedsHq(level=level)
        new_due = ctx.policy.extended_due(row.received_at, row.decision_due, level, approver.role,
                                          row.business_type or None, row.cause or None,
                                          now=ctx.now())
    return _act(ctx, actor, complaint_id, Action.EXTEND_DEADLINE, {
        "new_due": new_due.isoformat(), "reason": why, "level": level,
        "approver": approver.staff_number, "approver_role": approver.role.value,
        "notify_customer": ext.notify_customer,
    }, role_of=approver)


def request_extension(ctx: ServiceContext, actor: Actor, complaint_id: str, *, reason: str,
                      new_due: date | None = None) -> ComplaintView:
    """Ask HQ for the next extension where the policy has HQ approve it (CBIRC: the superior
    office or a head-office senior manager). The case shows "extension requested" until HQ's
    decision event arrives by pull. `new_due` (a day in the policy's time zone) defaults to the
    latest the policy allows. Raises ExtensionNotHq for a level the branch approves itself,
    ExtensionAlreadyRequested, ExtensionAfterDeadline, ExtensionNotAllowed."""
    why = _required_text(reason, "reason", MAX_REASON)
    now = ctx.now()
    with ctx.store.read() as s:
        row = _complaint_row(s, complaint_id)
        if (row.details or {}).get("extension_request"):
            raise ExtensionAlreadyRequested()
        level = row.extensions + 1
        business_type, cause = row.business_type or None, row.cause or None
        ext = ctx.policy.extension_level(level, business_type, cause)
        if not ext.needs_hq:
            raise ExtensionNotHq(level=level)
        latest = ctx.policy.extension_target(row.received_at, row.decision_due, level,
                                             business_type, cause, now=now)
        target = latest
        if new_due is not None:
            if not ctx.policy.local_day(row.decision_due) < new_due <= ctx.policy.local_day(latest):
                raise ValidationError("validation.extension_date", field="new_due",
                                      latest=ctx.policy.local_day(latest).isoformat())
            target = ctx.policy.end_of_day(new_due)
    return _act(ctx, actor, complaint_id, Action.REQUEST_EXTENSION, {
        "level": level, "new_due": target.isoformat(), "reason": why,
        "notify_customer": ext.notify_customer,
    })


def resolution_payload(ctx: ServiceContext, *, outcome: Outcome, findings: str,
                       verification: str = "", basis: str = "", basis_reference: str = "",
                       remedy: str = "", compensation: Decimal | str | None = None,
                       root_cause: str = "",
                       corrective_actions: Sequence[CorrectiveActionInput] = (),
                       customer_summary: str = "") -> dict[str, Any]:
    """The `resolved` payload of a decision, checked. Every part the policy requires of a
    decision letter for this outcome (`decision_letter` in the policy file) must be given;
    ValidationError (code validation.letter_part.<part>, `field` the part) names the first
    one missing, or the field of a bad text or amount. The root cause and corrective actions
    (溯源整改) are checked by `desktop.domain.root_causes.correction_fields`."""
    amount = validate_amount(compensation, field="compensation") if compensation not in (None, "") else None
    outcome = Outcome(outcome)
    texts = {
        "findings": clean_text(findings, field="findings", max_length=MAX_NOTE, multiline=True),
        "verification": clean_text(verification, field="verification", max_length=MAX_NOTE,
                                   multiline=True),
        "basis": clean_text(basis, field="basis", max_length=MAX_NOTE, multiline=True),
        "basis_reference": clean_text(basis_reference, field="basis_reference", max_length=400),
    }
    for part in ("findings", *ctx.policy.required_letter_parts(outcome.value)):
        if part in texts and not texts[part].strip():
            raise ValidationError(f"validation.letter_part.{part}", field=part)
    summary = clean_text(customer_summary, field="customer_summary", max_length=MAX_NOTE,
                         multiline=True).strip()
    if summary:  # the customer-facing findings the letter prints (optional in the payload)
        texts["customer_summary"] = summary
    return {
        "outcome": outcome.value,
        **texts,
        "remedy": clean_text(remedy, field="remedy", max_length=MAX_NOTE, multiline=True),
        "compensation": str(amount) if amount is not None else None,
        **correction_fields(root_cause, corrective_actions,
                            ctx.now().astimezone(ctx.device.zone).date()),
    }


def satisfaction_payload(score: int, comment: str = "") -> dict[str, Any]:
    """The `satisfaction_recorded` payload; ValidationError unless the score is 1 to 5."""
    if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
        raise ValidationError("validation.satisfaction_range", field="satisfaction")
    return {"score": score,
            "comment": clean_text(comment, field="comment", max_length=MAX_NOTE, multiline=True)}


def resolve(ctx: ServiceContext, actor: Actor, complaint_id: str, *, outcome: Outcome,
            findings: str, verification: str = "", basis: str = "", basis_reference: str = "",
            remedy: str = "", compensation: Decimal | str | None = None,
            approver: Actor | None = None, root_cause: str = "",
            corrective_actions: Sequence[CorrectiveActionInput] = (),
            customer_summary: str = "") -> ComplaintView:
    """Record the decision (its parts checked by `resolution_payload`). Compensation above
    the policy's threshold needs a supervisor's approval on this PC (`approver`); raises
    ApprovalRequired without it."""
    payload = resolution_payload(ctx, outcome=outcome, findings=findings,
                                 verification=verification, basis=basis,
                                 basis_reference=basis_reference, remedy=remedy,
                                 compensation=compensation, root_cause=root_cause,
                                 corrective_actions=corrective_actions,
                                 customer_summary=customer_summary)
    return _act(ctx, actor, complaint_id, Action.RESOLVE, payload, role_of=approver)


def record_satisfaction(ctx: ServiceContext, actor: Actor, complaint_id: str, score: int,
                        comment: str = "") -> ComplaintView:
    return _act(ctx, actor, complaint_id, Action.RECORD_SATISFACTION,
                satisfaction_payload(score, comment))


def close(ctx: ServiceContext, actor: Actor, complaint_id: str) -> ComplaintView:
    return _act(ctx, actor, complaint_id, Action.CLOSE, {})


def reopen(ctx: ServiceContext, actor: Actor, complaint_id: str, *, reason: str,
           approver: Actor) -> ComplaintView:
    return _act(ctx, actor, complaint_id, Action.REOPEN, {
        "reason": _required_text(reason, "reason", MAX_REASON), "approver": approver.staff_number,
    }, role_of=approver)


def withdraw(ctx: ServiceContext, actor: Actor, complaint_id: str, reason: str) -> ComplaintView:
    """The customer withdraws: the case ends on the day the withdrawal is received."""
    return _act(ctx, actor, complaint_id, Action.WITHDRAW,
                {"reason": _required_text(reason, "reason", MAX_REASON)})


def link_related(ctx: ServiceContext, actor: Actor, complaint_id: str,
                 related_reference: str) -> ComplaintView:
    reference = normalise_reference(related_reference) if _plain_id(related_reference) else ""
    with ctx.store.read() as s:
        other = s.scalar(select(ComplaintRow.id).where(ComplaintRow.reference == reference))
        if other is None:
            raise NotFound(what="reference")
        if other == complaint_id:
            raise ValidationError("validation.link_self", field="related")
    return _act(ctx, actor, complaint_id, Action.LINK, {"related_reference": reference})


def record_print(ctx: ServiceContext, actor: Actor, complaint_id: str, *, document: str,
                 copy_number: int) -> ComplaintView:
    """Put a printed document on the timeline (kind, copy number; who and when come with the event).
    Raises ValidationError for a document kind this program does not print."""
    if document not in DOCUMENT_KINDS:
        raise ValidationError("validation.invalid", field="document")
    if not isinstance(copy_number, int) or isinstance(copy_number, bool) or copy_number < 1:
        raise ValidationError("validation.invalid", field="copy_number")
    return _act(ctx, actor, complaint_id, Action.PRINT_DOCUMENT,
                {"document": document, "copy": copy_number})


def current_view(ctx: ServiceContext, complaint_id: str) -> ComplaintView:
    """The complaint's view folded from its events. Raises NotFound."""
    with ctx.store.read() as s:
        _complaint_row(s, complaint_id)
        view = fold(complaint_events(s, complaint_id))
    assert view is not None
    return view


def print_count(ctx: ServiceContext, complaint_id: str, document: str) -> int:
    """How many times `document` was printed for this complaint (a reprint says COPY)."""
    with ctx.store.read() as s:
        return sum(1 for ev in complaint_events(s, complaint_id)
                   if ev.kind is EventKind.DOCUMENT_PRINTED and ev.payload.get("document") == document)


def due_soon_cutoff(ctx: ServiceContext) -> datetime:
    """Deadlines before this are due soon (working days where the policy counts them)."""
    return ctx.policy.due_soon_until(ctx.now())
