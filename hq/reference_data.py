"""Reference data the console publishes (taxonomy, policy, calendar, letter templates,
roster): check an upload with the loaders the branch itself uses, show it against the
published version, publish it, list the history and roll back.

A roll back publishes an old version's content again as the newest version, so every
branch's device (which keeps the newest version it pulled) takes it on its next sync.

What can go wrong: InvalidRequest (hq.reference.not_json / hq.reference.rejected with
the loader's own message) for an upload the branch could not load; NotFound for a
version HQ never published.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from desktop.domain.calendar import calendar_from_dict
from desktop.domain.documents import LETTER_FIELDS
from desktop.domain.errors import DomainError
from desktop.domain.model import Outcome, Role
from desktop.domain.policy import DeadlinePolicy, load_policy, policy_from_dict
from desktop.domain.taxonomy import taxonomy_from_dict
from desktop.i18n import LOCALES
from desktop.sync.wire import REFERENCE_KINDS
from hq import admin, tables
from hq.errors import InvalidRequest, NotFound

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
_references = tables.reference_documents


@dataclass(frozen=True, slots=True)
class PublishedVersion:
    version: int
    published_at: datetime


def parse_upload(kind: str, raw: bytes | str) -> Any:
    """The JSON document of an upload, checked as the branch will load it."""
    if kind not in REFERENCE_KINDS:
        raise InvalidRequest("hq.reference.unknown_kind", kind=kind[:40])
    if len(raw) > MAX_UPLOAD_BYTES:
        raise InvalidRequest("hq.reference.too_large", limit=MAX_UPLOAD_BYTES)
    try:
        content = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InvalidRequest("hq.reference.not_json") from None
    check(kind, content)
    return content


def check(kind: str, content: Any, published_calendar: Mapping[str, Any] | None = None) -> None:
    """Raise InvalidRequest unless a branch device can load `content` as `kind`."""
    try:
        if kind == "taxonomy":
            taxonomy_from_dict(_object(content))
        elif kind == "calendar":
            calendar_from_dict(_object(content))
        elif kind == "policy":
            calendar = calendar_from_dict(published_calendar) if published_calendar else None
            policy_from_dict(_object(content), calendar)
        elif kind == "letter_templates":
            _check_letter_templates(content)
        elif kind == "roster":
            _check_roster(content)
    except DomainError as exc:
        raise InvalidRequest("hq.reference.rejected", kind=kind,
                             detail=exc.message("en")[:300]) from None


def _object(content: Any) -> Mapping[str, Any]:
    if not isinstance(content, dict):
        raise InvalidRequest("hq.reference.rejected", kind="-", detail="not a JSON object")
    return content


def _check_letter_templates(content: Any) -> None:
    """{locale: {outcome: {field: text}}} with the fields reports.letter prints."""
    for locale, by_outcome in _object(content).items():
        if locale not in LOCALES or not isinstance(by_outcome, dict):
            raise DomainError("hq.reference.bad_letter_templates", where=str(locale)[:20])
        for outcome, fields in by_outcome.items():
            if outcome not in {o.value for o in Outcome} or not isinstance(fields, dict):
                raise DomainError("hq.reference.bad_letter_templates", where=str(outcome)[:20])
            if not all(k in LETTER_FIELDS and isinstance(v, str) for k, v in fields.items()):
                raise DomainError("hq.reference.bad_letter_templates", where=str(outcome)[:20])


def _check_roster(content: Any) -> None:
    """The entries the branch's apply_published_roster builds RosterEntry values from."""
    entries = content.get("staff") if isinstance(content, dict) else content
    if not isinstance(entries, list):
        raise DomainError("hq.reference.bad_roster_entry", position=0)
    roles = {r.value for r in Role}
    for position, entry in enumerate(entries):
        if not (isinstance(entry, dict) and str(entry.get("number", "")).strip()
                and str(entry.get("name", "")).strip() and entry.get("role") in roles
                and isinstance(entry.get("branch_code"), str)
                and str(entry.get("password_hash", "")).startswith("$argon2id$")):
            raise DomainError("hq.reference.bad_roster_entry", position=position)
    if isinstance(content, dict):  # what the branch loads: units, and each member's unit known
        from desktop.domain.reference_files import RosterFile
        from desktop.domain.reference_files import check as check_file

        check_file(RosterFile, content, "roster.invalid")


def history(conn: Connection, kind: str) -> list[PublishedVersion]:
    """Every published version of `kind`, newest first."""
    rows = conn.execute(
        select(_references.c.version, func.min(_references.c.published_at))
        .where(_references.c.kind == kind).group_by(_references.c.version)
        .order_by(_references.c.version.desc()))
    return [PublishedVersion(int(v), _aware(at)) for v, at in rows]


def _aware(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=datetime.now().astimezone().tzinfo)
    return datetime.fromisoformat(str(value))


def content_of(conn: Connection, kind: str, version: int | None = None) -> Any:
    """The document as published in `version` (default: the newest), or None if none.
    A per-branch document (the roster) is put back together from its branches' parts."""
    if version is None:
        version = conn.execute(select(func.max(_references.c.version))
                               .where(_references.c.kind == kind)).scalar()
        if version is None:
            return None
    parts = [json.loads(text) for text in conn.execute(
        select(_references.c.content)
        .where(_references.c.kind == kind, _references.c.version == version)
        .order_by(_references.c.seq)).scalars()]
    if not parts:
        raise NotFound("hq.reference.no_version", kind=kind, version=version)
    if len(parts) == 1:
        return parts[0]
    return {"staff": [entry for part in parts for entry in part.get("staff", [])],
            "units": [unit for part in parts for unit in part.get("units", [])]}


def diff_lines(old: Any, new: Any) -> list[str]:
    """A unified diff of the two documents as indented JSON (empty when equal)."""
    def lines(doc: Any) -> list[str]:
        if doc is None:
            return []
        return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True).splitlines()
    return list(difflib.unified_diff(lines(old), lines(new), "published", "upload",
                                     lineterm="", n=2))


def publish(conn: Connection, kind: str, content: Any, now: datetime) -> int:
    """Check and publish `content` as the newest version of `kind`; returns the version."""
    calendar = content_of(conn, "calendar") if kind == "policy" else None
    check(kind, content, calendar if isinstance(calendar, dict) else None)
    return admin.publish_reference(conn, kind, content, now)


def roll_back(conn: Connection, kind: str, version: int, now: datetime) -> int:
    """Publish the content of `version` again as the newest version; returns it."""
    return publish(conn, kind, content_of(conn, kind, version), now)


def policy_in_force(conn: Connection) -> DeadlinePolicy:
    """The deadline policy (and calendar) HQ published last, else the shipped default:
    the one the branches themselves use."""
    published = content_of(conn, "policy")
    calendar = content_of(conn, "calendar")
    cal = calendar_from_dict(calendar) if isinstance(calendar, dict) else None
    if isinstance(published, dict):
        return policy_from_dict(published, cal)
    policy = load_policy()
    return dataclasses.replace(policy, calendar=cal) if cal is not None else policy
