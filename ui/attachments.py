"""A case's attachments: the list, adding a scanned file, and opening one.

Files are sealed by the security layer's attachment store (desktop.services.attachments);
the window only ever holds an opened file's bytes in memory: a PDF opens in the print
preview, an image in a viewer. Nothing decrypted is written to disk.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget

from ui import spacing
from ui.item_models import RowsModel
from ui.screen_fit import resize_to_fit
from ui.worker import Changes

if TYPE_CHECKING:
    from desktop.domain.model import Actor
    from desktop.services.attachments import AttachmentInfo
    from desktop.services.context import ServiceContext
    from ui.context import AppContext

SHA_ROLE = Qt.ItemDataRole.UserRole + 1
FILE_FILTER = "PDF, PNG, JPEG, TIFF (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, size // 1024)} KB"


class AttachmentModel(RowsModel["AttachmentInfo"]):
    """One line per attached file: its name, kind, size and who added it."""

    def set_items(self, items: list[AttachmentInfo]) -> None:
        self.set_rows(items)

    def item(self, row: int) -> AttachmentInfo | None:
        return self.value(row)

    def cell(self, a: AttachmentInfo, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            kind = a.media_type.split("/")[-1].upper()
            return QCoreApplication.translate("AttachmentModel", "{name} ({kind}, {size}), added by {who}").format(
                name=a.name, kind=kind, size=_size(a.size), who=a.added_by)
        if role == SHA_ROLE:
            return a.sha256
        return None


def list_for(ctx: ServiceContext, actor: Actor, complaint_id: str) -> list[AttachmentInfo]:
    from desktop.services.attachments import list_attachments

    return list_attachments(ctx, actor, complaint_id)


def add_file(app: AppContext, owner: QWidget, complaint_id: str, path: Path,
             on_error: Callable[[BaseException], None]) -> None:
    """Attach the file at `path` (read and sealed on the worker); the case view refreshes
    on the change notice. Refusals (type, size, permission) go to `on_error`."""
    actor = app.staff.require()

    def run(ctx: ServiceContext) -> AttachmentInfo:
        from desktop.services.attachments import add_attachment

        return add_attachment(ctx, actor, complaint_id, path)

    app.worker.change(owner, run, None, on_error, changes=Changes(complaint_id=complaint_id,
                                                                  worklist=False))


def open_file(app: AppContext, owner: QWidget, complaint_id: str, info: AttachmentInfo,
              on_error: Callable[[BaseException], None]) -> None:
    """Show an attachment: a PDF in the print preview, an image in a viewer."""
    actor = app.staff.require()
    sha256 = info.sha256

    def run(ctx: ServiceContext) -> bytes:
        from desktop.services.attachments import open_attachment

        return open_attachment(ctx, actor, complaint_id, sha256)

    def show(content: bytes) -> None:
        if info.media_type == "application/pdf":
            from ui.print_preview import PreviewDocument, PrintPreviewDialog

            dialog = PrintPreviewDialog(app.locale, interaction=app.interaction, parent=owner)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.set_document(PreviewDocument(pdf=content, kind="attachment", title=info.name,
                                                file_name=info.name))
            dialog.open()
        else:
            ImageViewer(info.name, content, owner).open()

    app.worker.query(owner, run, show, on_error)


class ImageViewer(QDialog):
    """A scanned image, scrollable, at its own size."""

    def __init__(self, title: str, content: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachment_viewer")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        resize_to_fit(self, 900, 700)
        image = QImage.fromData(content)
        self.picture = QLabel(self)
        self.picture.setAccessibleName(title)
        if image.isNull():
            self.picture.setText(QCoreApplication.translate(
                "ImageViewer", "This image cannot be shown on this PC."))
        else:
            self.picture.setPixmap(QPixmap.fromImage(image))
        scroll = QScrollArea(self)
        scroll.setWidget(self.picture)
        scroll.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        layout.addWidget(scroll)
