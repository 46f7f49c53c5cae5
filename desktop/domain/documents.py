"""The documents this program prints, the paper each is offered on, and the decision letter's
editable texts: one list that the renderers (reports/), the printing use cases and the
screens all read.
"""

from __future__ import annotations

from typing import Any

from desktop.i18n import translate

# The `document` of a `document_printed` event, per case document; and the day-end report.
RECEIPT = "receipt"
LETTER = "letter"
EXTENSION_NOTICE = "extension_notice"
HOLDING_RESPONSE = "holding_response"  # UK DISP 1.6.2: no final response yet by 8 weeks
DAY_END_REPORT = "day_end_report"
CASE_DOCUMENTS = (RECEIPT, LETTER, EXTENSION_NOTICE, HOLDING_RESPONSE)
DOCUMENT_KINDS = (*CASE_DOCUMENTS, DAY_END_REPORT)

# Every paper a document can be laid out on: the 80 mm receipt roll, A5 and A4.
PAPER_FORMATS = ("roll80", "a5", "a4")
# The paper each document is offered on, default first.
FORMATS: dict[str, tuple[str, ...]] = {
    RECEIPT: ("roll80", "a5", "a4"),
    LETTER: ("a4",),
    EXTENSION_NOTICE: ("a4", "a5"),
    HOLDING_RESPONSE: ("a4", "a5"),
    DAY_END_REPORT: ("a4", "a5"),
}

# The decision letter's editable texts in the order they print; all but the first and last
# carry a heading.
LETTER_FIELDS = (
    "opening", "complaint", "verification", "findings", "basis", "decision", "remedy", "remedies",
    "closing",
)
# What the clerk gives a holding response: why there is no final response yet, and the day
# (ISO date) it is expected by.
HOLDING_RESPONSE_FIELDS = ("reason", "expected_by")


def printing_text(code: str, locale: str, **params: Any) -> str:
    """The `printing.<code>` text in `locale` (resources/i18n/<locale>/printing.json)."""
    return translate(f"printing.{code}", locale, **params)


def document_name(document: str, locale: str) -> str:
    """What the document is called in `locale` (RECEIPT → 投诉受理回执 / acknowledgement receipt)."""
    return printing_text(f"document.{document}", locale)
