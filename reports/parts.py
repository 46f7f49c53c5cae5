"""Pieces of the platypus sheet documents (notice, day-end report, statistics): letterhead
and the bank's sign-off with seal and signature (the page footer and COPY mark are
reports.paper.sheet_decorator)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table

from reports.branding import letterhead_contact
from reports.data import BankInfo
from reports.formatting import format_date, label
from reports.layout import (
    SealPlace,
    Styles,
    para,
    rule,
    signature_lines,
    table_style,
)
from reports.paper import LOGO_SIZE, draw_image, logo_size


def _logo(path: Path | None) -> Flowable | None:
    """The logo as a flowable, or None if there is none or it cannot be read (logged)."""
    size = logo_size(path)
    return None if path is None or size is None else Logo(path, *size)


class Logo(Flowable):
    """An image file, decoded and compressed once per process (reports.paper.draw_image)."""

    def __init__(self, path: Path, width: float, height: float) -> None:
        super().__init__()
        self.path = path
        self.width = width
        self.height = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_image(self.canv, self.path, 0, 0, self.width, self.height)


def letterhead(bank: BankInfo, width: float, st: Styles, locale: str) -> list[Flowable]:
    """Logo, bank name, and the branch's name, address and phone, over a rule."""
    contact = letterhead_contact(bank, locale)
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
