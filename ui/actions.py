"""Every action of the window and its keyboard shortcuts, declared in this one table.

Widgets build QActions from here with `make_action()`, so a shortcut is never
defined twice and every tooltip shows its shortcut. Texts are marked with
QT_TRANSLATE_NOOP and translated when the action is (re)labelled.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Actions"


class ActionId(enum.StrEnum):
    # window
    NEW_COMPLAINT = "new_complaint"
    RESOLVE_ON_SPOT = "resolve_on_spot"
    FIND = "find"
    REFRESH = "refresh"
    SHOW_WORKLIST = "show_worklist"
    CLOSE_TAB = "close_tab"
    LOCK = "lock"
    SWITCH_USER = "switch_user"
    LANGUAGE = "language"
    QUIT = "quit"
    # HQ
    SYNC_NOW = "sync_now"
    CANCEL_SYNC = "cancel_sync"
    CLOSE_DAY = "close_day"
    # intake
    NEXT_STEP = "next_step"
    PREVIOUS_STEP = "previous_step"
    FIND_CUSTOMER = "find_customer"
    SAVE_COMPLAINT = "save_complaint"
    DISCARD_INTAKE = "discard_intake"
    # case
    ACKNOWLEDGE = "acknowledge"
    ADD_NOTE = "add_note"
    LOG_CONTACT = "log_contact"
    ASSIGN = "assign"
    ESCALATE = "escalate"
    EXTEND_DEADLINE = "extend_deadline"
    RESOLVE = "resolve"
    RECORD_SATISFACTION = "record_satisfaction"
    CLOSE_CASE = "close_case"
    REOPEN = "reopen"
    WITHDRAW = "withdraw"
    LINK = "link"
    PRINT_RECEIPT = "print_receipt"
    PRINT_LETTER = "print_letter"
    PRINT_NOTICE = "print_notice"
    PRINT_HOLDING_RESPONSE = "print_holding_response"
    ADD_ATTACHMENT = "add_attachment"
    REVEAL_IDENTITY = "reveal_identity"
    CUSTOMER_HISTORY = "customer_history"


@dataclass(frozen=True, slots=True)
class ActionSpec:
    text: str  # English source, translated in context "Actions"
    shortcuts: tuple[str | QKeySequence.StandardKey, ...]
    scope: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut


_WIDGET = Qt.ShortcutContext.WidgetWithChildrenShortcut

ACTIONS: dict[ActionId, ActionSpec] = {
    ActionId.NEW_COMPLAINT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "New complaint"),
                                       (QKeySequence.StandardKey.New,)),
    ActionId.RESOLVE_ON_SPOT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Resolve on the spot"),
                                         ("Ctrl+Shift+N",)),
    ActionId.FIND: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Search complaints"),
                              (QKeySequence.StandardKey.Find,)),
    ActionId.REFRESH: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Refresh"),
                                 (QKeySequence.StandardKey.Refresh,)),
    ActionId.SHOW_WORKLIST: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Show the worklist"),
                                       ("Ctrl+1",)),
    ActionId.CLOSE_TAB: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Close this tab"),
                                   (QKeySequence.StandardKey.Close,)),
    ActionId.LOCK: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Lock the screen"), ("Ctrl+L",)),
    ActionId.SWITCH_USER: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Switch user"), ("Ctrl+Shift+L",)),
    ActionId.LANGUAGE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Switch language (中文 / English)"),
                                  ("Ctrl+Shift+U",)),
    ActionId.QUIT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Quit"), ("Ctrl+Q",)),
    ActionId.SYNC_NOW: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Sync with HQ now"), ("F9",)),
    ActionId.CANCEL_SYNC: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Cancel the sync"), ("Shift+F9",)),
    ActionId.CLOSE_DAY: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Close the day …"), ("Ctrl+Shift+D",)),
    ActionId.NEXT_STEP: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Next step"),
                                   ("Ctrl+Return", "Alt+Right"), _WIDGET),
    ActionId.PREVIOUS_STEP: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Previous step"),
                                       ("Alt+Left",), _WIDGET),
    ActionId.FIND_CUSTOMER: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Find customer"),
                                       ("Ctrl+K",), _WIDGET),
    ActionId.SAVE_COMPLAINT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Save the complaint"),
                                        (QKeySequence.StandardKey.Save,), _WIDGET),
    ActionId.DISCARD_INTAKE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Discard this intake"),
                                        ("Ctrl+Shift+Delete",), _WIDGET),
    ActionId.ACKNOWLEDGE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Acknowledge"),
                                     ("Ctrl+Shift+A",), _WIDGET),
    ActionId.ADD_NOTE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Add a note"), ("Ctrl+Shift+M",), _WIDGET),
    ActionId.LOG_CONTACT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Log a contact attempt"),
                                     ("Ctrl+Shift+T",), _WIDGET),
    ActionId.ASSIGN: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Assign"), ("Ctrl+Shift+G",), _WIDGET),
    ActionId.ESCALATE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Escalate to the expert panel"),
                                  ("Ctrl+Shift+E",), _WIDGET),
    ActionId.EXTEND_DEADLINE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Extend the deadline"),
                                         ("Ctrl+Shift+X",), _WIDGET),
    ActionId.RESOLVE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Resolve"), ("Ctrl+Shift+R",), _WIDGET),
    ActionId.RECORD_SATISFACTION: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Record satisfaction"),
                                             ("Ctrl+Shift+S",), _WIDGET),
    ActionId.CLOSE_CASE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Close the case"),
                                    ("Ctrl+Shift+C",), _WIDGET),
    ActionId.REOPEN: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Reopen"), ("Ctrl+Shift+O",), _WIDGET),
    ActionId.WITHDRAW: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Withdraw"), ("Ctrl+Shift+W",), _WIDGET),
    ActionId.LINK: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Link a related complaint"),
                              ("Ctrl+Shift+K",), _WIDGET),
    ActionId.PRINT_RECEIPT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Print the receipt"),
                                       (QKeySequence.StandardKey.Print,), _WIDGET),
    ActionId.PRINT_LETTER: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Print the decision letter"),
                                      ("Ctrl+Shift+P",), _WIDGET),
    ActionId.PRINT_NOTICE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Print the extension notice"),
                                      ("Ctrl+Shift+I",), _WIDGET),
    ActionId.PRINT_HOLDING_RESPONSE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Print the holding response"), ("Ctrl+Shift+J",), _WIDGET),
    ActionId.ADD_ATTACHMENT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Add a scanned file"),
                                        ("Ctrl+Shift+F",), _WIDGET),
    # A deliberate reveal of the customer's masked identity data (recorded on the timeline).
    ActionId.REVEAL_IDENTITY: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Show the customer's full details"),
                                         ("Ctrl+Shift+V",), _WIDGET),
    ActionId.CUSTOMER_HISTORY: ActionSpec(QT_TRANSLATE_NOOP("Actions", "All complaints of this customer"),
                                          ("Ctrl+Shift+H",), _WIDGET),
}


def action_text(action_id: ActionId) -> str:
    return QCoreApplication.translate(CONTEXT, ACTIONS[action_id].text)


def key_sequences(action_id: ActionId) -> list[QKeySequence]:
    keys: list[QKeySequence] = []
    for shortcut in ACTIONS[action_id].shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            keys.extend(QKeySequence.keyBindings(shortcut))
        else:
            keys.append(QKeySequence(shortcut))
    return keys


def tooltip(action_id: ActionId) -> str:
    """The action's name with its shortcut(s), e.g. "Lock the screen (Ctrl+L)"."""
    keys = key_sequences(action_id)
    shown = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
    text = action_text(action_id).replace("&", "")
    return f"{text} ({shown})" if shown else text


def make_action(action_id: ActionId, parent: QObject) -> QAction:
    """A QAction for `action_id` with its shortcuts, scope and tooltip; relabel it with
    `relabel()` when the language changes."""
    action = QAction(parent)
    action.setObjectName(f"action_{action_id.value}")
    action.setShortcuts(key_sequences(action_id))
    action.setShortcutContext(ACTIONS[action_id].scope)
    relabel(action, action_id)
    return action


def relabel(action: QAction, action_id: ActionId) -> None:
    action.setText(action_text(action_id))
    action.setToolTip(tooltip(action_id))
    action.setStatusTip(tooltip(action_id))


# Alt+1 … Alt+9, then Alt+0, choose the worklists in the order the worklist chooser lists them.
WORKLIST_KEYS = (*(f"Alt+{n}" for n in range(1, 10)), "Alt+0")
