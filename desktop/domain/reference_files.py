"""The shapes of the reference-data files HQ publishes: taxonomy, deadline policy,
working-day calendar and staff roster (with the branches' units), as pydantic models.

A file is checked against its model before anything is built from it, so a mistake
is reported with the path of the field at fault (`rules[0].extensions[1].approver_roles[0]:
Input should be 'teller', ...`) and nothing of the file is used. The same models give the
JSON Schemas in `resources/schemas/` that publishers can check a file against before
publishing it (`tools/reference_schemas.py` writes them; a test keeps them in step).

Only the shape and the rules one file can check on its own live here; the loaders
(`taxonomy.py`, `policy.py`, `calendar.py`, `security/staff.py`) build the domain objects.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Annotated, Any, Literal, TypeVar, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pydantic
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from desktop.domain.errors import PolicyError
from desktop.domain.model import Role

AXES = ("channel", "business_type", "cause")
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[str, ...] = get_args(Weekday)  # Monday first, as date.weekday() counts
MAX_PERIOD_DAYS = 3660
MAX_HOLIDAY_RANGE_DAYS = 31
MAX_STAFF_NUMBER = 32
# The parts a decision letter may be required to carry (policy `decision_letter`).
LetterPart = Literal["verification", "findings", "basis", "basis_reference", "decision", "remedies"]
LETTER_PARTS: tuple[str, ...] = get_args(LetterPart)


def _both_languages(names: dict[str, str]) -> dict[str, str]:
    if not names.get("zh_CN", "").strip() or not names.get("en", "").strip():
        raise ValueError("needs a zh_CN and an en text")
    return names


def _time_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError("not a known time zone (IANA name such as Asia/Shanghai)") from None
    return name


Labels = Annotated[dict[str, str], AfterValidator(_both_languages),
                   Field(description="The same text in zh_CN and en (other locales may follow)",
                         json_schema_extra={"required": ["zh_CN", "en"]})]
TimeZone = Annotated[str, AfterValidator(_time_zone)]
PlainId = Annotated[str, Field(pattern=r"^[a-z0-9_]{1,60}$")]


class _File(BaseModel):
    """Unknown keys are refused, so a misspelt key is an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldType(enum.StrEnum):
    """The kinds of extra field a taxonomy rule may ask for at intake."""

    TEXT = "text"
    INTEGER = "integer"
    MONEY = "money"
    DATE = "date"
    MASKED_CARD = "masked_card"
    CHOICE = "choice"


class DayCount(enum.StrEnum):
    """How a period's days are counted."""

    CALENDAR = "calendar"
    WORKING = "working"


# -- calendar ----------------------------------------------------------------------------------

class HolidayEntry(_File):
    """One day (`date`) or a range of days (`from`, `to`, both included)."""

    model_config = ConfigDict(populate_by_name=True, json_schema_extra={
        "oneOf": [{"required": ["date"]}, {"required": ["from"]}]})
    date: dt.date | None = None
    from_: dt.date | None = Field(None, alias="from")
    to: dt.date | None = None
    name: Labels

    @model_validator(mode="after")
    def _one_day_or_a_range(self) -> HolidayEntry:
        if (self.date is None) == (self.from_ is None):
            raise ValueError("give either date, or from (and to)")
        if self.date is None and self.to is not None:
            assert self.from_ is not None
            if self.to < self.from_ or (self.to - self.from_).days > MAX_HOLIDAY_RANGE_DAYS:
                raise ValueError(f"to must be on or after from, at most {MAX_HOLIDAY_RANGE_DAYS} days later")
        return self

    def days(self) -> list[dt.date]:
        first = self.date or self.from_
        assert first is not None
        last = self.to or first
        return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


class WorkingDayEntry(_File):
    """A make-up working day (调休上班): works even on a weekend."""

    date: dt.date
    name: Labels


