from __future__ import annotations

import json
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.i18n import forms
from desktop.resources import resource_path
from reports import ReportError, load_bank_info
from reports.formatting import format_date, format_datetime, format_money

REPORTS_DIR = Path(__file__).resolve().parents[2] / "reports"


def _catalogue(locale: str) -> dict[str, str]:
    """Every report.* label of `locale`, from all area files (as the app merges them);
    a label with plural forms counts as all its forms together."""
    merged: dict[str, str] = {}
    for path in sorted(resource_path("i18n", locale).glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return {key: " ".join(forms(text)) for key, text in merged.items() if key.startswith("report.")}


def test_both_languages_hold_the_same_report_labels_with_the_same_placeholders() -> None:
    zh, en = _catalogue("zh_CN"), _catalogue("en")

    assert zh.keys() == en.keys()
    for key in zh:
        assert set(re.findall(r"{(\w+)}", zh[key])) == set(re.findall(r"{(\w+)}", en[key])), key


def test_every_label_the_documents_use_is_in_the_catalogue() -> None:
    used: set[str] = set()
    for source in REPORTS_DIR.glob("*.py"):
        used |= set(re.findall(r'label\(\s*"([a-z_.]+)"', source.read_text(encoding="utf-8")))
        used |= {f"error.{c}" for c in re.findall(r'"report\.error\.([a-z_]+)"',
                                                    source.read_text(encoding="utf-8"))}
    catalogue = {key.removeprefix("report.") for key in _catalogue("zh_CN")}

    assert len(used) > 40
    assert used - catalogue == set()


@pytest.mark.parametrize(("locale", "expected"), [("zh_CN", "2024年3月5日"), ("en", "5 March 2024")])
def test_dates_follow_the_locale(locale: str, expected: str) -> None:
    assert format_date(date(2024, 3, 5), locale) == expected


def test_times_follow_the_locale() -> None:
    when = datetime(2024, 3, 5, 9, 7)

    assert format_datetime(when, "zh_CN") == "2024年3月5日 09:07"
    assert format_datetime(when, "en") == "5 March 2024, 09:07"


def test_money_follows_the_locale_and_rounds_half_up_to_the_cent() -> None:
    assert format_money(Decimal("1234567.885"), "zh_CN") == "人民币1,234,567.89元"
    assert format_money(Decimal("1234567.885"), "en") == "CNY 1,234,567.89"
    assert format_money(Decimal("99.5"), "zh_CN", "USD") == "99.50美元"


def test_bank_info_comes_from_the_branding_file_in_the_chosen_language() -> None:
    zh, en = load_bank_info("zh_CN"), load_bank_info("en", "unknown-branch")

    assert zh.bank_name == "示例商业银行股份有限公司"
    assert en.bank_name == "Example Commercial Bank Co., Ltd."
    assert en.branch_name.startswith("Example Commercial Bank")  # falls back to "default"
    assert zh.regulator_hotline == "12378"
    assert zh.logo_path is not None and zh.logo_path.is_file()


def test_a_broken_branding_file_is_a_report_error(tmp_path: Path) -> None:
    path = tmp_path / "bank.json"
    path.write_text("{not json", encoding="utf-8")

    with pytest.raises(ReportError):
        load_bank_info("zh_CN", path=path)


def test_warm_up_can_run_at_start_more_than_once() -> None:
    from reports import warm_up

    warm_up()
    warm_up()
