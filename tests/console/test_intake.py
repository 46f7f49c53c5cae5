"""Complaints from the other channels: the JSON intake API with its own keys (idempotent
by request id, refused without a key or with bad fields, changing nothing), and the
complaint reaching the branch's worklist on its next sync."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from desktop.domain.worklist import Worklist, WorklistQuery
from desktop.services.cases import worklist_rows
from desktop.sync.wire import API_PREFIX
from hq import intake_keys
from tests.console.conftest import BranchPc, ConsoleHq
from tests.services.intakes import VALID_ID, simple_category


def _body(branch: str, **changes: Any) -> dict[str, Any]:
    business_type, cause = simple_category()
    body = {
        "request_id": uuid.uuid4().hex, "branch_code": branch,
        "customer": {"kind": "individual", "name": "刘晓", "id_type": "resident_id",
                     "id_number": VALID_ID, "phone": "13800138000"},
        "business_type": business_type, "cause": cause,
        "description": "手机银行转账失败但扣款。", "request": "退回款项。", "consent": True,
    }
    body.update(changes)
    return body


@pytest.fixture
def api_key(console_hq: ConsoleHq) -> str:
    with console_hq.engine.begin() as conn:
        return intake_keys.issue_key(conn, "手机银行", "mobile_app", console_hq.clock())[1]


def _post(hq: ConsoleHq, key: str | None, body: dict[str, Any]) -> Any:
    headers = {"X-Intake-Key": key} if key else {}
    return hq.client(**headers).post(f"{API_PREFIX}/intake", json=body)


def test_the_app_hands_in_a_complaint_that_reaches_the_branch_worklist(
        console_hq: ConsoleHq, branch_pc: BranchPc, api_key: str) -> None:
    body = _body(branch_pc.branch_code)
    answer = _post(console_hq, api_key, body)
    assert answer.status_code == 200, answer.text
    reference = answer.json()["reference"]
    assert reference.startswith(f"{branch_pc.branch_code}-99-")
    again = _post(console_hq, api_key, body)
    assert again.status_code == 200 and again.json()["reference"] == reference
    assert again.json()["replayed"] is True
    branch_pc.sync()
    rows = worklist_rows(branch_pc.context(), WorklistQuery(worklist=Worklist.BRANCH), 0, 50)
    assert [r.reference for r in rows].count(reference) == 1


def test_a_request_id_reused_for_another_complaint_is_a_conflict(
        console_hq: ConsoleHq, api_key: str) -> None:
    branch = console_hq.live.new_branch()
    body = _body(branch)
    assert _post(console_hq, api_key, body).status_code == 200
    other = dict(body, description="另一件事。")
    answer = _post(console_hq, api_key, other)
    assert answer.status_code == 409 and answer.json()["code"] == "hq.intake.request_id_reused"


@pytest.mark.parametrize("key", [None, "cdik_not-a-key", "Bearer something"])
def test_no_valid_key_no_complaint(console_hq: ConsoleHq, key: str | None) -> None:
    answer = _post(console_hq, key, _body(console_hq.live.new_branch()))
    assert answer.status_code == 401 and answer.json()["code"] == "hq.intake.key_invalid"


def test_a_device_token_is_not_an_intake_key(console_hq: ConsoleHq) -> None:
    device = console_hq.live.enroll()
    answer = device.client.post(f"{API_PREFIX}/intake", json=_body(device.info.branch_code))
    assert answer.status_code == 401


def test_a_revoked_key_is_refused(console_hq: ConsoleHq) -> None:
    with console_hq.engine.begin() as conn:
        key_id, key = intake_keys.issue_key(conn, "网站", "web", console_hq.clock())
        intake_keys.revoke_key(conn, key_id, console_hq.clock())
    assert _post(console_hq, key, _body(console_hq.live.new_branch())).status_code == 401


@pytest.mark.parametrize(("changes", "field"), [
    ({"customer": {"kind": "individual", "name": "刘晓", "id_type": "resident_id",
                   "id_number": "110105194912310021"}}, "customer.id_number"),
    ({"business_type": "no_such_type"}, "business_type"),
    ({"description": ""}, "description"),
    ({"consent": False}, "consent"),
])
def test_bad_fields_are_refused_with_the_counters_checks(
        console_hq: ConsoleHq, api_key: str, changes: dict[str, Any], field: str) -> None:
    answer = _post(console_hq, api_key, _body(console_hq.live.new_branch(), **changes))
    assert answer.status_code == 422, answer.text
    assert answer.json()["params"]["field"] == field


def test_an_unknown_branch_is_a_404(console_hq: ConsoleHq, api_key: str) -> None:
    answer = _post(console_hq, api_key, _body("NOSUCH"))
    assert answer.status_code == 404


def test_the_intake_endpoint_is_in_the_openapi_document(console_hq: ConsoleHq) -> None:
    spec = console_hq.client().get("/openapi.json").json()
    operation = spec["paths"][f"{API_PREFIX}/intake"]["post"]
    assert "401" in operation["responses"] and "422" in operation["responses"]
    assert not any(path.startswith("/console") for path in spec["paths"])
