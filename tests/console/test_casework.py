"""Complaints across branches in the console, over a live HQ that branch devices push
to: the dashboard's figures, search by reference, by ID number (keyed hash), by branch
and status; the case page with its timeline and the identity masked until an officer
reveals it, which is audited (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

from desktop.domain.model import EventKind, Role
from hq import audit, casework
from tests.console.conftest import ConsoleHq
from tests.hq.conftest import CUSTOMER_ID_NUMBER, CUSTOMER_NAME, CUSTOMER_PHONE


def _pushed_cases(hq: ConsoleHq) -> tuple[Any, list[str]]:
    """A device of a new branch pushes three complaints; the last one is escalated."""
    device = hq.live.enroll()
    received = [device.chain.event(EventKind.RECEIVED) for _ in range(3)]
    escalated = device.chain.event(EventKind.ESCALATED, complaint_id=received[-1].complaint_id,
                                   actor_role=Role.SUPERVISOR, actor="S001")
    assert device.push([*received, escalated]).status_code == 200
    return device, [str(r.payload["reference"]) for r in received]


def test_the_dashboard_counts_open_and_escalated_cases_by_branch(backend_hq: ConsoleHq) -> None:
    device, _refs = _pushed_cases(backend_hq)
    client, _ = backend_hq.signed_in(backend_hq.add_staff())
    page = client.get("/console/")
    assert page.status_code == 200
    with backend_hq.engine.begin() as conn:
        figures = casework.dashboard(conn, backend_hq.clock())
    mine = next(b for b in figures.branches if b.branch_code == device.info.branch_code)
    assert (mine.open, mine.escalated) == (3, 1)
    assert mine.overdue == 3  # received in March 2026, long past due by the real clock
    assert f"branch={device.info.branch_code}&amp;status=escalated" in page.text


def test_search_by_reference_branch_status_and_id_number(backend_hq: ConsoleHq) -> None:
    device, refs = _pushed_cases(backend_hq)
    client, _ = backend_hq.signed_in(backend_hq.add_staff())
    by_ref = client.get("/console/complaints", params={"reference": refs[0]})
    assert refs[0] in by_ref.text and refs[1] not in by_ref.text
    by_branch = client.get("/console/complaints",
                           params={"branch": device.info.branch_code, "status": "escalated"})
    assert refs[2] in by_branch.text and refs[0] not in by_branch.text
    by_customer = client.get("/console/complaints", params={"customer": CUSTOMER_ID_NUMBER,
                                                            "branch": device.info.branch_code})
    assert all(ref in by_customer.text for ref in refs)
    assert CUSTOMER_ID_NUMBER not in by_customer.text  # never echoed back
    nobody = client.get("/console/complaints", params={"customer": "110101199001011237",
                                                       "branch": device.info.branch_code})
    assert refs[0] not in nobody.text


def test_the_case_page_masks_the_identity_until_it_is_revealed(backend_hq: ConsoleHq) -> None:
    _device, refs = _pushed_cases(backend_hq)
    officer = backend_hq.add_staff()
    client, token = backend_hq.signed_in(officer)
    page = client.get(f"/console/complaints/{refs[2]}")
    assert page.status_code == 200
    for secret in (CUSTOMER_NAME, CUSTOMER_ID_NUMBER, CUSTOMER_PHONE):
        assert secret not in page.text
    assert 'data-kind="escalated"' in page.text and "办结时限" in page.text
    revealed = client.post(f"/console/complaints/{refs[2]}/reveal", data={"csrf_token": token})
    assert revealed.status_code == 200
    for secret in (CUSTOMER_NAME, CUSTOMER_ID_NUMBER, CUSTOMER_PHONE):
        assert secret in revealed.text
    with backend_hq.engine.begin() as conn:
        entries = audit.recent(conn, staff_number=officer.number, limit=5)
    assert entries[0].action == "identity.reveal" and entries[0].target == refs[2]
    assert CUSTOMER_ID_NUMBER not in str(entries[0].detail)
    # The next page view is masked again.
    assert CUSTOMER_NAME not in client.get(f"/console/complaints/{refs[2]}").text


def test_a_reveal_without_its_csrf_token_shows_nothing_and_logs_nothing(
        backend_hq: ConsoleHq) -> None:
    _device, refs = _pushed_cases(backend_hq)
    officer = backend_hq.add_staff()
    client, _ = backend_hq.signed_in(officer)
    refused = client.post(f"/console/complaints/{refs[0]}/reveal")
    assert refused.status_code == 403 and CUSTOMER_NAME not in refused.text
    with backend_hq.engine.begin() as conn:
        assert [e.action for e in audit.recent(conn, staff_number=officer.number)] == ["login"]


def test_a_panel_member_may_not_reveal_identities(backend_hq: ConsoleHq) -> None:
    _device, refs = _pushed_cases(backend_hq)
    client, token = backend_hq.signed_in(backend_hq.add_staff(role="panel_member"))
    refused = client.post(f"/console/complaints/{refs[0]}/reveal", data={"csrf_token": token})
    assert refused.status_code == 403 and CUSTOMER_NAME not in refused.text


def test_an_unknown_reference_is_a_clear_404(backend_hq: ConsoleHq) -> None:
    client, _ = backend_hq.signed_in(backend_hq.add_staff())
    answer = client.get("/console/complaints/NOPE-01-20260316-0001-X")
    assert answer.status_code == 404 and "NOPE-01-20260316-0001-X" in answer.text
