"""What a device reads back from HQ: the changes since its cursor, the day digest of
its branch, and the newest version of a reference document.

A pull page is written straight from the stored canonical JSON of each event, so
it costs no re-validation; the JSON it produces is a valid PullResponse.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import Connection, Integer, String, cast, literal, null, select, union_all

from desktop.domain.chain import digest
from desktop.sync.wire import REFERENCE_KINDS, DigestResponse, ReferenceDocument
from hq import tables
from hq.enrollment import Device
from hq.errors import NotFound

_events = tables.events
_references = tables.reference_documents


def _event_json(seq: int, body: str, event_hash: str) -> str:
    # The body is a JSON object without the hash; splice the hash in as its first member.
    return f'{{"seq":{seq},"type":"event","event":{{"hash":"{event_hash}",{body[1:]}}}'


def _reference_json(seq: int, kind: str, version: int, content: str) -> str:
    return (f'{{"seq":{seq},"type":"reference","reference_kind":{json.dumps(kind)},'
            f'"reference_version":{version},"reference_content":{content}}}')


def pull_page(conn: Connection, device: Device, since: int, limit: int) -> bytes:
    """A PullResponse (as JSON bytes) of at most `limit` changes after `since`:
    events of the device's branch written by other devices or by HQ, and reference
    documents, in sequence order.

    One statement reads both tables, so the page comes from one snapshot: with
    commits ordered by sequence (hq.db.change_lock) no change below the returned
    cursor can appear later.
    """
    events = (
        select(_events.c.seq, literal("e").label("type"), _events.c.body.label("text"),
               _events.c.hash, cast(null(), String).label("kind"),
               cast(null(), Integer).label("version"))
        .where(_events.c.branch_code == device.branch_code, _events.c.seq > since,
               _events.c.device_id != device.id)
        .order_by(_events.c.seq).limit(limit + 1).subquery()
    )
    references = (
        select(_references.c.seq, literal("r").label("type"), _references.c.content.label("text"),
               cast(null(), String).label("hash"), _references.c.kind, _references.c.version)
        .where(_references.c.seq > since)
        .order_by(_references.c.seq).limit(limit + 1).subquery()
    )
    both = union_all(select(events), select(references)).subquery()
    rows = conn.execute(select(both).order_by(both.c.seq).limit(limit + 1)).all()
    more = len(rows) > limit
    page = rows[:limit]
    changes = ",".join(
        _event_json(r.seq, r.text, r.hash) if r.type == "e"
        else _reference_json(r.seq, r.kind, r.version, r.text)
        for r in page
    )
    next_cursor = page[-1].seq if page else since
    text = (f'{{"changes":[{changes}],'
            f'"next_cursor":{next_cursor},"more":{"true" if more else "false"}}}')
    return text.encode("utf-8")


def day_digest(conn: Connection, device: Device, business_date: date) -> DigestResponse:
    """Count and hash of the ids of every event HQ holds for the device's branch and
    `business_date` (all devices of the branch and HQ's own decisions)."""
    ids = conn.execute(
        select(_events.c.id).where(_events.c.branch_code == device.branch_code,
                                   _events.c.business_date == business_date)
    ).scalars()
    count, digest_hash = digest(ids)
    return DigestResponse(branch_code=device.branch_code, business_date=business_date,
                          count=count, hash=digest_hash)


def latest_reference(conn: Connection, kind: str) -> ReferenceDocument:
    """The newest published version of reference document `kind`.

    Raises NotFound for a kind HQ does not know or has not published yet.
    """
    if kind not in REFERENCE_KINDS:
        raise NotFound("hq.reference.unknown_kind", kind=kind[:40])
    row = conn.execute(
        select(_references.c.version, _references.c.content)
        .where(_references.c.kind == kind)
        .order_by(_references.c.version.desc()).limit(1)
    ).first()
    if row is None:
        raise NotFound("hq.reference.not_published", kind=kind)
    content: Any = json.loads(row.content)
    return ReferenceDocument(kind=kind, version=row.version, content=content)
