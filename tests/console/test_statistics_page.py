"""The console's statistics page: the JR/T table of the branches' synced complaints, by the
branches' own definitions, and its CSV, XLSX and PDF downloads."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import openpyxl

from desktop.domain.model import Role
from desktop.services.complaints import record_complaint, withdraw
from desktop.services.context import Actor
from tests.console.conftest import BranchPc, ConsoleHq
from tests.services.intakes import sample_intake

TELLER = Actor("T001", Role.TELLER, "李娜")
BEIJING_TODAY = (datetime.now(UTC) + timedelta(hours=8)).date().isoformat()


def _three_complaints(pc: BranchPc) -> None:
    ctx = pc.context()
    first = record_complaint(ctx, TELLER, sample_intake(business_type="B0101", cause="R0101"))
    record_complaint(ctx, TELLER, sample_intake(business_type="B0101", cause="R0102"))
    record_complaint(ctx, TELLER, sample_intake(business_type="B0102", cause="R0101"))
    withdraw(ctx, TELLER, first.complaint_id, "客户撤回")
    pc.sync()


def test_the_page_and_its_downloads(console_hq: ConsoleHq, branch_pc: BranchPc) -> None:
    _three_complaints(branch_pc)
    client, _token = console_hq.signed_in(console_hq.add_staff("officer"))
    query = {"first": BEIJING_TODAY, "last": BEIJING_TODAY, "by": "business_type",
             "branch": branch_pc.branch_code}
    page = client.get("/console/statistics", params=query)
    assert page.status_code == 200, page.text
    assert "B0101" in page.text and "活期储蓄" in page.text
    answer = client.get("/console/statistics", params={**query, "download": "csv"})
    assert answer.status_code == 200
    assert answer.headers["content-disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    b0101 = next(r for r in rows if r[0] == "B0101")
    assert b0101[2:] == ["2", "0", "0", "0", "0", "1", "1", "0"]
    assert rows[-1][2] == "3"
    book = client.get("/console/statistics", params={**query, "download": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(book.content), read_only=True).active
    assert sheet is not None
    assert list(sheet.iter_rows(values_only=True))[-1][2] == 3
    pdf = client.get("/console/statistics", params={**query, "download": "pdf"})
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_a_bad_date_or_branch_is_said_plainly(console_hq: ConsoleHq) -> None:
    client, _token = console_hq.signed_in(console_hq.add_staff("officer"))
    page = client.get("/console/statistics", params={"first": "2026-02-30"})
    assert page.status_code == 400
    assert "日期格式应为 YYYY-MM-DD：2026-02-30" in page.text  # the console's language
    page = client.get("/console/statistics", params={"branch": "NOPE9", "download": "csv"})
    assert page.status_code == 400 and "attachment" not in page.headers.get(
        "content-disposition", "")


def test_the_page_needs_a_signed_in_member(console_hq: ConsoleHq) -> None:
    answer = console_hq.client().get("/console/statistics", follow_redirects=False)
    assert answer.status_code in (302, 303) and "/console/login" in answer.headers["location"]
    refused = console_hq.client(Authorization="Bearer device-token").get("/console/statistics")
    assert refused.status_code == 403
