"""HQ's append-only audit log of console actions (who, what, on what, when).

The database refuses UPDATE and DELETE on the table (triggers, see migration
0002_console), so an entry once written stays. Details never hold identity data:
write which complaint's identity was revealed, never the identity.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from hq.office_tables import audit_log


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    staff_number: str
    action: str
    target: str
    detail: dict[str, Any]


def record(conn: Connection, staff_number: str, action: str, now: datetime, *,
           target: str = "", **detail: Any) -> None:
    """Append one entry; in the same transaction as the action, so both or neither."""
    conn.execute(insert(audit_log).values(
        at=now, staff_number=staff_number[:32], action=action[:64], target=target[:128],
        detail=json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)))


def recent(conn: Connection, *, limit: int = 100, staff_number: str | None = None,
           before_id: int | None = None) -> list[AuditEntry]:
    """Newest entries first; page on with `before_id` (the last id shown)."""
    query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
    if staff_number:
        query = query.where(audit_log.c.staff_number == staff_number)
    if before_id is not None:
        query = query.where(audit_log.c.id < before_id)
    return [AuditEntry(r.id, r.at, r.staff_number, r.action, r.target, json.loads(r.detail))
            for r in conn.execute(query)]
