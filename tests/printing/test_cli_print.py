"""`complaint-desk admin print ...`: documents read back from the PDFs written, the print
on the timeline, and every refusal as one clear line with nothing written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.domain.model import EventKind, Role
from desktop.security.staff import add_local_admin, add_staff
from desktop.services.complaints import print_count
from desktop.services.context import ServiceContext
from desktop.store.db import Store
from desktop.store.events import complaint_events
from tests.printing.conftest import (
    EXTENSION_REASON,
    FINDINGS,
    FULL_ID,
    FULL_PHONE,
    REMEDY,
    VERIFICATION,
    Cases,
    CliRun,
)
from tests.reports.helpers import MM, flat, fonts_of, page_sizes, page_texts, text_of

A4 = (595.28, 841.89)
A5 = (419.53, 595.28)
CLI = str(Path(sys.executable).parent / "complaint-desk")

Run = Callable[..., CliRun]


@pytest.fixture
def profile(store: Store, tmp_path: Path) -> Path:
    return tmp_path / "profile"


def print_case(run: Run, profile: Path, verb: str, reference: str, pdf: Path, *extra: str,
               lang: str = "zh_CN") -> CliRun:
    return run("admin", "print", verb, reference, "--profile", str(profile), "--pdf", str(pdf),
               *extra, lang=lang)


def printed_events(ctx: ServiceContext, complaint_id: str) -> list[dict[str, object]]:
    with ctx.store.read() as s:
        events = complaint_events(s, complaint_id)
    return [{**e.payload, "actor": e.actor, "role": e.actor_role.value} for e in events
            if e.kind is EventKind.DOCUMENT_PRINTED]


def test_chinese_roll_receipt_reads_back_with_the_case_and_embeds_its_font(
        run_cli: Run, profile: Path, cases: Cases, tmp_path: Path) -> None:
    pdf = tmp_path / "receipt.pdf"
    done = print_case(run_cli, profile, "receipt", cases.open_reference, pdf)

    assert done.code == 0, done.err
    assert cases.open_reference in done.out and str(pdf) in done.out
    data = pdf.read_bytes()
    text = flat(text_of(data))
    for expected in ("投诉受理回执", "客户联", "银行留存联", cases.open_reference, "王*明",
                     "110105********002X", "138****8000", "在柜台排队一小时无人办理", "要求道歉并改进服务",
                     "T001", "营业网点柜面", "12378"):
        assert flat(expected) in text, expected
    sizes = page_sizes(data)
    assert len(sizes) == 2 and all(w == pytest.approx(80 * MM, abs=0.1) for w, _ in sizes)
    fonts = fonts_of(data)
    assert fonts and all(f["files"] for f in fonts), fonts  # every font embedded
    assert not any("Helvetica" in f["name"] for f in fonts)


@pytest.mark.parametrize(("fmt", "size"), [("a4", A4), ("a5", A5)])
def test_english_sheet_receipt_uses_its_paper(run_cli: Run, profile: Path, cases: Cases,
                                             tmp_path: Path, fmt: str,
                                             size: tuple[float, float]) -> None:
    pdf = tmp_path / "receipt.pdf"
    done = print_case(run_cli, profile, "receipt", cases.open_reference, pdf, "--format", fmt,
                      "--lang", "en", lang="zh_CN")

    assert done.code == 0, done.err
    data = pdf.read_bytes()
    assert all(s == pytest.approx(size, abs=0.1) for s in page_sizes(data))
    text = text_of(data)
    assert "Complaint Acknowledgement Receipt" in text and "Customer copy" in text
    assert "Branch counter" in text and "Resident ID card" in text


def test_each_print_goes_on_the_timeline_and_a_reprint_says_copy(
        run_cli: Run, profile: Path, cases: Cases, ctx: ServiceContext, tmp_path: Path) -> None:
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"

    assert print_case(run_cli, profile, "receipt", cases.open_reference, first).code == 0
    assert print_case(run_cli, profile, "receipt", cases.open_reference, second, "--lang", "en",
                      lang="en").code == 0

    events = printed_events(ctx, cases.open_id)
    assert [(e["document"], e["copy"]) for e in events] == [("receipt", 1), ("receipt", 2)]
    assert {(e["actor"], e["role"]) for e in events} == {("admin", Role.SUPERVISOR.value)}
    assert "副本" not in text_of(first.read_bytes())
    assert all("COPY" in page for page in page_texts(second.read_bytes()))
    assert print_count(ctx, cases.open_id, "letter") == 0  # counted per document


def test_the_staff_member_named_is_who_printed(run_cli: Run, profile: Path, cases: Cases,
                                              ctx: ServiceContext, store: Store,
                                              tmp_path: Path) -> None:
    add_staff(store, number="T002", name="赵磊", role=Role.TELLER, branch_code="BJ001",
              password="counter-password-1")

    done = print_case(run_cli, profile, "receipt", cases.open_reference, tmp_path / "r.pdf",
                      "--staff", "t002")

    assert done.code == 0, done.err
    assert [(e["actor"], e["role"]) for e in printed_events(ctx, cases.open_id)] == [
        ("T002", "teller")]


def test_decision_letter_is_filled_in_from_the_case(run_cli: Run, profile: Path, cases: Cases,
                                                   tmp_path: Path) -> None:
    pdf = tmp_path / "letter.pdf"
    done = print_case(run_cli, profile, "letter", cases.resolved_reference, pdf)

    assert done.code == 0, done.err
    data = pdf.read_bytes()
    assert all(s == pytest.approx(A4, abs=0.1) for s in page_sizes(data))
    text = flat(text_of(data))
    for expected in ("投诉处理结果告知书", cases.resolved_reference, "王小明", "北京市东城区东长安街1号",
                     "柜台叫号系统失灵", flat(VERIFICATION), "叫号系统故障所致", REMEDY,
                     "人民币200.00元", "30日内", "12378", "示例商业银行北京分行消费者权益保护部"):
        assert flat(expected) in text, expected


def test_edited_letter_texts_replace_the_filled_in_ones(run_cli: Run, profile: Path,
                                                       cases: Cases, tmp_path: Path) -> None:
    fields = tmp_path / "fields.json"
    fields.write_text(json.dumps({"decision": "经复核，我行全额退还相关费用。", "closing": ""},
                                 ensure_ascii=False), encoding="utf-8")
    pdf = tmp_path / "letter.pdf"

    done = print_case(run_cli, profile, "letter", cases.resolved_reference, pdf,
                      "--fields", str(fields))

    assert done.code == 0, done.err
    text = flat(text_of(pdf.read_bytes()))
    assert "经复核，我行全额退还相关费用。" in text
    assert flat(VERIFICATION) in text  # fields not in the file: filled in from the case
    assert "感谢您对我行工作的监督与支持" not in text  # an emptied field leaves its section out


def test_extension_notice_names_both_deadlines_the_reason_and_the_approver(
        run_cli: Run, profile: Path, cases: Cases, tmp_path: Path) -> None:
    pdf = tmp_path / "notice.pdf"
    done = print_case(run_cli, profile, "extension", cases.extended_reference, pdf, "--format", "a5")

    assert done.code == 0, done.err
    data = pdf.read_bytes()
    assert all(s == pytest.approx(A5, abs=0.1) for s in page_sizes(data))
    text = flat(text_of(data))
    # Received on 2 March 2026: 15 days → 17 March; extended to 30 days from receipt → 1 April.
    for expected in ("延长处理期限", cases.extended_reference, "2026年3月17日", "2026年4月1日",
                     EXTENSION_REASON, "支行主管S001", "第1次"):
        assert flat(expected) in text, expected


def test_no_document_shows_a_full_id_number_or_phone(run_cli: Run, profile: Path, cases: Cases,
                                                    tmp_path: Path) -> None:
    jobs = [("receipt", cases.resolved_reference, fmt) for fmt in ("roll80", "a5", "a4")]
    jobs += [("letter", cases.resolved_reference, "a4"), ("extension", cases.extended_reference, "a4")]
    for lang in ("zh_CN", "en"):
        for index, (verb, reference, fmt) in enumerate(jobs):
            pdf = tmp_path / f"{lang}-{index}.pdf"
            done = print_case(run_cli, profile, verb, reference, pdf, "--format", fmt,
                              "--lang", lang)
            assert done.code == 0, done.err
            text = flat(text_of(pdf.read_bytes()))
            assert FULL_ID not in text and FULL_ID[:-1] not in text, (verb, fmt, lang)
            assert FULL_PHONE not in text, (verb, fmt, lang)
            assert FINDINGS[:4] in text or verb != "letter"


@pytest.mark.parametrize(("verb", "target", "extra", "message"), [
    ("receipt", "BJ001-03-20260302-9999-X", (), "没有受理编号为 BJ001-03-20260302-9999-X 的投诉。"),
    ("receipt", FULL_ID, (), "没有这个受理编号的投诉。"),  # an ID number typed: never echoed
    ("letter", "open", (), "尚未作出处理决定"),
    ("extension", "open", (), "从未延长处理期限"),
    ("receipt", "open", ("--staff", "NOBODY"), "本机名册中没有在职员工 NOBODY"),
    ("extension", "extended", ("--format", "roll80"), "invalid choice"),
])
def test_a_refused_print_says_why_in_one_line_and_writes_and_records_nothing(
        run_cli: Run, profile: Path, cases: Cases, ctx: ServiceContext, tmp_path: Path,
        verb: str, target: str, extra: tuple[str, ...], message: str) -> None:
    reference = {"open": cases.open_reference, "extended": cases.extended_reference}.get(target, target)
    pdf = tmp_path / "refused.pdf"

    done = print_case(run_cli, profile, verb, reference, pdf, *extra)

    assert done.code != 0
    assert message in done.err
    assert "Traceback" not in done.err and FULL_ID not in done.err
    assert not pdf.exists() and not list(tmp_path.glob("*.part"))
    for complaint_id in (cases.open_id, cases.extended_id):
        assert printed_events(ctx, complaint_id) == []


def test_an_unwritable_file_is_refused_and_the_print_is_not_recorded(
        run_cli: Run, profile: Path, cases: Cases, ctx: ServiceContext, tmp_path: Path) -> None:
    for target in (tmp_path / "no-such-folder" / "r.pdf", tmp_path):
        done = print_case(run_cli, profile, "receipt", cases.open_reference, target, lang="en")

        assert done.code == 1
        assert done.err.strip().startswith(f"Could not write the file {target}")
        assert len(done.err.strip().splitlines()) == 1
    assert printed_events(ctx, cases.open_id) == []


def test_the_emergency_administrator_may_not_print_case_documents(
        run_cli: Run, profile: Path, cases: Cases, ctx: ServiceContext, store: Store,
        tmp_path: Path) -> None:
    add_local_admin(store, number="A001", name="管理员", branch_code="BJ001",
                    password="admin-password-1")
    pdf = tmp_path / "r.pdf"

    done = print_case(run_cli, profile, "receipt", cases.open_reference, pdf, "--staff", "A001",
                      lang="en")

    assert done.code == 1 and done.err.strip()
    assert not pdf.exists() and printed_events(ctx, cases.open_id) == []


def test_the_console_script_prints_and_reports_errors_in_the_users_language(
        profile: Path, cases: Cases, tmp_path: Path) -> None:
    env = {**os.environ, "COMPLAINT_DESK_LANG": "zh_CN"}
    pdf = tmp_path / "script.pdf"
    ok = subprocess.run([CLI, "admin", "print", "receipt", cases.open_reference.lower(),
                         "--profile", str(profile), "--pdf", str(pdf)],
                        capture_output=True, text=True, env=env, timeout=120)
    refused = subprocess.run([CLI, "admin", "print", "day-end", "2026-02-30", "--profile",
                              str(profile), "--pdf", str(tmp_path / "day.pdf")],
                             capture_output=True, text=True, env=env, timeout=120)

    assert ok.returncode == 0, ok.stderr
    assert cases.open_reference in text_of(pdf.read_bytes())
    assert refused.returncode == 1
    assert refused.stderr.strip() == "日期 2026-02-30 无效，请使用 YYYY-MM-DD 格式。"
    assert not (tmp_path / "day.pdf").exists()
