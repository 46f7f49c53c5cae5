"""The audit chain: each event carries the SHA-256 of the previous event written by
the same device, and its own hash over a canonical form of all its fields.

The canonical form is shared by the branch and HQ, so both compute the same hash.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring as _quote  # json.dumps's own escaping
from typing import Any

import orjson

from desktop.domain.model import Event

GENESIS = "0" * 64
# A number with a fraction or an exponent between the marks that can stand around a value
# in orjson's text (which has no spaces): where that text may hold a float. Text inside a
# string can match too ("09:00:00.5," does); that only sends the value the slow way.
_MAYBE_FLOAT = re.compile(rb"[:,\[]-?[0-9]+[.eE][-+0-9eE]*[,\]}]")


def may_hold_float(text: bytes) -> bool:
    """Whether orjson's `text` may hold a float: a number with a fraction or exponent, or
    `null` (orjson's text for NaN and the infinities). Conservative: a string holding such
    text counts too."""
    return (text[:1] in b"-0123456789" or b"null" in text
            or _MAYBE_FLOAT.search(text) is not None)


def canonical_json(value: Any, *, no_floats: bool = False) -> bytes:
    """The canonical form the hash chain covers: `json.dumps` with sorted keys, no spaces
    and no ASCII escaping, as UTF-8 bytes.

    orjson writes the same bytes for strings, integers, booleans, null, lists and objects
    with string keys (the same escapes, keys sorted by code point) several times faster,
    but writes floats its own way (1e-05 as 0.00001, NaN and infinities as null). So
    orjson's text is kept only where `value` provably holds no float: on the caller's word
    `no_floats` (given for what `parse_json` read without one), or where the text itself
    shows none (`may_hold_float`). Anything else, and any value orjson refuses (integers
    beyond 64 bits, lone surrogates, keys that are not strings, nesting over 255 deep), is
    written by `json.dumps` itself (tests/domain/test_canonical_json.py).
    """
    try:
        text = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except TypeError:
        return _json_dumps(value)
    if not no_floats and may_hold_float(text):
        return _json_dumps(value)
    return text


def parse_json(text: str | bytes, **hooks: Any) -> tuple[Any, bool]:
    """`json.loads(text, **hooks)` and whether the text held a float (a number with a
    fraction or exponent, NaN or an infinity): without one, the value may be written with
    `canonical_json(value, no_floats=True)`."""
    floats = False

    def a_float(literal: str) -> float:
        nonlocal floats
        floats = True
        return float(literal)

    value = json.loads(text, parse_float=a_float, parse_constant=a_float, **hooks)
    return value, floats


def _json_dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def event_body(event: Event) -> dict[str, Any]:
    """Every field of the event that the hash covers (all but the hash itself)."""
    return {
        "id": event.id,
        "complaint_id": event.complaint_id,
        "kind": event.kind.value,
        "payload": event.payload,
        "actor": event.actor,
        "actor_role": event.actor_role.value,
        "device_id": event.device_id,
        "branch_code": event.branch_code,
        "hlc": event.hlc,
        "occurred_at": event.occurred_at.isoformat(),
        "business_date": event.business_date.isoformat(),
        "prev_hash": event.prev_hash,
    }


def event_hash(event: Event) -> str:
    return hashlib.sha256(canonical_json(event_body(event))).hexdigest()


def payload_json(payload: Any) -> str:
    """The payload in canonical form (the same text the event hash covers)."""
    return canonical_json(payload).decode("utf-8")


def event_hash_with_payload_json(event: Event, payload_text: str) -> str:
    """`event_hash(event)` for bulk writers that already hold `payload_json(event.payload)`:
    the payload is serialised once, for the hash and for storage alike."""
    return event_hash_of_parts(
        id=event.id, complaint_id=event.complaint_id, kind=event.kind.value,
        payload_text=payload_text, actor=event.actor, actor_role=event.actor_role.value,
        device_id=event.device_id, branch_code=event.branch_code, hlc=event.hlc,
        occurred_at=event.occurred_at.isoformat(), business_date=event.business_date.isoformat(),
        prev_hash=event.prev_hash)


def event_hash_of_parts(*, id: str, complaint_id: str, kind: str, payload_text: str, actor: str,
                        actor_role: str, device_id: str, branch_code: str, hlc: str,
                        occurred_at: str, business_date: str, prev_hash: str) -> str:
    """The event hash from its fields as text, building the canonical JSON by hand (keys in
    sorted order, strings escaped exactly as json.dumps does) — the bulk seeding path."""
    q = _quote
    text = (f'{{"actor":{q(actor)},"actor_role":{q(actor_role)},"branch_code":{q(branch_code)},'
            f'"business_date":{q(business_date)},"complaint_id":{q(complaint_id)},'
            f'"device_id":{q(device_id)},"hlc":{q(hlc)},"id":{q(id)},"kind":{q(kind)},'
            f'"occurred_at":{q(occurred_at)},"payload":{payload_text},"prev_hash":{q(prev_hash)}}}')
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def first_broken_link(events: Iterable[Event],
                      anonymised: Callable[[Event], bool] | None = None) -> tuple[int, str] | None:
    """Check one device's chain, given in the order it was written.

    Returns (position, reason) of the first event whose hash or link is wrong,
    or None when the chain is whole. `anonymised(ev)` says an event's content was removed
    by the retention rule and the chain's own retention record vouches for it (its link is
    still checked; its content hash cannot be).
    """
    previous = GENESIS
    for position, ev in enumerate(events):
        if ev.prev_hash != previous:
            return position, "link"
        if ev.hash != event_hash(ev) and not (anonymised is not None and anonymised(ev)):
            return position, "hash"
        previous = ev.hash
    return None


def digest(event_ids: Iterable[str]) -> tuple[int, str]:
    """Count and hash of a set of event ids (the day-end digest); order does not matter."""
    ids = sorted(set(event_ids))
    h = hashlib.sha256("\n".join(ids).encode("ascii", "replace")).hexdigest()
    return len(ids), h
