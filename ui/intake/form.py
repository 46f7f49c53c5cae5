"""The intake form's values as one plain dict, its checks, and the Intake it becomes.

The dict has the shape of `Intake.as_dict()` (so the domain's `check_intake`
reads it directly) plus a few screen-only keys under "screen". It is also what
a draft stores, so a restored draft is exactly the form that was on screen.
Nothing here touches widgets or the database.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.errors import ValidationError
from desktop.domain.model import Agent, Channel, CustomerKind, IdDocumentType, Outcome
from desktop.domain.taxonomy import Taxonomy
from desktop.domain.validation import IntakeCheck, check_intake
from desktop.services.counter_intake import Settlement
from desktop.services.intake import (
    CorporateRepresentative,
    CustomerInput,
    GroupComplaint,
    Intake,
    Representative,
)
from ui.i18n import QT_TRANSLATE_NOOP

DRAFT_FORMAT = 1
# The optional channel of the business complained about is recorded once the core's Intake
# carries it; until then the category step does not ask for it.
INTAKE_HAS_BUSINESS_CHANNEL = "business_channel" in {f.name for f in fields(Intake)}


def empty_form() -> dict[str, Any]:
    return {
        "customer": {"kind": CustomerKind.INDIVIDUAL.value, "name": "",
                     "id_type": IdDocumentType.RESIDENT_ID.value, "id_number": "", "phone": "",
                     "address": "", "credit_code": "", "contact_person": "", "existing_id": None},
        "agent": None,
        "channel": Channel.COUNTER.value,
        "business_type": "", "cause": "", "business_channel": "",
        "extra_fields": {},
        "description": "", "request": "", "product": "", "amount": "", "incident_date": "",
        "contact_channel": "phone", "contact_time": "", "complained_about": "",
        "complained_staff": "", "complained_unit": "", "group": None, "corporate_representative": None, "grounds": "", "recording_reference": "",
        "consent": False, "resolved_on_spot": False, "repeat_of": None,
        "resolution": {"outcome": "upheld", "findings": "", "customer_summary": "",
                       "verification": "", "basis": "", "remedy": "", "compensation": "",
                       "confirmed": False, "satisfaction": 0},
        # shown on screen only: who the known customer is (masked), what was searched
        "screen": {"known_customer": None, "search": "", "confirmed_phone": ""},
    }


def empty_agent() -> dict[str, Any]:
    return {"name": "", "id_type": IdDocumentType.RESIDENT_ID.value, "id_number": "", "phone": "",
            "relationship": "", "power_of_attorney": False, "power_of_attorney_document": ""}


def merged_with_defaults(saved: dict[str, Any]) -> dict[str, Any]:
    """A draft's form with any key a newer version added filled with its default."""
    form = empty_form()
    for key, value in saved.items():
        if isinstance(value, dict) and isinstance(form.get(key), dict):
            form[key] = {**form[key], **value}
        elif key in form:
            form[key] = value
    return form


@dataclass(frozen=True, slots=True)
class FormCheck:
    """Field path → message code errors of the whole form, and the cleaned values."""

    errors: dict[str, ValidationError]
    cleaned: dict[str, Any]

    def has_errors_in(self, prefixes: tuple[str, ...]) -> bool:
        return any(_within(path, prefixes) for path in self.errors)

    def first_in(self, prefixes: tuple[str, ...]) -> str | None:
        return next((path for path in self.errors if _within(path, prefixes)), None)


def _within(path: str, prefixes: tuple[str, ...]) -> bool:
    return any(path == p or path.startswith(p + ".") for p in prefixes)


CONSENT = "consent"
CONFIRMATION_REQUIRED = QT_TRANSLATE_NOOP(
    "IntakeRules", "Tick this once the customer has confirmed the complaint is settled.")


