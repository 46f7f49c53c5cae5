"""The print preview: the very PDF bytes that will print, rasterised page by page, with
Print … (the platform's print dialog, pages rendered at the printer's resolution) and
Save as PDF … (the exact bytes).

Qt's PDF module is not part of PySide6-Essentials, so PDFium (pypdfium2) draws the pages:
into QImages for the screen, and in horizontal bands straight onto the QPrinter, so a
600 dpi A4 page never needs one half-gigabyte image. All rasterising and printing runs on
the dialog's task runner (ui/tasks.py; one thread: PDFium is not thread-safe); results come
back to the GUI thread.

The dialog knows nothing of cases or the database: `ui.printing` gives it a document and
listens to `printed` / `saved` to put the print on the timeline.

What can go wrong: a PDF PDFium cannot open (shown in the dialog, printing disabled), a
printer that refuses the job (`PrintFailed`, shown; nothing is recorded), a file that
cannot be written (shown; nothing is recorded).
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.documents import document_name, printing_text
from ui import spacing
from ui.interaction import Interaction
from ui.screen_fit import resize_to_fit
from ui.tasks import TaskRunner

log = logging.getLogger("complaint_desk.ui.print_preview")

# PDFium is not thread-safe (pypdfium2 says so): every call into it holds this lock, and
# every PDFium object is closed before the lock is released.
_PDFIUM = threading.Lock()
ZOOM_STEPS = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
SCREEN_DPI = 96.0  # zoom 100 %: a page at its real size on a 96-dpi screen
BAND_BYTES = 16 * 1024 * 1024  # at most this much raster per band when printing
PAGE_GAP = 12
FIT_LIMIT = 1.5  # "fit width" never draws a narrow roll receipt larger than this


class PrintFailed(Exception):
    """The printer (or the PDF writer standing in for it) refused to start the job."""


def t(code: str, locale: str, **params: Any) -> str:
    """The screens' printing texts: `printing.ui.<code>` in `locale`."""
    return printing_text(f"ui.{code}", locale, **params)


# -- PDFium ----------------------------------------------------------------------------------------

def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's (width, height) in points. Raises pypdfium2.PdfiumError for a broken PDF."""
    import pypdfium2 as pdfium

    with _PDFIUM:
        doc = pdfium.PdfDocument(pdf)
        try:
            sizes = []
            for index in range(len(doc)):
                page = doc[index]
                sizes.append((float(page.get_width()), float(page.get_height())))
                page.close()
            return sizes
        finally:
            doc.close()


def render_pages(pdf: bytes, pixels_per_point: float) -> list[QImage]:
    """Every page as an RGB image at `pixels_per_point` (1.0 = 72 dpi). Safe on any thread."""
    import pypdfium2 as pdfium

    images = []
    with _PDFIUM:
        doc = pdfium.PdfDocument(pdf)
        try:
            for index in range(len(doc)):
                page = doc[index]
                bitmap = page.render(scale=pixels_per_point, rev_byteorder=True, prefer_bgrx=True)
                image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                               QImage.Format.Format_RGBX8888).copy()  # own the pixels
                bitmap.close()
                page.close()
                images.append(image)
        finally:
            doc.close()
    return images


def _paper(printer: QPrinter, width_pt: float, height_pt: float) -> None:
    """Ask for paper the size of the PDF page (a roll printer takes any length)."""
    landscape = width_pt > height_pt
    short, long = sorted((width_pt, height_pt))
    printer.setPageSize(QPageSize(QSizeF(short, long), QPageSize.Unit.Point, "",
                                  QPageSize.SizeMatchPolicy.FuzzyMatch))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                               else QPageLayout.Orientation.Portrait)


