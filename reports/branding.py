"""Who the documents come from: bank and branch names, hotlines, logo (resources/branding/bank.json).

The file is data an installer or HQ replaces; its shape:

    {"bank_name": {"zh_CN": "...", "en": "..."}, "bank_hotline": "...",
     "regulator_hotline": "12378", "superior_office": {...}, "logo": "logo.png",
     "branches": {"<branch code>": {"name": {...}, "phone": "...", "address": {...}},
                  "default": {...}}}

Any text may be a plain string or a {locale: text} map. `logo` is relative to
the file's folder; a missing logo prints without one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop.i18n import normalise_locale
from desktop.resources import resource_path
from reports.data import BankInfo, ReportError

DEFAULT_BANK_FILE = ("branding", "bank.json")


def _localised(value: Any, locale: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        text = value.get(locale) or value.get("zh_CN") or next(iter(value.values()), "")
        return str(text)
    raise ReportError("report.error.bank_info_invalid", detail=f"unexpected {type(value).__name__}")


def load_bank_info(
    locale: str = "zh_CN", branch_code: str | None = None, *, path: Path | None = None
) -> BankInfo:
    """The BankInfo of `branch_code` (or the file's "default" branch) in `locale`.

    Raises FileNotFoundError if the file is absent and ReportError if it is not
    the shape above. The caller may `dataclasses.replace` branch fields with what
    the store knows (the branch roster HQ publishes).
    """
    locale = normalise_locale(locale)
    file = path or resource_path(*DEFAULT_BANK_FILE)
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ReportError("report.error.bank_info_invalid", detail=f"line {exc.lineno}") from exc
    if not isinstance(raw, dict):
        raise ReportError("report.error.bank_info_invalid", detail="not an object")
    branches = raw.get("branches") or {}
    branch = branches.get(branch_code or "") or branches.get("default") or {}
    logo = raw.get("logo")
    return BankInfo(
        bank_name=_localised(raw.get("bank_name"), locale),
        branch_name=_localised(branch.get("name"), locale),
        branch_code=branch_code or "",
        branch_phone=_localised(branch.get("phone"), locale),
        branch_address=_localised(branch.get("address"), locale),
        bank_hotline=_localised(raw.get("bank_hotline"), locale),
        regulator_hotline=_localised(raw.get("regulator_hotline"), locale),
        superior_office=_localised(
            branch.get("superior_office") or raw.get("superior_office"), locale
        ),
        logo_path=(file.parent / str(logo)) if logo else None,
        verification_url=str(raw.get("verification_url") or ""),
    )


def letterhead_contact(bank: BankInfo, locale: str) -> str:
    """The branch's address and phone on one line, as the letterhead prints them."""
    sep = "　" if normalise_locale(locale) == "zh_CN" else "  ·  "
    return sep.join(t for t in (bank.branch_address, bank.branch_phone) if t)
