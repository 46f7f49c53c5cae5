"""Export of a worklist view to CSV or XLSX (desktop.analytics.files: constant-memory XLSX,
progress every 1000 rows, cancel leaves no file). Customers' names are masked unless the
actor holds `export.identity`; with identity, the customer's ID number and phone are added,
and the export is audited by an `identity_exported` event on the first complaint exported
(who, when, what kind of export, how many rows and customers: never the data itself),
synced to HQ like every event."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.analytics.files import write_csv, write_xlsx
from desktop.domain.masking import mask_name
from desktop.domain.model import Actor
from desktop.domain.states import Action
from desktop.domain.worklist import CaseRow, WorklistQuery, sort_position
from desktop.i18n import translate
from desktop.security.permissions import NotPermitted, allowed, require
from desktop.security.policy import Permission
from desktop.services.cases import worklist_rows_after
from desktop.services.complaints import act_in
from desktop.services.context import ServiceContext
from desktop.store.models import ComplaintRow, CustomerRow

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


def _identity(ctx: ServiceContext, ids: list[str]) -> dict[str, tuple[str, str, str]]:
    """complaint id → (customer id, ID number, phone)."""
    with ctx.store.read() as s:
        found = s.execute(select(ComplaintRow.id, CustomerRow.id, CustomerRow.id_number,
                                 CustomerRow.phone)
                          .join(CustomerRow, CustomerRow.id == ComplaintRow.customer_id)
                          .where(ComplaintRow.id.in_(ids))).all()
    return {cid: (customer, number or "", phone or "") for cid, customer, number, phone in found}


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
    first: list[str] = []  # the first complaint exported: the audit event goes on its timeline
    customers: set[str] = set()

    def rows() -> Iterator[list[Any]]:
        for page in _pages(ctx, query):
            identity = _identity(ctx, [r.id for r in page]) if with_identity else {}
            if not first:
                first.append(page[0].id)
            for r in page:
                line: list[Any] = [
                    r.reference, r.status.value,
                    r.customer_name if with_identity else mask_name(r.customer_name),
                    r.business_type, r.cause,
                    r.received_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                    r.decision_due.astimezone(zone).strftime("%Y-%m-%d %H:%M"), r.assignee]
                if with_identity:
                    customer, number, phone = identity.get(r.id, ("", "", ""))
                    customers.add(customer)
                    line += [number, phone]
                yield line

    write = write_csv if fmt == "csv" else write_xlsx
    count = write(target, headers, rows(), progress=progress, cancelled=cancelled)
    if with_identity and count:
        try:
            with ctx.store.write() as s:
                act_in(s, ctx, actor, first[0], Action.EXPORT_IDENTITY, {
                    "export": "worklist", "file_format": fmt, "rows": count,
                    "customers": len(customers - {""})})
        except BaseException:
            target.unlink(missing_ok=True)  # no identity export without its audit record
            raise
    return count



