"""What the record of a complaint must hold beyond the form's own checks (CBIRC Order 2020
No. 3, Art. 7 and 13), each switched on by the policy file's `intake` section:

- a group complaint names at most `max_group_representatives` representatives (name, ID and
  contact each) and the number of people they speak for;
- an agent shows a power of attorney, recorded as seen (with its document type when given);
- an on-site complaint names the branch's recording (counter or camera, time window);
- a corporate customer names its legal representative or principal contact, with ID and
  phone (`corporate_needs_representative`).

`record_rules(ctx, intake)` returns the cleaned extra fields and every error found.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from desktop.domain.errors import ValidationError
from desktop.domain.model import CustomerKind, IdDocumentType
from desktop.domain.validation import (
    clean_text,
    validate_id_document,
    validate_person_name,
    validate_phone,
)

if TYPE_CHECKING:
    from desktop.services.context import ServiceContext
    from desktop.services.intake import Intake

MAX_GROUP_PEOPLE = 100_000
# Who speaks for a corporate customer (CBIRC Art. 13).
CORPORATE_CAPACITIES = ("legal_representative", "principal_contact")


def _check(errors: list[ValidationError], fn: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return fn(*args, **kwargs)
    except ValidationError as exc:
        errors.append(exc)
        return None


def record_rules(ctx: ServiceContext, intake: Intake) -> tuple[dict[str, Any], list[ValidationError]]:
    policy = ctx.policy
    errors: list[ValidationError] = []
    out: dict[str, Any] = {
        "grounds": _check(errors, clean_text, intake.grounds, field="grounds", max_length=4000,
                          multiline=True) or "",
        "recording_reference": _check(errors, clean_text, intake.recording_reference,
                                      field="recording_reference", max_length=200) or "",
        "group": None,
    }
    if intake.channel.value in policy.recording_reference_channels and not out["recording_reference"].strip():
        errors.append(ValidationError("validation.recording_reference_required",
                                      field="recording_reference"))
    agent = intake.agent
    # Seen at the counter; its document type is recorded when given (the window has no field
    # for it yet, so it is not required).
    if agent is not None and policy.agent_needs_power_of_attorney and not agent.power_of_attorney:
        errors.append(ValidationError("validation.power_of_attorney_required",
                                      field="agent.power_of_attorney"))
    out["corporate_representative"] = _corporate_representative(policy, intake, errors)
    group = intake.group
    if group is not None:
        limit = policy.max_group_representatives
        reps = group.representatives
        if not reps:
            errors.append(ValidationError("validation.group_needs_representative", field="group"))
        if len(reps) > limit:
            errors.append(ValidationError("validation.group_too_many_representatives",
                                          field="group.representatives", limit=limit,
                                          given=len(reps)))
        people = group.people
        if not isinstance(people, int) or isinstance(people, bool) or not max(2, len(reps)) <= people <= MAX_GROUP_PEOPLE:
            errors.append(ValidationError("validation.group_people", field="group.people"))
        cleaned = []
        for i, rep in enumerate(reps[:limit]):
            where = f"group.representatives[{i}]"
            cleaned.append({
                "name": _check(errors, validate_person_name, rep.name, field=f"{where}.name"),
                "id_type": rep.id_type.value,
                "id_number": _check(errors, validate_id_document, rep.id_type.value, rep.id_number,
                                    field=f"{where}.id_number"),
                "phone": _check(errors, validate_phone, rep.phone, field=f"{where}.phone"),
            })
        out["group"] = {"representatives": cleaned, "people": people}
    return out, errors


def _corporate_representative(policy: Any, intake: Intake,
                              errors: list[ValidationError]) -> dict[str, Any] | None:
    if intake.customer.kind is not CustomerKind.CORPORATE:
        return None
    rep = intake.corporate_representative
    data = None if rep is None else {"capacity": rep.capacity, "name": rep.name,
                                     "id_type": rep.id_type.value, "id_number": rep.id_number,
                                     "phone": rep.phone}
    cleaned, found = check_corporate_representative(data, policy.corporate_needs_representative)
    errors += found
    return cleaned


def check_corporate_representative(data: Mapping[str, Any] | None, required: bool,
                                   ) -> tuple[dict[str, Any] | None, list[ValidationError]]:
    """A corporate customer's representative (plain values: capacity, name, id_type,
    id_number, phone) checked like every person's details, and every error by field path
    (`corporate_representative.id_number`). None given where `required`: an error on
    `corporate_representative` (CBIRC Art. 13, the policy's `corporate_needs_representative`)."""
    errors: list[ValidationError] = []
    where = "corporate_representative"
    if data is None:
        if required:
            errors.append(ValidationError("validation.corporate_representative_required", field=where))
        return None, errors
    capacity = str(data.get("capacity") or "")
    if capacity not in CORPORATE_CAPACITIES:
        errors.append(ValidationError("validation.choice.unknown", field=f"{where}.capacity"))
    id_type = str(data.get("id_type") or "")
    if id_type not in {t.value for t in IdDocumentType}:
        errors.append(ValidationError("validation.choice.unknown", field=f"{where}.id_type"))
    cleaned = {
        "capacity": capacity if capacity in CORPORATE_CAPACITIES else "",
        "name": _check(errors, validate_person_name, data.get("name"), field=f"{where}.name"),
        "id_type": id_type,
        "id_number": _check(errors, validate_id_document, id_type, data.get("id_number"),
                            field=f"{where}.id_number") if id_type else None,
        "phone": _check(errors, validate_phone, data.get("phone"), field=f"{where}.phone"),
    }
    return cleaned, errors
