"""The single place that tells the user something or asks a yes/no question.

Commands and views call `Interaction`, never QMessageBox directly, so tests can
swap in `RecordingInteraction` and run everything without a modal box.
Message boxes open window-modal and return at once (no nested event loop);
a question's answer arrives through a callback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

log = logging.getLogger("complaint_desk.ui.interaction")


class Interaction:
    """Shows messages with window-modal boxes."""

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        box = self._box(parent, QMessageBox.Icon.Information, title, text)
        box.open()

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        box = self._box(parent, QMessageBox.Icon.Warning, title, text)
        box.open()

    def error(self, parent: QWidget | None, error: BaseException, locale: str) -> None:
        """Tell the user an action failed: a domain error in their words, anything else as a
        generic line (details only in the log, never identity data)."""
        self.warn(parent, QCoreApplication.translate("Interaction", "Could not complete the action"), error_text(error, locale))

    def confirm(self, parent: QWidget | None, title: str, text: str,
                on_yes: Callable[[], None], on_no: Callable[[], None] | None = None) -> None:
        box = self._box(parent, QMessageBox.Icon.Question, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def finished(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                on_yes()
            elif on_no is not None:
                on_no()

        box.finished.connect(finished)
        box.open()

    def choose_save_path(self, parent: QWidget | None, title: str, suggested: Path,
                         on_chosen: Callable[[Path], None], *,
                         name_filter: str = "PDF (*.pdf)") -> None:
        """Ask where to save a file (window-modal, keyboard-friendly); `on_chosen(path)` if not cancelled."""
        dialog = QFileDialog(parent, title, str(suggested))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(name_filter)
        dialog.setDefaultSuffix(suggested.suffix.lstrip(".") or "pdf")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.selectFile(str(suggested))
        dialog.fileSelected.connect(lambda name: on_chosen(Path(name)))
        dialog.open()

    def choose_open_path(self, parent: QWidget | None, title: str, name_filter: str,
                         on_chosen: Callable[[Path], None]) -> None:
        """Ask for a file to read (window-modal, keyboard-friendly); `on_chosen(path)` if chosen."""
        dialog = QFileDialog(parent, title)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(name_filter)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: on_chosen(Path(name)))
        dialog.open()

    def _box(self, parent: QWidget | None, icon: QMessageBox.Icon, title: str,
             text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setAccessibleName(title)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return box


def error_text(error: BaseException, locale: str) -> str:
    """What the user reads for `error`: its domain message (with role, permission and action
    codes in words) or a generic line."""
    from desktop.domain.errors import DomainError

    if isinstance(error, DomainError):
        if any(key in error.params for key in ("role", "permission", "action")):
            from desktop.i18n import translate
            from ui.labels import readable_params

            return translate(error.code, locale, **readable_params(error.params))
        return error.message(locale)
    from desktop.logs import log_file

    log.error("unexpected error: %s", type(error).__name__, exc_info=error)
    text = QCoreApplication.translate("Interaction", "Something went wrong ({kind}). Nothing was changed; please try again.").format(
        kind=type(error).__name__)
    path = log_file()
    if path is not None:
        text += " " + QCoreApplication.translate("Interaction", "Details are in the log: {path}").format(path=path)
    return text


@dataclass
class RecordingInteraction(Interaction):
    """For tests: remembers every message and answers questions with `answer`."""

    answer: bool = True
    messages: list[tuple[str, str]] = field(default_factory=list)
    open_path: Path | None = None  # what the file chooser "picks"
    cancel_save: bool = False  # the save dialog is cancelled instead of accepting its suggestion

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append((title, text))

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append((title, text))

    def confirm(self, parent: QWidget | None, title: str, text: str,
                on_yes: Callable[[], None], on_no: Callable[[], None] | None = None) -> None:
        self.messages.append((title, text))
        if self.answer:
            on_yes()
        elif on_no is not None:
            on_no()

    def choose_save_path(self, parent: QWidget | None, title: str, suggested: Path,
                         on_chosen: Callable[[Path], None], *,
                         name_filter: str = "PDF (*.pdf)") -> None:
        self.messages.append((title, str(suggested)))
        if not self.cancel_save:
            on_chosen(suggested)

    def choose_open_path(self, parent: QWidget | None, title: str, name_filter: str,
                         on_chosen: Callable[[Path], None]) -> None:
        self.messages.append((title, name_filter))
        if self.open_path is not None:
            on_chosen(self.open_path)
