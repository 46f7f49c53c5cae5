"""Reference-data files are checked against pydantic models: a bad file is refused with the
path of the field at fault and nothing of it is used; the JSON Schemas publishers check
against are generated from the same models and committed."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from sqlalchemy import select

from desktop.domain.calendar import calendar_from_dict
from desktop.domain.errors import PolicyError
from desktop.domain.policy import policy_from_dict
from desktop.domain.reference_files import FILES, field_path
from desktop.domain.taxonomy import taxonomy_from_dict
from desktop.resources import load_json, resource_path
from desktop.security.staff import hash_password
from desktop.services.context import ServiceContext
from desktop.store.events import get_setting
from desktop.store.models import ReferenceDocumentRow, StaffRow
from desktop.sync.engine import ROSTER_APPLIED_KEY, apply_published_roster

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "reference_schemas.py"
SHIPPED = {
    "calendar": [("calendars", f"{c}.json") for c in ("cn", "uk", "us")],
    "policy": [("policies", f"{p}.json") for p in ("cn_cbirc_2020", "uk_fca_disp", "us_cfpb")],
    "taxonomy": [("taxonomy", "jrt0169.json")],
}


def _shipped(kind: str, index: int = 0) -> Any:
    return copy.deepcopy(load_json(*SHIPPED[kind][index]))


def _schema(kind: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(resource_path("schemas", f"{kind}.schema.json").read_text("utf-8"))
    return schema


def _roster(*members: dict[str, Any]) -> dict[str, Any]:
    return {"staff": list(members)}


def _member(number: str, **changes: Any) -> dict[str, Any]:
    return {"number": number, "name": "王芳", "role": "teller", "branch_code": "BJ001",
            "password_hash": hash_password("roster-pass-1"), **changes}


# -- the schemas -------------------------------------------------------------------------------

def test_the_committed_schemas_are_the_ones_the_models_give() -> None:
    done = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(p.name for p in resource_path("schemas").glob("*.schema.json")) == \
        sorted(f"{kind}.schema.json" for kind in FILES)


@pytest.mark.parametrize("kind", sorted(FILES))
def test_each_schema_is_valid_json_schema(kind: str) -> None:
    jsonschema.Draft202012Validator.check_schema(_schema(kind))


@pytest.mark.parametrize(("kind", "index"), [(k, i) for k, files in SHIPPED.items()
                                             for i in range(len(files))])
def test_every_shipped_file_passes_its_published_schema(kind: str, index: int) -> None:
    jsonschema.validate(_shipped(kind, index), _schema(kind), cls=jsonschema.Draft202012Validator)


def test_a_publisher_checking_against_the_schema_sees_the_same_field_at_fault() -> None:
    policy = _shipped("policy")
    policy["rules"][0]["extensions"][0]["approver_roles"] = ["janitor"]
    errors = list(jsonschema.Draft202012Validator(_schema("policy")).iter_errors(policy))
    assert [list(e.absolute_path) for e in errors] == [["rules", 0, "extensions", 0, "approver_roles", 0]]
    roster = _roster({"number": "T1"})
    assert not jsonschema.Draft202012Validator(_schema("roster")).is_valid(roster)


# -- the loaders -------------------------------------------------------------------------------

def _refusal(build: Any, data: Any) -> PolicyError:
    with pytest.raises(PolicyError) as caught:
        build(data)
    return caught.value


def test_a_calendar_with_a_bad_date_names_the_field() -> None:
    data = _shipped("calendar")
    data["holidays"][1]["from"] = "2025-13-28"
    error = _refusal(calendar_from_dict, data)
    assert error.code == "calendar.invalid"
    assert "holidays[1].from" in error.params["detail"]
    assert "holidays[1].from" in error.message("zh_CN") and error.message("zh_CN").startswith("工作日历文件有误")


def test_a_misspelt_key_is_refused_not_ignored() -> None:
    data = _shipped("calendar")
    data["wokring_days"] = data.pop("working_days")
    assert "wokring_days: Extra inputs are not permitted" in _refusal(calendar_from_dict, data).params["detail"]


def test_rules_across_a_calendar_still_hold() -> None:
    data = _shipped("calendar")
    data["working_days"].append({"date": "2025-01-01", "name": {"zh_CN": "x", "en": "x"}})
    assert "2025-01-01 is both a holiday and a working day" in _refusal(calendar_from_dict, data).params["detail"]


def test_a_policy_with_an_unknown_role_names_the_field() -> None:
    data = _shipped("policy")
    data["rules"][0]["extensions"][0]["approver_roles"] = ["janitor"]
    detail = _refusal(policy_from_dict, data).params["detail"]
    assert detail.startswith("rules[0].extensions[0].approver_roles[0]: Input should be 'teller'")


def test_a_policy_without_a_catch_all_rule_is_refused() -> None:
    data = _shipped("policy")
    data["rules"] = data["rules"][:1]
    data["rules"][0]["match"] = {"business_type": ["B01"]}
    assert _refusal(policy_from_dict, data).params["detail"] == \
        "rules: the last rule must match everything (no match)"
    data["rules"] = []
    assert _refusal(policy_from_dict, data).params["detail"] == \
        "rules: the last rule must match everything (no match)"


def test_a_taxonomy_label_without_english_names_the_category() -> None:
    data = _shipped("taxonomy")
    del data["axes"]["cause"]["categories"][0]["children"][0]["label"]["en"]
    detail = _refusal(taxonomy_from_dict, data).params["detail"]
    assert detail == "axes.cause.categories[0].children[0].label: needs a zh_CN and an en text"


def test_a_taxonomy_rule_naming_an_unknown_code_is_refused() -> None:
    data = _shipped("taxonomy")
    data["extra_fields"][0]["business_type"] = "Z99"
    assert "extra_fields[0].business_type: unknown code Z99" in _refusal(taxonomy_from_dict, data).params["detail"]


def test_only_the_first_problems_are_listed_and_the_rest_counted() -> None:
    data = _shipped("calendar")
    for entry in data["working_days"]:
        entry["date"] = "not a date"
    detail = _refusal(calendar_from_dict, data).params["detail"]
    assert detail.count("working_days[") == 3 and detail.endswith(f"(+{len(data['working_days']) - 3})")


def test_field_paths_read_as_written_in_the_file() -> None:
    assert field_path(("rules", 0, "extensions", 1, "label")) == "rules[0].extensions[1].label"
    assert field_path(()) == "(file)"


# -- the roster --------------------------------------------------------------------------------

def _publish_roster(ctx: ServiceContext, content: Any, version: int) -> None:
    with ctx.store.write() as s:
        s.merge(ReferenceDocumentRow(kind="roster", version=version, content=content,
                                     received_at=datetime.now(UTC)))


def _staff(ctx: ServiceContext) -> dict[str, tuple[str, bool]]:
    with ctx.store.read() as s:
        return {r.number: (r.name, r.active) for r in s.scalars(select(StaffRow))}


def test_a_bad_roster_names_the_entry_and_changes_no_account(ctx: ServiceContext) -> None:
    _publish_roster(ctx, _roster(_member("T100"), _member("T101")), version=1)
    assert apply_published_roster(ctx)
    before = _staff(ctx)
    _publish_roster(ctx, _roster(_member("T100", name="改名"), _member("T102", password_hash="secret")),
                    version=2)
    with pytest.raises(PolicyError) as caught:
        apply_published_roster(ctx)
    assert caught.value.code == "roster.invalid"
    assert caught.value.params["detail"].startswith("staff[1].password_hash: String should match pattern")
    assert "secret" not in caught.value.message("en")
    assert _staff(ctx) == before
    with ctx.store.read() as s:
        assert get_setting(s, ROSTER_APPLIED_KEY, "-1") == "1"


def test_a_roster_published_as_a_bare_list_is_read_too(ctx: ServiceContext) -> None:
    _publish_roster(ctx, [_member("T200"), _member("T201", branch_code="SH002")], version=1)
    assert apply_published_roster(ctx)
    assert _staff(ctx)["T200"] == ("王芳", True) and "T201" not in _staff(ctx)


# -- the publisher's check ---------------------------------------------------------------------

def test_the_tool_checks_a_file_before_it_is_published(tmp_path: Path) -> None:
    bad = tmp_path / "policy.json"
    data = _shipped("policy")
    data["due_soon"]["count"] = "lunar"
    bad.write_text(json.dumps(data), encoding="utf-8")
    done = subprocess.run([sys.executable, str(TOOL), "check", "policy", str(bad)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1 and done.stdout.startswith("due_soon.count: Input should be 'calendar' or 'working'")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(_shipped("policy")), encoding="utf-8")
    done = subprocess.run([sys.executable, str(TOOL), "check", "policy", str(good)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout
