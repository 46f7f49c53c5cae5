"""Hostile input against every validator and every use case: arbitrary Unicode (lone
surrogates included), 1 MB strings, control and bidi characters, SQL and FTS fragments,
invalid dates and amounts, values of the wrong type. Each gets a clear DomainError
(whose text never repeats identity data) or is stored exactly as the validator cleaned
it; nothing crashes and a refused call writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from desktop.domain import validation as v
from desktop.domain.errors import DomainError, NotFound
from desktop.domain.model import Actor, Outcome
from desktop.services import complaints as uc
from desktop.services.attachments import add_attachment
from desktop.services.cases import case_detail
from desktop.services.context import ServiceContext
from desktop.services.intake import CustomerInput
from desktop.store.models import ComplaintRow, CustomerRow, EventRow
from tests.services.intakes import DECISION_PARTS, VALID_ID, sample_intake

SECRETS = (VALID_ID, "13800138000", "王小明")
CONTROL_AND_BIDI = "\x00\x01\x07\x08\x1b\x7f\x85\u200b\u200e\u200f\u202a\u202e\u2066\u2069\ufeff\r\n\t"
FRAGMENTS = ("'; DROP TABLE complaints; --", "\" OR 1=1 --", "%", "_", "\\", "*", "NULL",
             "' UNION SELECT id_number FROM customers --", "complaint_search MATCH 'x'", "NEAR(",
             "{0}", "{field}", "%s", "${jndi:x}", "<script>", "../../", "王小明", "１２３")
MEGABYTE = 1 << 20

QUICK = settings(max_examples=30, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

hostile_text = st.one_of(
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=120),
    st.text(alphabet=st.sampled_from(CONTROL_AND_BIDI + "ab王 "), max_size=60),
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4).map(" ".join),
    st.sampled_from(("a", "王", "\u202e", "'", "\x00", "1")).map(lambda c: c * MEGABYTE),
    st.sampled_from(SECRETS).flatmap(lambda s: st.sampled_from((s, f"\u202e{s}\x00", s + "'--"))),
)
hostile_value = st.one_of(
    hostile_text,
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True), st.binary(max_size=40),
    st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.dates(), st.datetimes(),
)
hostile_date = st.one_of(
    hostile_value,
    st.sampled_from(("2025-02-30", "2025-13-01", "0000-00-00", "9999-12-31", "2025年2月29日",
                     "1899-12-31", "2025/1/32", "１９９０-０１-０１", "2025-01-01T00:00", "-1-1-1")),
)
hostile_amount = st.one_of(
    hostile_value,
    st.sampled_from(("1e5", "NaN", "-0", "-0.01", "0.001", "１２３.４５", "¥1,000.00",
                     "99999999999999999999", "1_000", "0x10", "1.2.3", "Infinity", "  ")),
)


def assert_clear(error: Exception, given_value: Any, *, echo_allowed: bool = False) -> None:
    """A refusal is a DomainError whose message in both languages repeats no identity data."""
    assert isinstance(error, DomainError), f"{type(error).__name__}: not a clear error"
    if echo_allowed and isinstance(error, NotFound):
        return  # checked on its own below
    for locale in ("en", "zh_CN"):
        text = error.message(locale) + repr(error.params)
        for secret in SECRETS:
            if isinstance(given_value, str) and secret in given_value:
                assert secret not in text


def outcome_of(check: Callable[[], Any], given_value: Any, *, echo_allowed: bool = False) -> Any:
    try:
        return check()
    except Exception as error:
        assert_clear(error, given_value, echo_allowed=echo_allowed)
        return error


TODAY = date(2026, 3, 2)
VALIDATORS: dict[str, Callable[[Any], Any]] = {
    "clean_text": lambda x: v.clean_text(x, field="f"),
    "clean_text_multiline": lambda x: v.clean_text(x, field="f", multiline=True, max_length=4000),
    "required_text": lambda x: v.required_text(x, field="f"),
    "validate_person_name": lambda x: v.validate_person_name(x),
    "validate_org_name": lambda x: v.validate_org_name(x),
    "validate_resident_id": lambda x: v.validate_resident_id(x, today=TODAY),
    "validate_id_document": lambda x: v.validate_id_document("passport", x),
    "validate_credit_code": lambda x: v.validate_credit_code(x),
    "validate_phone": lambda x: v.validate_phone(x),
    "validate_amount": lambda x: v.validate_amount(x),
    "validate_past_date": lambda x: v.validate_past_date(x, field="d", today=TODAY),
    "validate_masked_card": lambda x: v.validate_masked_card(x),
    "validate_integer": lambda x: v.validate_integer(x, field="n"),
    "validate_choice": lambda x: v.validate_choice(x, ("counter", "phone"), field="c"),
}


@pytest.mark.parametrize("name", sorted(VALIDATORS))
def test_every_validator_gives_a_value_or_a_clear_error(name: str) -> None:
    check = VALIDATORS[name]
    strategy = {"validate_amount": hostile_amount, "validate_past_date": hostile_date}.get(
        name, hostile_value)

    @QUICK
    @given(strategy)
    def run(value: Any) -> None:
        result = outcome_of(lambda: check(value), value)
        if isinstance(result, str):
            assert result.isprintable() or set(result) <= set(result.replace("\n", "").replace("\t", "")) | {"\n", "\t"}
            result.encode("utf-8")  # storable: no lone surrogate survives a validator
            assert not set(result) & set("\x00\u202e\u2066\ufeff")

    run()


@QUICK
@given(st.dictionaries(st.sampled_from(("customer", "agent", "channel", "business_type", "cause",
                                        "extra_fields", "description", "request", "amount",
                                        "incident_date", "representatives", "product")),
                       hostile_value, max_size=6))
def test_a_whole_hostile_intake_form_is_checked_without_crashing(form: dict[str, Any]) -> None:
    check = v.check_intake(form, today=TODAY)
    for error in check.errors:
        assert_clear(error, None)


def counts(ctx: ServiceContext) -> tuple[int, int, int]:
    with ctx.store.read() as s:
        return tuple(int(s.scalar(select(func.count()).select_from(t)) or 0)  # type: ignore[return-value]
                     for t in (EventRow, ComplaintRow, CustomerRow))


INTAKE_FIELDS = ("description", "request", "product", "complained_about", "amount", "incident_date",
                 "name", "id_number", "phone", "address")


@QUICK
@given(field=st.sampled_from(INTAKE_FIELDS), value=st.one_of(hostile_value, hostile_amount, hostile_date))
def test_recording_hostile_intake_stores_the_cleaned_value_or_writes_nothing(
        ctx: ServiceContext, teller: Actor, field: str, value: Any) -> None:
    base = sample_intake()
    if field in ("name", "id_number", "phone", "address"):
        intake = replace(base, customer=replace(base.customer, **{field: value}))
    else:
        intake = replace(base, **{field: value})
    before = counts(ctx)
    result = outcome_of(lambda: uc.record_complaint(ctx, teller, intake), value)
    if isinstance(result, Exception):
        assert counts(ctx) == before
        return
    assert counts(ctx)[0] == before[0] + 1
    cleaned = v.check_intake(intake.as_dict(), today=ctx.business_date()).cleaned
    detail = case_detail(ctx, result.complaint_id)
    for key in ("description", "request", "product"):
        assert getattr(detail.view, key) == (cleaned[key] or "")
    if cleaned["customer"]["address"]:  # a blank one keeps a known customer's stored address
        assert detail.customer.address == cleaned["customer"]["address"]
    assert detail.view.amount == cleaned["amount"]


@pytest.fixture
def open_case(ctx: ServiceContext, teller: Actor) -> str:
    return uc.record_complaint(ctx, teller, sample_intake()).complaint_id


def _resolved(ctx: ServiceContext, teller: Actor) -> str:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    uc.resolve(ctx, teller, cid, outcome=Outcome.NOT_UPHELD, findings="核实无误", **DECISION_PARTS)
    return cid


# Each use case with one hostile argument; the complaint id given is an open one.
USE_CASES: dict[str, Callable[[ServiceContext, Actor, str, Any], Any]] = {
    "add_note": lambda c, a, cid, x: uc.add_note(c, a, cid, x),
    "log_contact_channel": lambda c, a, cid, x: uc.log_contact_attempt(c, a, cid, channel=x, reached=True),
    "log_contact_text": lambda c, a, cid, x: uc.log_contact_attempt(c, a, cid, channel="phone",
                                                                    reached=False, text=x),
    "assign": lambda c, a, cid, x: uc.assign(c, a, cid, x),
    "escalate": lambda c, a, cid, x: uc.escalate(c, a, cid, x),
    "extend_deadline": lambda c, a, cid, x: uc.extend_deadline(
        c, a, cid, reason=x, approver=Actor("S001", a.role.SUPERVISOR)),
    "resolve_findings": lambda c, a, cid, x: uc.resolve(c, a, cid, outcome=Outcome.UPHELD, findings=x, **DECISION_PARTS),
    "resolve_remedy": lambda c, a, cid, x: uc.resolve(c, a, cid, outcome=Outcome.UPHELD,
                                                      findings="属实", **DECISION_PARTS, remedy=x),
    "resolve_compensation": lambda c, a, cid, x: uc.resolve(c, a, cid, outcome=Outcome.UPHELD,
                                                            findings="属实", **DECISION_PARTS, compensation=x),
    "withdraw": lambda c, a, cid, x: uc.withdraw(c, a, cid, x),
    "link_related": lambda c, a, cid, x: uc.link_related(c, a, cid, x),
    "record_print": lambda c, a, cid, x: uc.record_print(c, a, cid, document=x, copy_number=1),
    "record_satisfaction_score": lambda c, a, cid, x: uc.record_satisfaction(c, a, cid, x),
    "record_satisfaction_comment": lambda c, a, cid, x: uc.record_satisfaction(c, a, cid, 4, x),
    "close_unknown_complaint": lambda c, a, cid, x: uc.close(c, a, x),
    "acknowledge_unknown_complaint": lambda c, a, cid, x: uc.acknowledge(c, a, x),
    "add_attachment_path": lambda c, a, cid, x: add_attachment(c, a, cid, x),
}
NEEDS_RESOLVED = {"record_satisfaction_score", "record_satisfaction_comment"}


# Every use case takes a lone surrogate (e.g. from undecodable command-line bytes) cleanly.
SURROGATE_UNSAFE: set[str] = set()
LONE_SURROGATE = "\ud800 a lone surrogate"
hostile_storable_text = hostile_text.filter(lambda t: not any("\ud800" <= c <= "\udfff" for c in t))


@pytest.mark.parametrize("name", sorted(USE_CASES))
def test_every_use_case_refuses_hostile_input_cleanly_or_stores_it(
        ctx: ServiceContext, teller: Actor, name: str) -> None:
    call = USE_CASES[name]
    text = hostile_storable_text if name in SURROGATE_UNSAFE else hostile_text
    strategy = {"resolve_compensation": hostile_amount, "record_satisfaction_score": hostile_value,
                "add_attachment_path": hostile_value}.get(name, text)

    @QUICK
    @given(strategy)
    @example(VALID_ID)
    @example("\x00\u202e" + "'; DROP TABLE events; --")
    def run(value: Any) -> None:
        cid = (_resolved(ctx, teller) if name in NEEDS_RESOLVED
               else uc.record_complaint(ctx, teller, sample_intake()).complaint_id)
        before = counts(ctx)
        result = outcome_of(lambda: call(ctx, teller, cid, value), value, echo_allowed=True)
        if isinstance(result, Exception):
            assert counts(ctx) == before
        else:
            assert counts(ctx)[0] == before[0] + 1
            stored = case_detail(ctx, cid).timeline[-1].payload
            for text in (t for t in stored.values() if isinstance(t, str)):
                text.encode("utf-8")

    if name not in SURROGATE_UNSAFE:
        run = example(LONE_SURROGATE)(run)
    run()


@pytest.mark.parametrize("name", ["acknowledge_unknown_complaint", "close_unknown_complaint",
                                  "link_related", "record_print"])
def test_a_lone_surrogate_is_refused_cleanly(ctx: ServiceContext, teller: Actor, open_case: str,
                                             name: str) -> None:
    before = counts(ctx)
    with pytest.raises(DomainError):
        USE_CASES[name](ctx, teller, open_case, LONE_SURROGATE)
    assert counts(ctx) == before


@pytest.mark.parametrize("name", ["close_unknown_complaint", "link_related"])
def test_not_found_never_repeats_what_was_typed(ctx: ServiceContext, teller: Actor, open_case: str,
                                                name: str) -> None:
    with pytest.raises(NotFound) as caught:
        USE_CASES[name](ctx, teller, open_case, VALID_ID)
    assert VALID_ID not in caught.value.message("en") + repr(caught.value.params)


def test_a_one_megabyte_note_is_refused_as_too_long(ctx: ServiceContext, teller: Actor,
                                                     open_case: str) -> None:
    before = counts(ctx)
    with pytest.raises(DomainError) as caught:
        uc.add_note(ctx, teller, open_case, "投诉" * MEGABYTE)
    assert "too_long" in caught.value.code
    assert counts(ctx) == before


def test_sql_in_a_note_is_stored_as_text(ctx: ServiceContext, teller: Actor, open_case: str) -> None:
    note = "'; DROP TABLE complaints; -- \" OR 1=1 王小明"
    uc.add_note(ctx, teller, open_case, note)
    assert case_detail(ctx, open_case).timeline[-1].payload["text"] == note
    assert counts(ctx)[1] == 1


def test_bidi_overrides_are_removed_from_a_name_before_it_is_stored(
        ctx: ServiceContext, teller: Actor) -> None:
    intake = sample_intake(customer=replace(sample_intake().customer, name="王\u202e小明"))
    rec = uc.record_complaint(ctx, teller, intake)
    assert case_detail(ctx, rec.complaint_id).customer.name == "王小明"


def test_invalid_dates_and_amounts_give_field_errors(ctx: ServiceContext, teller: Actor) -> None:
    for field, value in (("incident_date", "2025-02-30"), ("incident_date", "2999-01-01"),
                         ("amount", "-5"), ("amount", "1.234"), ("amount", Decimal("NaN"))):
        with pytest.raises(DomainError) as caught:
            uc.record_complaint(ctx, teller, sample_intake(**{field: value}))
        assert caught.value.params.get("field") == field
    assert counts(ctx) == (0, 0, 0)


def test_customer_input_of_the_wrong_type_is_a_clear_error(ctx: ServiceContext, teller: Actor) -> None:
    odd = CustomerInput(kind=sample_intake().customer.kind, name=12345,  # type: ignore[arg-type]
                        id_number=["x"], phone=datetime(2020, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        uc.record_complaint(ctx, teller, sample_intake(customer=odd))
    assert counts(ctx) == (0, 0, 0)
