"""What every intake step offers the panel: load and store the form, show messages, take focus."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from ui.i18n import Translatable
from ui.intake.fields import FieldForm

if TYPE_CHECKING:
    from ui.context import AppContext


class IntakeStep(Translatable, QWidget):
    """One page of the guided intake.

    `prefixes` are the field paths the step owns: an error under one of them keeps
    the counter on this step. `edited(path)` fires on every change a person makes
    (never while a draft is being loaded).
    """

    edited = Signal(str)
    prefixes: tuple[str, ...] = ()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._loading = False
        self.form = FieldForm()

    def title(self) -> str:
        raise NotImplementedError

    def load(self, form: dict[str, Any]) -> None:
        """Show the values of `form` (a draft, or the form after another step changed it)."""
        self._loading = True
        try:
            self._load(form)
        finally:
            self._loading = False

    def _load(self, form: dict[str, Any]) -> None:
        raise NotImplementedError

    def store(self, form: dict[str, Any]) -> None:
        """Write what is on screen into `form`."""
        raise NotImplementedError

    def entered(self, form: dict[str, Any]) -> None:
        """The step has just been shown (the review step refreshes here)."""

    def show_messages(self, messages: dict[str, str]) -> None:
        self.form.show_messages(messages)

    def focus_first(self) -> None:
        for row in self.form.rows.values():
            if row.widget.isVisibleTo(self) and row.widget.isEnabled():
                row.widget.setFocus(Qt.FocusReason.TabFocusReason)
                return

    def focus_field(self, path: str) -> bool:
        row = self.form.rows.get(path)
        if row is None or not row.widget.isVisibleTo(self):
            return False
        row.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _emit(self, path: str) -> None:
        if not self._loading:
            self.edited.emit(path)
