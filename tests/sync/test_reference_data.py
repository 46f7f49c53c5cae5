"""Reference data is data: what HQ publishes replaces the shipped defaults on the branch."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain.model import Actor, Role
from desktop.resources import load_json
from desktop.security.staff import LoginFailed, authenticate, hash_password
from desktop.services import complaints as uc
from desktop.services.context import load_context
from desktop.sync.engine import sync_now
from hq import admin
from tests.hq.conftest import LiveHq
from tests.services.intakes import sample_intake
from tests.sync.conftest import Branch, client_for


def publish(hq: LiveHq, kind: str, content: object) -> None:
    with hq.engine.begin() as conn:
        admin.publish_reference(conn, kind, content, datetime.now(UTC))


def test_published_policy_and_roster_take_effect_after_sync(sqlite_hq: LiveHq,
                                                            make_branch: Callable[..., Branch],
                                                            teller: Actor) -> None:
    branch = make_branch(sqlite_hq)
    a = branch.device("counter1")
    policy = json.loads(json.dumps(load_json("policies", "cn_cbirc_2020.json")))
    policy["id"] = "cn_hq_2027"
    for rule in policy["rules"]:
        rule["decision"]["days"] = 10
    publish(sqlite_hq, "policy", policy)
    publish(sqlite_hq, "roster", {"staff": [
        {"number": "T900", "name": "新柜员", "role": "teller", "branch_code": branch.code,
         "password_hash": hash_password("roster-pass-1")},
        {"number": "T901", "name": "别处柜员", "role": "teller", "branch_code": "OTHER",
         "password_hash": hash_password("roster-pass-1")},
    ]})
    with client_for(a) as client:
        report = sync_now(a, client)
    assert {"policy", "roster"} <= set(report.references)
    ctx = load_context(a.store, clock=a.clock)
    assert ctx.policy.policy_id == "cn_hq_2027"
    rec = uc.record_complaint(ctx, teller, sample_intake())
    received_day = ctx.now().astimezone(ctx.device.zone).date()
    assert rec.decision_due.astimezone(ctx.device.zone).date() == received_day + timedelta(days=10)
    assert authenticate(a.store, "T900", "roster-pass-1", ctx.now()).role is Role.TELLER
    with pytest.raises(LoginFailed):  # another branch's staff is not this branch's roster
        authenticate(a.store, "T901", "roster-pass-1", ctx.now())


def test_a_published_roster_brings_the_branch_its_own_units_only(
        sqlite_hq: LiveHq, make_branch: Callable[..., Branch]) -> None:
    from desktop.services.units import branch_units

    branch = make_branch(sqlite_hq)
    a = branch.device("counter1")
    digest = hash_password("roster-pass-1")
    publish(sqlite_hq, "roster", {
        "staff": [{"number": "T900", "name": "新柜员", "role": "teller", "branch_code": branch.code,
                   "password_hash": digest, "unit": "COUNTER"},
                  {"number": "T901", "name": "别处柜员", "role": "teller", "branch_code": "OTHER",
                   "password_hash": digest, "unit": "VAULT"}],
        "units": [{"code": "COUNTER", "name": {"zh_CN": "柜面服务组", "en": "Counter services"},
                   "branch_code": branch.code},
                  {"code": "VAULT", "name": {"zh_CN": "金库", "en": "Vault"}, "branch_code": "OTHER"}]})
    with client_for(a) as client:
        sync_now(a, client)
    units = branch_units(a)
    assert [(u.code, u.members) for u in units] == [("COUNTER", ("T900",))]
