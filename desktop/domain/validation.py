"""Checking and tidying what the counter types: identity numbers, phones, names, text,
amounts and dates. Every check returns the value as it should be stored, or raises
ValidationError(code, field=...) whose zh_CN/en text (resources/i18n/*/domain.json)
the UI shows next to that field. Error parameters never carry the value itself.

`check_intake()` runs every check over a whole intake form and gathers all field
errors at once; the single-field validators are for forms of one or two fields.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import phonenumbers
from stdnum import luhn
from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from stdnum.exceptions import ValidationError as StdnumError

from desktop.domain.errors import ValidationError
from desktop.domain.masking import mask_card
from desktop.domain.model import Channel, CustomerKind, IdDocumentType
from desktop.domain.taxonomy import ExtraField, FieldType, Taxonomy, load_taxonomy

MAX_AMOUNT = Decimal("999999999999.99")
MAX_NAME = 50
MAX_ORG_NAME = 100
MAX_SHORT_TEXT = 200
MAX_LONG_TEXT = 4000
MAX_REPRESENTATIVES = 5  # group complaints choose at most 5 representatives (CBIRC Art. 13)
OLDEST_BIRTH_YEAR = 1880
OLDEST_DATE = date(1900, 1, 1)

_KEEP_IN_LONG_TEXT = frozenset("\n\t")
# Bidirectional embeddings, overrides and isolates, and marks: invisible, and able to make
# text read differently on screen and on paper (e.g. U+202E reverses what follows).
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_DROP_FORMAT = frozenset("\ufeff\u200b\u2060\u00ad")  # BOM, zero-width space, word joiner, soft hyphen
_NAME_PUNCTUATION = frozenset(" ·•・.-'’")
_PROVINCE_CODES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
    "65", "71", "81", "82", "83",
})
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_AMOUNT = re.compile(r"^(-?)(\d{1,15})(?:\.(\d+))?$")
_MASKED_CARD = re.compile(r"^(\d{4,6})([*Xx]{3,})(\d{4})$")
_DOCUMENT_NUMBER = re.compile(r"^[A-Z0-9]{5,30}$")
_PHONE_TYPES = frozenset({
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
})


# -- text ------------------------------------------------------------------------------------

def _is_dropped(ch: str, multiline: bool) -> bool:
    if multiline and ch in _KEEP_IN_LONG_TEXT:
        return False
    if ch in _BIDI or ch in _DROP_FORMAT:
        return True
    category = unicodedata.category(ch)
    if category in ("Cc", "Cs", "Co"):  # C0/C1 controls, lone surrogates, private use
        return True
    return category == "Cn" and (0xFDD0 <= ord(ch) <= 0xFDEF or (ord(ch) & 0xFFFE) == 0xFFFE)


def clean_text(value: Any, *, field: str, max_length: int = MAX_SHORT_TEXT,
               multiline: bool = False) -> str:
    """Text as it will be stored: NFC-normalised, surrounding whitespace trimmed, control
    characters, bidi overrides and invisible format characters removed. A single-line
    field turns line breaks and tabs into spaces; a multiline one keeps them (CR LF
    becomes LF). May return ''. Raises ValidationError `validation.too_long` past
    `max_length` characters and `validation.type` for something that is not text."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError("validation.type", field=field)
    # Refuse absurd input before normalising it, so a pasted novel costs nothing.
    if len(value) > max_length * 4 + 64:
        raise ValidationError("validation.too_long", field=field, max=max_length)
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    text = "".join(ch for ch in text if not _is_dropped(ch, multiline)).strip()
    text = unicodedata.normalize("NFC", text)
    if len(text) > max_length:
        raise ValidationError("validation.too_long", field=field, max=max_length)
    return text


def required_text(value: Any, *, field: str, max_length: int = MAX_SHORT_TEXT,
                  multiline: bool = False) -> str:
    """`clean_text` that also refuses an empty result (`validation.required`)."""
    text = clean_text(value, field=field, max_length=max_length, multiline=multiline)
    if not text:
        raise ValidationError("validation.required", field=field)
    return text


def _compact_code(value: Any, field: str, limit: int = 40) -> str:
    """An identifier as typed: full-width folded (IMEs type ０-９), spaces and dashes gone, upper case."""
    text = clean_text(value, field=field, max_length=limit * 2)
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if ch not in " -").upper()


