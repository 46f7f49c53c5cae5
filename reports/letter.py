"""The resolution letter (投诉处理结果告知书), A4, from an editable template per outcome.

Two steps, so the counter can edit before printing:

    fields = letter_fields(data.outcome, data, "zh_CN")   # template filled in
    fields["decision"] += "..."                           # edited in the UI
    pdf = render_letter(data, fields=fields, locale="zh_CN")
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from functools import cache
from pathlib import Path
from string import Template

from reportlab.lib.units import mm

from desktop.domain.documents import LETTER_FIELDS, printing_text
from desktop.domain.model import Outcome
from desktop.i18n import normalise_locale, term
from desktop.resources import resource_path
from reports.blocks import (
    Block,
    BlockStyles,
    Letterhead,
    Rule,
    SignOff,
    Space,
    Text,
    block_styles,
    render_sheet_pages,
)
from reports.branding import letterhead_contact
from reports.data import LetterData, ReportError
from reports.formatting import format_date, format_money, is_chinese, label
from reports.identity import scrub_free_text
from reports.paper import LOGO_SIZE, logo_size, paper, sheet_decorator

# A required part of the case's decision whose text must survive into the printed letter.
_CASE_PARTS = ("verification", "findings", "basis", "basis_reference")
# A required part that is a section of the letter and must not be empty.
_SECTION_PARTS = ("decision", "remedies")
_HEADED = LETTER_FIELDS[1:-1]
_ZH_NUMERALS = "一二三四五六七八九十"
_SENTENCE_ENDS = "。！？；.!?;"


def templates_dir() -> Path:
    return resource_path("templates", "letters")


@cache
def _read_template(path: str, mtime_ns: int, outcome: str, locale: str) -> dict[str, str]:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ReportError("report.error.template_invalid", outcome=outcome, language=locale) from exc
    if not isinstance(raw, dict) or not all(
        key in LETTER_FIELDS and isinstance(text, str) for key, text in raw.items()
    ):
        raise ReportError("report.error.template_invalid", outcome=outcome, language=locale)
    return {key: raw.get(key, "") for key in LETTER_FIELDS}


def letter_template(outcome: Outcome | str, locale: str,
                    directory: Path | None = None) -> dict[str, str]:
    """The unfilled template texts of `outcome` in `locale` (a fresh dict each call).

    Raises ReportError if the file is missing or not a {field: text} object of known fields.
    """
    outcome = Outcome(outcome)
    locale = normalise_locale(locale)
    path = (directory or templates_dir()) / locale / f"{outcome.value}.json"
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise ReportError("report.error.template_missing", outcome=outcome.value,
                          language=locale) from None
    return dict(_read_template(str(path), mtime, outcome.value, locale))


def _customer_name(data: LetterData) -> str:
    return data.masking.name_of(data.customer.name, corporate=data.customer.corporate)


def _placeholders(outcome: Outcome, data: LetterData, locale: str) -> dict[str, str]:
    bank = data.bank
    compensation = ""
    if data.compensation is not None and data.compensation > 0:
        compensation = format_money(data.compensation, locale, data.currency)
    remedy = scrub_free_text(data.remedy.strip())
    remedy_text = remedy
    if compensation:
        if remedy and remedy[-1] not in _SENTENCE_ENDS:
            remedy_text += "。" if is_chinese(locale) else "."
        sep = "" if not remedy or is_chinese(locale) else " "
        remedy_text += sep + label("letter.compensation", locale, amount=compensation)
    if not remedy_text:
        remedy_text = label("letter.no_remedy", locale)
    basis_text = scrub_free_text(data.basis.strip())
    if data.basis_reference.strip():
        reference_line = label("letter.basis_reference", locale,
                               reference=scrub_free_text(data.basis_reference.strip()))
        basis_text = f"{basis_text}\n{reference_line}" if basis_text else reference_line
    return {
        "basis": scrub_free_text(data.basis.strip()),
        "basis_reference": scrub_free_text(data.basis_reference.strip()),
        "basis_text": basis_text,
        "handling_rules": data.handling_rules.strip() or label("letter.default_rules", locale),
        "customer_name": _customer_name(data),
        "reference": data.reference,
        "received_date": format_date(data.received_at, locale),
        "letter_date": format_date(data.letter_date, locale),
        "bank_name": bank.bank_name,
        "branch_name": bank.branch_name,
        "category": data.category,
        "outcome": term("outcome", outcome.value, locale),
        "complaint_summary": scrub_free_text(data.complaint_summary.strip()),
        "request_summary": scrub_free_text(data.request_summary.strip()),
        "verification": scrub_free_text(data.verification.strip()),
        "findings": scrub_free_text((data.customer_summary or data.findings).strip()),
        "decision": scrub_free_text(data.decision.strip()),
        "remedy": remedy,
        "compensation": compensation,
        "remedy_text": remedy_text,
        "review_request_days": str(data.remedy_terms.review_request_days),
        "review_decision_days": str(data.remedy_terms.review_decision_days),
        "superior_office": bank.superior_office or bank.bank_name,
        "regulator_hotline": bank.regulator_hotline,
        "branch_phone": bank.branch_phone,
        "bank_hotline": bank.bank_hotline,
    }


def letter_fields(outcome: Outcome | str, data: LetterData, locale: str = "zh_CN", *,
                  directory: Path | None = None) -> dict[str, str]:
    """The letter's editable texts, keyed by LETTER_FIELDS, filled from `data`.

    Identity data in them is already masked. Raises ReportError for a missing or
    broken template. `outcome` may differ from data.outcome (to preview another).
    """
    outcome = Outcome(outcome)
    values = _placeholders(outcome, data, locale)
    template = letter_template(outcome, locale, directory)
    return {key: Template(text).safe_substitute(values).strip() for key, text in template.items()}


def _squeezed(text: str) -> str:
    return "".join(text.split())


def check_required_parts(data: LetterData, texts: Mapping[str, str], locale: str) -> None:
    """Raise ReportError (report.error.letter_part_missing) if a part the policy requires is
    empty in the case or missing from the letter's (possibly edited) texts: no template or
    edit can drop one."""
    printed = _squeezed("".join(scrub_free_text(texts.get(key, "")) for key in LETTER_FIELDS))
    for part in data.required_parts:
        if part in _CASE_PARTS:
            source = data.customer_summary if part == "findings" and data.customer_summary \
                else str(getattr(data, part))
            value = _squeezed(scrub_free_text(source.strip()))
            present = bool(value) and value in printed
        elif part in _SECTION_PARTS:
            present = bool(texts.get(part, "").strip())
        else:
            continue
        if not present:
            raise ReportError("report.error.letter_part_missing",
                              part=label(f"letter.part.{part}", locale))


def _heading(index: int, key: str, locale: str) -> str:
    text = label(f"letter.heading.{key}", locale)
    if is_chinese(locale):
        return f"{_ZH_NUMERALS[index]}、{text}" if index < len(_ZH_NUMERALS) else text
    return f"{index + 1}. {text}"


def render_letter(data: LetterData, *, fields: Mapping[str, str] | None = None,
                  locale: str = "zh_CN", copy_number: int = 1) -> bytes:
    """The A4 resolution letter as PDF bytes.

    `fields` are the (possibly edited) texts from `letter_fields`; a missing key
    takes the template's text, an empty one leaves its section out. Free text is
    scrubbed of ID and mobile numbers. Raises ReportError for an unknown field name,
    a missing template, or a part `data.required_parts` names that is empty or edited out. copy_number > 1 marks every page 副本 / COPY.
    """
    texts = letter_fields(data.outcome, data, locale)
    for key, text in (fields or {}).items():
        if key not in texts:
            raise ReportError("report.error.unknown_letter_field", field=key)
        texts[key] = text
    check_required_parts(data, texts, locale)
    pp = paper("a4")
    st = block_styles(pp.body_size)
    blocks: list[Block] = [*_letterhead(data, st, locale)]
    if copy_number > 1:  # a black band saying 副本 COPY
        blocks += [Text(label("reprint_note", locale, number=copy_number), st.mark),
                   Rule(space=2)]
    # fixed: the same in every letter of the branch (reports.blocks.seed_fixed_text)
    blocks += [
        Text(label("letter.title", locale), st.title, fixed=True),
        Text(label("letter.reference_line", locale, reference=data.reference), st.right),
        Text(_customer_name(data), st.body),
    ]
    if data.customer.address:
        blocks.append(Text(data.masking.address_of(data.customer.address), st.small))
    blocks.append(Text(label("letter.salutation", locale, name=_customer_name(data)), st.heading))
    index = 0
    body = st.prose(locale)
    for key in LETTER_FIELDS:
        text = scrub_free_text(texts[key].strip())
        if not text:
            continue
        if key in _HEADED:
            blocks.append(Text(_heading(index, key, locale), st.heading, keep_with_next=True,
                               fixed=True))
            index += 1
        blocks += [Text(line, body) for line in text.split("\n") if line.strip()]
    bank = data.bank
    blocks += [
        Space(6 * mm),
        SignOff(Text(label("sign.bank_seal", locale, bank=bank.branch_name or bank.bank_name),
                     st.body, fixed=True),
                label("sign.seal", locale), [label("sign.responsible", locale)],
                Text(format_date(data.letter_date, locale), st.right), st.body),
    ]
    title = f"{label('letter.title', locale)} {data.reference}"
    decorate = sheet_decorator(pp, label("letter.reference_line", locale, reference=data.reference),
                               copy_number, locale)
    return render_sheet_pages(blocks, pp, title=title, author=bank.bank_name, decorate=decorate)


def _letterhead(data: LetterData, st: BlockStyles, locale: str) -> list[Block]:
    """Logo, bank name, and the branch's name, address and phone, over a rule."""
    bank = data.bank
    names = [Text(bank.bank_name, st.heading, fixed=True),
             Text(bank.branch_name, st.body, fixed=True)]
    contact = letterhead_contact(bank, locale)
    if contact:
        names.append(Text(contact, st.small, fixed=True))
    size = logo_size(bank.logo_path)
    if bank.logo_path is None or size is None:
        return [*names, Rule()]
    return [Letterhead(bank.logo_path, *size, LOGO_SIZE - size[0] + 4 * mm, names), Rule()]


def customer_summary_opening(received: date, request: str, *, locale: str) -> str:
    """The second-person opening of a decision's customer-facing summary: when the complaint
    came and what the customer asked for (card numbers scrubbed), for the decider to
    complete. Every decision form starts from it: the resolve dialog, the counter's
    settlement, HQ's console and CLI."""
    when = format_date(received, locale)
    asked = scrub_free_text(request.strip()).rstrip("。.")
    if asked:
        return printing_text("customer_summary.with_request", locale, received=when,
                             request=asked)
    return printing_text("customer_summary.plain", locale, received=when)
