"""Exports of a worklist view: masked unless the actor may export identity (and then audited),
read back with openpyxl, paged through keyset reads, cancel leaving no file."""

from __future__ import annotations

import csv
import logging
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from desktop.analytics.files import ExportCancelled
from desktop.domain.errors import PermissionDenied
from desktop.domain.model import Actor, Event
from desktop.domain.worklist import Worklist, WorklistQuery
from desktop.services import complaints as uc
from desktop.services import exports
from desktop.services.cases import case_detail, complaint_id_of
from desktop.services.context import ServiceContext
from desktop.services.exports import export_worklist
from desktop.store.events import row_to_event
from desktop.store.models import EventRow
from tests.services.intakes import VALID_ID, sample_customer, sample_intake

EVERYTHING = WorklistQuery(worklist=Worklist.ALL)


@pytest.fixture
def seven(ctx: ServiceContext, teller: Actor) -> ServiceContext:
    for _ in range(7):
        uc.record_complaint(ctx, teller, sample_intake())
    return ctx


def test_a_teller_exports_masked_names_across_pages(seven: ServiceContext, teller: Actor,
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exports, "PAGE", 3)  # three keyset pages: 3 + 3 + 1
    out = tmp_path / "all.xlsx"
    seen: list[int] = []
    assert export_worklist(seven, teller, EVERYTHING, out, "xlsx", progress=seen.append) == 7
    rows = list(openpyxl.load_workbook(out, read_only=True).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("投诉编号", "状态", "投诉人")
    assert len(rows) == 8 and len({r[0] for r in rows[1:]}) == 7
    assert {r[2] for r in rows[1:]} == {"王*明"}  # masked
    assert not any(VALID_ID in str(v) for r in rows for v in r)


def test_identity_needs_the_permission_and_is_audited_by_an_event(
        seven: ServiceContext, teller: Actor, manager: Actor, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    other = replace(sample_customer(), name="李雷", id_number="110101199003071233",
                    phone="13900139000")
    uc.record_complaint(seven, teller, sample_intake(customer=other))
    out = tmp_path / "all.csv"
    with pytest.raises(PermissionDenied):
        export_worklist(seven, teller, EVERYTHING, out, "csv", with_identity=True)
    assert not out.exists() and audits(seven) == []
    with caplog.at_level(logging.DEBUG):
        assert export_worklist(seven, manager, EVERYTHING, out, "csv", with_identity=True,
                               locale="en") == 8
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][-2:] == ["ID number", "Phone"] and {rows[1][2], rows[2][2]} >= {"王小明"}
    assert VALID_ID in {r[-2] for r in rows[1:]}
    [audit] = audits(seven)
    assert (audit.actor, audit.actor_role.value, audit.kind.value) == (
        "M001", "manager", "identity_exported")
    assert audit.payload == {"export": "worklist", "file_format": "csv", "rows": 8,
                             "customers": 2}
    first = complaint_id_of(seven, rows[1][0])
    assert audit.complaint_id == first  # on the first exported complaint's timeline
    assert [e.kind.value for e in case_detail(seven, first).timeline][-1] == "identity_exported"
    with seven.store.read() as s:  # in the outbox, synced to HQ like every event
        assert s.scalar(select(EventRow.sent).where(EventRow.id == audit.id)) is False
    for secret in (VALID_ID, "王小明", "李雷", "13900139000"):
        assert secret not in str(audit.payload) and secret not in caplog.text


def audits(ctx: ServiceContext) -> list[Event]:
    with ctx.store.read() as s:
        return [row_to_event(r) for r in s.scalars(
            select(EventRow).where(EventRow.kind == "identity_exported"))]


def test_an_empty_identity_export_records_nothing(ctx: ServiceContext, manager: Actor,
                                                  tmp_path: Path) -> None:
    assert export_worklist(ctx, manager, EVERYTHING, tmp_path / "none.csv", "csv",
                           with_identity=True) == 0
    assert audits(ctx) == []


def test_a_cancelled_export_leaves_nothing(seven: ServiceContext, teller: Actor,
                                           tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.analytics import files

    original = files.write_xlsx

    def every_row(*args: object, **kwargs: object) -> int:
        return original(*args, **{**kwargs, "every": 1})  # type: ignore[arg-type]

    monkeypatch.setattr(exports, "write_xlsx", every_row)
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(ExportCancelled):
        export_worklist(seven, teller, EVERYTHING, folder / "all.xlsx", "xlsx",
                        cancelled=lambda: True)
    assert list(folder.iterdir()) == []


def test_the_command_line_export(seven: ServiceContext, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.cli import main

    monkeypatch.setenv("COMPLAINT_DESK_LANG", "en")
    profile = tmp_path / "profile"
    out = tmp_path / "branch.csv"
    assert main(["admin", "export", "--profile", str(profile), "--worklist", "branch",
                 "--format", "csv", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"Exported 7 complaints to {out}"
    # The command line acts as a supervisor, who may not export identity.
    assert main(["admin", "export", "--profile", str(profile), "--out", str(out),
                 "--with-identity"]) == 1
    assert "export.identity" in capsys.readouterr().err
