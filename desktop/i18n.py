"""Translations for the core's user-visible messages (errors, validation, CLI output).

The widgets use Qt's own translation files; the core has no Qt, so its messages
live in `resources/i18n/<locale>/*.json` (one file per area: domain, store,
services, sync, cli, ...) and are looked up by code. zh_CN is the primary
language and en the second; both must hold every code (a test checks).

A message that counts something has plural forms, keyed by CLDR plural category and
naming the parameter that holds the number::

    "printing.ui.pages": {"plural": "count", "one": "{count} page", "other": "{count} pages"}

A plain string serves every number (Chinese has one form: "共 {count} 页"). English has
the categories `one` (exactly 1) and `other`; the rules of the two shipped languages are
below, since they are all the program needs (Qt's own rules serve the widgets).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from desktop.resources import resource_path

LOCALES = ("zh_CN", "en")
DEFAULT_LOCALE = "zh_CN"


def normalise_locale(locale: str | None) -> str:
    """Map 'zh', 'zh_CN.UTF-8', 'en_GB' ... onto a shipped locale."""
    if not locale:
        locale = os.environ.get("COMPLAINT_DESK_LANG") or DEFAULT_LOCALE
    lowered = locale.lower()
    if lowered.startswith("zh"):
        return "zh_CN"
    if lowered.startswith("en"):
        return "en"
    return DEFAULT_LOCALE


Message = str | Mapping[str, str]

# CLDR plural rules for whole numbers: English "one" is exactly 1; Chinese has no plural.
PLURAL_RULES: dict[str, Callable[[int], str]] = {
    "en": lambda n: "one" if n == 1 else "other",
    "zh_CN": lambda n: "other",
}
PLURAL_CATEGORIES = {"en": ("one", "other"), "zh_CN": ("other",)}


@cache
def catalogue(locale: str) -> dict[str, Message]:
    """Every message code of `locale`, merged from the area files of its folder."""
    merged: dict[str, Message] = {}
    folder = resource_path("i18n", normalise_locale(locale))
    for path in sorted(folder.glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def forms(message: Message) -> list[str]:
    """Every text of a message: the string itself, or each plural form."""
    if isinstance(message, str):
        return [message]
    return [text for key, text in message.items() if key != "plural"]


def choose_form(message: Message, locale: str, params: Mapping[str, Any]) -> str:
    """The text of `message` for `params`: the plural form for the number in the
    parameter the message names (`other` when that number is missing or not whole)."""
    if isinstance(message, str):
        return message
    number = params.get(message.get("plural", ""))
    category = "other"
    if isinstance(number, int) and not isinstance(number, bool):
        category = PLURAL_RULES.get(normalise_locale(locale), PLURAL_RULES["en"])(number)
    return message.get(category) or message["other"]


def translate(code: str, locale: str | None = None, **params: Any) -> str:
    """The message for `code` in `locale`, with {placeholders} filled (and the plural form
    chosen by the number it counts).

    An unknown code falls back to English and then to the code itself, so a
    missing translation shows something readable instead of crashing.
    """
    loc = normalise_locale(locale)
    found = catalogue(loc).get(code) or None
    if found is None:
        loc = "en"
        found = catalogue("en").get(code) or None
    text = choose_form(found, loc, params) if found is not None else code
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


# The one vocabulary of statuses, outcomes and timeline entries (resources/i18n/*/vocabulary.json):
# screens, timeline, receipts, letters, the day-end report, the CLI and the HQ console all
# read their words here, so a case is never "已办结" on paper and "已作出处理" on screen.
TERM_KINDS = ("status", "outcome", "event")


def term(kind: str, code: str | None, locale: str | None = None) -> str:
    """The word for `code` of `kind` ("status", "outcome", "event") in `locale`; an unknown
    code is shown as it is (never an empty cell)."""
    if not code:
        return ""
    key = f"term.{kind}.{code}"
    text = translate(key, locale)
    return str(code) if text == key else text
