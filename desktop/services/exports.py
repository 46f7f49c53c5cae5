"""Export of a worklist view to CSV or XLSX (desktop.analytics.files: constant-memory XLSX,
progress every 1000 rows, cancel leaves no file). Customers' names are masked unless the
actor holds `export.identity`; an export with identity unmasked is written to the profile's
log (who, how many, which format: never the data itself) and, with identity, the customer's
ID number and phone are added."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.analytics.files import write_csv, write_xlsx
from desktop.domain.masking import mask_name
from desktop.domain.model import Actor
from desktop.domain.worklist import CaseRow, WorklistQuery, sort_position
from desktop.i18n import translate
from desktop.security.permissions import NotPermitted, allowed, require
from desktop.security.policy import Permission
from desktop.services.cases import worklist_rows_after
from desktop.services.context import ServiceContext
from desktop.store.models import ComplaintRow, CustomerRow

log = logging.getLogger(__name__)
PAGE = 1000
FORMATS = ("csv", "xlsx")


def _pages(ctx: ServiceContext, query: WorklistQuery) -> Iterator[list[CaseRow]]:
    after = None
    while True:
        rows = worklist_rows_after(ctx, query, after, PAGE)
        if not rows:
            return
        yield rows
        after = sort_position(rows[-1], query.sort)
        if len(rows) < PAGE:
            return


def _identity(ctx: ServiceContext, ids: list[str]) -> dict[str, tuple[str, str]]:
    with ctx.store.read() as s:
        found = s.execute(select(ComplaintRow.id, CustomerRow.id_number, CustomerRow.phone)
                          .join(CustomerRow, CustomerRow.id == ComplaintRow.customer_id)
                          .where(ComplaintRow.id.in_(ids))).all()
    return {cid: (number or "", phone or "") for cid, number, phone in found}


def export_worklist(ctx: ServiceContext, actor: Actor, query: WorklistQuery, target: Path,
                    fmt: str, *, with_identity: bool = False, locale: str = "zh_CN",
                    progress: Callable[[int], None] | None = None,
                    cancelled: Callable[[], bool] = lambda: False) -> int:
    """Write the worklist `query` shows to `target`; returns the rows written. Raises
    NotPermitted (no case.view, or identity asked without export.identity),
    ExportCancelled, OSError, ValueError for an unknown format."""
    require(actor, Permission.CASE_VIEW)
    if with_identity and not allowed(actor, Permission.EXPORT_IDENTITY):
        raise NotPermitted(permission=Permission.EXPORT_IDENTITY.value, role=actor.role.value)
    if fmt not in FORMATS:
        raise ValueError(fmt)
    headers = [translate(f"export.column.{c}", locale) for c in
               ("reference", "status", "customer", "business_type", "cause", "received_at",
                "decision_due", "assignee")]
    if with_identity:
        headers += [translate("export.column.id_number", locale),
                    translate("export.column.phone", locale)]
    zone = ctx.device.zone

    def rows() -> Iterator[list[Any]]:
        for page in _pages(ctx, query):
            identity = _identity(ctx, [r.id for r in page]) if with_identity else {}
            for r in page:
                line: list[Any] = [
                    r.reference, r.status.value,
                    r.customer_name if with_identity else mask_name(r.customer_name),
                    r.business_type, r.cause,
                    r.received_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                    r.decision_due.astimezone(zone).strftime("%Y-%m-%d %H:%M"), r.assignee]
                if with_identity:
                    number, phone = identity.get(r.id, ("", ""))
                    line += [number, phone]
                yield line

    write = write_csv if fmt == "csv" else write_xlsx
    count = write(target, headers, rows(), progress=progress, cancelled=cancelled)
    if with_identity:
        log.warning("identity export: staff %s (%s) wrote %d complaints with identity to a %s "
                    "file", actor.staff_number, actor.role.value, count, fmt)
    return count