class CalendarFile(_File):
    """A working-day calendar: weekend days, public holidays and make-up working days
    (调休) of the years it covers. Days of other years count on the weekend rule alone."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9_]{1,40}$")]
    name: Labels
    source: str = ""
    timezone: TimeZone = "UTC"
    weekend: list[Weekday] = ["sat", "sun"]
    years: list[Annotated[int, Field(ge=1900, le=2200)]] = Field(min_length=1)
    holidays: list[HolidayEntry] = []
    working_days: list[WorkingDayEntry] = []

    @model_validator(mode="after")
    def _days_agree(self) -> CalendarFile:
        off = {d for entry in self.holidays for d in entry.days()}
        clash = sorted(off & {w.date for w in self.working_days})
        if clash:
            raise ValueError(f"{clash[0]} is both a holiday and a working day")
        stray = sorted(d for d in (*off, *(w.date for w in self.working_days)) if d.year not in self.years)
        if stray:
            raise ValueError(f"{stray[0]} lies outside the declared years")
        return self


# -- deadline policy ---------------------------------------------------------------------------

class PeriodSpec(_File):
    days: Annotated[int, Field(ge=0, le=MAX_PERIOD_DAYS)]
    count: DayCount = DayCount.CALENDAR


class ExtensionSpec(_File):
    """One extension level: `total` days from receipt or `extra` days past the current due day."""

    level: Annotated[int, Field(ge=1)]
    total: PeriodSpec | None = None
    extra: PeriodSpec | None = None
    approval: Literal["branch", "hq"] = Field("branch", description=(
        "hq: the branch requests the extension and HQ's decision event puts it into effect"))
    approver_roles: list[Role] = Field(min_length=1)
    notify_customer: bool = True
    label: Labels

    @model_validator(mode="after")
    def _total_or_extra(self) -> ExtensionSpec:
        if (self.total is None) == (self.extra is None):
            raise ValueError("give exactly one of total, extra")
        if self.approval == "hq" and set(self.approver_roles) != {Role.HQ_OFFICER}:
            raise ValueError("an HQ approval names only hq_officer")
        return self


class MatchSpec(_File):
    business_type: list[str] = []
    cause: list[str] = []


class RuleSpec(_File):
    id: str = Field(min_length=1)
    label: Labels
    match: MatchSpec | None = None
    decision: PeriodSpec
    max_total: PeriodSpec | None = None
    acknowledgement: PeriodSpec | None = None
    summary_resolution: PeriodSpec | None = None
    holding_response: PeriodSpec | None = Field(None, description=(
        "From receipt: by then, with no final response, the customer is sent the policy's "
        "`holding_response` text (UK DISP 1.6.2: 8 weeks)"))
    extensions: list[ExtensionSpec] = []

    @model_validator(mode="after")
    def _levels_in_order(self) -> RuleSpec:
        if [e.level for e in self.extensions] != list(range(1, len(self.extensions) + 1)):
            raise ValueError("extension levels must run 1, 2, 3 ...")
        return self

    @property
    def matches_everything(self) -> bool:
        return self.match is None or not (self.match.business_type or self.match.cause)


class ReviewSpec(_File):
    request_within: PeriodSpec | None = None
    decide_within: PeriodSpec | None = None


class ReferralSpec(_File):
    months: Annotated[int, Field(ge=1, le=120)] | None = None
    body: Labels | None = None


class DecisionLetterSpec(_File):
    """The parts every decision letter must carry, and more for some outcomes."""

    required_parts: list[LetterPart] = []
    required_for_outcome: dict[str, list[LetterPart]] = {}


class MaskingSpec(_File):
    """Which identity fields one kind of document prints masked (true) or in full (false)."""

    name: bool = True
    address: bool = True
    id_number: bool = True
    phone: bool = True


DocumentKind = Literal["receipt", "letter", "notice", "day_end"]


class IntakeSpec(_File):
    """What the record of a complaint must hold (CBIRC Order 2020 No. 3, Art. 7 and 13)."""

    max_group_representatives: Annotated[int, Field(ge=1, le=50)] = 5
    agent_needs_power_of_attorney: bool = True
    recording_reference_channels: list[Annotated[str, Field(pattern=r"^[a-z_]{1,30}$")]] = []
    # A corporate customer names its legal representative or principal contact, with ID and
    # phone (CBIRC Art. 13).
    corporate_needs_representative: bool = False


class PolicyFile(_File):
    """A deadline policy: periods for decisions, extensions, reviews and referrals, matched on
    the complaint's category (first rule that matches; the last rule matches everything)."""

    id: PlainId
    name: Labels
    source: str = ""
    timezone: TimeZone
    calendar: Annotated[str, Field(pattern=r"^[a-z0-9_]{1,40}$")]
    last_day_on_holiday: Literal["keep", "next_working_day"] = "keep"
    due_soon: PeriodSpec
    withdrawal: Literal["same_day"] = "same_day"
    retention_years: Annotated[int, Field(ge=0, le=100)]
    retention_action: Literal["anonymise", "purge"] = Field("anonymise", description=(
        "what happens to a closed complaint's identity data once retention_years have passed"))
    repeat_window_days: Annotated[int, Field(ge=0, le=MAX_PERIOD_DAYS)] = 365
    review: ReviewSpec | None = None
    referral: ReferralSpec | None = None
    rules: list[RuleSpec] = Field(json_schema_extra={"minItems": 1})
    texts: dict[str, Labels] = {}
    decision_letter: DecisionLetterSpec | None = None
    intake: IntakeSpec | None = None
    masking: dict[DocumentKind, MaskingSpec] = Field({}, description=(
        "per kind of document, which identity fields are printed masked; "
        "a kind not named keeps its default (letters and notices: full name and address)"))

    @field_validator("rules")
    @classmethod
    def _ends_with_a_catch_all(cls, rules: list[RuleSpec]) -> list[RuleSpec]:
        if not rules or not rules[-1].matches_everything:
            raise ValueError("the last rule must match everything (no match)")
        return rules


# -- taxonomy ----------------------------------------------------------------------------------

class CategoryNode(_File):
    code: str = Field(min_length=1, max_length=40)
    label: Labels
    children: list[CategoryNode] = []
    checklist: list[Labels] = []
    keywords: list[str] = []


class AxisSpec(_File):
    label: Labels
    categories: list[CategoryNode]


