"""Corrective actions (溯源整改, docs/ARCHITECTURE.md §14): those a resolution set, listed and
carried out to done. An action is done by a `corrective_action_done` event on its complaint;
the complaint row counts its open actions and keeps the earliest due date among them, so the
list and the worklist's "actions overdue" find them by index."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop.domain.errors import NotFound, ValidationError
from desktop.domain.model import Actor, ComplaintView
from desktop.domain.projection import fold
from desktop.domain.root_causes import actions_of
from desktop.domain.states import Action
from desktop.domain.validation import clean_text
from desktop.security.permissions import require
from desktop.security.policy import Permission
from desktop.services.complaints import MAX_NOTE, act_in
from desktop.services.context import ServiceContext
from desktop.store.events import complaint_events
from desktop.store.models import ComplaintRow

LIST_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class CorrectiveActionLine:
    complaint_id: str
    reference: str
    root_cause: str
    action_id: str
    what: str
    owner: str
    due: date
    overdue: bool


def complete_corrective_action(ctx: ServiceContext, actor: Actor, complaint_id: str,
                               action_id: str, note: str = "") -> ComplaintView:
    """Record that corrective action `action_id` of the complaint is done. Raises NotFound
    for an unknown complaint, ValidationError (validation.corrective_action.unknown or
    .already_done, field action_id) and the permission and state errors of `act_in`."""
    text = clean_text(note, field="note", max_length=MAX_NOTE, multiline=True)
    with ctx.store.write() as s:
        view = fold(complaint_events(s, complaint_id))
        if view is None:
            raise NotFound(what=complaint_id[:64])
        action = next((a for a in view.corrective_actions if a["id"] == action_id), None)
        if action is None:
            raise ValidationError("validation.corrective_action.unknown", field="action_id")
        if action.get("done_at") is not None:
            raise ValidationError("validation.corrective_action.already_done", field="action_id")
        act_in(s, ctx, actor, complaint_id, Action.COMPLETE_CORRECTIVE_ACTION,
               {"action_id": action_id, "note": text})
        done = fold(complaint_events(s, complaint_id))
    assert done is not None
    return done


def open_corrective_actions(ctx: ServiceContext, actor: Actor, *, overdue_only: bool = False,
                            limit: int = LIST_LIMIT) -> list[CorrectiveActionLine]:
    """The corrective actions not yet done, earliest due first (overdue ones only if asked).
    Raises NotPermitted without `case.view`."""
    require(actor, Permission.CASE_VIEW)
    today = ctx.now().astimezone(ctx.device.zone).date()
    C = ComplaintRow
    stmt = (select(C.id, C.reference, C.root_cause, C.details)
            .where(C.open_actions > 0).order_by(C.next_action_due, C.reference).limit(limit))
    if overdue_only:
        stmt = stmt.where(C.next_action_due < today.isoformat())
    lines: list[CorrectiveActionLine] = []
    with ctx.store.read() as s:
        for cid, reference, root_cause, details in s.execute(stmt):
            for a in actions_of(list((details or {}).get("corrective_actions") or [])):
                if a.done_at is None and (not overdue_only or a.is_overdue(today)):
                    lines.append(CorrectiveActionLine(cid, reference, root_cause, a.id, a.what,
                                                      a.owner, a.due, a.is_overdue(today)))
    return sorted(lines, key=lambda line: (line.due, line.reference))[:limit]
