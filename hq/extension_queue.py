"""The queue of extensions branches asked HQ to approve (the second CBIRC extension):
each `extension_requested` event not yet answered by an `extension_decided` one.
Approving or declining is hq.admin.decide_extension (the `approve-extension` verb)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, and_, exists, select
from sqlalchemy.orm import aliased

from desktop.domain.model import EventKind
from hq import tables
from hq.casework import OPEN_STATES

_e = tables.events
_c = tables.complaints


@dataclass(frozen=True, slots=True)
class ExtensionRequest:
    reference: str
    branch_code: str
    level: int
    decision_due: datetime
    requested_due: str
    reason: str
    requested_by: str
    requested_at: datetime


def pending(conn: Connection, limit: int = 200) -> list[ExtensionRequest]:
    """Unanswered requests of open complaints, the nearest deadline first."""
    decided = aliased(_e)
    answered = exists().where(and_(decided.c.complaint_id == _e.c.complaint_id,
                                   decided.c.kind == EventKind.EXTENSION_DECIDED.value,
                                   decided.c.seq > _e.c.seq))
    rows = conn.execute(
        select(_e.c.body, _c.c.reference, _c.c.branch_code, _c.c.decision_due)
        .join(_c, _c.c.id == _e.c.complaint_id)
        .where(_e.c.kind == EventKind.EXTENSION_REQUESTED.value, ~answered,
               _c.c.status.in_(OPEN_STATES))
        .order_by(_c.c.decision_due).limit(limit))
    out = []
    for r in rows:
        body = json.loads(r.body)
        payload = body.get("payload", {})
        out.append(ExtensionRequest(
            r.reference, r.branch_code, int(payload.get("level", 0)), r.decision_due,
            str(payload.get("new_due", "")), str(payload.get("reason", "")),
            str(body.get("actor", "")), datetime.fromisoformat(body["occurred_at"])))
    return out
