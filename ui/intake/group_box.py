"""A group complaint at the intake (CBIRC Order 2020 No. 3 Art. 13): the people complaining
together choose representatives — at most the policy's `max_group_representatives` (5), each
with name, ID number and contact — and the intake records how many people they speak for.

A self-contained box of the details step: it writes `form["group"]` (None when the box is
off) and shows the core's messages for the `group…` paths. Adding a representative past the
policy's limit is refused with a message, and nothing is added.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import IdDocumentType
from ui import spacing
from ui.i18n import Translatable

if TYPE_CHECKING:
    from desktop.services.context import ServiceContext
    from ui.context import AppContext

COLUMNS = ("name", "id_number", "phone")
MAX_PEOPLE = 100_000


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""


class GroupComplaintBox(Translatable, QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.limit = 5  # until the policy in force answers
        self.is_group = QCheckBox(self)
        self.is_group.setObjectName("group_complaint")
        self.box = QGroupBox(self)
        self.people = QSpinBox(self.box)
        self.people.setObjectName("group_people")
        self.people.setRange(2, MAX_PEOPLE)
        self._people_label = QLabel(self.box)
        self._people_label.setBuddy(self.people)
        self.table = QTableWidget(0, len(COLUMNS), self.box)
        self.table.setObjectName("group_representatives")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.box)
        self.add_button.setObjectName("group_add_representative")
        self.remove_button = QPushButton(self.box)
        self.message = QLabel(self.box)
        self.message.setObjectName("message:group")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        people_row = QHBoxLayout()
        people_row.addWidget(self._people_label)
        people_row.addWidget(self.people)
        people_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        inner = QVBoxLayout(self.box)
        inner.setSpacing(spacing.GAP)
        inner.addLayout(people_row)
        inner.addWidget(self.table)
        inner.addLayout(buttons)
        inner.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.is_group)
        layout.addWidget(self.box)
        self.box.hide()
        self.is_group.toggled.connect(self._toggled)
        self.add_button.clicked.connect(self.add_representative)
        self.remove_button.clicked.connect(self._remove_current)
        self.retranslate()

    def ask_limit(self) -> None:
        """Read the policy's limit on the worker (policy data, not code)."""

        def run(ctx: ServiceContext) -> int:
            return ctx.policy.max_group_representatives

        self._app.worker.query(self, run, self._limit_known)

    def _limit_known(self, limit: int) -> None:
        self.limit = limit
        self.retranslate()

    def _toggled(self, on: bool) -> None:
        self.box.setVisible(on)
        if on and self.table.rowCount() == 0:
            self.add_representative()

    def add_representative(self) -> bool:
        """One more empty row; refused with a message at the policy's limit."""
        if self.table.rowCount() >= self.limit:
            self.message.setText(self.tr(
                "A group complaint chooses at most %n representative(s).", "", self.limit))
            return False
        self.message.setText("")
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in range(len(COLUMNS)):
            self.table.setItem(row, column, QTableWidgetItem(""))
        self.table.setCurrentCell(row, 0)
        return True

    def _remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.message.setText("")

    def load(self, group: dict[str, Any] | None) -> None:
        self.table.setRowCount(0)
        self.is_group.setChecked(group is not None)
        self.box.setVisible(group is not None)
        if group is None:
            return
        self.people.setValue(int(group.get("people") or 2))
        for rep in group.get("representatives") or []:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, key in enumerate(COLUMNS):
                self.table.setItem(row, column, QTableWidgetItem(str(rep.get(key) or "")))

    def value(self) -> dict[str, Any] | None:
        if not self.is_group.isChecked():
            return None
        reps = []
        for row in range(self.table.rowCount()):
            cells = {key: _text(self.table.item(row, c)) for c, key in enumerate(COLUMNS)}
            if any(v.strip() for v in cells.values()):
                reps.append({**cells, "id_type": IdDocumentType.RESIDENT_ID.value})
        return {"people": self.people.value(), "representatives": reps}

    def show_messages(self, messages: dict[str, str]) -> None:
        said = [text for path, text in messages.items() if path == "group" or path.startswith("group.")]
        self.message.setText("\n".join(dict.fromkeys(said)))

    def retranslate(self) -> None:
        self.is_group.setText(self.tr("Group comp&laint (several people, through representatives)"))
        self.box.setTitle(self.tr("Group complaint"))
        self._people_label.setText(self.tr("People r&epresented"))
        self.people.setAccessibleName(self.tr("How many people the group complaint speaks for"))
        self.table.setHorizontalHeaderLabels([self.tr("Representative's name"), self.tr("ID number"),
                                              self.tr("Contact phone")])
        self.table.setAccessibleName(self.tr("Representatives, at most %n", "", self.limit))
        self.add_button.setText(self.tr("Add a representative"))
        self.remove_button.setText(self.tr("Remove the chosen representative"))
        self.message.setAccessibleName(self.tr("Group complaint messages"))
