"""Window sizes that fit the counter's screen (1366×768, and still usable at 1280×720).

A window asks for the size it would like; it gets at most what the screen it opens on
leaves once a window frame, its title bar and the taskbar are taken off, so the status
bar and a dialog's buttons are never below the bottom edge.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# What the system takes around a window's content: the frame on both sides, the title bar
# and frame at top and bottom, and a taskbar (Windows 10/11, Kylin and UOS are all ≤ 48 px).
DECORATION = QSize(16, 80)
COUNTER_SCREEN = QSize(1366, 768)  # the branch counter PC's screen
SMALLEST_SCREEN = QSize(1280, 720)  # the smallest screen the counter must still work on


def room_on_screen(widget: QWidget | None = None) -> QSize:
    """The largest content size a window may take on `widget`'s screen (or the primary one)."""
    screen = widget.screen() if widget is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    available = screen.availableGeometry().size() if screen is not None else COUNTER_SCREEN
    return available.shrunkBy(_margins())


def room_on(screen: QSize) -> QSize:
    """The largest content size a window may take on a screen of `screen` pixels."""
    return screen.shrunkBy(_margins())


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to `width`×`height`, or less where its screen has no room for that."""
    widget.resize(QSize(width, height).boundedTo(room_on_screen(widget)))


def _margins() -> QMargins:
    return QMargins(0, 0, DECORATION.width(), DECORATION.height())
