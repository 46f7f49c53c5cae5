"""Pieces of the sheet documents (letter, notice, day-end report): letterhead,
page footer and COPY mark, and the bank's sign-off with seal and signature."""

from __future__ import annotations

import logging
from datetime import date
from functools import cache
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Table

from reports.data import BankInfo
from reports.fonts import cjk_font
from reports.formatting import format_date, is_chinese, label
from reports.layout import (
    PageDecorator,
    SealPlace,
    Styles,
    para,
    rule,
    signature_lines,
    table_style,
)
from reports.paper import GREY, Paper, draw_copy_mark

log = logging.getLogger(__name__)
LOGO_SIZE = 16 * mm


@cache
def _logo_reader(path: str, mtime_ns: int) -> ImageReader:
    return ImageReader(path)


def _logo(path: Path | None) -> Flowable | None:
    """The logo as a flowable, or None if there is none or it cannot be read (logged)."""
    if path is None:
        return None
    try:
        reader = _logo_reader(str(path), path.stat().st_mtime_ns)
        width, height = reader.getSize()
    except (OSError, ValueError) as exc:
        log.warning("letterhead logo not usable (%s): %s", path.name, type(exc).__name__)
        return None
    scale = LOGO_SIZE / max(width, height)
    return Logo(reader, width * scale, height * scale)


class Logo(Flowable):
    """An image drawn from a cached reader (decoded once per process, not per document)."""

    def __init__(self, reader: ImageReader, width: float, height: float) -> None:
        super().__init__()
        self.reader = reader
        self.width = width
        self.height = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height, mask="auto")


def letterhead(bank: BankInfo, width: float, st: Styles, locale: str) -> list[Flowable]:
    """Logo, bank name, and the branch's name, address and phone, over a rule."""
    sep = "　" if is_chinese(locale) else "  ·  "
    contact = sep.join(t for t in (bank.branch_address, bank.branch_phone) if t)
    names: list[Flowable] = [para(bank.bank_name, st.heading), para(bank.branch_name, st.body)]
    if contact:
        names.append(para(contact, st.small))
    logo = _logo(bank.logo_path)
    if logo is None:
        return [*names, rule()]
    table = Table([[logo, names]], colWidths=(LOGO_SIZE + 4 * mm, width - LOGO_SIZE - 4 * mm))
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [table, rule()]


def sheet_decorator(pp: Paper, footer: str, copy_number: int, locale: str) -> PageDecorator:
    """Footer 'text · page N' on every page, and the COPY watermark on a reprint."""
    mark = label("copy_mark", locale)
    assert pp.height is not None
    width, height = pp.width, pp.height

    def decorate(canvas: Canvas, page: int) -> None:
        canvas.saveState()
        canvas.setFont(cjk_font(), 7.5)
        canvas.setFillColor(GREY)
        text = f"{footer}  ·  {label('page', locale, page=page)}" if footer else label(
            "page", locale, page=page)
        canvas.drawCentredString(width / 2, pp.margin * 0.6, text)
        canvas.restoreState()
        if copy_number > 1:
            draw_copy_mark(canvas, width, height, mark)

    return decorate


def bank_signoff(bank: BankInfo, when: date, width: float, st: Styles, locale: str,
                 signers: list[str]) -> Flowable:
    """Right-hand block, kept on one page: '<branch> (seal)', then the seal circle beside
    the signature lines and the date."""
    block_width = min(95 * mm, width * 0.62)
    seal = 22 * mm
    right = block_width - seal - 3 * mm
    signing = Table([[SealPlace(seal, label("sign.seal", locale)),
                      [signature_lines(signers, right, st), para(format_date(when, locale), st.right)]]],
                    colWidths=(seal + 3 * mm, right))
    signing.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    inner: list[Flowable] = [
        para(label("sign.bank_seal", locale, bank=bank.branch_name or bank.bank_name), st.body),
        signing,
    ]
    table = Table([["", inner]], colWidths=(width - block_width, block_width))
    table.setStyle(table_style([
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return KeepTogether([table])
