"""Messages that count something read right for every number: "1 page", "2 pages"
(the core's JSON catalogues; the widgets' Qt catalogues are checked in tests/ui/test_translations.py)."""

from __future__ import annotations

import re
import string

import pytest

from desktop.i18n import LOCALES, PLURAL_CATEGORIES, catalogue, forms, translate

# An English text that puts a number in front of a counted noun: "{days} days", "{count} unsent events".
COUNTED = re.compile(r"\{(\w+)\} (?:[a-z]+ )?(?:days|times|pages|minutes|events|complaints|characters"
                     r"|representatives|bytes|chains|cases|customers)\b")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_plural_message_has_the_forms_its_language_needs(locale: str) -> None:
    plural = {code: m for code, m in catalogue(locale).items() if not isinstance(m, str)}
    if locale == "en":
        assert len(plural) >= 10
    for code, message in plural.items():
        counted = message.get("plural")
        assert counted, f"{code}: names no parameter to count by"
        assert set(message) - {"plural"} >= set(PLURAL_CATEGORIES[locale]), code
        texts = forms(message)
        assert all(_placeholders(t) == _placeholders(texts[0]) for t in texts), code
        assert counted in _placeholders(texts[0]), code


def test_no_english_message_counts_without_plural_forms() -> None:
    single = [code for code, m in catalogue("en").items() if isinstance(m, str) and COUNTED.search(m)]
    assert single == [], ('give these messages plural forms, e.g. {"plural": "days", "one": "{days} day", '
                          '"other": "{days} days"} (desktop/i18n.py)')


def test_plural_messages_name_the_same_parameter_in_both_languages() -> None:
    zh = catalogue("zh_CN")
    for code, message in catalogue("en").items():
        if not isinstance(message, str):
            assert message["plural"] in _placeholders(" ".join(forms(zh[code]))), code


@pytest.mark.parametrize(("code", "params", "one", "other"), [
    ("printing.ui.pages", {}, "1 page", "pages"),
    ("sync.unreachable", {}, "tried 1 time)", "tried 3 times)"),
    ("login.locked", {}, "in 1 minute,", "in 3 minutes,"),
    ("report.days", {}, "1 day", "3 days"),
    ("sync.cli.day_end_done", {"date": "2026-03-01", "resent": 0}, "agree on 1 event (", "agree on 3 events ("),
    ("validation.too_long", {"field": "name"}, "at most 1 character.", "at most 3 characters."),
])
def test_english_says_one_for_one_and_other_for_the_rest(code: str, params: dict[str, object],
                                                         one: str, other: str) -> None:
    counted = catalogue("en")[code]
    assert not isinstance(counted, str)
    name = counted["plural"]
    assert one in translate(code, "en", **{**params, name: 1})
    assert other in translate(code, "en", **{**params, name: 3})
    assert other.replace("3", "0") in translate(code, "en", **{**params, name: 0})


def test_chinese_has_one_form_for_every_number() -> None:
    assert isinstance(catalogue("zh_CN")["printing.ui.pages"], str)
    assert translate("report.days", "zh_CN", days=1).replace("1", "5") == translate("report.days", "zh_CN", days=5)


def test_a_missing_number_takes_the_general_form_and_never_crashes() -> None:
    assert translate("report.days", "en") == "{days} days"
