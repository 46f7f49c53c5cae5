"""The root causes a resolution records (溯源整改), as data: resources/root_causes.json.

A resolution may also set corrective actions (what, owner, due date), each tracked to done
by a `corrective_action_done` event; the complaint's view keeps them (projection.py)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from desktop.domain.errors import ValidationError
from desktop.domain.validation import clean_text
from desktop.resources import load_json

MAX_ACTIONS = 20


@dataclass(frozen=True, slots=True)
class RootCause:
    code: str
    label: Mapping[str, str]

    def text(self, locale: str = "zh_CN") -> str:
        return self.label.get(locale) or self.label["en"]


@cache
def root_causes() -> tuple[RootCause, ...]:
    """The shipped list, in file order."""
    data = load_json("root_causes.json")
    return tuple(RootCause(str(r["code"]), dict(r["label"])) for r in data["root_causes"])


def root_cause_label(code: str, locale: str = "zh_CN") -> str:
    """The label of `code` (the code itself when the list does not know it)."""
    return next((r.text(locale) for r in root_causes() if r.code == code), code)


def is_root_cause(code: str) -> bool:
    return any(r.code == code for r in root_causes())


@dataclass(frozen=True, slots=True)
class CorrectiveAction:
    """One corrective action as the view keeps it; `done_at` None while open."""

    id: str
    what: str
    owner: str
    due: date
    done_at: str | None = None
    done_by: str = ""

    def is_overdue(self, today: date) -> bool:
        return self.done_at is None and self.due < today


def actions_of(view_actions: list[dict[str, Any]]) -> list[CorrectiveAction]:
    """The corrective actions of a view (its plain JSON form)."""
    return [CorrectiveAction(id=str(a["id"]), what=str(a.get("what", "")),
                             owner=str(a.get("owner", "")), due=date.fromisoformat(str(a["due"])),
                             done_at=a.get("done_at"), done_by=str(a.get("done_by", "")))
            for a in view_actions]


@dataclass(frozen=True, slots=True)
class CorrectiveActionInput:
    """A corrective action as the resolve form gives it."""

    what: str
    owner: str
    due: date


def correction_fields(root_cause: str, actions: Sequence[CorrectiveActionInput],
                      today: date) -> dict[str, Any]:
    """The root cause and corrective actions of a resolution's payload, checked.
    Raises ValidationError: validation.root_cause.unknown (field root_cause),
    validation.corrective_action.what|owner|due|too_many (field corrective_actions.N.part)."""
    code = (root_cause or "").strip()
    if code and not is_root_cause(code):
        raise ValidationError("validation.root_cause.unknown", field="root_cause")
    if len(actions) > MAX_ACTIONS:
        raise ValidationError("validation.corrective_action.too_many", field="corrective_actions",
                              limit=MAX_ACTIONS)
    checked = []
    for i, a in enumerate(actions):
        where = f"corrective_actions.{i}"
        what = clean_text(a.what, field=f"{where}.what", max_length=1000, multiline=True).strip()
        if not what:
            raise ValidationError("validation.corrective_action.what", field=f"{where}.what")
        owner = clean_text(a.owner, field=f"{where}.owner", max_length=32).strip().upper()
        if not owner:
            raise ValidationError("validation.corrective_action.owner", field=f"{where}.owner")
        if not isinstance(a.due, date) or a.due < today:
            raise ValidationError("validation.corrective_action.due", field=f"{where}.due")
        checked.append({"id": uuid.uuid4().hex[:16], "what": what, "owner": owner,
                        "due": a.due.isoformat()})
    return {"root_cause": code, "corrective_actions": checked}