# -- people and organisations ---------------------------------------------------------------

def validate_person_name(value: Any, *, field: str = "name", max_length: int = MAX_NAME) -> str:
    """A person's name: letters of any script, with spaces, the middle dot of minority and
    foreign names (阿卜杜拉·买买提) and . - ' — no digits or other symbols."""
    name = " ".join(required_text(value, field=field, max_length=max_length).split())
    for ch in name:
        if ch in _NAME_PUNCTUATION:
            continue
        if unicodedata.category(ch)[0] not in ("L", "M"):
            raise ValidationError("validation.name.characters", field=field)
    if not any(unicodedata.category(ch)[0] == "L" for ch in name):
        raise ValidationError("validation.name.characters", field=field)
    return name


def validate_org_name(value: Any, *, field: str = "name", max_length: int = MAX_ORG_NAME) -> str:
    return required_text(value, field=field, max_length=max_length)


def validate_resident_id(value: Any, *, field: str = "id_number", today: date | None = None) -> str:
    """An 18-character resident ID (居民身份证号码): digits, a check character (0–9 or X)
    that matches, a real province code, and a birth date that exists and is not in the future.
    Returns the number in upper case without spaces. Codes: validation.resident_id.{length,
    format, checksum, region, birth_date}."""
    number = _compact_code(value, field)
    if not number:
        raise ValidationError("validation.required", field=field)
    try:
        if len(number) != 18:
            raise InvalidLength()
        if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
            raise InvalidFormat()
        if number[17] != ric.calc_check_digit(number):
            raise InvalidChecksum()
    except InvalidLength:
        raise ValidationError("validation.resident_id.length", field=field) from None
    except InvalidFormat:
        raise ValidationError("validation.resident_id.format", field=field) from None
    except InvalidChecksum:
        raise ValidationError("validation.resident_id.checksum", field=field) from None
    if number[:2] not in _PROVINCE_CODES:
        raise ValidationError("validation.resident_id.region", field=field)
    try:
        born = ric.get_birth_date(number)
    except InvalidComponent:
        raise ValidationError("validation.resident_id.birth_date", field=field) from None
    if born.year < OLDEST_BIRTH_YEAR or born > (today or date.today()):
        raise ValidationError("validation.resident_id.birth_date", field=field)
    return number


def validate_id_document(id_type: str, value: Any, *, field: str = "id_number",
                         today: date | None = None) -> str:
    """The number of an ID document of `id_type` (model.IdDocumentType values): resident IDs
    are fully checked, other documents must be 5–30 letters and digits."""
    if id_type == "resident_id":
        return validate_resident_id(value, field=field, today=today)
    number = _compact_code(value, field)
    if not number:
        raise ValidationError("validation.required", field=field)
    if not _DOCUMENT_NUMBER.match(number):
        raise ValidationError("validation.id_number.format", field=field)
    return number


def validate_credit_code(value: Any, *, field: str = "credit_code") -> str:
    """A unified social credit code (统一社会信用代码), check character included."""
    number = _compact_code(value, field)
    if not number:
        raise ValidationError("validation.required", field=field)
    try:
        return str(uscc.validate(number))
    except InvalidLength:
        raise ValidationError("validation.credit_code.length", field=field) from None
    except InvalidChecksum:
        raise ValidationError("validation.credit_code.checksum", field=field) from None
    except StdnumError:
        raise ValidationError("validation.credit_code.format", field=field) from None


def validate_phone(value: Any, *, field: str = "phone", region: str = "CN") -> str:
    """A mobile or landline number of `region` (010-12345678, 138 1234 5678), or any valid
    number written with +country code. Returns it in E.164 form (+8613812345678)."""
    text = _compact_code(value, field, limit=20)
    if not text:
        raise ValidationError("validation.required", field=field)
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        raise ValidationError("validation.phone.invalid", field=field) from None
    if not phonenumbers.is_valid_number(parsed):
        raise ValidationError("validation.phone.invalid", field=field)
    home = phonenumbers.region_code_for_number(parsed) == region
    if home and phonenumbers.number_type(parsed) not in _PHONE_TYPES:
        raise ValidationError("validation.phone.invalid", field=field)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


