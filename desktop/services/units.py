"""The branch's units (counter teams, departments) as HQ publishes them in the roster, for
recusal (回避, CBIRC Order 2020 No. 3): a complaint about a unit records the unit and who
belonged to it then, and none of them may own, decide or approve the case."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop.domain.reference_files import RosterFile, check
from desktop.services.context import ServiceContext
from desktop.store.models import ReferenceDocumentRow


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    names: Mapping[str, str]  # zh_CN and en
    members: tuple[str, ...]  # staff numbers

    def name(self, locale: str) -> str:
        return self.names.get(locale) or self.names.get("en") or self.code


def branch_units(ctx: ServiceContext) -> list[Unit]:
    """This branch's units and their members, from the roster HQ published ([] before one).
    Raises PolicyError (`roster.invalid`, field paths) for a malformed roster."""
    with ctx.store.read() as s:
        doc = s.get(ReferenceDocumentRow, "roster")
        content = doc.content if doc is not None else None
    if content is None:
        return []
    roster = check(RosterFile, {"staff": content} if isinstance(content, list) else content,
                   "roster.invalid")
    branch = ctx.device.branch_code
    members: dict[str, list[str]] = {}
    for m in roster.staff:
        if m.unit is not None and (m.branch_code or branch) == branch and m.active:
            members.setdefault(m.unit, []).append(m.number.strip().upper())
    return [Unit(u.code, dict(u.name), tuple(members.get(u.code, ())))
            for u in roster.units if (u.branch_code or branch) == branch]


def unit_named(ctx: ServiceContext, code: str) -> Unit | None:
    """The branch's unit with this code (case ignored), or None."""
    wanted = code.strip().upper()
    return next((u for u in branch_units(ctx) if u.code == wanted), None)