class AxesSpec(_File):
    channel: AxisSpec
    business_type: AxisSpec
    cause: AxisSpec


class OptionSpec(_File):
    value: str = Field(min_length=1)
    label: Labels


class FieldSpec(_File):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]{0,59}$")
    type: FieldType
    label: Labels
    required: bool = False
    max_length: Annotated[int, Field(ge=1, le=10000)] = 200
    options: list[OptionSpec] = []

    @model_validator(mode="after")
    def _choice_has_options(self) -> FieldSpec:
        if self.type is FieldType.CHOICE and not self.options:
            raise ValueError("a choice needs options")
        return self


class ExtraFieldRuleSpec(_File):
    business_type: str | None = None
    cause: str | None = None
    fields: list[FieldSpec] = []
    checklist: list[Labels] = []


def _codes(nodes: list[CategoryNode]) -> list[str]:
    return [code for n in nodes for code in (n.code, *_codes(n.children))]


class TaxonomyFile(_File):
    """The complaint taxonomy: three axes of coded category trees (JR/T 0169-2018) and the
    extra intake fields and checklists some categories need."""

    id: PlainId
    version: str = ""
    source: str = ""
    name: Labels | None = None
    axes: AxesSpec
    extra_fields: list[ExtraFieldRuleSpec] = []

    @model_validator(mode="after")
    def _codes_unique_and_known(self) -> TaxonomyFile:
        known: dict[str, set[str]] = {}
        for axis in AXES:
            codes = _codes(getattr(self.axes, axis).categories)
            twice = sorted({c for c in codes if codes.count(c) > 1})
            if twice:
                raise ValueError(f"axes.{axis}: code {twice[0]} appears twice")
            known[axis] = set(codes)
        for i, rule in enumerate(self.extra_fields):
            for axis in ("business_type", "cause"):
                code = getattr(rule, axis)
                if code is not None and code not in known[axis]:
                    raise ValueError(f"extra_fields[{i}].{axis}: unknown code {code[:40]}")
        return self


# -- staff roster ------------------------------------------------------------------------------

UnitCode = Annotated[str, Field(pattern=r"^[A-Z0-9_]{1,32}$")]
BranchCode = Annotated[str, Field(pattern=r"^[A-Z0-9]{2,12}$")]


class RosterUnit(_File):
    """A unit of a branch (a counter team, a department) a complaint may be about (回避)."""

    code: UnitCode
    name: Labels
    branch_code: BranchCode | None = None


class RosterMember(_File):
    """A staff member as HQ publishes them: the argon2id hash, never a password."""

    number: str = Field(min_length=1, max_length=MAX_STAFF_NUMBER)
    name: str = Field(min_length=1, max_length=100)
    role: Role
    branch_code: BranchCode | None = None
    password_hash: str = Field(pattern=r"^\$argon2id\$")
    active: bool = True
    unit: UnitCode | None = Field(None, description="The code of the member's unit (`units`)")


class RosterFile(_File):
    """The staff and units of every branch; each device applies those of its own branch."""

    staff: list[RosterMember]
    units: list[RosterUnit] = []

    @model_validator(mode="after")
    def _units_known(self) -> RosterFile:
        known: set[tuple[str | None, str]] = set()
        for i, unit in enumerate(self.units):
            key = (unit.branch_code, unit.code)
            if key in known:
                raise ValueError(f"units[{i}].code: {unit.code} appears twice")
            known.add(key)
        for i, member in enumerate(self.staff):
            if member.unit is not None and (member.branch_code, member.unit) not in known \
                    and (None, member.unit) not in known:
                raise ValueError(f"staff[{i}].unit: no unit {member.unit} in its branch")
        return self


# -- checking a file ---------------------------------------------------------------------------

FILES: dict[str, type[_File]] = {
    "taxonomy": TaxonomyFile,
    "policy": PolicyFile,
    "calendar": CalendarFile,
    "roster": RosterFile,
}
_ERRORS_SHOWN = 3
_File_T = TypeVar("_File_T", bound=_File)


def field_path(location: tuple[int | str, ...]) -> str:
    """('rules', 0, 'extensions', 1, 'label') → 'rules[0].extensions[1].label'."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(file)"


def describe(error: pydantic.ValidationError) -> str:
    """The first few problems of `error`, each as 'field path: what is wrong'."""
    lines = []
    for problem in error.errors(include_url=False)[:_ERRORS_SHOWN]:
        message = str(problem["msg"]).removeprefix("Value error, ")
        lines.append(f"{field_path(tuple(problem['loc']))}: {message}")
    more = error.error_count() - _ERRORS_SHOWN
    return "; ".join(lines) + (f" (+{more})" if more > 0 else "")


def check(model: type[_File_T], data: Mapping[str, Any] | Any, error_code: str) -> _File_T:
    """`data` as `model`; raises PolicyError(`error_code`, detail=field paths) if it does not fit.
    The detail names fields, never their values, so no identity data reaches a message."""
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        raise PolicyError(error_code, detail=describe(exc)) from None


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of reference file `kind`."""
    schema = FILES[kind].model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"complaint-desk/{kind}.schema.json", **schema}