# -- numbers and dates ------------------------------------------------------------------------

def validate_amount(value: Any, *, field: str = "amount", maximum: Decimal = MAX_AMOUNT) -> Decimal:
    """A sum of money: not negative, at most 2 decimal places, at most `maximum`.
    Accepts Decimal, int, float and text with thousands separators or a ¥ sign.
    Returns it quantised to 2 places. Codes: validation.amount.{format, negative,
    decimals, too_large}."""
    if isinstance(value, bool) or value is None:
        raise ValidationError("validation.amount.format", field=field)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValidationError("validation.amount.format", field=field)
        text = format(value, "f")
    elif isinstance(value, int | float):
        text = str(value)
    else:
        raw = clean_text(value, field=field, max_length=64)
        text = unicodedata.normalize("NFKC", raw)
        text = "".join(ch for ch in text if ch not in " ,¥$£€" and ch != "\u00a0").replace("RMB", "")
        if not text:
            raise ValidationError("validation.required", field=field)
    found = _AMOUNT.match(text.strip())
    if found is None:
        raise ValidationError("validation.amount.format", field=field)
    sign, whole, fraction = found.groups()
    amount = Decimal(f"{whole}.{fraction or '0'}")
    if sign and amount != 0:
        raise ValidationError("validation.amount.negative", field=field)
    if fraction and fraction.rstrip("0") and len(fraction.rstrip("0")) > 2:
        raise ValidationError("validation.amount.decimals", field=field, places=2)
    if amount > maximum:
        raise ValidationError("validation.amount.too_large", field=field, max=f"{maximum:,}")
    return amount.quantize(Decimal("0.01"))


def validate_past_date(value: Any, *, field: str, today: date | None = None) -> date:
    """A date that has happened: 2025-03-01, 2025/3/1 or 2025年3月1日, not after `today`
    (default: the system date) and not before 1900. Codes: validation.date.{format, future, too_old}."""
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    else:
        text = unicodedata.normalize("NFKC", clean_text(value, field=field, max_length=20))
        if not text:
            raise ValidationError("validation.required", field=field)
        found = _DATE.match(text)
        if found is None:
            raise ValidationError("validation.date.format", field=field)
        try:
            day = date(*(int(g) for g in found.groups()))
        except ValueError:
            raise ValidationError("validation.date.format", field=field) from None
    if day > (today or date.today()):
        raise ValidationError("validation.date.future", field=field)
    if day < OLDEST_DATE:
        raise ValidationError("validation.date.too_old", field=field)
    return day


def validate_masked_card(value: Any, *, field: str = "card_number") -> str:
    """A bank card number kept masked: a full number (13–19 digits passing the Luhn check)
    is masked before it is returned; an already masked one (622202******1234) is accepted.
    Codes: validation.card.{format, checksum}."""
    text = _compact_code(value, field)
    if not text:
        raise ValidationError("validation.required", field=field)
    if text.isdigit():
        if not 13 <= len(text) <= 19:
            raise ValidationError("validation.card.format", field=field)
        if not luhn.is_valid(text):
            raise ValidationError("validation.card.checksum", field=field)
        return mask_card(text)
    found = _MASKED_CARD.match(text)
    if found is None or not 13 <= len(text) <= 19:
        raise ValidationError("validation.card.format", field=field)
    return found.group(1) + "*" * len(found.group(2)) + found.group(3)


def validate_integer(value: Any, *, field: str, maximum: int = 10**9) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = _compact_code(value, field, limit=12)
        if not text:
            raise ValidationError("validation.required", field=field)
        if not text.isdigit() or len(text) > 12:
            raise ValidationError("validation.integer.format", field=field)
        number = int(text)
    if not 0 <= number <= maximum:
        raise ValidationError("validation.integer.format", field=field)
    return number


def validate_choice(value: Any, choices: Mapping[str, Any] | frozenset[str] | tuple[str, ...],
                    *, field: str) -> str:
    text = clean_text(value, field=field, max_length=64)
    if not text:
        raise ValidationError("validation.required", field=field)
    if text not in choices:
        raise ValidationError("validation.choice.unknown", field=field)
    return text


