"""Start-up warm-up: pay the one-off costs (font registration, reportlab's lazy imports,
styles, the QR encoder's tables) before the first customer waits for a receipt."""

from __future__ import annotations

from reports.fonts import cjk_font
from reports.layout import styles
from reports.paper import PAPERS
from reports.receipt import render_receipt
from reports.samples import receipt_data


def warm_up() -> None:
    """Register the CJK font, load platypus's styles for the sheet documents, and lay out the
    sample receipt (reports.samples) in both languages.

    Takes ~150 ms once; safe to call from a worker thread and more than once.
    Raises FileNotFoundError if the font is missing (better at start than at the counter).
    """
    cjk_font()
    for pp in PAPERS.values():
        styles(pp.body_size)
    for locale in ("zh_CN", "en"):
        render_receipt(receipt_data(locale), fmt="roll80", locale=locale, copies=("customer",))
