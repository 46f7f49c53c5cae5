from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.model import Outcome
from reports import LETTER_FIELDS, ReportError, letter_fields, letter_template, render_letter
from tests.reports.helpers import (
    FULL_ID,
    FULL_PHONE,
    MM,
    REFERENCE,
    flat,
    letter_data,
    page_sizes,
    page_texts,
    reader,
    text_of,
)


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@pytest.mark.parametrize("outcome", list(Outcome))
def test_every_outcome_has_a_template_with_every_field_in_both_languages(
    outcome: Outcome, locale: str
) -> None:
    template = letter_template(outcome, locale)

    assert list(template) == list(LETTER_FIELDS)
    assert all(template[key] for key in LETTER_FIELDS)


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@pytest.mark.parametrize("outcome", list(Outcome))
def test_letter_fields_are_filled_with_the_case_and_the_policy(outcome: Outcome, locale: str) -> None:
    fields = letter_fields(outcome, letter_data(locale, outcome), locale)

    joined = "\n".join(fields.values())
    assert "$" not in joined  # every placeholder filled
    assert REFERENCE in fields["opening"]
    assert "30" in fields["remedies"] and "12378" in fields["remedies"]
    assert "消费者权益保护部" in fields["remedies"] or "Consumer Protection" in fields["remedies"]
    assert "400-000-0000" in fields["closing"]


def test_fields_follow_the_outcome() -> None:
    data = letter_data()

    assert "不予支持" in letter_fields(Outcome.NOT_UPHELD, data)["decision"]
    assert "部分支持" in letter_fields(Outcome.PARTLY_UPHELD, data)["decision"]
    assert "支持您的投诉请求" in letter_fields(Outcome.UPHELD, data)["decision"]


def test_remedy_and_compensation_are_worded_for_the_locale() -> None:
    zh = letter_fields(Outcome.UPHELD, letter_data(), "zh_CN")["remedy"]
    en = letter_fields(Outcome.UPHELD, letter_data("en"), "en")["remedy"]

    assert zh == "退还年费200元。补偿金额：人民币50.00元。"
    assert en == "We refunded CNY 200. Compensation: CNY 50.00."


def test_a_case_without_remedy_says_none_is_due() -> None:
    fields = letter_fields(Outcome.NOT_UPHELD, letter_data(remedy="", compensation=None))

    assert fields["remedy"] == "本次处理不涉及补救措施或补偿。"


def test_letter_is_a4_and_reads_back_with_its_sections() -> None:
    pdf = render_letter(letter_data())

    assert page_sizes(pdf)[0] == pytest.approx((210 * MM, 297 * MM), abs=0.1)
    text = flat(text_of(pdf))
    for expected in ("投诉处理结果告知书", "示例商业银行股份有限公司", REFERENCE, "尊敬的张三丰：",
                     "北京市朝阳区建国路88号院3号楼1单元502",
                     "一、投诉事项", "二、核实过程", "三、核实结论", "四、处理决定",
                     "五、补救措施及补偿", "六、如您对处理结果不满意", "调取了交易明细与通话录音",
                     "30日内", "调解、仲裁、诉讼", "12378", "（盖章）", "负责人签字", "2024年3月18日"):
        assert flat(expected) in text, expected


def test_english_letter_reads_back_in_english() -> None:
    text = text_of(render_letter(letter_data("en"), locale="en"))

    for expected in ("Complaint Decision Letter", "Dear 张三丰,", "1. Your complaint",
                     "6. If you are not satisfied", "within 30 days", "12378",
                     "Authorised signatory", "18 March 2024"):
        assert expected in text, expected


def test_edited_fields_are_what_the_letter_prints() -> None:
    data = letter_data()
    fields = letter_fields(data.outcome, data)
    fields["decision"] = "经复核，我行决定全额退还年费并另行致歉。"
    fields["findings"] = ""  # the editor removed the section

    text = flat(text_of(render_letter(data, fields=fields)))

    assert "经复核，我行决定全额退还年费并另行致歉。" in text
    assert "核实结论" not in text
    assert "三、处理决定" in text  # sections renumber around the removed one


def test_an_unknown_field_name_is_refused() -> None:
    with pytest.raises(ReportError) as caught:
        render_letter(letter_data(), fields={"postscript": "P.S."})

    assert caught.value.code == "report.error.unknown_letter_field"


def test_identity_data_is_masked_even_when_typed_into_an_edited_field() -> None:
    data = letter_data()
    fields = letter_fields(data.outcome, data)
    fields["findings"] = f"客户身份证{FULL_ID}，手机{FULL_PHONE}。"

    text = flat(text_of(render_letter(data, fields=fields)))

    assert FULL_ID not in text and FULL_PHONE not in text
    assert "110101********1234" in text and "138****5678" in text
    # The letter goes to the customer: addressed by full name and postal address.
    assert "张三丰" in text and "建国路88号" in text


def test_reprinted_letter_says_copy_on_every_page() -> None:
    data = letter_data(findings="核实情况。" * 900)
    pages = page_texts(render_letter(data, copy_number=2))

    assert len(pages) >= 2
    assert all("副本" in page and "COPY" in page for page in pages)


def test_a_missing_template_is_a_report_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError) as caught:
        letter_template(Outcome.UPHELD, "zh_CN", directory=tmp_path)

    assert caught.value.code == "report.error.template_missing"


def test_a_template_with_an_unknown_field_is_a_report_error(tmp_path: Path) -> None:
    (tmp_path / "zh_CN").mkdir()
    (tmp_path / "zh_CN" / "upheld.json").write_text('{"greeting": "hi"}', encoding="utf-8")

    with pytest.raises(ReportError) as caught:
        letter_template(Outcome.UPHELD, "zh_CN", directory=tmp_path)

    assert caught.value.code == "report.error.template_invalid"


def test_hq_published_templates_replace_the_shipped_ones(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "upheld.json").write_text(
        '{"opening": "Re ${reference}: we agree with you."}', encoding="utf-8")

    fields = letter_fields(Outcome.UPHELD, letter_data("en"), "en", directory=tmp_path)

    assert fields["opening"] == f"Re {REFERENCE}: we agree with you."
    assert fields["closing"] == ""


def test_every_letter_carries_the_letterhead_logo_with_its_transparency() -> None:
    # The logo's PDF image is made once per process and shared: each document must still
    # list it (and its soft mask) in its own page resources.
    for _ in range(2):
        page = reader(render_letter(letter_data())).pages[0]
        images = [ref.get_object() for ref in page["/Resources"]["/XObject"].values()]
        assert [str(image["/Subtype"]) for image in images] == ["/Image"]
        assert "/SMask" in images[0]
