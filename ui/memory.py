"""Keeping the window process lean: what PySide6 and a closed preview would otherwise hold.

- PySide6's import hook (shiboken's `__feature__` support) asks `inspect.getsource()`
  of every module imported after Qt whether it mentions PySide6, and `inspect` keeps
  each source file's lines in `linecache` for the life of the process: about 40 MB once
  SQLAlchemy, the documents and the sync client are loaded. `lean_imports()` makes the
  same check by reading the source without caching it.
- `release_memory()` collects garbage and hands freed heap pages back to the system
  (glibc's malloc_trim), e.g. after a print preview's page images are gone.

What can go wrong: a PySide6 without that hook (or a different one) is left alone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import sys
from types import ModuleType

log = logging.getLogger("complaint_desk.ui.memory")

_FEATURE_MODULE = "shibokensupport.feature"
_CHECK_NAME = "_mod_uses_pyside"
_installed = False


def _mentions_pyside(module: ModuleType) -> bool:
    """Whether `module`'s source mentions PySide6 (what the hook asks), read without caching."""
    spec = getattr(module, "__spec__", None)
    loader = getattr(spec, "loader", None)
    get_source = getattr(loader, "get_source", None)
    if get_source is None:
        return False
    try:
        source = get_source(module.__name__)
    except (ImportError, OSError, SyntaxError, UnicodeDecodeError):
        return False
    return bool(source) and "PySide6" in source


def lean_imports() -> bool:
    """Replace the hook's source check with one that caches nothing (once; call after
    PySide6 is imported). Returns whether the hook was found."""
    global _installed
    if _installed:
        return True
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, _CHECK_NAME, None)):
        log.info("PySide6 import hook not found; nothing to change")
        return False
    setattr(feature, _CHECK_NAME, _mentions_pyside)
    import linecache

    linecache.clearcache()  # what was read before this point
    _installed = True
    return True


def _malloc_trim() -> None:
    name = ctypes.util.find_library("c")
    if not name or not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(name)
        libc.malloc_trim(0)
    except (OSError, AttributeError):
        pass


def release_memory() -> None:
    """Collect garbage and return freed heap pages to the system (cheap: a few ms)."""
    gc.collect()
    _malloc_trim()
