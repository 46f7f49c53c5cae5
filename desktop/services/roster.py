"""This PC's staff roster as plain values: names for timelines, and an account to act as."""

from __future__ import annotations

from sqlalchemy import select

from desktop.domain.model import Actor, Role
from desktop.security.staff import MAX_STAFF_NUMBER
from desktop.services.context import ServiceContext
from desktop.store.models import StaffRow


def staff_names(ctx: ServiceContext) -> dict[str, str]:
    """Staff number → name for everyone on this PC's roster (for timelines and assignment)."""
    with ctx.store.read() as s:
        return {number: name for number, name in s.execute(select(StaffRow.number, StaffRow.name))}


def active_staff(ctx: ServiceContext, staff_number: str) -> Actor | None:
    """The active account with this staff number (case and spaces ignored), or None."""
    number = staff_number.strip().upper()
    if not 0 < len(number) <= MAX_STAFF_NUMBER:
        return None
    with ctx.store.read() as s:
        row = s.get(StaffRow, number)
        if row is None or not row.active:
            return None
        return Actor(row.number, Role(row.role), row.name)