class CounterRuleError(ValidationError):
    """A rule of the counter screen on top of the domain's checks; its text is a Qt translation."""

    def __init__(self, text: str, *, field: str) -> None:
        self.text = text
        super().__init__("validation.invalid", field=field)

    def message(self, locale: str | None = None) -> str:
        return QCoreApplication.translate("IntakeRules", self.text)


def check_form(form: dict[str, Any], today: date, taxonomy: Taxonomy) -> FormCheck:
    """Every error of the form, keyed by field path (the first error of each field).
    Adds the counter's own rules on top of the domain's: consent must be given, and a
    complaint resolved on the spot needs findings, the summary its letter tells the customer
    and the customer's confirmation."""
    data = {k: v for k, v in form.items() if k not in ("screen", "resolution")}
    result: IntakeCheck = check_intake(data, today=today, taxonomy=taxonomy)
    errors: dict[str, ValidationError] = {}
    for err in result.errors:
        errors.setdefault(err.field, err)
    if (form.get("customer") or {}).get("kind") == CustomerKind.CORPORATE.value:
        # Its representative as typed; whether the policy requires one, the box knows.
        from desktop.services.intake_rules import check_corporate_representative

        rep = form.get("corporate_representative")
        for err in check_corporate_representative(rep if isinstance(rep, dict) else None, False)[1]:
            errors.setdefault(err.field, err)
    if not form.get("consent"):
        errors.setdefault(CONSENT, ValidationError("validation.consent_required", field=CONSENT))
    if form.get("resolved_on_spot"):
        resolution = form.get("resolution") or {}
        for part in ("findings", "customer_summary"):
            if not str(resolution.get(part, "")).strip():
                errors.setdefault(f"resolution.{part}", ValidationError(
                    "validation.required", field=f"resolution.{part}"))
        if not resolution.get("confirmed"):
            errors.setdefault("resolution.confirmed",
                              CounterRuleError(CONFIRMATION_REQUIRED, field="resolution.confirmed"))
        compensation = str(resolution.get("compensation", "") or "").strip()
        if compensation:
            from desktop.domain.validation import validate_amount

            try:
                validate_amount(compensation, field="resolution.compensation")
            except ValidationError as err:
                errors.setdefault("resolution.compensation", err)
    return FormCheck(errors=errors, cleaned=result.cleaned)


def intake_from(cleaned: dict[str, Any], form: dict[str, Any]) -> Intake:
    """The Intake to record, from `check_intake`'s cleaned values (normalised ID numbers and
    phones, masked card numbers, amounts as Decimal). Call only when the check found no error."""
    c = cleaned["customer"]
    kind = CustomerKind(c.get("kind") or CustomerKind.INDIVIDUAL.value)
    id_type = c.get("id_type")
    customer = CustomerInput(
        kind=kind, name=c.get("name") or "",
        id_type=IdDocumentType(id_type) if id_type and kind is CustomerKind.INDIVIDUAL else None,
        id_number=(c.get("id_number") or "") if kind is CustomerKind.INDIVIDUAL else "",
        phone=c.get("phone") or "", address=c.get("address") or "",
        credit_code=(c.get("credit_code") or "") if kind is CustomerKind.CORPORATE else "",
        contact_person=(c.get("contact_person") or "") if kind is CustomerKind.CORPORATE else "",
        existing_id=c.get("existing_id") or None,
    )
    agent = None
    a = cleaned.get("agent")
    if a:
        agent = Agent(name=a["name"], id_type=IdDocumentType(a["id_type"]),
                           id_number=a["id_number"], phone=a["phone"],
                           relationship=a["relationship"],
                           power_of_attorney=bool(a.get("power_of_attorney")),
                           power_of_attorney_document=str(a.get("power_of_attorney_document") or ""))
    amount = cleaned.get("amount")
    incident = cleaned.get("incident_date")
    extra: dict[str, Any] = {}
    if INTAKE_HAS_BUSINESS_CHANNEL:
        extra["business_channel"] = cleaned.get("business_channel") or ""
    return Intake(
        **extra,
        customer=customer, business_type=cleaned["business_type"], cause=cleaned["cause"],
        description=cleaned["description"], request=cleaned["request"],
        channel=Channel(cleaned.get("channel") or Channel.COUNTER.value),
        product=cleaned.get("product") or "",
        amount=Decimal(str(amount)) if amount is not None else None,
        incident_date=incident.isoformat() if incident is not None else "",
        extra_fields=dict(cleaned.get("extra_fields") or {}),
        contact_channel=cleaned.get("contact_channel") or "phone",
        contact_time=cleaned.get("contact_time") or "",
        complained_about=cleaned.get("complained_about") or "",
        complained_staff=str(form.get("complained_staff") or ""),
        complained_unit=str(form.get("complained_unit") or ""),
        grounds=str(form.get("grounds") or ""),
        recording_reference=str(form.get("recording_reference") or ""),
        agent=agent, consent=bool(form.get("consent")), group=_group(form.get("group")),
        corporate_representative=_representative(form.get("corporate_representative"), kind),
        resolved_on_spot=bool(form.get("resolved_on_spot")),
        repeat_of=str(form.get("repeat_of") or "") or None,
    )


