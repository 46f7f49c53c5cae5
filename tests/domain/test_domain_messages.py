"""Every message code the domain raises has a zh_CN and an en text with the same placeholders."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

from desktop.i18n import forms, translate
from desktop.resources import resource_path

DOMAIN = Path(__file__).resolve().parents[2] / "desktop" / "domain"
MINE = ("policy.py", "calendar.py", "reference.py", "validation.py", "masking.py", "taxonomy.py")
CODE = re.compile(r'"((?:validation|reference|deadline|calendar|policy|taxonomy)\.[a-z_.]+)"')


def _catalogue(locale: str) -> dict[str, str]:
    messages = json.loads(resource_path("i18n", locale, "domain.json").read_text(encoding="utf-8"))
    return {code: " ".join(forms(m)) for code, m in messages.items()}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_domain_messages_exist_in_both_languages_with_the_same_placeholders() -> None:
    zh, en = _catalogue("zh_CN"), _catalogue("en")
    assert zh.keys() == en.keys()
    for code in zh:
        assert _placeholders(zh[code]) == _placeholders(en[code]), code


def test_every_code_raised_by_the_domain_rules_has_a_text() -> None:
    raised = set()
    for name in MINE:
        raised |= set(CODE.findall((DOMAIN / name).read_text(encoding="utf-8")))
    assert raised
    for code in raised:
        assert translate(code, "zh_CN") != code, code
        assert translate(code, "en") != code, code
