"""Masking per kind of document is policy data (resources/policies/*.json `masking`): letters
and notices go to the customer, so they carry the full name and postal address; ID and phone
numbers stay masked; the receipt stays masked. Read back with poppler's pdftotext."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.errors import PolicyError
from desktop.domain.masking import DOCUMENT_KINDS
from desktop.domain.policy import load_policy, policy_from_dict
from desktop.resources import load_json
from reports import render_extension_notice, render_letter, render_receipt
from tests.reports.helpers import (
    FULL_ID,
    FULL_PHONE,
    flat,
    letter_data,
    notice_data,
    pdftotext,
    receipt_data,
    tool,
)

pytestmark = pytest.mark.skipif(tool("pdftotext") is None, reason="poppler-utils not installed")

ADDRESS = "北京市朝阳区建国路88号院3号楼1单元502"


def _policy(masking: dict[str, Any]) -> Any:
    data = copy.deepcopy(load_json("policies", "cn_cbirc_2020.json"))
    data["masking"] = masking
    return policy_from_dict(data)


def test_shipped_policies_name_every_kind_of_document() -> None:
    for policy_id in ("cn_cbirc_2020", "uk_fca_disp", "us_cfpb"):
        assert set(load_json("policies", f"{policy_id}.json")["masking"]) == set(DOCUMENT_KINDS)


def test_letter_and_notice_carry_full_name_and_address_but_masked_numbers(tmp_path: Path) -> None:
    policy = load_policy("cn_cbirc_2020")
    for pdf in (render_letter(letter_data(masking=policy.document_masking("letter"))),
                render_extension_notice(notice_data(masking=policy.document_masking("notice")))):
        text = flat(pdftotext(pdf, tmp_path))
        assert "尊敬的张三丰" in text and flat(ADDRESS) in text
        assert FULL_ID not in text and FULL_PHONE not in text


def test_receipt_stays_masked(tmp_path: Path) -> None:
    policy = load_policy("cn_cbirc_2020")
    data = receipt_data(masking=policy.document_masking("receipt"))
    for fmt in ("roll80", "a4"):
        text = flat(pdftotext(render_receipt(data, fmt=fmt), tmp_path))
        assert "张*丰" in text and "张三丰" not in text, fmt
        assert "110101********1234" in text and "138****5678" in text, fmt
        assert FULL_ID not in text and FULL_PHONE not in text and "建国路" not in text, fmt


def test_the_policy_table_changes_what_is_printed(tmp_path: Path) -> None:
    policy = _policy({"letter": {"name": True, "address": True},
                      "receipt": {"name": False, "phone": False}})
    letter = flat(pdftotext(render_letter(letter_data(masking=policy.document_masking("letter"))),
                            tmp_path))
    assert "尊敬的张*丰" in letter and "张三丰" not in letter and "建国路" not in letter
    assert "北京市****" in letter
    receipt = flat(pdftotext(render_receipt(
        receipt_data(masking=policy.document_masking("receipt"))), tmp_path))
    assert "张三丰" in receipt and FULL_PHONE in receipt and FULL_ID not in receipt
    # A kind the table does not name keeps its default: the notice is addressed in full.
    assert not policy.document_masking("notice").name


@pytest.mark.parametrize("masking", [
    {"leaflet": {"name": False}},           # no such kind of document
    {"letter": {"surname": False}},         # no such field
    {"letter": {"name": "sometimes"}},      # not a yes/no
])
def test_a_malformed_masking_table_is_refused(masking: dict[str, Any]) -> None:
    with pytest.raises(PolicyError):
        _policy(masking)
