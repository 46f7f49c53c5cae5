"""Reference data through the console: an upload is checked with the branch's own
loaders, shown against the published version, published, listed in the history and
rolled back; a bad upload changes nothing; only admins change (over HTTP, live HQ)."""

from __future__ import annotations

import copy
import html
import json
from typing import Any

import pytest

from desktop.resources import load_json
from hq import audit, reference_data
from tests.console.conftest import ConsoleHq, csrf_of


@pytest.fixture
def policy() -> dict[str, Any]:
    return copy.deepcopy(load_json("policies", "cn_cbirc_2020.json"))


def _upload(client: Any, token: str, kind: str, document: bytes) -> Any:
    return client.post(f"/console/reference/{kind}/preview", data={"csrf_token": token},
                       files={"document": (f"{kind}.json", document, "application/json")})


def _published(hq: ConsoleHq, kind: str) -> Any:
    with hq.engine.begin() as conn:
        return reference_data.content_of(conn, kind)


def test_an_admin_checks_publishes_and_rolls_back_a_policy(console_hq: ConsoleHq,
                                                          policy: dict[str, Any]) -> None:
    admin = console_hq.add_staff(role="admin")
    client, token = console_hq.signed_in(admin)
    before = _published(console_hq, "policy")
    first = _upload(client, token, "policy", json.dumps(policy).encode())
    assert first.status_code == 200 and "网点设备可以加载此文件" in first.text
    # The preview's form carries the checked document on to the publish step.
    content = html.unescape(first.text.split('name="content" value="', 1)[1].split('"', 1)[0])
    assert json.loads(content) == policy
    assert client.post("/console/reference/policy/publish", data={
        "csrf_token": token, "content": content}, follow_redirects=False).status_code == 303
    v1 = _published(console_hq, "policy")
    assert v1 == policy and before != v1

    changed = copy.deepcopy(policy)
    changed["due_soon"] = {"days": 5, "count": "calendar"}
    preview = _upload(client, token, "policy", json.dumps(changed).encode())
    assert '<span class="del">-' in preview.text and '<span class="add">+' in preview.text
    client.post("/console/reference/policy/publish",
                data={"csrf_token": token, "content": json.dumps(changed)})
    assert _published(console_hq, "policy")["due_soon"]["days"] == 5

    with console_hq.engine.begin() as conn:
        versions = [v.version for v in reference_data.history(conn, "policy")]
    newest, older = versions[0], versions[1]
    rolled = client.post(f"/console/reference/policy/{older}/roll-back",
                         data={"csrf_token": token}, follow_redirects=False)
    assert rolled.status_code == 303
    assert rolled.headers["location"].endswith(f"published={newest + 1}")
    assert _published(console_hq, "policy") == policy
    with console_hq.engine.begin() as conn:
        actions = [e.action for e in audit.recent(conn, staff_number=admin.number)]
    assert actions[:3] == ["reference.roll_back", "reference.publish", "reference.publish"]


@pytest.mark.parametrize(("document", "message"), [
    (b"{not json", "文件不是有效的 JSON"),
    (b'{"id": "x"}', "网点设备无法加载此policy文件"),
])
def test_an_upload_the_branch_could_not_load_changes_nothing(
        console_hq: ConsoleHq, document: bytes, message: str) -> None:
    client, token = console_hq.signed_in(console_hq.add_staff(role="admin"))
    before = _published(console_hq, "policy")
    answer = _upload(client, token, "policy", document)
    assert answer.status_code == 422 and message in answer.text
    forced = client.post("/console/reference/policy/publish",
                         data={"csrf_token": token, "content": document.decode()})
    assert forced.status_code == 422
    assert _published(console_hq, "policy") == before


def test_a_policy_without_a_catch_all_rule_is_refused(console_hq: ConsoleHq,
                                                      policy: dict[str, Any]) -> None:
    client, token = console_hq.signed_in(console_hq.add_staff(role="admin"))
    policy["rules"] = policy["rules"][:-1]
    answer = _upload(client, token, "policy", json.dumps(policy).encode())
    assert answer.status_code == 422 and "the last rule must match everything" in answer.text


def test_letter_templates_are_checked_against_the_letter_fields(console_hq: ConsoleHq) -> None:
    client, token = console_hq.signed_in(console_hq.add_staff(role="admin"))
    good = {"zh_CN": {"upheld": {"opening": "您好：", "closing": "此致"}}}
    assert _upload(client, token, "letter_templates",
                   json.dumps(good).encode()).status_code == 200
    bad = {"zh_CN": {"upheld": {"postscript": "x"}}}
    assert _upload(client, token, "letter_templates",
                   json.dumps(bad).encode()).status_code == 422


def test_an_auditor_reads_the_history_but_cannot_publish(console_hq: ConsoleHq,
                                                         policy: dict[str, Any]) -> None:
    client, token = console_hq.signed_in(console_hq.add_staff(role="auditor"))
    page = client.get("/console/reference/policy")
    assert page.status_code == 200 and 'type="file"' not in page.text
    answer = client.post("/console/reference/policy/publish",
                         data={"csrf_token": token, "content": json.dumps(policy)})
    assert answer.status_code == 403


def test_an_officer_does_not_see_reference_data(console_hq: ConsoleHq) -> None:
    client, _ = console_hq.signed_in(console_hq.add_staff(role="officer"))
    assert client.get("/console/reference").status_code == 403
    assert csrf_of(client.get("/console/").text)