def print_pdf(pdf: bytes, printer: QPrinter, *, pages: Sequence[int] | None = None,
              copies: int = 1) -> int:
    """Paint the PDF's pages onto `printer` at its resolution, each on paper of the page's
    own size, and end the job. Returns the number of sheets sent.

    Runs on any thread (QPainter may paint on a QPrinter outside the GUI thread). Raises
    PrintFailed if the printer cannot start the job or the PDF cannot be read.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    gray = printer.colorMode() is QPrinter.ColorMode.GrayScale
    pixel_format = pdfium_c.FPDFBitmap_Gray if gray else pdfium_c.FPDFBitmap_BGRx
    image_format = QImage.Format.Format_Grayscale8 if gray else QImage.Format.Format_RGBX8888
    flags = pdfium_c.FPDF_ANNOT | pdfium_c.FPDF_PRINTING
    if not gray:
        flags |= pdfium_c.FPDF_REVERSE_BYTE_ORDER
    printer.setFullPage(True)  # the PDF carries its own margins
    painter = QPainter()
    sent = 0
    with _PDFIUM:
        try:
            doc = pdfium.PdfDocument(pdf)
        except pdfium.PdfiumError as exc:
            raise PrintFailed(str(exc)) from exc
        try:
            order = list(pages) if pages is not None else list(range(len(doc)))
            for _ in range(max(1, copies)):
                for index in order:
                    page = doc[index]
                    width_pt, height_pt = page.get_width(), page.get_height()
                    _paper(printer, width_pt, height_pt)
                    if sent == 0:
                        if not painter.begin(printer):
                            raise PrintFailed(printer.printerName())
                    elif not printer.newPage():
                        raise PrintFailed(printer.printerName())
                    dpi = printer.resolution()
                    paper = printer.pageLayout().fullRectPixels(dpi)
                    scale = dpi / 72.0
                    fit = min(1.0, paper.width() / (width_pt * scale),
                              paper.height() / (height_pt * scale))
                    full_w = math.ceil(width_pt * scale * fit)
                    full_h = math.ceil(height_pt * scale * fit)
                    channels = 1 if gray else 4
                    band = max(1, BAND_BYTES // (full_w * channels))
                    for top in range(0, full_h, band):
                        rows = min(band, full_h - top)
                        bitmap = pdfium.PdfBitmap.new_native(full_w, rows, format=pixel_format,
                                                             rev_byteorder=not gray)
                        bitmap.fill_rect((255, 255, 255, 255), 0, 0, full_w, rows)
                        pdfium_c.FPDF_RenderPageBitmap(bitmap, page, 0, -top, full_w, full_h, 0,
                                                       flags)
                        image = QImage(bitmap.buffer, full_w, rows, bitmap.stride, image_format)
                        painter.drawImage(QPoint(0, top), image)
                        del image
                        bitmap.close()
                    page.close()
                    sent += 1
        finally:
            if painter.isActive():
                painter.end()
            doc.close()
    return sent


# -- the dialog --------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PreviewDocument:
    """What the dialog shows and prints: the PDF and how to name it."""

    pdf: bytes
    kind: str  # receipt | letter | extension_notice | day_end_report
    title: str  # window title and print job name
    file_name: str  # suggested file name for Save as PDF
    fmt: str = ""
    copy_number: int = 1


class PrintPreviewDialog(QDialog):
    """Pages of one PDF, zoomable, with Print …, Save as PDF … and Close.

    Signals: `printed(printer name)` after the printer took every page, `saved(path)` after
    the exact bytes were written, `format_requested(fmt)` when the user picks other paper
    (the owner renders again and calls `set_document`).
    """

    printed = Signal(str)
    saved = Signal(object)
    failed_to_print = Signal(str)  # what to tell the user
    failed_to_save = Signal(str)  # the system's reason
    format_requested = Signal(str)
    pages_shown = Signal(int)

    def __init__(self, locale: str, *, formats: Sequence[str] = (), may_print: bool = True,
                 interaction: Interaction | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._interaction = interaction or Interaction()
        # How a printer is chosen: the platform's print dialog; tests put a PDF printer here.
        self.choose_printer: Callable[[QPrinter, Callable[[], None]], None] = self._print_dialog
        self.setObjectName("print_preview")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._locale = locale
        self.document: PreviewDocument | None = None
        self.printer_name = ""  # the printer the Print dialog starts with
        self.save_folder = Path.home()
        self.page_labels: list[QLabel] = []
        self._sizes: list[tuple[float, float]] = []
        self._zoom = 1.0
        self._fit = True
        self._generation = 0
        self._may_print = may_print
        self._closing = False
        self._deleting = False
        self._printer_in_use: QPrinter | None = None  # alive until its job is done
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(150)
        self._refit.timeout.connect(self.fit_width)
        self.jobs = TaskRunner(self, threads=1, name="preview")
        self.jobs.idle.connect(self._maybe_delete)

        self.format_box = QComboBox(self)
        self.format_box.setObjectName("print_format")
        for fmt in formats:
            self.format_box.addItem(t(f"format.{fmt}", locale), fmt)
        self.format_box.currentIndexChanged.connect(self._format_chosen)
        self.format_label = QLabel(t("format", locale), self)
        self.format_label.setBuddy(self.format_box)
        self.format_label.setVisible(len(formats) > 1)
        self.format_box.setVisible(len(formats) > 1)
        self.zoom_out_button = self._button("zoom_out", "print_zoom_out", self.zoom_out,
                                            QKeySequence.StandardKey.ZoomOut)
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("print_zoom_level")
        self.zoom_in_button = self._button("zoom_in", "print_zoom_in", self.zoom_in,
                                           QKeySequence.StandardKey.ZoomIn)
        self.fit_button = self._button("fit_width", "print_fit_width", self.fit_width)
        self.status = QLabel(t("preparing", locale), self)
        self.status.setObjectName("print_status")
        tools = QHBoxLayout()
        tools.setSpacing(spacing.GAP)
        for widget in (self.format_label, self.format_box, self.zoom_out_button, self.zoom_label,
                       self.zoom_in_button, self.fit_button):
            tools.addWidget(widget)
        tools.addSpacing(spacing.SECTION_GAP)
        tools.addWidget(self.status, 1)

        self.pages = QWidget()
        self.pages.setObjectName("print_pages")
        self._pages_layout = QVBoxLayout(self.pages)
        self._pages_layout.setSpacing(PAGE_GAP)
        self._pages_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("print_scroll")
        self.scroll_area.setBackgroundRole(QPalette.ColorRole.Dark)
        self.scroll_area.setWidget(self.pages)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        self.save_button = self._button("save_pdf", "print_save_pdf", self.ask_save_path,
                                        QKeySequence.StandardKey.Save)
        self.print_button = self._button("print", "print_print", self.ask_printer,
                                         QKeySequence.StandardKey.Print)
        self.close_button = self._button("close", "print_close", self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.save_button, self.print_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        layout.setSpacing(spacing.GAP)
        layout.addLayout(tools)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)
        resize_to_fit(self, 900, 900)
        self.finished.connect(self._closed)
        self._set_busy(True)
        self._show_zoom()

    def _button(self, code: str, name: str, slot: Callable[[], None],
                key: QKeySequence.StandardKey | None = None) -> QPushButton:
        button = QPushButton(t(code, self._locale), self)
        button.setObjectName(name)
        button.setAccessibleName(t(code, self._locale).replace("&", ""))
        button.clicked.connect(slot)
        if key is not None:
            button.setShortcut(QKeySequence(key))
        button.setAutoDefault(False)
        return button

    # -- the document ------------------------------------------------------------------------------

    def set_document(self, document: PreviewDocument) -> None:
        """Show `document` (replacing any earlier one); pages are rasterised off the GUI thread."""
        self.document = document
        self.setWindowTitle(document.title)
        index = self.format_box.findData(document.fmt)
        if index >= 0 and index != self.format_box.currentIndex():
            self.format_box.blockSignals(True)
            self.format_box.setCurrentIndex(index)
            self.format_box.blockSignals(False)
        self.jobs.submit(lambda _task: page_sizes(document.pdf), on_done=self._sizes_known,
                         on_error=self._failed)

    def _sizes_known(self, sizes: list[tuple[float, float]]) -> None:
        self._sizes = sizes
        if self._fit:
            self._zoom = self._fit_zoom()
        self._render()

    def _render(self) -> None:
        document = self.document
        if document is None or not self._sizes:
            return
        self._generation += 1
        generation = self._generation
        ratio = self.devicePixelRatioF() or 1.0
        per_point = self._zoom * SCREEN_DPI / 72.0 * ratio
        self._show_zoom()
        self.jobs.submit(lambda _task: render_pages(document.pdf, per_point),
                         on_done=lambda images: self._show_pages(generation, images, ratio),
                         on_error=self._failed)

    def _show_pages(self, generation: int, images: list[QImage], ratio: float) -> None:
        if generation != self._generation or self._closing:
            return  # a newer zoom or document is on its way
        while len(self.page_labels) > len(images):
            self.page_labels.pop().deleteLater()
        while len(self.page_labels) < len(images):
            label = QLabel(self.pages)
            label.setObjectName(f"print_page_{len(self.page_labels) + 1}")
            label.setStyleSheet("background: white;")
            self._pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        count = len(images)
        for number, (label, image) in enumerate(zip(self.page_labels, images, strict=True), 1):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.deviceIndependentSize().toSize())
            label.setAccessibleName(t("page_image", self._locale, page=number, count=count))
        self._set_busy(False)
        document = self.document
        note = ""
        if document is not None:
            note = (t("copy_note", self._locale, copy=document.copy_number)
                    if document.copy_number > 1 else t("original_note", self._locale))
        self.status.setText(" · ".join(s for s in (t("pages", self._locale, count=count), note) if s))
        self.pages_shown.emit(count)

    def _failed(self, error: BaseException) -> None:
        log.warning("preview failed: %s", type(error).__name__)
        self.show_problem(t("render_failed", self._locale))

    def show_problem(self, text: str) -> None:
        """Say what went wrong in the dialog itself; printing stays off."""
        self.status.setText(text)
        self._set_busy(True)
        self.status.setEnabled(True)

    def _set_busy(self, busy: bool) -> None:
        ready = not busy and self.document is not None
        self.print_button.setEnabled(ready and self._may_print)
        self.save_button.setEnabled(ready and self._may_print)
        for widget in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            widget.setEnabled(not busy)

    def _format_chosen(self, index: int) -> None:
        fmt = self.format_box.itemData(index)
        if fmt and (self.document is None or fmt != self.document.fmt):
            self._set_busy(True)
            self.status.setText(t("preparing", self._locale))
            self.format_requested.emit(str(fmt))

    # -- zoom ----------------------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        self._fit = False
        self._zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom))
        self._render()

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self._zoom + 1e-6), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self._zoom - 1e-6),
                           ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        self._fit = True
        self._zoom = self._fit_zoom()
        self._render()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit and self._sizes:
            self._refit.start()

    def _fit_zoom(self) -> float:
        if not self._sizes:
            return 1.0
        widest = max(width for width, _ in self._sizes) * SCREEN_DPI / 72.0
        # Leave room for the vertical scroll bar the pages will bring, so none appears across.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        bar = 0 if self.scroll_area.verticalScrollBar().isVisible() else bar
        room = self.scroll_area.viewport().width() - bar - 2 * PAGE_GAP - 4
        return max(ZOOM_STEPS[0], min(FIT_LIMIT, room / widest))

    def _show_zoom(self) -> None:
        self.zoom_label.setText(t("zoom_level", self._locale, percent=round(self._zoom * 100)))

    # -- printing and saving -------------------------------------------------------------------------

    def make_printer(self) -> QPrinter:
        """A printer for this document: the remembered one if it still exists, paper of the
        first page's size, the document's title as the job name."""
        from PySide6.QtPrintSupport import QPrinterInfo

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.printer_name and self.printer_name in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(self.printer_name)
        if self.document is not None:
            printer.setDocName(self.document.title)
        if self._sizes:
            _paper(printer, *self._sizes[0])
        return printer

    def ask_printer(self) -> None:
        """Choose a printer (`choose_printer`: the platform's print dialog) and print on it."""
        if self.document is None:
            return
        printer = self.make_printer()
        self._printer_in_use = printer  # kept alive while it is being chosen
        self.choose_printer(printer, lambda: self.print_to(printer))

    def _print_dialog(self, printer: QPrinter, on_accepted: Callable[[], None]) -> None:
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, len(self._sizes)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(on_accepted)
        dialog.show()

    def print_to(self, printer: QPrinter) -> None:
        """Print the document on `printer` (configured already) off the GUI thread; emits
        `printed` when every page went out, or shows the problem and records nothing."""
        document = self.document
        if document is None:
            return
        pages: list[int] | None = None
        if printer.printRange() is QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            last = min(printer.toPage() or len(self._sizes), len(self._sizes))
            pages = list(range(printer.fromPage() - 1, last))
        copies = 1 if printer.supportsMultipleCopies() else printer.copyCount()
        self._set_busy(True)
        self.status.setText(t("printing", self._locale))
        name = printer.printerName() or printer.outputFileName()

        def done(_sheets: int) -> None:
            self._printer_in_use = None
            self.printed.emit(printer.printerName())

        def failed(error: BaseException) -> None:
            self._printer_in_use = None
            log.warning("printing failed: %s", type(error).__name__)
            self._set_busy(False)
            self.status.setText(t("print_failed", self._locale))
            self.failed_to_print.emit(t("print_failed_text", self._locale, printer=name))

        self._printer_in_use = printer
        self.jobs.submit(lambda _task: print_pdf(document.pdf, printer, pages=pages, copies=copies),
                         on_done=done, on_error=failed)

    def ask_save_path(self) -> None:
        """Ask where to save (the `choose_save_path` hook), then `save_to` it."""
        if self.document is None:
            return
        self.choose_save_path(self.save_folder / self.document.file_name, self.save_to)

    def choose_save_path(self, suggested: Path, on_chosen: Callable[[Path], None]) -> None:
        # The document's own name ("受理回执"), not the preview's window title around it.
        name = ""
        if self.document is not None:
            name = (self.document.title if self.document.kind == "attachment"
                    else document_name(self.document.kind, self._locale))
        self._interaction.choose_save_path(self, t("save_title", self._locale, document=name),
                                           suggested, on_chosen)

    def save_to(self, path: Path) -> None:
        """Write the exact PDF bytes to `path`; emits `saved(path)`, or `failed_to_save`."""
        if self.document is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(self.document.pdf)
        except OSError as exc:
            self.failed_to_save.emit(exc.strerror or type(exc).__name__)
            return
        self.saved.emit(path)

    # -- closing -------------------------------------------------------------------------------------

    def _closed(self, _result: int) -> None:
        self._closing = True
        self._maybe_delete()

    def _maybe_delete(self) -> None:
        # Deleted only once no rasterising job can deliver to it any more; its page images
        # (several MB each) go with it, and the freed heap goes back to the system.
        if self._closing and self.jobs.pending == 0 and not self._deleting:
            self._deleting = True
            self.jobs.shutdown()  # nothing is pending: lets its thread go at once
            self.destroyed.connect(_release_memory)
            self.deleteLater()


def _release_memory() -> None:
    from ui.memory import release_memory

    release_memory()
