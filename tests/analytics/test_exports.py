"""Exports of a worklist view: masked unless the actor may export identity (and then logged),
read back with openpyxl, paged through keyset reads, cancel leaving no file."""

from __future__ import annotations

import csv
import logging
from pathlib import Path

import openpyxl
import pytest

from desktop.analytics.files import ExportCancelled
from desktop.domain.errors import PermissionDenied
from desktop.domain.model import Actor
from desktop.domain.worklist import Worklist, WorklistQuery
from desktop.services import complaints as uc
from desktop.services import exports
from desktop.services.context import ServiceContext
from desktop.services.exports import export_worklist
from tests.services.intakes import VALID_ID, sample_intake

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


def test_identity_needs_the_permission_and_is_logged(seven: ServiceContext, teller: Actor,
                                                    manager: Actor, tmp_path: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    out = tmp_path / "all.csv"
    with pytest.raises(PermissionDenied):
        export_worklist(seven, teller, EVERYTHING, out, "csv", with_identity=True)
    assert not out.exists()
    with caplog.at_level(logging.WARNING):
        assert export_worklist(seven, manager, EVERYTHING, out, "csv", with_identity=True,
                               locale="en") == 7
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][-2:] == ["ID number", "Phone"] and rows[1][2] == "王小明"
    assert rows[1][-2] == VALID_ID
    logged = [r.getMessage() for r in caplog.records if "identity export" in r.getMessage()]
    assert logged == ["identity export: staff M001 (manager) wrote 7 complaints with identity "
                      "to a csv file"]
    assert VALID_ID not in caplog.text and "王小明" not in caplog.text


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