def field_errors(errors: list[ValidationError]) -> dict[str, list[ValidationError]]:
    """Errors grouped by field path, for showing each next to its field."""
    grouped: dict[str, list[ValidationError]] = {}
    for err in errors:
        grouped.setdefault(err.field, []).append(err)
    return grouped



# -- a whole intake form ----------------------------------------------------------------------

class _Form:
    """Runs checks, keeping each cleaned value and every error instead of stopping at the first."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def run(self, check: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """`check(*args, **kwargs)`, or None after recording its ValidationError."""
        try:
            return check(*args, **kwargs)
        except ValidationError as err:
            self.errors.append(err)
            return None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_ID_TYPES = tuple(t.value for t in IdDocumentType)


def _person(form: _Form, data: Mapping[str, Any], prefix: str, today: date, *,
            need_all: bool) -> dict[str, Any]:
    """Name, ID document and phone of an individual customer or an agent; when `need_all`
    is false (a known customer) a blank field is left out instead of being required."""
    out: dict[str, Any] = {}
    if need_all or not _blank(data.get("name")):
        out["name"] = form.run(validate_person_name, data.get("name"), field=f"{prefix}.name")
    # A known customer's document type alone (shown from the file) with no number typed keeps
    # the document on file: only a number typed is checked (and then with its type).
    if need_all or not _blank(data.get("id_number")):
        id_type = form.run(validate_choice, data.get("id_type"), _ID_TYPES, field=f"{prefix}.id_type")
        out["id_type"] = id_type
        if id_type:
            out["id_number"] = form.run(validate_id_document, id_type, data.get("id_number"),
                                        field=f"{prefix}.id_number", today=today)
    if need_all or not _blank(data.get("phone")):
        out["phone"] = form.run(validate_phone, data.get("phone"), field=f"{prefix}.phone")
    return out


def _customer(form: _Form, data: Any, today: date) -> dict[str, Any]:
    if not isinstance(data, Mapping):
        form.errors.append(ValidationError("validation.required", field="customer.name"))
        return {}
    kind = form.run(validate_choice, data.get("kind"), tuple(k.value for k in CustomerKind),
                    field="customer.kind")
    known = bool(data.get("existing_id"))  # a known customer: blank fields keep stored values
    out: dict[str, Any] = {"kind": kind, "existing_id": data.get("existing_id")}
    if kind == CustomerKind.CORPORATE:
        checks: dict[str, Callable[..., Any]] = {
            "name": validate_org_name, "credit_code": validate_credit_code,
            "contact_person": validate_person_name, "phone": validate_phone,
        }
        for key, check in checks.items():
            if not known or not _blank(data.get(key)):
                out[key] = form.run(check, data.get(key), field=f"customer.{key}")
    elif kind == CustomerKind.INDIVIDUAL:
        out.update(_person(form, data, "customer", today, need_all=not known))
    out["address"] = form.run(clean_text, data.get("address"), field="customer.address") or ""
    return out


def _extra_value(spec: ExtraField, value: Any, field: str, today: date) -> str:
    match spec.type:
        case FieldType.MONEY:
            return str(validate_amount(value, field=field))
        case FieldType.DATE:
            return validate_past_date(value, field=field, today=today).isoformat()
        case FieldType.MASKED_CARD:
            return validate_masked_card(value, field=field)
        case FieldType.INTEGER:
            return str(validate_integer(value, field=field))
        case FieldType.CHOICE:
            return validate_choice(value, tuple(v for v, _ in spec.options), field=field)
        case _:
            return required_text(value, field=field, max_length=spec.max_length)


def _extra_fields(form: _Form, values: Any, specs: list[ExtraField], today: date) -> dict[str, str]:
    values = values if isinstance(values, Mapping) else {}
    out: dict[str, str] = {}
    for spec in specs:
        field = f"extra_fields.{spec.key}"
        if _blank(values.get(spec.key)):
            if spec.required:
                form.errors.append(ValidationError("validation.required", field=field))
            continue
        cleaned = form.run(_extra_value, spec, values[spec.key], field, today)
        if cleaned is not None:
            out[spec.key] = cleaned
    known = {spec.key for spec in specs}
    for key, value in list(values.items())[:30]:  # fields of an older taxonomy: kept as text
        if key not in known and isinstance(key, str) and len(key) <= 64 and not _blank(value):
            text = form.run(clean_text, value, field=f"extra_fields.{key}")
            if text:
                out[key] = text
    return out


class IntakeCheck:
    """The outcome of `check_intake`: the cleaned form and every field error (empty when fine)."""

    def __init__(self, cleaned: dict[str, Any], errors: list[ValidationError]) -> None:
        self.cleaned = cleaned
        self.errors = errors

    @property
    def ok(self) -> bool:
        return not self.errors


def check_intake(data: Mapping[str, Any], *, today: date | None = None,
                 taxonomy: Taxonomy | None = None) -> IntakeCheck:
    """Check a whole intake form (the shape of `services.intake.Intake.as_dict()`): customer,
    optional agent, channel, category (business type and cause, from `taxonomy`, the shipped
    one by default) with its extra fields, description, request, amount, incident date and
    group representatives. Never raises ValidationError: every field's error is in `errors`,
    each naming its field path (`customer.id_number`, `extra_fields.card_number`)."""
    tax = taxonomy if taxonomy is not None else load_taxonomy()
    today = today or date.today()
    form = _Form()
    out: dict[str, Any] = {"customer": _customer(form, data.get("customer"), today), "agent": None}
    agent = data.get("agent")
    if isinstance(agent, Mapping):
        out["agent"] = _person(form, agent, "agent", today, need_all=True)
        out["agent"]["relationship"] = form.run(required_text, agent.get("relationship"),
                                                field="agent.relationship", max_length=40)
        out["agent"]["power_of_attorney"] = bool(agent.get("power_of_attorney"))
        out["agent"]["power_of_attorney_document"] = form.run(
            clean_text, agent.get("power_of_attorney_document") or "",
            field="agent.power_of_attorney_document", max_length=100)
    out["channel"] = form.run(validate_choice, data.get("channel") or Channel.COUNTER.value,
                              tuple(c.value for c in Channel), field="channel")
    for axis in ("business_type", "cause"):
        code = form.run(required_text, data.get(axis), field=axis, max_length=20)
        if code and not tax.has(axis, code):
            form.errors.append(ValidationError("validation.category.unknown", field=axis))
            code = None
        out[axis] = code
    if not _blank(data.get("business_channel")):
        code = form.run(clean_text, data.get("business_channel"), field="business_channel")
        if code and not tax.has("channel", code):
            form.errors.append(ValidationError("validation.category.unknown", field="business_channel"))
        out["business_channel"] = code
    specs = tax.extra_fields(out["business_type"], out["cause"])
    out["extra_fields"] = _extra_fields(form, data.get("extra_fields"), specs, today)
    out["description"] = form.run(required_text, data.get("description"), field="description",
                                  max_length=MAX_LONG_TEXT, multiline=True)
    out["request"] = form.run(required_text, data.get("request"), field="request",
                              max_length=MAX_LONG_TEXT // 2, multiline=True)
    for key in ("product", "complained_about", "contact_channel", "contact_time"):
        out[key] = form.run(clean_text, data.get(key), field=key) or ""
    amount, incident = data.get("amount"), data.get("incident_date")
    out["amount"] = None if _blank(amount) else form.run(validate_amount, amount, field="amount")
    out["incident_date"] = None if _blank(incident) else form.run(
        validate_past_date, incident, field="incident_date", today=today)
    representatives = data.get("representatives") or []
    if isinstance(representatives, list) and len(representatives) > MAX_REPRESENTATIVES:
        form.errors.append(ValidationError("validation.group.too_many", field="representatives",
                                           max=MAX_REPRESENTATIVES))
    for key in ("consent", "resolved_on_spot"):
        out[key] = bool(data.get(key))
    return IntakeCheck(out, form.errors)


def validate_intake(data: Mapping[str, Any], *, today: date | None = None,
                    taxonomy: Taxonomy | None = None, locale: str | None = None) -> list[ValidationError]:
    """Every field error of an intake form ([] when it is complete and right); see `check_intake`.
    `locale` is accepted for callers that pass it and not needed: errors are translated when shown."""
    del locale
    return check_intake(data, today=today, taxonomy=taxonomy).errors
