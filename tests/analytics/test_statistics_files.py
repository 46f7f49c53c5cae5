"""`complaint-desk admin statistics` in each format, read back as the regulator's tools would:
CSV, XLSX through openpyxl, the PDF through pypdf and poppler (text, embedded fonts, charts)."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import main
from desktop.domain.model import Actor
from desktop.services.context import ServiceContext
from tests.analytics.profile import build_profile
from tests.conftest import SettableClock
from tests.reports.helpers import fonts_of

MARCH = ["--from", "2026-03-01", "--to", "2026-03-15"]


@pytest.fixture
def profile(ctx: ServiceContext, clock: SettableClock, teller: Actor, supervisor: Actor,
            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    build_profile(ctx, clock, teller, supervisor)
    monkeypatch.setenv("COMPLAINT_DESK_LANG", "zh_CN")
    return tmp_path / "profile"


def statistics(profile: Path, *args: str) -> int:
    return main(["admin", "statistics", "--profile", str(profile), *MARCH, *args])


def test_the_table_on_the_terminal(profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert statistics(profile, "--by", "business_type") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "金融消费者投诉统计表（JR/T 0169-2018）2026-03-01 至 2026-03-15"
    assert lines[1].split() == ["业务类别代码", "业务类别", "受理", "办结", "属实", "部分属实",
                                "不属实", "撤诉", "处理中", "超期"]
    b0101 = next(line for line in lines if line.startswith("B0101"))
    assert b0101.split()[-8:] == ["3", "3", "1", "1", "1", "0", "0", "1"]
    assert lines[-1].split() == ["合计", "5", "3", "1", "1", "1", "1", "1", "2"]


def test_csv_for_the_regulators_spreadsheet(profile: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMPLAINT_DESK_LANG", "en")
    out = tmp_path / "march.csv"
    assert statistics(profile, "--by", "channel,cause", "--format", "csv", "--out", str(out)) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 by its mark
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:4] == ["Channel of the business code", "Channel of the business",
                           "Cause code", "Cause"]
    assert [r[0] for r in rows[1:]] == ["C01", "C01", "", "Total"]
    assert rows[3][1] == "Not given"
    assert rows[-1][4:] == ["5", "3", "1", "1", "1", "1", "1", "2"]


def test_xlsx_opened_with_openpyxl(profile: Path, tmp_path: Path) -> None:
    out = tmp_path / "march.xlsx"
    assert statistics(profile, "--by", "cause", "--format", "xlsx", "--out", str(out)) == 0
    sheet = openpyxl.load_workbook(out, read_only=True).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "金融消费者投诉统计表（JR/T 0169-2018）2026-03-01 至 2026-03-15"
    assert rows[1][:3] == ("投诉原因代码", "投诉原因", "受理")
    r0101 = next(r for r in rows if r[0] == "R0101")
    assert r0101[2:] == (4, 2, 1, 0, 1, 1, 1, 2)  # numbers stay numbers
    assert rows[-1][0] == "合计" and rows[-1][2] == 5


@pytest.mark.parametrize(("lang", "title", "figure"), [
    ("zh_CN", "金融消费者投诉统计表", "部分属实"),
    ("en", "Financial consumer complaint statistics", "Partly upheld"),
])
def test_the_pdf_report_has_the_table_a_chart_and_embedded_fonts(
        profile: Path, tmp_path: Path, lang: str, title: str, figure: str) -> None:
    out = tmp_path / "march.pdf"
    assert statistics(profile, "--by", "business_type", "--format", "pdf", "--out", str(out),
                      "--lang", lang) == 0
    pdf = out.read_bytes()
    fonts = fonts_of(pdf)
    assert fonts and all(f["files"] for f in fonts), fonts  # every font embedded
    assert not any("Helvetica" in f["name"] for f in fonts)
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], check=True,
                          capture_output=True, text=True).stdout
    flat = "".join(text.split())
    assert "".join(title.split()) in flat and "".join(figure.split()) in flat
    assert "B0101" in flat
    # The charts are drawn on the page: the bars in the bar colour, a pie slice per outcome
    # in its own colour (fill colour operators of the page's content stream).
    from pypdf import PdfReader
    from reportlab.lib.rl_accel import fp_str

    from reports.statistics import PALETTE

    content = PdfReader(out).pages[0].get_contents()
    assert content is not None
    ops = content.get_data()
    for colour in PALETTE:  # five slices: upheld, partly, not upheld, withdrawn, open
        assert f"{fp_str(colour.red, colour.green, colour.blue)} rg".encode() in ops


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "2026-3-1", "--to", "2026-03-15"], "日期格式应为 YYYY-MM-DD：2026-3-1"),
    (["--from", "2026-03-15", "--to", "2026-03-01"], "统计期间的结束日期早于开始日期"),
    (["--from", "2026-03-01", "--to", "2026-03-15", "--by", "amount"], "分组只能是"),
    (["--from", "2026-03-01", "--to", "2026-03-15", "--format", "xlsx"], "xlsx 格式需要 --out"),
])
def test_bad_arguments_are_one_line_in_the_users_language(
        profile: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    assert main(["admin", "statistics", "--profile", str(profile), *args]) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_a_teller_is_refused_and_no_file_is_written(profile: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "march.csv"
    assert statistics(profile, "--format", "csv", "--out", str(out), "--staff", "T001") == 1
    assert not out.exists() and list(tmp_path.glob(".march.csv*")) == []
    assert capsys.readouterr().err.strip()


def test_an_unwritable_target_is_said_plainly(profile: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "missing-folder" / "march.xlsx"
    assert statistics(profile, "--format", "xlsx", "--out", str(out)) == 1
    assert "无法写入" in capsys.readouterr().err
