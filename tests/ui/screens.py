"""Walking what is on screen: the mnemonics (Alt+letter) a window offers and its geometry.

A mnemonic is the letter after a single `&` in a button's, label's, group box's, tab's or
menu's text ("&Next", "打印(&P)…"). Within one window the visible widgets and the menu bar
share one set of letters; each menu has its own set for its entries.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QToolBar,
    QWidget,
)

from ui.screen_fit import COUNTER_SCREEN, SMALLEST_SCREEN, room_on


def mnemonic(text: str) -> str | None:
    """The letter `text` offers with Alt (lower case), or None ("&&" is a literal ampersand)."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            return text[i + 1].lower()
        i += 1
    return None


def _widget_texts(window: QWidget) -> list[tuple[str, str]]:
    """(text, who) of every visible widget of `window` that can carry a mnemonic."""
    found: list[tuple[str, str]] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        if isinstance(widget, QAbstractButton):
            found.append((widget.text(), name))
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            found.append((widget.text(), name))
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            found.append((widget.title(), name))
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.isTabVisible(i):
                    found.append((widget.tabText(i), f"{name} tab {i}"))
    if isinstance(window, QMainWindow) and window.menuBar().isVisibleTo(window):
        for action in window.menuBar().actions():
            if action.isVisible():
                found.append((action.text(), f"menu {action.text()!r}"))
    return found


def _menu_clashes(menu: QMenu, where: str) -> list[str]:
    out: list[str] = []
    seen: dict[str, list[str]] = defaultdict(list)
    action: QAction
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        letter = mnemonic(action.text())
        if letter:
            seen[letter].append(action.text())
        sub = action.menu()
        if isinstance(sub, QMenu):
            out += _menu_clashes(sub, f"{where} › {action.text()}")
    out += [f"{where}: Alt+{k.upper()} on {v}" for k, v in seen.items() if len(v) > 1]
    return out


def mnemonic_clashes(window: QWidget) -> list[str]:
    """Every letter that two things in `window` (or in one of its menus) answer to."""
    seen: dict[str, list[str]] = defaultdict(list)
    for text, who in _widget_texts(window):
        letter = mnemonic(text)
        if letter:
            seen[letter].append(f"{who} {text!r}")
    title = window.windowTitle() or window.objectName()
    out = [f"{title}: Alt+{k.upper()} on {v}" for k, v in seen.items() if len(v) > 1]
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                out += _menu_clashes(sub, f"{title} › {action.text()}")
    return out


def _inside_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _must_show(window: QWidget) -> list[QWidget]:
    """What must be on screen whatever the window's size: its status bar and every button
    that is not in a scrolling area (a dialog's OK/Cancel, the preview's Print and Save)."""
    out: list[QWidget] = []
    if isinstance(window, QMainWindow) and window.statusBar().isVisibleTo(window):
        out.append(window.statusBar())
    for button in window.findChildren(QAbstractButton):
        if (button.isVisibleTo(window) and button.window() is window
                and not isinstance(button.parentWidget(), QTabBar | QToolBar)
                and not _inside_scroll_area(button, window)):
            out.append(button)
    return out


def geometry_problems(window: QWidget) -> list[str]:
    """Why `window` does not fit the counter's 1366×768 screen or is unusable at 1280×720:
    too big, a minimum size larger than the small screen, or a button or the status bar
    outside the window once it has the small screen's room."""
    title = window.windowTitle() or window.objectName() or type(window).__name__
    out: list[str] = []
    room, small = room_on(COUNTER_SCREEN), room_on(SMALLEST_SCREEN)
    size, least = window.size(), window.minimumSizeHint().expandedTo(window.minimumSize())
    if size.width() > room.width() or size.height() > room.height():
        out.append(f"{title}: {size.width()}×{size.height()} is larger than {room.width()}×"
                   f"{room.height()} (1366×768 less frame and taskbar)")
    if least.width() > small.width() or least.height() > small.height():
        out.append(f"{title}: needs at least {least.width()}×{least.height()}, more than "
                   f"{small.width()}×{small.height()} (1280×720 less frame and taskbar)")
    window.resize(size.boundedTo(small))
    QApplication.sendPostedEvents()
    if window.layout() is not None:
        window.layout().activate()
    bounds = window.rect()
    for widget in _must_show(window):
        where = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not bounds.contains(where):
            out.append(f"{title}: {type(widget).__name__} {widget.objectName()!r} "
                       f"{getattr(widget, 'text', lambda: '')()!r} is outside the window at "
                       f"{bounds.width()}×{bounds.height()}")
    window.resize(size)
    return out


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and not isinstance(w, QMenu)]
