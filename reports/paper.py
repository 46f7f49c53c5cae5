"""What every document shares below any layout engine: paper formats, the greys, a new
canvas in the CJK font, the QR code's modules, the logo image and the COPY watermark.

No platypus here: the roll receipt (reports.blocks) draws straight onto a canvas, so a
counter PC's first receipt does not wait for reportlab's flowing-layout modules.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDocument, PDFImageXObject
from reportlab.pdfgen.canvas import Canvas

from desktop.domain.documents import PAPER_FORMATS
from reports.data import ReportError
from reports.fonts import cjk_font
from reports.formatting import label
from reports.pdfobjects import FAST_FLATE, LeanDocument, Stream

FORMATS = PAPER_FORMATS
ROLL_WIDTH = 80 * mm
ROLL_MARGIN = 4 * mm
# PDF viewers and printer drivers refuse pages taller than 200 in; a longer roll
# document continues on a further page of that height.
ROLL_MAX_HEIGHT = 200 * 72
GREY = colors.Color(0.45, 0.45, 0.45)
LIGHT = colors.Color(0.85, 0.85, 0.85)
SHADE = colors.Color(0.94, 0.94, 0.94)
LABEL_GREY = colors.Color(0.3, 0.3, 0.3)


@dataclass(frozen=True, slots=True)
class Paper:
    name: str
    width: float
    height: float | None  # None: as tall as the content (the roll)
    margin: float
    body_size: float


PAPERS = {
    "roll80": Paper("roll80", ROLL_WIDTH, None, ROLL_MARGIN, 8.5),
    "a5": Paper("a5", A5[0], A5[1], 10 * mm, 9.0),
    "a4": Paper("a4", A4[0], A4[1], 20 * mm, 10.5),
}


def paper(fmt: str) -> Paper:
    """The Paper of a format name; ReportError for an unknown one."""
    try:
        return PAPERS[fmt]
    except KeyError:
        raise ReportError("report.error.unknown_format", fmt=fmt) from None


def new_canvas(buffer: BytesIO, size: tuple[float, float], title: str, author: str) -> Canvas:
    """A canvas whose pages start in the CJK font (never an unembedded Helvetica)."""
    canvas = Canvas(buffer, pagesize=size, initialFontName=cjk_font(), initialFontSize=10,
                    pageCompression=0)
    # Content streams compressed all the same, at zlib level 1, and the objects written by a
    # plainer loop (reports.pdfobjects).
    canvas._doc.defaultStreamFilters = [FAST_FLATE]
    canvas._doc.__class__ = LeanDocument
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("Complaint Desk")
    return canvas


@lru_cache(maxsize=32)
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The modules of the QR code of `payload`, quiet zone included (cached: the
    customer and bank copies, and a reprint, carry the same code).

    A fixed mask pattern skips the encoder's trial of all eight masks: any mask is
    valid QR (ISO/IEC 18004 only recommends choosing by penalty), and it makes the
    code ~6x cheaper to compute.
    """
    import qrcode  # here: ~15 ms of imports (PIL among them) only once a QR code is drawn
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4, mask_pattern=0)
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


@lru_cache(maxsize=32)
def qr_operators(payload: str) -> tuple[int, str]:
    """(n, operators): the QR code of `payload` is n modules square; the PDF operators fill
    its dark modules in module units (one rectangle per run of dark modules, written as
    literal PDF: ~20x cheaper than path.rect())."""
    matrix = qr_matrix(payload)
    n = len(matrix)
    ops: list[str] = []
    for row, cells in enumerate(matrix):
        y = n - 1 - row
        col = 0
        while col < n:
            if cells[col]:
                run = col
                while run < n and cells[run]:
                    run += 1
                ops.append(f"{col} {y} {run - col} 1 re")
                col = run
            else:
                col += 1
    return n, "\n".join(ops) + "\nf"


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """The QR code of `payload`, `size` points square, lower left corner at (x, y)."""
    n, ops = qr_operators(payload)
    cell = size / n
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.addLiteral(f"{cell:.5f} 0 0 {cell:.5f} {x:.4f} {y:.4f} cm\n{ops}")
    canvas.restoreState()


def text_operators(doc: PDFDocument, runs: Sequence[tuple[float, float, str]], size: float,
                   color: colors.Color | None) -> str:
    """One text object showing each (x, baseline, text) run in the CJK font, as literal PDF
    operators for a page of `doc` (~5x cheaper than the canvas's text objects)."""
    font = pdfmetrics.getFont(cjk_font())
    fill = "0 g" if color is None else f"{fp_str(color.red, color.green, color.blue)} rg"
    parts = [f"BT {fill}"]
    size_text = fp_str(size)
    current = -1
    for x, baseline, text in runs:
        parts.append(f"1 0 0 1 {fp_str(x, baseline)} Tm")
        for subset, chunk in font.splitString(text, doc):
            if subset != current:
                parts.append(f"{font.getSubsetInternalName(subset, doc)} {size_text} Tf")
                current = subset
            parts.append(f"<{chunk.hex()}> Tj")
    parts.append("ET")
    return " ".join(parts)


def draw_copy_mark(canvas: Canvas, width: float, height: float, text: str) -> None:
    """The reprint watermark: large, light, diagonal, across the page."""
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.6, 0.6, 0.6, alpha=0.35))
    size = min(width, height) / 6
    canvas.setFont(cjk_font(), size)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(35 if height > width else 0)
    canvas.drawCentredString(0, -size / 3, text)
    canvas.restoreState()


@lru_cache(maxsize=8)
def _encoded_image(path: str, mtime_ns: int) -> tuple[str, PDFImageXObject]:
    """An image file as a PDF image object, decoded and compressed once per process (and
    per version of the file), with its soft mask (transparency) if it has one."""
    from hashlib import md5

    cjk_font()  # binary streams (no ASCII85) even when a letter is the process's first document
    name = "img" + md5(f"{path}\0{mtime_ns}".encode(), usedforsecurity=False).hexdigest()
    image = PDFImageXObject(name, ImageReader(path), mask="auto")
    image.name = name
    return name, image


ImageParts = tuple[str, bytes, bytes]  # name, dictionary entries (/Length excepted), data


@lru_cache(maxsize=8)
def _image_parts(path: str, mtime_ns: int) -> tuple[ImageParts, ImageParts | None]:
    """The image's and its soft mask's PDF stream parts, as reportlab's PDFImageXObject
    writes them (its /SMask reference excepted), made once per process."""
    name, image = _encoded_image(path, mtime_ns)
    smask = getattr(image, "_smask", None)
    return _parts(name, image), None if smask is None else _parts(smask.name, smask)


def _parts(name: str, image: PDFImageXObject) -> ImageParts:
    entries = [b"/Type /XObject /Subtype /Image /Width %s /Height %s /BitsPerComponent %s "
               b"/ColorSpace /%s" % (fp_str(image.width).encode(), fp_str(image.height).encode(),
                                     fp_str(image.bitsPerComponent).encode(),
                                     image.colorSpace.encode("ascii"))]
    if image.colorSpace == "DeviceCMYK" and getattr(image, "_dotrans", 0):
        entries.append(b"/Decode [ 1 0 1 0 1 0 1 0 ]")
    elif getattr(image, "_decode", None):
        entries.append(b"/Decode [ %s ]" % fp_str(*image._decode).encode())
    entries.append(b"/Filter [ %s ]" % b" ".join(b"/" + f.encode("ascii") for f in image._filters))
    if image.mask:
        entries.append(b"/Mask [ %s ]" % fp_str(*image.mask).encode())
    data = image.streamContent
    return name, b" ".join(entries) + b" ", data.encode("latin-1") if isinstance(data, str) else data


def image_size(path: Path) -> tuple[int, int]:
    """Width and height in pixels of an image file (decoded once per process); OSError or
    ValueError if it cannot be read."""
    _, image = _encoded_image(str(path), path.stat().st_mtime_ns)
    return image.width, image.height


LOGO_SIZE = 16 * mm
log = logging.getLogger(__name__)


def logo_size(path: Path | None) -> tuple[float, float] | None:
    """The letterhead logo's printed width and height (LOGO_SIZE on its longer side), or
    None if there is none or it cannot be read (logged, without the path's folders)."""
    if path is None:
        return None
    try:
        width, height = image_size(path)
    except (OSError, ValueError) as exc:
        log.warning("letterhead logo not usable (%s): %s", path.name, type(exc).__name__)
        return None
    scale = LOGO_SIZE / max(width, height)
    return width * scale, height * scale


def draw_image(canvas: Canvas, path: Path, x: float, y: float, width: float,
               height: float) -> None:
    """The image file at `path` drawn into the box (x, y, width, height); its PDF object is
    made once per process and shared by every document (reportlab's drawImage decodes,
    hashes and compresses the image again for each one)."""
    (name, entries, data), smask = _image_parts(str(path), path.stat().st_mtime_ns)
    doc = canvas._doc
    reg_name = doc.getXObjectName(name)
    if reg_name not in doc.idToObject:  # this document's own objects around the shared bytes
        refs: list[tuple[bytes, Stream]] = []
        if smask is not None:
            mask_name, mask_entries, mask_data = smask
            mask = Stream(mask_data, mask_entries)
            doc.Reference(mask, doc.getXObjectName(mask_name))
            refs.append((b"/SMask", mask))
        image = Stream(data, entries, refs=refs)
        doc.Reference(image, reg_name)
        doc.addForm(name, image)
    canvas._currentPageHasImages = 1
    canvas.saveState()
    canvas.transform(width, 0, 0, height, x, y)
    canvas._code.append(f"/{reg_name} Do")
    canvas.restoreState()
    canvas._formsinuse.append(name)  # the page's resources list it


PageDecorator = Callable[[Canvas, int], None]


def sheet_decorator(pp: Paper, footer: str, copy_number: int, locale: str) -> PageDecorator:
    """Footer 'text · page N' on every page, and the COPY watermark on a reprint."""
    mark = label("copy_mark", locale)
    assert pp.height is not None
    width, height = pp.width, pp.height

    def decorate(canvas: Canvas, page: int) -> None:
        text = f"{footer}  ·  {label('page', locale, page=page)}" if footer else label(
            "page", locale, page=page)
        left = (width - pdfmetrics.stringWidth(text, cjk_font(), 7.5)) / 2
        canvas._code.append(
            f"q {text_operators(canvas._doc, [(left, pp.margin * 0.6, text)], 7.5, GREY)} Q")
        if copy_number > 1:
            draw_copy_mark(canvas, width, height, mark)

    return decorate
