"""Every printing message exists in zh_CN and en with the same placeholders, and every code
the printing modules name has a text."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

from desktop.domain.model import Channel, IdDocumentType, Role
from desktop.i18n import forms, translate
from desktop.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
# module → how its short codes become full ones
MODULES = {
    "desktop/services/documents.py": "printing.", "desktop/print_commands.py": "",
    "ui/printing.py": "printing.ui.", "ui/print_preview.py": "printing.ui.",
}
CALL = re.compile(r'\bt\(\s*"([a-z_.]+)"')
LITERAL = re.compile(r'"(printing\.[a-z_]+\.[a-z_.]+)"')


def _catalogue(locale: str) -> dict[str, str]:
    path = resource_path("i18n", locale, "printing.json")
    return {code: " ".join(forms(m)) for code, m in json.loads(path.read_text(encoding="utf-8")).items()}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_printing_messages_exist_in_both_languages_with_the_same_placeholders() -> None:
    zh, en = _catalogue("zh_CN"), _catalogue("en")

    assert zh.keys() == en.keys()
    for code in zh:
        assert _placeholders(zh[code]) == _placeholders(en[code]), code


def test_every_code_the_printing_modules_name_has_a_text() -> None:
    codes = set()
    for module, prefix in MODULES.items():
        source = (ROOT / module).read_text(encoding="utf-8")
        codes |= {prefix + c for c in CALL.findall(source) if prefix}
        codes |= set(LITERAL.findall(source))
    codes |= {f"printing.channel.{c.value}" for c in Channel}
    codes |= {f"printing.id_type.{i.value}" for i in IdDocumentType}
    codes |= {f"printing.role.{r.value}" for r in Role}
    codes |= {f"printing.ui.format.{fmt}" for fmt in ("roll80", "a5", "a4")}
    codes |= {f"printing.ui.letter_field.{key}" for key in ("opening", "closing")}
    codes |= {f"printing.document.{d}" for d in ("receipt", "letter", "extension_notice",
                                                 "day_end_report")}
    assert len(codes) > 30
    for code in codes:
        for locale in ("zh_CN", "en"):
            assert translate(code, locale) != code, (code, locale)
