"""What every intake step offers the panel: load and store the form, show messages, take focus."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from ui.i18n import Translatable
from ui.intake.fields import FieldForm, FieldRow, needs_input

if TYPE_CHECKING:
    from ui.context import AppContext


class IntakeStep(Translatable, QWidget):
    """One page of the guided intake.

    `prefixes` are the field paths the step owns: an error under one of them keeps
    the counter on this step. `edited(path)` fires on every change a person makes
    (never while a draft is being loaded).
    """

    edited = Signal(str)
    done = Signal()  # Enter where nothing further on this step needs filling: go on
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

    def field_rows(self) -> list[FieldRow]:
        """The step's fields in the order they are on screen (and Tab visits them)."""
        return list(self.form.rows.values())

    def _shown(self) -> list[FieldRow]:
        return [r for r in self.field_rows() if r.widget.isVisibleTo(self) and r.widget.isEnabled()]

    def needs_input(self, row: FieldRow) -> bool:
        """Whether `row` is a required field still empty (a step may know better: a known
        customer's blank phone keeps the one on file)."""
        return row.required and needs_input(row.widget)

    def enter_pressed_in(self, widget: QWidget) -> bool:
        """Enter in one of the step's fields: on to the next field that still needs
        something, or, when none is left, to the next step. False: not a field of ours."""
        rows = self._shown()
        index = next((i for i, r in enumerate(rows) if r.widget is widget), None)
        if index is None:
            return False
        following = next((r for r in rows[index + 1:] if self.needs_input(r)), None)
        if following is not None:
            following.widget.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.done.emit()
        return True

    def focus_first(self) -> None:
        """The first field that still needs something (else the first field)."""
        rows = self._shown()
        row = next((r for r in rows if self.needs_input(r)), rows[0] if rows else None)
        if row is not None:
            row.widget.setFocus(Qt.FocusReason.TabFocusReason)

    def focus_field(self, path: str) -> bool:
        row = self.form.rows.get(path)
        if row is None or not row.widget.isVisibleTo(self):
            return False
        row.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _emit(self, path: str) -> None:
        if not self._loading:
            self.edited.emit(path)
