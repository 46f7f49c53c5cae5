"""The bulk writers' hash equals the audit chain's hash, byte for byte."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.chain import GENESIS, event_hash, event_hash_with_payload_json, payload_json
from desktop.domain.model import Event, EventKind, Role

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=200, deadline=None)
@given(payload=st.dictionaries(st.text(), json_values, max_size=6), actor=st.text(max_size=20))
def test_hash_with_preserialised_payload_equals_the_chain_hash(payload: dict, actor: str) -> None:
    ev = Event(id="e1", complaint_id="c1", kind=EventKind.NOTE, payload=payload, actor=actor,
               actor_role=Role.TELLER, device_id='d"1,"prev_hash":', branch_code="BJ001",
               hlc="000000000000001.00000", occurred_at=datetime(2026, 3, 2, tzinfo=UTC),
               business_date=date(2026, 3, 2), prev_hash=GENESIS)
    assert event_hash_with_payload_json(ev, payload_json(payload)) == event_hash(ev)
