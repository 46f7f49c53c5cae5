"""Staff login on a shared counter PC: argon2id, lockout and unlock, same-PC approval,
the roster from HQ and the local emergency administrator."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from desktop.domain.errors import PermissionDenied, ValidationError
from desktop.domain.model import Actor, Role
from desktop.security.policy import Permission, security_policy
from desktop.security.staff import (
    AccountLocked,
    ApprovalRefused,
    LoginFailed,
    RosterEntry,
    RosterEntryInvalid,
    WeakPassword,
    add_local_admin,
    add_staff,
    apply_roster,
    approve,
    authenticate,
    set_password,
    unlock,
)
from desktop.store.db import Store
from desktop.store.models import StaffRow
from tests.conftest import SettableClock

PASSWORD = "counter-pass-2026"


@pytest.fixture
def staffed(store: Store) -> Store:
    add_staff(store, number="T001", name="李娜", role=Role.TELLER, branch_code="BJ001", password=PASSWORD)
    add_staff(store, number="S001", name="张敏", role=Role.SUPERVISOR, branch_code="BJ001",
              password=PASSWORD)
    return store


def fail_times(store: Store, clock: SettableClock, n: int, number: str = "T001") -> None:
    for _ in range(n):
        with pytest.raises((LoginFailed, AccountLocked)):
            authenticate(store, number, "wrong-password", clock())


def test_passwords_are_stored_as_argon2id_hashes(staffed: Store) -> None:
    with staffed.read() as s:
        row = s.get(StaffRow, "T001")
    assert row is not None and row.password_hash.startswith("$argon2id$")
    assert PASSWORD not in row.password_hash


def test_correct_password_logs_in_with_the_staff_role(staffed: Store, clock: SettableClock) -> None:
    actor = authenticate(staffed, " t001 ", PASSWORD, clock())
    assert actor == Actor("T001", Role.TELLER, "李娜")


def test_wrong_number_and_wrong_password_read_the_same(staffed: Store, clock: SettableClock) -> None:
    with pytest.raises(LoginFailed) as unknown:
        authenticate(staffed, "X999", PASSWORD, clock())
    with pytest.raises(LoginFailed) as wrong:
        authenticate(staffed, "T001", "not-the-password", clock())
    assert unknown.value.message("en") == wrong.value.message("en")


def test_fifth_failed_login_locks_the_account_for_fifteen_minutes(
        staffed: Store, clock: SettableClock) -> None:
    policy = security_policy()
    assert (policy.max_failed_logins, policy.lock_period.total_seconds()) == (5, 15 * 60)
    fail_times(staffed, clock, 4)
    with pytest.raises(AccountLocked) as locked:
        authenticate(staffed, "T001", "wrong-password", clock())
    assert locked.value.params["minutes"] == 15
    clock.advance(minutes=14)
    with pytest.raises(AccountLocked) as still:
        authenticate(staffed, "T001", PASSWORD, clock())  # even the right password
    assert still.value.params["minutes"] == 1


def test_the_account_opens_again_after_the_lock_period(staffed: Store, clock: SettableClock) -> None:
    fail_times(staffed, clock, 5)
    clock.advance(minutes=15, seconds=1)
    assert authenticate(staffed, "T001", PASSWORD, clock()).staff_number == "T001"
    with staffed.read() as s:
        row = s.get(StaffRow, "T001")
    assert row is not None and row.failed_logins == 0 and row.locked_until is None


def test_after_the_lock_period_a_new_failure_starts_counting_again(
        staffed: Store, clock: SettableClock) -> None:
    fail_times(staffed, clock, 5)
    clock.advance(minutes=16)
    fail_times(staffed, clock, 1)
    assert authenticate(staffed, "T001", PASSWORD, clock()).staff_number == "T001"


def test_a_successful_login_resets_the_failure_count(staffed: Store, clock: SettableClock) -> None:
    fail_times(staffed, clock, 4)
    authenticate(staffed, "T001", PASSWORD, clock())
    fail_times(staffed, clock, 4)
    assert authenticate(staffed, "T001", PASSWORD, clock()).staff_number == "T001"


def test_one_lockout_does_not_touch_other_accounts(staffed: Store, clock: SettableClock) -> None:
    fail_times(staffed, clock, 5)
    assert authenticate(staffed, "S001", PASSWORD, clock()).role is Role.SUPERVISOR


def test_a_supervisor_unlocks_early_a_teller_may_not(staffed: Store, clock: SettableClock) -> None:
    fail_times(staffed, clock, 5)
    teller = Actor("T002", Role.TELLER)
    with pytest.raises(PermissionDenied):
        unlock(staffed, teller, "T001")
    unlock(staffed, Actor("S001", Role.SUPERVISOR), "T001")
    assert authenticate(staffed, "T001", PASSWORD, clock()).staff_number == "T001"


def test_short_passwords_are_refused(store: Store) -> None:
    with pytest.raises(WeakPassword):
        add_staff(store, number="T009", name="新人", role=Role.TELLER, branch_code="BJ001",
                  password="short")


def test_supervisor_approves_on_the_same_pc_with_their_own_credentials(
        staffed: Store, clock: SettableClock) -> None:
    approver = approve(staffed, "S001", PASSWORD, Permission.APPROVE_EXTENSION, clock())
    assert approver.role is Role.SUPERVISOR
    with pytest.raises(ApprovalRefused) as refused:
        approve(staffed, "T001", PASSWORD, Permission.APPROVE_EXTENSION, clock())
    assert "teller" in refused.value.message("en")
    with pytest.raises(LoginFailed):
        approve(staffed, "S001", "wrong-password", Permission.APPROVE_REOPEN, clock())


def test_failed_approvals_count_towards_the_approvers_lockout(
        staffed: Store, clock: SettableClock) -> None:
    fail_times(staffed, clock, 5, number="S001")
    with pytest.raises(AccountLocked):
        approve(staffed, "S001", PASSWORD, Permission.APPROVE_EXTENSION, clock())


def test_local_emergency_administrator_manages_accounts_but_sees_no_case(
        staffed: Store, clock: SettableClock) -> None:
    add_local_admin(staffed, number="ADM1", name="应急管理员", branch_code="BJ001", password=PASSWORD)
    admin = authenticate(staffed, "ADM1", PASSWORD, clock())
    assert admin.role is Role.ADMIN
    set_password(staffed, admin, "T001", "a-new-password-1")
    assert authenticate(staffed, "T001", "a-new-password-1", clock()).staff_number == "T001"
    policy = security_policy()
    assert not policy.allows(Role.ADMIN, Permission.CASE_VIEW)
    assert not policy.allows(Role.ADMIN, Permission.RECORD)
    with pytest.raises(PermissionDenied):
        set_password(staffed, Actor("S001", Role.SUPERVISOR), "T001", "another-password")


def test_roster_from_hq_replaces_roster_staff_and_keeps_the_local_administrator(
        staffed: Store, clock: SettableClock) -> None:
    add_local_admin(staffed, number="ADM1", name="应急管理员", branch_code="BJ001", password=PASSWORD)
    digest = PasswordHasher().hash("roster-pass-2026")
    applied = apply_roster(staffed, [
        RosterEntry("T001", "李娜", Role.TELLER, "BJ001", digest),
        RosterEntry("M001", "陈刚", Role.MANAGER, "BJ001", digest),
        RosterEntry("ADM1", "冒名", Role.MANAGER, "BJ001", digest),
    ])
    assert applied == 3
    assert authenticate(staffed, "M001", "roster-pass-2026", clock()).role is Role.MANAGER
    assert authenticate(staffed, "T001", "roster-pass-2026", clock()).role is Role.TELLER
    assert authenticate(staffed, "ADM1", PASSWORD, clock()).role is Role.ADMIN
    with pytest.raises(LoginFailed):  # S001 left the roster
        authenticate(staffed, "S001", PASSWORD, clock())


def test_a_roster_with_a_bad_entry_changes_nothing(staffed: Store, clock: SettableClock) -> None:
    with pytest.raises(RosterEntryInvalid):
        apply_roster(staffed, [RosterEntry("M001", "陈刚", Role.MANAGER, "BJ001", "plain-text")])
    with staffed.read() as s:
        assert sorted(s.scalars(select(StaffRow.number).where(StaffRow.active))) == ["S001", "T001"]


def test_hostile_staff_numbers_are_refused_cleanly(staffed: Store, clock: SettableClock) -> None:
    for number in ("", " ", "T" * 10_000, "T001'; DROP TABLE staff; --", "\u202eT001"):
        with pytest.raises(LoginFailed):
            authenticate(staffed, number, PASSWORD, clock())
    with pytest.raises(ValidationError):
        add_staff(staffed, number="\x00", name="x", role=Role.TELLER, branch_code="BJ001",
                  password=PASSWORD)
