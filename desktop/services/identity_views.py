"""A deliberate reveal of a customer's masked identity data: the unmasked values for the one
who asked, and an `identity_viewed` event on the complaint's timeline (who, when, which
fields, on which screen) written before they are returned."""

from __future__ import annotations

from desktop.domain.errors import NotFound
from desktop.domain.model import Actor, Customer
from desktop.domain.states import Action
from desktop.services.complaints import _complaint_row, act_in
from desktop.services.context import ServiceContext
from desktop.services.customers import customer_of
from desktop.store.models import CustomerRow

# What a reveal may show (desktop.sync.payloads.IdentityViewedPayload).
REVEALABLE = ("name", "id_number", "phone", "address", "credit_code")


def reveal_identity(ctx: ServiceContext, actor: Actor, complaint_id: str, *,
                    screen: str = "case") -> Customer:
    """The complaint's customer unmasked, for someone who chose to see it: an
    `identity_viewed` event (who, when, which fields, on which screen) is written first.
    Raises NotFound, PermissionDenied."""
    with ctx.store.write() as s:
        row = _complaint_row(s, complaint_id)
        customer_row = s.get(CustomerRow, row.customer_id)
        if customer_row is None:
            raise NotFound(what="customer")
        customer = customer_of(customer_row)
        shown = [f for f in REVEALABLE if getattr(customer, f, "")]
        act_in(s, ctx, actor, complaint_id, Action.VIEW_IDENTITY,
               {"fields": shown or ["name"], "screen": screen[:40] or "case"})
    return customer
