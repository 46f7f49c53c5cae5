from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reports import ReportError, receipt_qr_payload, render_receipt
from tests.reports.helpers import (
    FULL_ID,
    FULL_PHONE,
    MM,
    REFERENCE,
    flat,
    page_sizes,
    page_texts,
    pdftotext,
    receipt_data,
    text_of,
    tool,
)

A4 = (595.28, 841.89)
A5 = (419.53, 595.28)


def test_roll_receipt_is_80_mm_wide_with_one_page_per_copy_as_tall_as_its_content() -> None:
    sizes = page_sizes(render_receipt(receipt_data(), fmt="roll80"))

    assert len(sizes) == 2  # customer copy, bank copy
    for width, height in sizes:
        assert width == pytest.approx(80 * MM, abs=0.1)
        assert 100 * MM < height < 400 * MM  # fits the content, not a fixed sheet


def test_a_longer_complaint_makes_a_taller_roll_receipt() -> None:
    short = page_sizes(render_receipt(receipt_data(), fmt="roll80", copies=("customer",)))
    long = page_sizes(render_receipt(receipt_data(complaint_summary="投诉内容较长。" * 80),
                                     fmt="roll80", copies=("customer",)))

    assert long[0][1] > short[0][1] + 50 * MM


@pytest.mark.parametrize(("fmt", "size", "pages"), [("a5", A5, 2), ("a4", A4, 1)])
def test_sheet_receipts_use_their_paper_size(fmt: str, size: tuple[float, float],
                                             pages: int) -> None:
    sizes = page_sizes(render_receipt(receipt_data(), fmt=fmt))

    assert len(sizes) == pages  # A4: both copies on one sheet
    for width, height in sizes:
        assert (width, height) == pytest.approx(size, abs=0.1)


@pytest.mark.parametrize("fmt", ["roll80", "a5", "a4"])
def test_chinese_receipt_reads_back_with_everything_the_customer_needs(fmt: str) -> None:
    pages = page_texts(render_receipt(receipt_data(), fmt=fmt))
    customer_copy = pages[0]

    for expected in ("示例商业银行股份有限公司", "示例商业银行北京朝阳支行", "投诉受理回执", "客户联",
                     REFERENCE, "2024年3月5日 14:30", "T0012", "银行卡 / 服务态度与质量",
                     "张*丰", "110101********1234", "138****5678", "年费", "退还重复扣收的年费",
                     "2024年3月20日", "15日内", "010-0000-0000", "400-000-0000", "12378",
                     "7QK3M9TX", "投诉人签名", "经办员工签名"):
        assert expected in customer_copy, expected
    assert "银行留存联" in pages[-1]


def test_english_receipt_reads_back_in_english() -> None:
    text = text_of(render_receipt(receipt_data("en"), fmt="a4", locale="en"))

    for expected in ("Complaint Acknowledgement Receipt", "Customer copy", "Bank copy", REFERENCE,
                     "5 March 2024, 14:30", "20 March 2024", "within 15 days",
                     "Regulator's consumer complaint hotline: 12378", "Complainant's signature"):
        assert expected in text, expected


def test_receipt_text_reads_back_exactly_with_pdftotext(tmp_path: Path, pdftotext_tool: str) -> None:
    text = pdftotext(render_receipt(receipt_data(), fmt="roll80"), tmp_path)

    assert "投诉受理回执" in text
    assert "受理编号" in text and REFERENCE in text
    assert "监管部门消费者投诉热线：12378" in text


@pytest.mark.parametrize("fmt", ["roll80", "a5", "a4"])
def test_full_id_and_phone_numbers_never_reach_the_receipt(fmt: str) -> None:
    data = receipt_data(complaint_summary=f"客户称其身份证号{FULL_ID}、手机{FULL_PHONE}被冒用。")
    text = flat(text_of(render_receipt(data, fmt=fmt)))

    assert FULL_ID not in text
    assert FULL_PHONE not in text
    assert "110101********1234" in text


def test_first_print_carries_no_copy_mark() -> None:
    text = text_of(render_receipt(receipt_data(), fmt="a5"))

    assert "COPY" not in text and "副本" not in text


@pytest.mark.parametrize("fmt", ["roll80", "a5", "a4"])
def test_reprint_says_copy_on_every_page(fmt: str) -> None:
    pages = page_texts(render_receipt(receipt_data(), fmt=fmt, copy_number=2))

    for page in pages:
        assert "副本" in page and "COPY" in page
    assert "第2次打印" in pages[0]


def test_english_reprint_says_copy() -> None:
    pages = page_texts(render_receipt(receipt_data("en"), fmt="a4", locale="en", copy_number=3))

    assert all("COPY" in page for page in pages)


@pytest.mark.parametrize("fmt", ["a5", "a4"])
def test_five_thousand_character_description_flows_to_a_second_page(fmt: str) -> None:
    description = "".join(f"第{i:04d}句，投诉。" for i in range(500))
    assert len(description) == 5000
    pdf = render_receipt(receipt_data(complaint_summary=description), fmt=fmt, copies=("customer",))

    pages = page_texts(pdf)
    assert len(pages) >= 2
    printed = flat("".join(pages))
    for i in (0, 250, 499):  # beginning, middle and end all printed, none clipped
        assert f"第{i:04d}句" in printed
    assert "投诉人签名" in pages[-1]


