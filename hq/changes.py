"""What a device reads back from HQ: the changes since its cursor, the day digest of
its branch, and the newest version of a reference document.

A pull page is written straight from the stored canonical JSON of each event (with
its identity members decrypted and put back, hq.vault), so it costs no re-validation;
the JSON it produces is a valid PullResponse. A page holds at most `limit` changes and,
past its first change, at most MAX_PULL_PAGE_BYTES.

Reference documents are either for every branch (`branch_code` "") or one branch's part
of a per-branch document (the roster): a device reads only its own branch's part.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    LargeBinary,
    String,
    cast,
    literal,
    null,
    or_,
    select,
    union_all,
)

from desktop.domain.chain import canonical_json, digest
from desktop.sync.wire import REFERENCE_KINDS, DigestResponse, ReferenceDocument
from hq import tables
from hq.enrollment import Device
from hq.errors import NotFound
from hq.vault import Vault

MAX_PULL_PAGE_BYTES = 4 * 1024 * 1024

_events = tables.events
_references = tables.reference_documents


def _event_json(seq: int, body: str, event_hash: str) -> str:
    # The body is a JSON object without the hash; splice the hash in as its first member.
    return f'{{"seq":{seq},"type":"event","event":{{"hash":"{event_hash}",{body[1:]}}}'


def _reference_json(seq: int, kind: str, version: int, content: str) -> str:
    return (f'{{"seq":{seq},"type":"reference","reference_kind":{json.dumps(kind)},'
            f'"reference_version":{version},"reference_content":{content}}}')


def restore_body(conn: Connection, vault: Vault, event_id: str, body: str,
                 identity: bytes | None, data_key_id: int | None) -> str:
    """The event's canonical JSON without hash, identity members put back: exactly the
    text its hash covers."""
    if identity is None or data_key_id is None:
        return body
    fields = json.loads(body)
    fields["payload"].update(json.loads(vault.open(conn, data_key_id, event_id, bytes(identity))))
    return canonical_json(fields).decode("utf-8")


def _for_branch(branch_code: str) -> Any:
    return or_(_references.c.branch_code == "", _references.c.branch_code == branch_code)


def pull_page(conn: Connection, device: Device, since: int, limit: int, vault: Vault) -> bytes:
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
               cast(null(), Integer).label("version"), _events.c.id,
               _events.c.identity, _events.c.data_key_id)
        .where(_events.c.branch_code == device.branch_code, _events.c.seq > since,
               _events.c.device_id != device.id)
        .order_by(_events.c.seq).limit(limit + 1).subquery()
    )
    references = (
        select(_references.c.seq, literal("r").label("type"), _references.c.content.label("text"),
               cast(null(), String).label("hash"), _references.c.kind, _references.c.version,
               cast(null(), String).label("id"), cast(null(), LargeBinary).label("identity"),
               cast(null(), Integer).label("data_key_id"))
        .where(_references.c.seq > since, _for_branch(device.branch_code))
        .order_by(_references.c.seq).limit(limit + 1).subquery()
    )
    both = union_all(select(events), select(references)).subquery()
    # Streamed, so a page cut short by its size never reads the rows after the cut.
    rows = conn.execute(select(both).order_by(both.c.seq).limit(limit + 1),
                        execution_options={"stream_results": True, "yield_per": 256})
    parts: list[bytes] = []
    size = 0
    next_cursor = since
    more = False
    for r in rows:
        if len(parts) == limit:
            more = True
            break
        part = (_event_json(r.seq, restore_body(conn, vault, r.id, r.text, r.identity,
                                                r.data_key_id), r.hash)
                if r.type == "e" else _reference_json(r.seq, r.kind, r.version, r.text)
                ).encode("utf-8")
        if parts and size + len(part) > MAX_PULL_PAGE_BYTES:
            more = True
            break
        parts.append(part)
        size += len(part) + 1
        next_cursor = r.seq
    rows.close()
    tail = f'],"next_cursor":{next_cursor},"more":{"true" if more else "false"}}}'
    return b'{"changes":[' + b",".join(parts) + tail.encode("ascii")


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


def latest_reference(conn: Connection, kind: str, branch_code: str) -> ReferenceDocument:
    """The newest published version of reference document `kind` (for `branch_code`: a
    per-branch document's part for that branch).

    Raises NotFound for a kind HQ does not know or has not published yet.
    """
    if kind not in REFERENCE_KINDS:
        raise NotFound("hq.reference.unknown_kind", kind=kind[:40])
    row = conn.execute(
        select(_references.c.version, _references.c.content)
        .where(_references.c.kind == kind, _for_branch(branch_code))
        .order_by(_references.c.version.desc()).limit(1)
    ).first()
    if row is None:
        raise NotFound("hq.reference.not_published", kind=kind)
    content: Any = json.loads(row.content)
    return ReferenceDocument(kind=kind, version=row.version, content=content)
