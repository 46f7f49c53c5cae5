"""Identity data at HQ: encrypted in the database (envelope encryption, hq.vault), the
raw database files hold no ID number, phone, name or address, and a key rotation keeps
every event readable."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import make_url

from desktop.domain.chain import canonical_json, event_body
from desktop.domain.model import EventKind
from desktop.sync.wire import EventWire
from hq.changes import restore_body
from hq.cli import main
from hq.tables import DataKeyRow, EventRow
from hq.vault import FileKeyStore, KeysUnavailable, Vault, open_key_store
from tests.hq.conftest import (
    CUSTOMER_ADDRESS,
    CUSTOMER_ID_NUMBER,
    CUSTOMER_NAME,
    CUSTOMER_PHONE,
    LiveHq,
)

SECRETS = [CUSTOMER_ID_NUMBER, CUSTOMER_PHONE, CUSTOMER_NAME, CUSTOMER_ADDRESS,
           CUSTOMER_PHONE.removeprefix("+86")]


def _push_cases(live_hq: LiveHq, count: int = 3) -> list[EventWire]:
    device = live_hq.enroll()
    cases = device.chain.events(count)
    assert device.push(cases).status_code == 200
    colleague = live_hq.enroll(device.info.branch_code)
    changes, _ = colleague.pull_all()
    pulled = [EventWire.model_validate(c["event"]) for c in changes if c["type"] == "event"]
    assert pulled == cases  # decrypted and put back exactly
    return cases


def _leaks(data: bytes) -> list[str]:
    return [s for s in SECRETS if s.encode("utf-8") in data]


def test_the_raw_database_holds_no_identity_data(live_hq: LiveHq, tmp_path: Path) -> None:
    cases = _push_cases(live_hq)
    assert cases[0].payload["customer"]["id_number"] == CUSTOMER_ID_NUMBER
    url = make_url(live_hq.database_url)
    if live_hq.backend == "sqlite":
        files = [Path(str(url.database)), Path(f"{url.database}-wal")]
        raw = b"".join(f.read_bytes() for f in files if f.exists())
        assert len(raw) > 0
    else:
        dump = tmp_path / "hq.sql"
        subprocess.run(["pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-f", str(dump),
                        str(url.database)], check=True, timeout=120,
                       env={**os.environ, "PGCONNECT_TIMEOUT": "10"})
        raw = dump.read_bytes()
        assert b"COPY public.events" in raw
    assert _leaks(raw) == []
    # ...while the events themselves are all there (their reference is not identity).
    assert str(cases[0].payload["reference"]).encode() in raw


def test_identity_members_are_stored_encrypted_apart_from_the_body(live_hq: LiveHq) -> None:
    cases = _push_cases(live_hq, 1)
    table = EventRow.__table__
    with live_hq.engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.id == cases[0].id)).one()
    body = json.loads(row.body)
    assert "customer" not in body["payload"] and body["payload"]["business_type"] == "card"
    assert row.identity is not None and row.data_key_id is not None
    assert live_hq.vault is not None
    with live_hq.engine.connect() as conn:
        restored = restore_body(conn, live_hq.vault, row.id, row.body, row.identity,
                                row.data_key_id)
    assert json.loads(restored)["payload"]["customer"]["id_number"] == CUSTOMER_ID_NUMBER


def test_a_note_has_no_identity_members_to_encrypt(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    received = device.chain.event()
    note = device.chain.event(EventKind.NOTE)
    assert device.push([received, note]).status_code == 200
    table = EventRow.__table__
    with live_hq.engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.id == note.id)).one()
    assert row.identity is None and row.data_key_id is None


def test_rotating_the_key_rewraps_every_data_key_and_keeps_events_readable(
    live_hq: LiveHq, capsys: pytest.CaptureFixture[str],
) -> None:
    cases = _push_cases(live_hq, 2)
    assert live_hq.vault is not None
    store = live_hq.vault.keys
    assert isinstance(store, FileKeyStore)
    before = json.loads(store.path.read_text())
    code = main(["rotate-key", "--database", live_hq.database_url, "--keys", f"file:{store.path}"])
    assert code == 0, capsys.readouterr().err
    after = json.loads(store.path.read_text())
    assert after["active"] != before["active"] and list(after["keks"]) == [after["active"]]
    assert after["lookup"] == before["lookup"]  # keyed-hash lookups stay valid
    assert store.path.stat().st_mode & 0o777 == 0o600
    keys = DataKeyRow.__table__
    with live_hq.engine.connect() as conn:
        assert set(conn.execute(select(keys.c.kek_id)).scalars()) == {after["active"]}
    # A fresh vault over the rotated file (no cached data keys) opens every event...
    fresh = Vault(FileKeyStore(store.path, create=False))
    table = EventRow.__table__
    with live_hq.engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.id == cases[0].id)).one()
        restored = restore_body(conn, fresh, row.id, row.body, row.identity, row.data_key_id)
    assert json.loads(restored)["payload"]["customer"]["name"] == CUSTOMER_NAME
    # ...and the running server, which re-reads the changed key file, keeps working.
    assert len(_push_cases(live_hq, 1)) == 1


def test_a_missing_or_damaged_key_file_is_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(KeysUnavailable):
        FileKeyStore(tmp_path / "absent.json", create=False)
    damaged = tmp_path / "damaged.json"
    damaged.write_text("{not json")
    with pytest.raises(KeysUnavailable) as refused:
        open_key_store(f"file:{damaged}")
    assert "damaged.json" in str(refused.value)
    with pytest.raises(KeysUnavailable):
        open_key_store("kms:no-such-plugin")
    made = FileKeyStore(tmp_path / "new" / "keys.json")
    assert made.path.stat().st_mode & 0o777 == 0o600


def test_rebuild_encrypts_identity_stored_in_the_clear_before_encryption(
    live_hq: LiveHq, capsys: pytest.CaptureFixture[str],
) -> None:
    """An HQ upgraded from the schema before encryption holds plaintext bodies: rebuild
    seals them, and the event still comes back exactly."""
    cases = _push_cases(live_hq, 1)
    legacy = cases[0]
    table = EventRow.__table__
    plaintext = canonical_json(event_body(legacy.to_event())).decode("utf-8")
    with live_hq.engine.begin() as conn:
        conn.execute(update(table).where(table.c.id == legacy.id)
                     .values(body=plaintext, identity=None, data_key_id=None))
    assert live_hq.vault is not None
    store = live_hq.vault.keys
    assert isinstance(store, FileKeyStore)
    assert main(["rebuild", "--database", live_hq.database_url, "--keys", f"file:{store.path}"]) == 0
    capsys.readouterr()
    with live_hq.engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.id == legacy.id)).one()
    assert CUSTOMER_ID_NUMBER not in row.body and row.identity is not None
    colleague = live_hq.enroll(legacy.branch_code)
    changes, _ = colleague.pull_all()
    assert [EventWire.model_validate(c["event"]) for c in changes
            if c["type"] == "event"] == cases


def test_a_customer_correction_is_stored_encrypted_and_pulled_back_exactly(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    received = device.chain.event()
    old_name, new_name = "旧名字甲乙", "新名字丙丁"
    corrected = device.chain.event(EventKind.CUSTOMER_CORRECTED, payload={
        "customer_id": "c-1", "fields": ["name"], "old": {"name": old_name},
        "new": {"name": new_name}})
    viewed = device.chain.event(EventKind.IDENTITY_VIEWED,
                                payload={"fields": ["id_number", "phone"], "screen": "case"})
    assert device.push([received, corrected, viewed]).status_code == 200
    with live_hq.engine.connect() as conn:
        bodies = [r.body for r in conn.execute(select(EventRow.body))]
    stored = "".join(b if isinstance(b, str) else json.dumps(b) for b in bodies)
    assert old_name not in stored and new_name not in stored
    colleague = live_hq.enroll(device.info.branch_code)
    changes, _ = colleague.pull_all()
    pulled = [EventWire.model_validate(c["event"]) for c in changes if c["type"] == "event"]
    assert pulled == [received, corrected, viewed]
