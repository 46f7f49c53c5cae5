"""Who speaks for a corporate customer at the intake (CBIRC Order 2020 No. 3 Art. 13): its
legal representative or principal contact, with name, ID document and number, and phone.

A self-contained box of the customer step, shown for a company only: it writes
`form["corporate_representative"]` (None for an individual, or when nothing is typed and the
policy in force does not require it) and shows the messages for the
`corporate_representative…` paths, as typed (desktop.services.intake_rules).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.domain.model import IdDocumentType
from desktop.services.intake_rules import CORPORATE_CAPACITIES
from ui import labels, spacing
from ui.i18n import Translatable
from ui.intake.fields import FieldForm, FieldRow

if TYPE_CHECKING:
    from desktop.services.context import ServiceContext
    from ui.context import AppContext

PREFIX = "corporate_representative"
_TEXT_KEYS = ("name", "id_number", "phone")


class CorporateRepresentativeBox(Translatable, QGroupBox):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.setObjectName("corporate_representative")
        self.required = True  # until the policy in force answers
        self.capacity = QComboBox(self)
        for capacity in CORPORATE_CAPACITIES:
            self.capacity.addItem("", capacity)
        self.name = QLineEdit(self)
        self.id_type = QComboBox(self)
        for id_type in IdDocumentType:
            self.id_type.addItem("", id_type.value)
        self.id_number = QLineEdit(self)
        self.phone = QLineEdit(self)
        # Two columns, so that a company's intake still fits the counter's screen.
        self.left, self.right = FieldForm(), FieldForm()
        for form, path, widget in ((self.left, "capacity", self.capacity),
                                   (self.right, "name", self.name),
                                   (self.left, "id_type", self.id_type),
                                   (self.right, "id_number", self.id_number),
                                   (self.left, "phone", self.phone)):
            form.add(f"{PREFIX}.{path}", widget, self)
        self.message = QLabel(self)
        self.message.setObjectName(f"message:{PREFIX}")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        columns = QHBoxLayout(self)
        columns.setSpacing(spacing.SECTION_GAP)
        columns.addLayout(self.left, 1)
        columns.addLayout(self.right, 1)
        self.rows: dict[str, FieldRow] = {**self.left.rows, **self.right.rows}
        self.retranslate()

    def widgets(self) -> tuple[QWidget, ...]:
        """The fields in Tab order."""
        return (self.capacity, self.name, self.id_type, self.id_number, self.phone)

    def ask_policy(self) -> None:
        """Whether the policy in force requires the representative (policy data, not code)."""

        def run(ctx: ServiceContext) -> bool:
            return ctx.policy.corporate_needs_representative

        self._app.worker.query(self, run, self._required_known)

    def _required_known(self, required: bool) -> None:
        self.required = required
        self.retranslate()

    def load(self, rep: dict[str, Any] | None) -> None:
        rep = rep or {}
        self.capacity.setCurrentIndex(max(0, self.capacity.findData(rep.get("capacity"))))
        self.id_type.setCurrentIndex(max(0, self.id_type.findData(rep.get("id_type"))))
        for key in _TEXT_KEYS:
            getattr(self, key).setText(str(rep.get(key) or ""))

    def value(self) -> dict[str, Any] | None:
        typed = {key: getattr(self, key).text() for key in _TEXT_KEYS}
        if not self.required and not any(v.strip() for v in typed.values()):
            return None
        return {"capacity": self.capacity.currentData(), "id_type": self.id_type.currentData(),
                **typed}

    def show_messages(self, messages: dict[str, str]) -> None:
        self.left.show_messages(messages)
        self.right.show_messages(messages)
        text = messages.get(PREFIX, "")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Legal representative or principal contact"))
        for i, capacity in enumerate(CORPORATE_CAPACITIES):
            self.capacity.setItemText(i, labels.label(labels.CORPORATE_CAPACITY, capacity))
        for i in range(self.id_type.count()):
            self.id_type.setItemText(i, labels.label(labels.ID_TYPE, str(self.id_type.itemData(i))))
        need = self.required
        r = self.rows
        r[f"{PREFIX}.capacity"].set_label(self.tr("Spea&ks as"), self.tr("Representative speaks as"),
                                          required=need)
        r[f"{PREFIX}.name"].set_label(self.tr("Representative's name"),
                                      self.tr("Representative's name"), required=need)
        r[f"{PREFIX}.id_type"].set_label(self.tr("Representative's ID document"),
                                         self.tr("Representative's ID document type"), required=need)
        r[f"{PREFIX}.id_number"].set_label(self.tr("Representative's ID number"),
                                           self.tr("Representative's ID number"), required=need)
        r[f"{PREFIX}.phone"].set_label(self.tr("Representative's phone"),
                                       self.tr("Representative's phone"), required=need)
        self.message.setAccessibleName(self.tr("Representative messages"))
