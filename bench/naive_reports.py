"""The floor of bench_reports: a naive reportlab document of the same text and size.

What a first attempt with reportlab's platypus looks like: for every document, new styles,
a SimpleDocTemplate and one Paragraph per line of text, in the same CJK font file (WenQuanYi
Micro Hei, registered once per process as the product does: reportlab keeps registered
fonts process-wide) read by reportlab's own TTFont (the product's reports.fonts.CjkFont
reads and subsets it faster), on a page of the product's document's size. Nothing is cached
between renders. The text is the product's own document's, read back with pdftotext once before
timing, so both lay out the same characters.
"""

from __future__ import annotations

import subprocess
import tempfile
from io import BytesIO
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate
from reportlab.platypus.flowables import PageBreak

from reports.fonts import cjk_font, font_path

NAIVE_FONT = "NaiveWenQuanYiMicroHei"


def naive_font() -> str:
    """The product's font file registered as a plain reportlab TTFont (once per process)."""
    if NAIVE_FONT not in pdfmetrics.getRegisteredFontNames():
        cjk_font()  # the product's process-wide settings (binary streams), as in the product
        pdfmetrics.registerFont(TTFont(NAIVE_FONT, str(font_path()), subfontIndex=0))
    return NAIVE_FONT


def same_text_and_size(pdf: bytes) -> tuple[list[list[str]], tuple[float, float]]:
    """The lines of each page of `pdf` (pdftotext -layout) and its first page's size."""
    from pypdf import PdfReader  # here: the cold-receipt row imports this module's neighbours

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                              capture_output=True, text=True, timeout=60).stdout
    pages = [[line.strip() for line in page.splitlines() if line.strip()]
             for page in text.split("\f") if page.strip()]
    box = PdfReader(BytesIO(pdf)).pages[0].mediabox
    return pages, (float(box.width), float(box.height))


def _escape(line: str) -> str:
    return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_naive(pages: list[list[str]], size: tuple[float, float], body_size: float) -> bytes:
    """One naive platypus document: every line a Paragraph, a page break between pages."""
    font = naive_font()
    body = ParagraphStyle("body", fontName=font, fontSize=body_size, leading=body_size * 1.4,
                          wordWrap="CJK")
    margin = min(size) * 0.06
    buffer = BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=size, leftMargin=margin, rightMargin=margin,
                            topMargin=margin, bottomMargin=margin)
    story: list = []
    for index, lines in enumerate(pages):
        if index:
            story.append(PageBreak())
        story += [Paragraph(_escape(line), body) for line in lines]
    doc.build(story)
    return buffer.getvalue()