def _representative(rep: Any, kind: CustomerKind) -> CorporateRepresentative | None:
    """Who speaks for a company, as the customer step recorded it (the core checks it)."""
    if kind is not CustomerKind.CORPORATE or not isinstance(rep, dict):
        return None
    id_type = str(rep.get("id_type") or IdDocumentType.RESIDENT_ID.value)
    return CorporateRepresentative(
        capacity=str(rep.get("capacity") or ""), name=str(rep.get("name") or ""),
        id_type=IdDocumentType(id_type) if id_type in {t.value for t in IdDocumentType}
        else IdDocumentType.OTHER, id_number=str(rep.get("id_number") or ""),
        phone=str(rep.get("phone") or ""))


def _group(group: Any) -> GroupComplaint | None:
    """The group complaint the details step recorded (the core checks it: CBIRC Art. 13)."""
    if not isinstance(group, dict):
        return None
    reps = tuple(Representative(name=str(r.get("name") or ""),
                                id_type=IdDocumentType(r.get("id_type") or IdDocumentType.RESIDENT_ID.value),
                                id_number=str(r.get("id_number") or ""), phone=str(r.get("phone") or ""))
                 for r in group.get("representatives") or [] if isinstance(r, dict))
    return GroupComplaint(representatives=reps, people=int(group.get("people") or 0))


def settlement_from(form: dict[str, Any]) -> Settlement | None:
    """The decision given at the counter, when the complaint is settled on the spot."""
    if not form.get("resolved_on_spot"):
        return None
    r = form.get("resolution") or {}
    score = int(r.get("satisfaction") or 0)
    return Settlement(outcome=Outcome(r.get("outcome") or Outcome.UPHELD.value),
                      findings=str(r.get("findings") or ""),
                      customer_summary=str(r.get("customer_summary") or ""),
                      verification=str(r.get("verification") or ""),
                      basis=str(r.get("basis") or ""),
                      basis_reference=str(r.get("basis_reference") or ""),
                      remedy=str(r.get("remedy") or ""),
                      compensation=str(r.get("compensation") or "").strip() or None,
                      satisfaction=score or None)


def draft_payload(form: dict[str, Any], step: int, touched: set[str]) -> dict[str, Any]:
    return {"format": DRAFT_FORMAT, "form": copy.deepcopy(form), "step": step,
            "touched": sorted(touched)}


def form_from_draft(data: dict[str, Any]) -> tuple[dict[str, Any], int, set[str]]:
    """The form, step and touched fields a draft holds (defaults for anything missing)."""
    form = merged_with_defaults(data.get("form") or {})
    step = int(data.get("step") or 0)
    touched = {str(t) for t in data.get("touched") or []}
    return form, step, touched
