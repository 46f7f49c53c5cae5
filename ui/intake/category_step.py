"""Intake step 2: the category — business type and cause, each a searchable tree from the
taxonomy data, an optional business channel, the extra fields the category asks for, and
its handling checklist."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.taxonomy import Category, ExtraField, FieldType, Taxonomy
from ui import spacing
from ui.intake.fields import FieldForm, FieldMessage, FieldRow
from ui.intake.form import INTAKE_HAS_BUSINESS_CHANNEL
from ui.intake.step import IntakeStep

if TYPE_CHECKING:
    from ui.context import AppContext

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def category_model(taxonomy: Taxonomy, axis: str, locale: str, parent: QWidget) -> QStandardItemModel:
    """The taxonomy axis as a tree model: text "code label", code and search text as roles."""
    model = QStandardItemModel(parent)

    def add(into: QStandardItem, categories: list[Category]) -> None:
        for cat in categories:
            item = QStandardItem(f"{cat.code}  {cat.text(locale)}")
            item.setEditable(False)
            item.setData(cat.code, CODE_ROLE)
            item.setData(_fold(" ".join((cat.code, *cat.label.values(), *cat.keywords))), SEARCH_ROLE)
            into.appendRow(item)
            add(item, taxonomy.children(axis, cat.code))

    add(model.invisibleRootItem(), taxonomy.roots(axis))
    return model


def relabel_model(taxonomy: Taxonomy, model: QStandardItemModel, axis: str, locale: str) -> None:

    def walk(item: QStandardItem) -> None:
        for row in range(item.rowCount()):
            child = item.child(row)
            code = str(child.data(CODE_ROLE) or "")
            if not code:  # the "(not given)" row of an optional axis
                continue
            child.setText(f"{code}  {taxonomy.label(axis, code, locale)}")
            walk(child)

    walk(model.invisibleRootItem())


def _words(text: str) -> list[str]:
    return [w for w in _fold(text).split() if w]


def _items(model: QStandardItemModel) -> list[QStandardItem]:
    out: list[QStandardItem] = []

    def walk(item: QStandardItem) -> None:
        for row in range(item.rowCount()):
            child = item.child(row)
            out.append(child)
            walk(child)

    walk(model.invisibleRootItem())
    return out


class CategoryFilter(QSortFilterProxyModel):
    """Keeps categories whose code, labels or keywords contain every search word, with their
    parents. Each tree reads only the words it knows, so "房贷 审批" narrows the business types
    to housing loans and the causes to approval delays at once."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterRole(SEARCH_ROLE)
        self._words: list[str] = []

    def set_words(self, words: list[str]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self._words = list(words)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = list(words)
            self.invalidateFilter()

    def set_needle(self, text: str) -> None:
        self.set_words(_words(text))

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # type: ignore[override]
        if not self._words:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return matches(str(index.data(SEARCH_ROLE) or ""), self._words)


def matches(search_text: str, words: list[str]) -> bool:
    return all(w in search_text for w in words)


class CategoryTree(QTreeView):
    """One taxonomy axis as a searchable tree.

    An optional axis (`optional=True`, the business channel) starts with a "(not given)"
    row, and keeps a code it was asked to show but does not know (a draft from an older
    taxonomy) until another is chosen, so validation can name it instead of dropping it."""

    def __init__(self, taxonomy: Taxonomy, axis: str, locale: str, parent: QWidget, *,
                 optional: bool = False) -> None:
        super().__init__(parent)
        self.axis = axis
        self.optional = optional
        self._unknown = ""
        self.source = category_model(taxonomy, axis, locale, self)
        if optional:
            none = QStandardItem("")
            none.setEditable(False)
            none.setData("", CODE_ROLE)
            none.setData("", SEARCH_ROLE)
            self.source.insertRow(0, none)
        self.proxy = CategoryFilter(self)
        self.proxy.setSourceModel(self.source)
        self.setModel(self.proxy)
        self.setHeaderHidden(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setObjectName(f"field:{axis}")
        self.selectionModel().selectionChanged.connect(self._chosen)

    def _chosen(self) -> None:
        if self.selectionModel().hasSelection():
            self._unknown = ""  # a code chosen by hand replaces one the tree did not know

    def code(self) -> str:
        index = self.currentIndex()
        if index.isValid() and self.selectionModel().isSelected(index):
            return str(index.data(CODE_ROLE) or "")
        return self._unknown

    def set_none_text(self, text: str) -> None:
        """The label of the "(not given)" row of an optional axis."""
        if self.optional:
            item = self.source.item(0)
            if item is not None:
                item.setText(text)

    def filter(self, text: str) -> None:
        """Show the categories matching the words of `text` this tree knows; a tree that
        knows none of them stays whole, so the other axis can still be chosen."""
        words = self.known_words(text)
        self.proxy.set_words(words)
        if words:
            self.expandAll()
        else:
            self.collapseAll()

    def known_words(self, text: str) -> list[str]:
        """The words of `text` some category of this tree answers to."""
        items = [str(i.data(SEARCH_ROLE) or "") for i in _items(self.source)]
        return [w for w in _words(text) if any(w in item for item in items)]

    def only_match(self, text: str) -> str:
        """The code of the one category that answers to every word this tree knows of
        `text` (its parents only show the way), or "" when none or several do."""
        words = self.known_words(text)
        if not words:
            return ""
        found = [str(i.data(CODE_ROLE) or "") for i in _items(self.source)
                 if i.data(CODE_ROLE) and matches(str(i.data(SEARCH_ROLE) or ""), words)]
        return found[0] if len(found) == 1 else ""

    def select_code(self, code: str) -> None:
        self._unknown = ""
        if not code:
            self.clearSelection()
            return
        found = self.source.match(self.source.index(0, 0), CODE_ROLE, code, 1,
                                  Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        if not found:
            self.clearSelection()
            if self.optional:
                self._unknown = code
            return
        if found:
            index = self.proxy.mapFromSource(found[0])
            if not index.isValid():  # hidden by the search: show everything again
                self.proxy.set_needle("")
                index = self.proxy.mapFromSource(found[0])
            if index.isValid():
                self.setCurrentIndex(index)
                self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.scrollTo(index)


class CategoryStep(IntakeStep):
    prefixes = ("business_type", "cause", "business_channel", "extra_fields")

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self._extra_specs: list[ExtraField] = []
        self._extra_values: dict[str, str] = {}
        self.search = QLineEdit(self)
        self.search.setObjectName("category_search")
        self.search.setClearButtonEnabled(True)
        self._search_label = QLabel(self)
        self._search_label.setBuddy(self.search)
        self.business_type = CategoryTree(app.categories(), "business_type", app.locale, self)
        self.cause = CategoryTree(app.categories(), "cause", app.locale, self)
        self.business_type_message = FieldMessage(self)
        self.business_type_message.setObjectName("message:business_type")
        self.cause_message = FieldMessage(self)
        self.cause_message.setObjectName("message:cause")
        self._bt_label = QLabel(self)
        self._bt_label.setBuddy(self.business_type)
        self._cause_label = QLabel(self)
        self._cause_label.setBuddy(self.cause)
        self.business_channel = CategoryTree(app.categories(), "channel", app.locale, self,
                                             optional=True)
        self.business_channel.setObjectName("field:business_channel")
        self.business_channel_message = FieldMessage(self)
        self.business_channel_message.setObjectName("message:business_channel")
        self._channel_label = QLabel(self)
        self._channel_label.setBuddy(self.business_channel)
        self.extra_box = QGroupBox(self)
        self.extra_box.setObjectName("extra_fields")
        self.extra_form: FieldForm = FieldForm()
        self.extra_box.setLayout(self.extra_form)
        self.checklist = QLabel(self)
        self.checklist.setObjectName("checklist")
        self.checklist.setWordWrap(True)
        self.checklist.setTextFormat(Qt.TextFormat.PlainText)
        self.checklist.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.checklist_box = QGroupBox(self)
        box = QVBoxLayout(self.checklist_box)
        box.addWidget(self.checklist)

        search_row = QHBoxLayout()
        search_row.setSpacing(spacing.GAP)
        search_row.addWidget(self._search_label)
        search_row.addWidget(self.search, 1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(spacing.GAP)
        grid.addLayout(search_row, 0, 0, 1, 3)
        for column, (label, tree, message) in enumerate((
                (self._bt_label, self.business_type, self.business_type_message),
                (self._cause_label, self.cause, self.cause_message),
                (self._channel_label, self.business_channel, self.business_channel_message))):
            grid.addWidget(label, 1, column)
            grid.addWidget(tree, 2, column)
            grid.addWidget(message, 3, column)
        grid.addWidget(self.extra_box, 4, 0, 1, 2)
        grid.addWidget(self.checklist_box, 4, 2)
        grid.setRowStretch(2, 3)
        grid.setRowStretch(4, 2)
        for column, stretch in enumerate((3, 3, 2)):
            grid.setColumnStretch(column, stretch)

        self.search.returnPressed.connect(self._search_entered)
        self.search.textChanged.connect(self._filter)
        self.business_type.selectionModel().selectionChanged.connect(lambda *_: self._category_changed("business_type"))
        self.cause.selectionModel().selectionChanged.connect(lambda *_: self._category_changed("cause"))
        self.business_channel.selectionModel().selectionChanged.connect(
            lambda *_: self._emit("business_channel"))
        for tree in (self.business_type, self.cause, self.business_channel):
            tree.activated.connect(lambda _i, t=tree: self._tree_done(t))
        for widget in (self.business_channel, self._channel_label, self.business_channel_message):
            widget.setVisible(INTAKE_HAS_BUSINESS_CHANNEL)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Category")

    def _filter(self, text: str) -> None:
        for tree in (self.business_type, self.cause, self.business_channel):
            tree.filter(text)

    def _search_entered(self) -> None:
        """Enter in the search: a tree left with one category that answers to the words has
        it chosen; then on to what is still missing (a tree, the category's first required
        field), or to the next step when nothing is."""
        text = self.search.text()
        for tree in (self.business_type, self.cause):
            code = tree.only_match(text)
            if code and not tree.code():
                tree.select_code(code)
        self._move_on()

    def _tree_done(self, tree: CategoryTree) -> None:
        """Enter on a category chooses it and moves on to what is still missing."""
        current = tree.currentIndex()
        if current.isValid() and not tree.selectionModel().isSelected(current):
            tree.selectionModel().select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if tree is self.business_channel:
            self._move_on(after_trees=True)
        else:
            self._move_on(after=tree)

    def _move_on(self, after: CategoryTree | None = None, after_trees: bool = False) -> None:
        if not after_trees:
            trees = [self.business_type, self.cause]
            start = trees.index(after) + 1 if after in trees else 0
            for tree in trees[start:] + trees[:start]:
                if not tree.code():
                    self._focus_tree(tree)
                    return
        first = next((r for r in self._shown() if self.needs_input(r)), None)
        if first is not None:
            first.widget.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.done.emit()

    @staticmethod
    def _focus_tree(tree: CategoryTree) -> None:
        tree.setFocus(Qt.FocusReason.TabFocusReason)
        if not tree.currentIndex().isValid() and tree.model().rowCount() > 0:
            tree.setCurrentIndex(tree.model().index(0, 0))

    def field_rows(self) -> list[FieldRow]:
        return list(self.extra_form.rows.values())

    def _category_changed(self, axis: str) -> None:
        self._rebuild_extra_fields()
        self._emit(axis)

    # -- extra fields and checklist -----------------------------------------------------------

    def _rebuild_extra_fields(self) -> None:
        taxonomy = self._app.categories()
        bt, cause = self.business_type.code(), self.cause.code()
        self._remember_extra_values()
        specs = taxonomy.extra_fields(bt or None, cause or None)
        if [s.key for s in specs] != [s.key for s in self._extra_specs]:
            for spec in self._extra_specs:
                self.extra_form.remove(f"extra_fields.{spec.key}")
            self._extra_specs = specs
            for spec in specs:
                widget = self._extra_widget(spec)
                self.extra_form.add(f"extra_fields.{spec.key}", widget, self.extra_box)
                self._set_extra_value(spec, widget, self._extra_values.get(spec.key, ""))
            self._label_extra_fields()
        self.extra_box.setVisible(bool(specs))
        steps = taxonomy.checklist(bt or None, cause or None, self._app.locale)
        self.checklist.setText("\n".join(f"☐ {line}" for line in steps) if steps
                               else self.tr("No special handling steps for this category."))

    def _extra_widget(self, spec: ExtraField) -> QWidget:
        path = f"extra_fields.{spec.key}"
        if spec.type is FieldType.CHOICE:
            combo = QComboBox(self.extra_box)
            combo.addItem("", "")
            for value, _label in spec.options:
                combo.addItem("", value)
            combo.currentIndexChanged.connect(lambda _i, p=path: self._emit(p))
            return combo
        edit = QLineEdit(self.extra_box)
        edit.setMaxLength(max(spec.max_length, 40))
        placeholder = {FieldType.DATE: "2025-03-01", FieldType.MONEY: "1234.56",
                       FieldType.MASKED_CARD: "622202******1234"}.get(spec.type, "")
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _t, p=path: self._emit(p))
        return edit

    def _set_extra_value(self, spec: ExtraField, widget: QWidget, value: str) -> None:
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(value)))
        elif isinstance(widget, QLineEdit):
            widget.setText(value)

    def _extra_value(self, widget: QWidget) -> str:
        if isinstance(widget, QComboBox):
            return str(widget.currentData() or "")
        if isinstance(widget, QLineEdit):
            return widget.text()
        return ""

    def _remember_extra_values(self) -> None:
        for spec in self._extra_specs:
            row = self.extra_form.rows.get(f"extra_fields.{spec.key}")
            if row is not None:
                self._extra_values[spec.key] = self._extra_value(row.widget)

    def _label_extra_fields(self) -> None:
        locale = self._app.locale
        for spec in self._extra_specs:
            row = self.extra_form.rows.get(f"extra_fields.{spec.key}")
            if row is None:
                continue
            row.set_label(spec.text(locale), spec.text(locale), required=spec.required)
            if isinstance(row.widget, QComboBox):
                for i, (_value, names) in enumerate(spec.options, start=1):
                    row.widget.setItemText(i, names.get(locale) or names.get("en", ""))

    # -- the form -----------------------------------------------------------------------------

    def _load(self, form: dict[str, Any]) -> None:
        self._extra_values = {str(k): str(v) for k, v in (form.get("extra_fields") or {}).items()}
        self.business_type.select_code(form.get("business_type") or "")
        self.cause.select_code(form.get("cause") or "")
        self.business_channel.select_code(str(form.get("business_channel") or ""))
        self._extra_specs_reset()

    def _extra_specs_reset(self) -> None:
        for spec in self._extra_specs:
            self.extra_form.remove(f"extra_fields.{spec.key}")
        self._extra_specs = []
        saved = dict(self._extra_values)
        self._rebuild_extra_fields()
        self._extra_values = saved
        for spec in self._extra_specs:
            row = self.extra_form.rows[f"extra_fields.{spec.key}"]
            self._set_extra_value(spec, row.widget, saved.get(spec.key, ""))

    def store(self, form: dict[str, Any]) -> None:
        self._remember_extra_values()
        form["business_type"] = self.business_type.code()
        form["cause"] = self.cause.code()
        form["business_channel"] = self.business_channel.code()
        keys = {spec.key for spec in self._extra_specs}
        form["extra_fields"] = {k: v for k, v in self._extra_values.items() if k in keys and v}

    def show_messages(self, messages: dict[str, str]) -> None:
        self.business_type_message.say(messages.get("business_type", ""))
        self.cause_message.say(messages.get("cause", ""))
        self.business_channel_message.say(messages.get("business_channel", ""))
        self.extra_form.show_messages(messages)

    def focus_first(self) -> None:
        self.search.setFocus(Qt.FocusReason.TabFocusReason)

    def focus_field(self, path: str) -> bool:
        if path == "business_type":
            self.business_type.setFocus()
            return True
        if path == "cause":
            self.cause.setFocus()
            return True
        if path == "business_channel":
            self.business_channel.setFocus()
            return True
        return super().focus_field(path) or self._focus_extra(path)

    def _focus_extra(self, path: str) -> bool:
        row = self.extra_form.rows.get(path)
        if row is None:
            return False
        row.widget.setFocus()
        return True

    def retranslate(self) -> None:
        locale = self._app.locale
        relabel_model(self._app.categories(), self.business_type.source, "business_type", locale)
        relabel_model(self._app.categories(), self.cause.source, "cause", locale)
        relabel_model(self._app.categories(), self.business_channel.source, "channel", locale)
        self.business_channel.set_none_text(self.tr("(not given)"))
        self._search_label.setText(self.tr("&Search categories"))
        self.search.setPlaceholderText(self.tr("A word, e.g. 贷款, card, fee, or a code like B0201"))
        self.search.setAccessibleName(self.tr("Search categories"))
        self._bt_label.setText(self.tr("Business &type *"))
        self._cause_label.setText(self.tr("C&ause *"))
        self.business_type.setAccessibleName(self.tr("Business type"))
        self.cause.setAccessibleName(self.tr("Cause"))
        self.business_type_message.setAccessibleName(self.tr("Business type: message"))
        self.cause_message.setAccessibleName(self.tr("Cause: message"))
        self._channel_label.setText(self.tr("Business channe&l (optional)"))
        self.business_channel.setAccessibleName(self.tr("Channel of the business complained about"))
        self.business_channel_message.setAccessibleName(self.tr("Business channel: message"))
        self.extra_box.setTitle(self.tr("What this category needs"))
        self.checklist_box.setTitle(self.tr("Handling checklist"))
        self.checklist.setAccessibleName(self.tr("Handling checklist"))
        self._label_extra_fields()
        self._rebuild_extra_fields()
