"""Every text the console shows exists in Chinese and English: the two catalogues hold
the same codes, and every code a template or view names is in them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from desktop.i18n import catalogue
from desktop.resources import resource_path
from hq.staff import StaffRole

CONSOLE = Path(__file__).resolve().parents[2] / "hq" / "console"
LITERAL_CODE = re.compile(r"""t\(\s*["']((?:console|hq)\.[a-z0-9_.]*[a-z0-9])["']""")
REFUSAL_CODE = re.compile(r"""ConsoleRefused\(\s*\d+,\s*["']([a-z0-9_.]+)["']""")


def _codes(locale: str) -> set[str]:
    return set(json.loads(resource_path("i18n", locale, "console.json")
                          .read_text(encoding="utf-8")))


def test_chinese_and_english_hold_the_same_console_texts() -> None:
    assert _codes("zh_CN") == _codes("en")


def test_every_text_a_template_or_view_names_is_translated() -> None:
    named: set[str] = set()
    for path in [*CONSOLE.rglob("*.html"), *CONSOLE.rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        named |= set(LITERAL_CODE.findall(text)) | set(REFUSAL_CODE.findall(text))
    assert named, "the pattern found no text at all"
    for locale in ("zh_CN", "en"):
        missing = sorted(code for code in named if code not in catalogue(locale))
        assert not missing, f"{locale} lacks {missing}"


def test_every_role_has_a_name() -> None:
    for role in StaffRole:
        for locale in ("zh_CN", "en"):
            assert f"console.role.{role.value}" in catalogue(locale)


def test_chinese_texts_are_chinese() -> None:
    zh = json.loads(resource_path("i18n", "zh_CN", "console.json").read_text(encoding="utf-8"))
    en = json.loads(resource_path("i18n", "en", "console.json").read_text(encoding="utf-8"))
    same = [code for code in zh if zh[code] == en[code] and not code.startswith("console.lang.")]
    assert not same, f"untranslated: {same}"
