"""Enrollment against a live HQ: one-time codes, lost answers, revoked devices."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from desktop.sync.wire import API_PREFIX, EnrollRequest
from hq import enrollment
from tests.hq.conftest import LiveHq

ENROLL = f"{API_PREFIX}/enroll"


def _request(code: str, nonce: str | None = None, name: str = "Counter 1") -> dict[str, str]:
    body = {"code": code, "device_name": name}
    if nonce:
        body["enrollment_nonce"] = nonce
    return body


def test_a_code_enrolls_a_device_of_its_branch_with_a_working_token(live_hq: LiveHq) -> None:
    branch = live_hq.new_branch("Chaoyang sub-branch")
    answer = live_hq.client().post(ENROLL, json=_request(live_hq.enrollment_code(branch)))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["branch_code"] == branch
    assert body["branch_name"] == "Chaoyang sub-branch"
    assert body["device_number"] == 1
    pulled = live_hq.client(body["token"]).get(f"{API_PREFIX}/changes")
    assert pulled.status_code == 200


def test_devices_of_one_branch_get_consecutive_numbers(live_hq: LiveHq) -> None:
    branch = live_hq.new_branch()
    first = live_hq.enroll(branch)
    second = live_hq.enroll(branch)
    assert (first.info.device_number, second.info.device_number) == (1, 2)
    assert first.info.device_id != second.info.device_id


def test_a_used_code_is_refused_to_another_device(live_hq: LiveHq) -> None:
    code = live_hq.enrollment_code(live_hq.new_branch())
    client = live_hq.client()
    assert client.post(ENROLL, json=_request(code, uuid.uuid4().hex)).status_code == 200
    again = client.post(ENROLL, json=_request(code, uuid.uuid4().hex, name="Counter 2"))
    assert again.status_code == 409
    assert again.json()["code"] == "hq.enroll.code_used"
    without_nonce = client.post(ENROLL, json=_request(code))
    assert without_nonce.status_code == 409


def test_a_retry_after_a_lost_answer_gets_the_same_device_and_a_fresh_token(
    live_hq: LiveHq,
) -> None:
    code = live_hq.enrollment_code(live_hq.new_branch())
    nonce = uuid.uuid4().hex
    client = live_hq.client()
    lost = client.post(ENROLL, json=_request(code, nonce)).json()
    retried = client.post(ENROLL, json=_request(code, nonce))
    assert retried.status_code == 200, retried.text
    again = retried.json()
    assert again["device_id"] == lost["device_id"]
    assert again["device_number"] == lost["device_number"]
    assert again["token"] != lost["token"]
    assert live_hq.client(again["token"]).get(f"{API_PREFIX}/changes").status_code == 200
    # The token that never arrived must not keep working for whoever may hold it.
    assert live_hq.client(lost["token"]).get(f"{API_PREFIX}/changes").status_code == 401


def test_the_same_nonce_under_another_device_name_is_not_the_same_request(
    live_hq: LiveHq,
) -> None:
    code = live_hq.enrollment_code(live_hq.new_branch())
    nonce = uuid.uuid4().hex
    client = live_hq.client()
    assert client.post(ENROLL, json=_request(code, nonce)).status_code == 200
    assert client.post(ENROLL, json=_request(code, nonce, name="Other PC")).status_code == 409


def test_a_retry_after_the_window_is_refused(live_hq: LiveHq) -> None:
    branch = live_hq.new_branch()
    long_ago = datetime.now(UTC) - timedelta(hours=5)
    with live_hq.engine.begin() as conn:
        code = enrollment.issue_enrollment_code(conn, branch, long_ago, timedelta(days=1))
        nonce = uuid.uuid4().hex
        enrollment.enroll(conn, EnrollRequest(code=code, device_name="PC",
                                              enrollment_nonce=nonce), long_ago)
    retried = live_hq.client().post(ENROLL, json=_request(code, nonce, name="PC"))
    assert retried.status_code == 409


def test_an_unknown_code_is_refused(live_hq: LiveHq) -> None:
    answer = live_hq.client().post(ENROLL, json=_request("ZZZZ-ZZZZ-ZZZZ-ZZZZ"))
    assert answer.status_code == 403
    assert answer.json()["code"] == "hq.enroll.code_invalid"


def test_an_expired_code_is_refused(live_hq: LiveHq) -> None:
    branch = live_hq.new_branch()
    with live_hq.engine.begin() as conn:
        code = enrollment.issue_enrollment_code(
            conn, branch, datetime.now(UTC) - timedelta(hours=2), timedelta(hours=1))
    answer = live_hq.client().post(ENROLL, json=_request(code))
    assert answer.status_code == 403
    assert answer.json()["code"] == "hq.enroll.code_expired"


def test_codes_are_read_without_regard_to_case_spaces_or_dashes(live_hq: LiveHq) -> None:
    code = live_hq.enrollment_code(live_hq.new_branch())
    typed = code.replace("-", " ").lower()
    assert live_hq.client().post(ENROLL, json=_request(typed)).status_code == 200


def test_a_revoked_device_is_refused_everywhere(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    with live_hq.engine.begin() as conn:
        enrollment.revoke_device(conn, device.info.device_id, datetime.now(UTC))
    for answer in (
        device.client.get(f"{API_PREFIX}/changes"),
        device.push([device.chain.event()]),
        device.client.get(f"{API_PREFIX}/digest/2026-03-16"),
    ):
        assert answer.status_code == 403
        assert answer.json()["code"] == "hq.auth.revoked"


def test_requests_without_a_valid_token_are_unauthorised(live_hq: LiveHq) -> None:
    missing = live_hq.client().get(f"{API_PREFIX}/changes")
    assert missing.status_code == 401
    assert missing.json()["code"] == "hq.auth.missing"
    wrong = live_hq.client("not-a-token").get(f"{API_PREFIX}/changes")
    assert wrong.status_code == 401
    assert wrong.json()["code"] == "hq.auth.invalid"


def test_hq_keeps_only_hashes_of_codes_and_tokens(live_hq: LiveHq) -> None:
    branch = live_hq.new_branch()
    code = live_hq.enrollment_code(branch)
    token = live_hq.client().post(ENROLL, json=_request(code)).json()["token"]
    with live_hq.engine.connect() as conn:
        stored = [str(v) for row in conn.execute(text(
            "SELECT code_hash, nonce_hash FROM enrollment_codes UNION ALL "
            "SELECT token_hash, name FROM devices")) for v in row]
    joined = "\n".join(stored)
    assert token not in joined
    assert enrollment.normalise_code(code) not in joined
    assert enrollment.sha256_hex(token) in joined


def test_a_device_name_with_control_characters_is_refused(live_hq: LiveHq) -> None:
    code = live_hq.enrollment_code(live_hq.new_branch())
    answer = live_hq.client().post(ENROLL, json=_request(code, name="PC\x00one"))
    assert answer.status_code == 422
    assert answer.json()["params"]["field"] == "device_name"
