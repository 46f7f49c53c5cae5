"""What the records-retention rule removes from an event's payload, the same on a branch PC
(desktop.services.retention) and at HQ (hq.retention): identity data — names, ID and phone
numbers, addresses, of the customer, an agent, a company's representative and a group's
representatives — and either
every identity number typed into free text (`anonymise`) or every free text (`purge`).
The digest of what the payload held before is what the audit record keeps."""

from __future__ import annotations

import hashlib
from typing import Any

from desktop.domain.chain import canonical_json
from desktop.domain.masking import scrub

IDENTITY_FIELDS = ("name", "id_number", "phone", "address", "credit_code", "contact_person")
FREE_TEXT_FIELDS = ("description", "request", "grounds", "recording_reference", "text", "comment",
                    "findings", "customer_summary", "verification", "basis", "basis_reference", "remedy", "reason",
                    "complained_about", "product", "extra_fields")
ANONYMISED_MARK = "_anonymised"  # the payload member that records the digest and the action


def _blank(value: Any) -> Any:
    if isinstance(value, dict):
        return {}
    return "" if isinstance(value, str) else None


def _person(value: dict[str, Any]) -> dict[str, Any]:
    return {k: ("" if k in IDENTITY_FIELDS else v) for k, v in value.items()}


def stripped_payload(payload: dict[str, Any], purge: bool) -> dict[str, Any]:
    """`payload` without its identity data, and with free text scrubbed (or, `purge`, emptied)."""
    out = dict(payload)
    for key in ("customer", "agent", "corporate_representative"):
        person = out.get(key)
        if isinstance(person, dict):
            out[key] = _person(person)
    group = out.get("group")
    if isinstance(group, dict):
        out["group"] = {**group, "representatives": [
            _person(rep) for rep in group.get("representatives") or [] if isinstance(rep, dict)]}
    if "customer_name" in out:
        out["customer_name"] = ""
    for key in FREE_TEXT_FIELDS:
        if key not in out:
            continue
        if purge:
            out[key] = _blank(out[key])
        elif isinstance(out[key], str):  # numbers typed into free text go too
            out[key] = scrub(out[key])
    return out


def payload_digest(payload: dict[str, Any]) -> str:
    """SHA-256 of the payload's canonical JSON: what the audit record says an event held."""
    return hashlib.sha256(canonical_json(payload)).hexdigest()


__all__ = ["ANONYMISED_MARK", "FREE_TEXT_FIELDS", "IDENTITY_FIELDS", "payload_digest",
           "stripped_payload"]
