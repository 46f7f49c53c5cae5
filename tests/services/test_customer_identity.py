"""One ID number, one customer: the customer on file is found by a valid ID or credit code,
a different name or phone is never a silent overwrite, a confirmed change is its own event,
and a deliberate reveal of identity data is recorded."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from desktop.domain.model import Actor, CustomerKind, EventKind, IdDocumentType
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.context import ServiceContext
from desktop.services.identity import CustomerDetailsDiffer, customer_on_file, phone_differs
from desktop.services.identity_views import reveal_identity
from desktop.store.models import CustomerRow, EventRow
from desktop.sync.payloads import IDENTITY_MEMBERS
from tests.services.intakes import VALID_ID, sample_customer, sample_intake


def _customers(ctx: ServiceContext) -> list[tuple[str, str]]:
    with ctx.store.read() as s:
        return [(r.name, r.phone) for r in s.scalars(select(CustomerRow))]


def _events(ctx: ServiceContext) -> int:
    with ctx.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(EventRow)) or 0)


def test_a_valid_id_number_finds_the_customer_on_file_masked_with_their_complaints(
        ctx: ServiceContext, teller: Actor) -> None:
    first = uc.record_complaint(ctx, teller, sample_intake())
    found = customer_on_file(ctx, CustomerKind.INDIVIDUAL, VALID_ID.lower(),
                             IdDocumentType.RESIDENT_ID)
    assert found is not None and found.name == "王小明"
    assert found.masked_phone == "138****8000" and "13800138000" not in repr(found)
    assert VALID_ID not in repr(found)
    assert (found.open, found.total) == (1, 1)
    assert [c.reference for c in found.complaints] == [first.reference]


@pytest.mark.parametrize("number", ["", "1101051949123100", "11010519491231002Y", "x" * 300])
def test_an_incomplete_or_invalid_number_finds_nobody(ctx: ServiceContext, teller: Actor,
                                                      number: str) -> None:
    uc.record_complaint(ctx, teller, sample_intake())
    assert customer_on_file(ctx, CustomerKind.INDIVIDUAL, number,
                            IdDocumentType.RESIDENT_ID) is None


def test_another_name_under_a_known_id_is_refused_until_confirmed(ctx: ServiceContext,
                                                                  teller: Actor) -> None:
    uc.record_complaint(ctx, teller, sample_intake())
    before = _events(ctx)
    renamed = replace(sample_customer(), name="王晓明")
    with pytest.raises(uc.IntakeRejected) as err:
        uc.record_complaint(ctx, teller, sample_intake(customer=renamed))
    assert isinstance(err.value.errors[0], CustomerDetailsDiffer)
    assert err.value.field == "customer.name"
    assert "王晓明" not in str(err.value) and "王小明" not in str(err.value)
    assert _customers(ctx) == [("王小明", "+8613800138000")] and _events(ctx) == before


def test_a_confirmed_change_is_its_own_event_and_logged_masked(
        ctx: ServiceContext, teller: Actor, caplog: pytest.LogCaptureFixture) -> None:
    uc.record_complaint(ctx, teller, sample_intake())
    changed = replace(sample_customer(), name="王晓明", phone="13911112222", confirmed_change=True)
    with caplog.at_level(logging.INFO):
        rec = uc.record_complaint(ctx, teller, sample_intake(customer=changed))
    timeline = case_detail(ctx, rec.complaint_id).timeline
    assert [e.kind for e in timeline] == [EventKind.RECEIVED, EventKind.CUSTOMER_CORRECTED]
    corrected = timeline[1]
    assert corrected.actor == teller.staff_number
    assert corrected.payload["fields"] == ["name", "phone"]
    assert corrected.payload["old"] == {"name": "王小明", "phone": "+8613800138000"}
    assert corrected.payload["new"] == {"name": "王晓明", "phone": "+8613911112222"}
    assert _customers(ctx) == [("王晓明", "+8613911112222")]  # still one customer
    assert IDENTITY_MEMBERS[EventKind.CUSTOMER_CORRECTED] == ("old", "new")  # encrypted at HQ
    logged = caplog.text
    assert "corrected" in logged and "139****2222" in logged
    for clear in ("王晓明", "王小明", "13911112222", "13800138000", "8613800138000"):
        assert clear not in logged


def test_blank_fields_of_a_picked_customer_keep_what_is_on_file(ctx: ServiceContext,
                                                                teller: Actor) -> None:
    first = uc.record_complaint(ctx, teller, sample_intake())
    customer_id = case_detail(ctx, first.complaint_id).customer.id
    picked = replace(sample_customer(), id_number="", phone="", address="", existing_id=customer_id)
    rec = uc.record_complaint(ctx, teller, sample_intake(customer=picked))
    customer = case_detail(ctx, rec.complaint_id).customer
    assert (customer.id, customer.id_number, customer.phone, customer.address) == (
        customer_id, VALID_ID, "+8613800138000", "北京市东城区东长安街1号")
    assert [e.kind for e in case_detail(ctx, rec.complaint_id).timeline] == [EventKind.RECEIVED]


def test_revealing_identity_is_recorded_as_identity_viewed(ctx: ServiceContext,
                                                           teller: Actor) -> None:
    rec = uc.record_complaint(ctx, teller, sample_intake())
    customer = reveal_identity(ctx, teller, rec.complaint_id, screen="case")
    assert customer.id_number == VALID_ID and customer.phone == "+8613800138000"
    viewed = case_detail(ctx, rec.complaint_id).timeline[-1]
    assert viewed.kind is EventKind.IDENTITY_VIEWED and viewed.actor == teller.staff_number
    assert set(viewed.payload["fields"]) >= {"id_number", "phone", "address"}
    assert VALID_ID not in repr(viewed.payload)


def test_an_auditor_may_not_reveal_and_nothing_is_written(ctx: ServiceContext,
                                                          teller: Actor) -> None:
    from desktop.domain.errors import PermissionDenied
    from desktop.domain.model import Role

    rec = uc.record_complaint(ctx, teller, sample_intake())
    before = _events(ctx)
    with pytest.raises(PermissionDenied):
        reveal_identity(ctx, Actor("A001", Role.AUDITOR), rec.complaint_id)
    assert _events(ctx) == before


def test_a_phone_confirmed_on_its_own_does_not_confirm_another_name(ctx: ServiceContext,
                                                                    teller: Actor) -> None:
    first = uc.record_complaint(ctx, teller, sample_intake())
    customer_id = case_detail(ctx, first.complaint_id).customer.id
    assert phone_differs(ctx, customer_id, "139 1111 2222")
    assert not phone_differs(ctx, customer_id, "138 0013 8000")  # the one on file
    assert not phone_differs(ctx, customer_id, "1391111")  # not a whole number yet
    phone_only = replace(sample_customer(), phone="13911112222", confirmed_fields=("phone",))
    rec = uc.record_complaint(ctx, teller, sample_intake(customer=phone_only))
    corrected = case_detail(ctx, rec.complaint_id).timeline[1]
    assert corrected.kind is EventKind.CUSTOMER_CORRECTED and corrected.payload["fields"] == ["phone"]
    renamed = replace(phone_only, name="王晓明", phone="13933334444")
    with pytest.raises(uc.IntakeRejected) as err:
        uc.record_complaint(ctx, teller, sample_intake(customer=renamed))
    assert err.value.field == "customer.name"  # the phone was confirmed, the name was not