def test_roll_receipt_longer_than_a_printer_page_limit_continues_on_another_page() -> None:
    description = "投诉内容，" * 7000  # 35,000 characters: metres of roll
    pdf = render_receipt(receipt_data(complaint_summary=description), fmt="roll80",
                         copies=("customer",))

    sizes = page_sizes(pdf)
    assert len(sizes) >= 2
    assert all(height <= 200 * 72 + 0.1 for _, height in sizes)
    assert flat(text_of(pdf)).count("投诉内容") == 7000


def test_unknown_paper_format_is_refused() -> None:
    with pytest.raises(ReportError):
        render_receipt(receipt_data(), fmt="letter")


def test_unknown_copy_is_refused() -> None:
    with pytest.raises(ReportError) as caught:
        render_receipt(receipt_data(), copies=("customer", "archive"))

    assert caught.value.code == "report.error.unknown_copy"


def test_sheet_receipt_pages_carry_reference_and_page_number() -> None:
    pages = page_texts(render_receipt(receipt_data(), fmt="a5"))

    assert f"受理编号：{REFERENCE}" in pages[1] and "第 2 页" in pages[1]


def test_qr_payload_carries_reference_and_verification_code() -> None:
    assert receipt_qr_payload(REFERENCE, "7QK3M9TX") == f"CDR1|{REFERENCE}|7QK3M9TX"


def test_printed_qr_code_scans_to_reference_and_verification_code(tmp_path: Path) -> None:
    if tool("pdftoppm") is None or tool("zbarimg") is None:
        pytest.skip("needs pdftoppm (poppler-utils) and zbarimg (zbar-tools) to scan the QR code")
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(render_receipt(receipt_data(), fmt="roll80", copies=("customer",)))
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=60)
    image = next(tmp_path.glob("page*.png"))
    scanned = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True,
                             text=True, timeout=60).stdout.strip()

    assert scanned == receipt_qr_payload(REFERENCE, "7QK3M9TX")


def test_a_reprint_after_an_extension_keeps_the_original_deadline_and_adds_the_new_one(
        tmp_path: Path, pdftotext_tool: str) -> None:
    from datetime import date

    text = flat(pdftotext(render_receipt(receipt_data(extended_due=date(2024, 4, 19)), fmt="a4"),
                          tmp_path))
    assert "2024年3月20日" in text and "15日内" in text  # the deadline first given
    assert "已延期" in text and "2024年4月19日" in text
    assert "已延期" not in flat(pdftotext(render_receipt(receipt_data(), fmt="a4"), tmp_path))


def test_the_qr_code_carries_the_verification_address_the_branding_file_names(
        tmp_path: Path) -> None:
    import json

    from desktop.resources import resource_path
    from reports.branding import load_bank_info

    if tool("pdftoppm") is None or tool("zbarimg") is None:
        pytest.skip("needs pdftoppm (poppler-utils) and zbarimg (zbar-tools) to scan the QR code")
    branding = json.loads(resource_path("branding", "bank.json").read_text(encoding="utf-8"))
    branding["verification_url"] = "https://verify.bank.example/r?ref={reference}&code={code}"
    branding.pop("logo", None)
    file = tmp_path / "bank.json"
    file.write_text(json.dumps(branding, ensure_ascii=False), encoding="utf-8")
    data = receipt_data(bank=load_bank_info("zh_CN", path=file))
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(render_receipt(data, fmt="roll80", copies=("customer",)))
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=60)
    image = next(tmp_path.glob("page*.png"))
    scanned = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True,
                             text=True, timeout=60).stdout.strip()
    assert scanned == f"https://verify.bank.example/r?ref={REFERENCE}&code=7QK3M9TX"
    with pytest.raises(ReportError):
        receipt_qr_payload(REFERENCE, "7QK3M9TX", "https://x.example/{nonsense}")


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_a4_puts_both_copies_on_one_sheet_with_a_cut_line(tmp_path: Path, pdftotext_tool: str,
                                                         locale: str) -> None:
    pdf = render_receipt(receipt_data(locale), fmt="a4", locale=locale)

    assert len(page_sizes(pdf)) == 1
    text = pdftotext(pdf, tmp_path, layout=True)
    customer, bank = ("客户联", "银行留存联") if locale == "zh_CN" else ("Customer copy", "Bank copy")
    cut = "沿此线剪开" if locale == "zh_CN" else "Cut along this line"
    assert text.index(customer) < text.index(cut) < text.index(bank)
    assert text.count(REFERENCE) >= 2 and FULL_ID not in flat(text)


def test_a4_copies_too_long_for_half_a_sheet_get_a_sheet_each() -> None:
    description = "投诉内容很长。" * 300
    pages = page_texts(render_receipt(receipt_data(complaint_summary=description), fmt="a4"))

    assert len(pages) >= 2
    assert "客户联" in pages[0] and "银行留存联" in "".join(pages[1:])
    assert all("沿此线剪开" not in page for page in pages)
