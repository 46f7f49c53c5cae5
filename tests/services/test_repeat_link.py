"""The repeat link: a complaint about the same matter as an earlier one names it, so the
regulator's statistics count the matter once (`repeat_of IS NULL`)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select, text

from desktop.domain.model import Actor
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.context import ServiceContext
from desktop.store.models import ComplaintRow, EventRow
from tests.services.intakes import sample_customer, sample_intake


def _rows(ctx: ServiceContext) -> dict[str, str | None]:
    with ctx.store.read() as s:
        return dict(s.execute(select(ComplaintRow.id, ComplaintRow.repeat_of)).tuples().all())


def test_a_linked_repeat_names_the_earlier_complaint_in_its_receipt_row_and_view(
        ctx: ServiceContext, teller: Actor) -> None:
    first = uc.record_complaint(ctx, teller, sample_intake())
    second = uc.record_complaint(ctx, teller, sample_intake())
    assert [w.complaint_id for w in second.repeats] == [first.complaint_id]
    linked = uc.record_complaint(ctx, teller, sample_intake(repeat_of=first.complaint_id))
    with ctx.store.read() as s:
        payload = s.scalar(select(EventRow.payload).where(
            EventRow.complaint_id == linked.complaint_id))
        distinct_matters = s.scalar(select(func.count()).select_from(ComplaintRow)
                                    .where(ComplaintRow.repeat_of.is_(None)))
    assert payload is not None and payload["repeat_of"] == first.complaint_id
    assert case_detail(ctx, linked.complaint_id).view.repeat_of == first.complaint_id
    rows = _rows(ctx)
    assert rows[linked.complaint_id] == first.complaint_id
    assert rows[first.complaint_id] is None and rows[second.complaint_id] is None
    assert distinct_matters == 2  # three complaints, one of them a counted repeat


def test_an_unlinked_receipt_carries_no_repeat_member(ctx: ServiceContext, teller: Actor) -> None:
    rec = uc.record_complaint(ctx, teller, sample_intake())
    with ctx.store.read() as s:
        payload = s.scalar(select(EventRow.payload).where(EventRow.complaint_id == rec.complaint_id))
    assert payload is not None and "repeat_of" not in payload  # older clients' hashes unchanged


def test_a_repeat_of_a_repeat_counts_against_the_first_complaint(
        ctx: ServiceContext, teller: Actor) -> None:
    first = uc.record_complaint(ctx, teller, sample_intake())
    second = uc.record_complaint(ctx, teller, sample_intake(repeat_of=first.complaint_id))
    third = uc.record_complaint(ctx, teller, sample_intake(repeat_of=second.complaint_id))
    assert _rows(ctx)[third.complaint_id] == first.complaint_id


@pytest.mark.parametrize("bad", ["no-such-complaint", "x" * 200, "'; DROP TABLE complaints;--"])
def test_a_link_to_an_unknown_complaint_is_refused_and_writes_nothing(
        ctx: ServiceContext, teller: Actor, bad: str) -> None:
    uc.record_complaint(ctx, teller, sample_intake())
    before = _rows(ctx)
    with pytest.raises(uc.IntakeRejected) as err:
        uc.record_complaint(ctx, teller, sample_intake(repeat_of=bad))
    assert err.value.field == "repeat_of" and bad not in str(err.value)
    assert _rows(ctx) == before


def test_a_link_to_another_customers_complaint_is_refused(ctx: ServiceContext, teller: Actor) -> None:
    other = replace(sample_customer(), name="李雷", id_number="110101199003071233",
                    phone="13900139000")
    theirs = uc.record_complaint(ctx, teller, sample_intake(customer=other))
    before = _rows(ctx)
    with pytest.raises(uc.IntakeRejected) as err:
        uc.record_complaint(ctx, teller, sample_intake(repeat_of=theirs.complaint_id))
    assert err.value.code == "validation.repeat_unknown"
    assert _rows(ctx) == before


def test_the_repeat_column_is_indexed(ctx: ServiceContext) -> None:
    with ctx.store.read() as s:
        indexes = [r[1] for r in s.execute(text("PRAGMA index_list('complaints')"))]
    assert "ix_complaints_repeat_of" in indexes


def test_repeats_are_found_for_a_typed_customer_not_only_a_picked_one(
        ctx: ServiceContext, teller: Actor) -> None:
    from desktop.services.intake import review_facts

    first = uc.record_complaint(ctx, teller, sample_intake())
    intake = sample_intake()
    typed = intake.as_dict()["customer"]
    typed["id_number"] = typed["id_number"].lower()  # as typed, not as stored
    facts = review_facts(ctx, None, intake.business_type, intake.cause, typed)
    assert [r.complaint_id for r in facts.repeats] == [first.complaint_id]
    assert review_facts(ctx, None, intake.business_type, intake.cause, None).repeats == []
