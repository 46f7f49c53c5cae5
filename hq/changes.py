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
    and_,
    case,
    cast,
    func,
    literal,
    null,
    or_,
    select,
    union_all,
)

from desktop.domain.chain import canonical_json, digest, parse_json
from desktop.sync.wire import REFERENCE_KINDS, DigestResponse, ReferenceDocument
from hq import tables
from hq.db import is_postgres
from hq.enrollment import Device
from hq.errors import NotFound
from hq.vault import SEAL_OVERHEAD as _SEAL_OVERHEAD
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
    fields, body_floats = parse_json(body)
    members, identity_floats = parse_json(vault.open(conn, data_key_id, event_id,
                                                     bytes(identity)))
    fields["payload"].update(members)
    return canonical_json(fields, no_floats=not (body_floats or identity_floats)).decode("utf-8")


def _for_branch(branch_code: str) -> Any:
    return or_(_references.c.branch_code == "", _references.c.branch_code == branch_code)


def _bytes(conn: Connection, column: Any) -> Any:
    """At most the length of `column` in bytes (its characters on SQLite: no more than
    its UTF-8 bytes), read without the value itself where the database can."""
    return func.octet_length(column) if is_postgres(conn) else func.length(column)


def pull_page(conn: Connection, device: Device, since: int, limit: int, vault: Vault) -> bytes:
    """A PullResponse (as JSON bytes) of at most `limit` changes after `since`:
    events of the device's branch written by other devices or by HQ, and reference
    documents, in sequence order.

    One statement reads both tables, so the page comes from one snapshot: with
    commits ordered by sequence (hq.db.change_lock) no change below the returned
    cursor can appear later. It is read in one round trip and cut by bytes in SQL: each
    change carries `weight`, no more than its bytes in the page (stored text, plus the
    identity's ciphertext less its nonce, tag and braces), and only changes whose
    predecessors weigh at most MAX_PULL_PAGE_BYTES are read. That keeps every change the
    exact cut below takes, and the first one it leaves (so `more` is right), while a
    page of large events reads little more than its own size.
    """
    identity_bytes = func.coalesce(_bytes(conn, _events.c.identity) - _SEAL_OVERHEAD - 2, 0)
    # The page's sequence numbers first (narrow rows: sorted in memory even where the
    # planner, on a young table, sorts instead of walking the index), then their rows.
    page_seqs = (
        select(_events.c.seq)
        .where(_events.c.branch_code == device.branch_code, _events.c.seq > since,
               _events.c.device_id != device.id)
        .order_by(_events.c.seq).limit(limit + 1).subquery()
    )
    events = (
        select(_events.c.seq, literal("e").label("type"), _events.c.body.label("text"),
               _events.c.hash, cast(null(), String).label("kind"),
               cast(null(), Integer).label("version"), _events.c.id,
               _events.c.identity, _events.c.data_key_id,
               (_bytes(conn, _events.c.body) + case((identity_bytes > 0, identity_bytes),
                                                    else_=0)).label("weight"))
        .join(page_seqs, and_(_events.c.branch_code == device.branch_code,
                              _events.c.seq == page_seqs.c.seq))
        .subquery()
    )
    references = (
        select(_references.c.seq, literal("r").label("type"), _references.c.content.label("text"),
               cast(null(), String).label("hash"), _references.c.kind, _references.c.version,
               cast(null(), String).label("id"), cast(null(), LargeBinary).label("identity"),
               cast(null(), Integer).label("data_key_id"),
               _bytes(conn, _references.c.content).label("weight"))
        .where(_references.c.seq > since, _for_branch(device.branch_code))
        .order_by(_references.c.seq).limit(limit + 1).subquery()
    )
    both = union_all(select(events), select(references)).subquery()
    weighed = select(
        both, (func.sum(both.c.weight).over(order_by=both.c.seq, rows=(None, 0))
               - both.c.weight).label("before"),
    ).order_by(both.c.seq).limit(limit + 1).subquery()
    rows = conn.execute(select(weighed).where(weighed.c.before <= MAX_PULL_PAGE_BYTES)
                        .order_by(weighed.c.seq)).all()
    parts: list[bytes] = []
    size = 0
    next_cursor = since
    more = False
    for seq, kind, text, event_hash, reference_kind, version, event_id, identity, key_id, \
            _weight, _before in rows:
        if len(parts) == limit:
            more = True
            break
        if kind == "e":
            if identity is not None:
                text = restore_body(conn, vault, event_id, text, identity, key_id)
            part = _event_json(seq, text, event_hash)
        else:
            part = _reference_json(seq, reference_kind, version, text)
        encoded = part.encode("utf-8")
        if parts and size + len(encoded) > MAX_PULL_PAGE_BYTES:
            more = True
            break
        parts.append(encoded)
        size += len(encoded) + 1
        next_cursor = seq
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
