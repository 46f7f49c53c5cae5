"""What the console shows of branches and their devices: counts and last sync.

The last sync of a device is the newest push batch HQ answered for it (pulls leave
no row; a device that only pulls shows its enrollment time).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

import qrcode
import qrcode.image.svg
from sqlalchemy import Connection, func, select

from hq import tables


@dataclass(frozen=True, slots=True)
class BranchSummary:
    code: str
    name: str
    devices: int
    active_devices: int


@dataclass(frozen=True, slots=True)
class DeviceStatus:
    id: str
    number: int
    name: str
    enrolled_at: datetime
    last_sync: datetime
    revoked_at: datetime | None


def branch_summaries(conn: Connection) -> list[BranchSummary]:
    b, d = tables.branches, tables.devices
    active = func.count(d.c.id).filter(d.c.revoked_at.is_(None))
    rows = conn.execute(
        select(b.c.code, b.c.name, func.count(d.c.id), active)
        .select_from(b.outerjoin(d, d.c.branch_code == b.c.code))
        .group_by(b.c.code, b.c.name).order_by(b.c.code))
    return [BranchSummary(code, name, int(n), int(m)) for code, name, n, m in rows]


def branch_name(conn: Connection, code: str) -> str | None:
    b = tables.branches
    return conn.execute(select(b.c.name).where(b.c.code == code)).scalar()


def devices_of(conn: Connection, branch_code: str) -> list[DeviceStatus]:
    d, p = tables.devices, tables.push_batches
    last_push = (select(p.c.device_id, func.max(p.c.created_at).label("at"))
                 .group_by(p.c.device_id).subquery())
    rows = conn.execute(
        select(d.c.id, d.c.number, d.c.name, d.c.enrolled_at, d.c.revoked_at, last_push.c.at)
        .select_from(d.outerjoin(last_push, last_push.c.device_id == d.c.id))
        .where(d.c.branch_code == branch_code).order_by(d.c.number))
    results = []
    for r in rows:
        last = r.at if r.at is not None else r.enrolled_at
        if last.tzinfo is None:  # a bare aggregate over SQLite loses the UTC type
            last = datetime.fromisoformat(str(last)).replace(tzinfo=r.enrolled_at.tzinfo)
        results.append(DeviceStatus(r.id, r.number, r.name, r.enrolled_at, last, r.revoked_at))
    return results


def qr_svg(text: str) -> str:
    """`text` as an SVG QR code (markup to embed; no script, no external reference)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    out = io.BytesIO()
    image.save(out)
    svg = out.getvalue().decode("utf-8")
    return svg[svg.index("<svg"):]
