"""Intake drafts: a half-filled form saved every few seconds and after each step,
so a crash or a killed app loses nothing the teller typed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from desktop.services.context import ServiceContext
from desktop.store.models import DraftRow


@dataclass(frozen=True, slots=True)
class Draft:
    id: str
    staff_number: str
    step: int
    data: dict[str, Any]
    updated_at: datetime


def save_draft(ctx: ServiceContext, draft_id: str, staff_number: str, step: int,
               data: dict[str, Any]) -> None:
    with ctx.store.write() as s:
        row = s.get(DraftRow, draft_id)
        if row is None:
            row = DraftRow(id=draft_id, staff_number=staff_number)
            s.add(row)
        row.step, row.data, row.updated_at = step, dict(data), ctx.now()


def latest_draft(ctx: ServiceContext, staff_number: str) -> Draft | None:
    """The most recent unfinished intake of this staff member, if any."""
    with ctx.store.read() as s:
        row = s.scalar(select(DraftRow).where(DraftRow.staff_number == staff_number)
                       .order_by(DraftRow.updated_at.desc()).limit(1))
        if row is None:
            return None
        return Draft(id=row.id, staff_number=row.staff_number, step=row.step, data=dict(row.data),
                     updated_at=row.updated_at)


def discard_draft(ctx: ServiceContext, draft_id: str) -> None:
    with ctx.store.write() as s:
        row = s.get(DraftRow, draft_id)
        if row is not None:
            s.delete(row)
