"""The one typeface of every printed document: WenQuanYi Micro Hei (Apache-2.0, glyf outlines).

reportlab embeds TrueType fonts as subsets (only the glyphs a document uses), so
a receipt stays small and prints identically on every PC, with or without
Chinese fonts installed. The font is registered once per process; registering
costs ~60 ms, which is why the UI may call `warm_up()` off the GUI thread at start.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.resources import resource_path

CJK_FONT = "WenQuanYiMicroHei"
FONT_FILE = ("fonts", "wqy-microhei.ttc")
_SUBFONT_PROPORTIONAL = 0  # the .ttc holds "Micro Hei" (0) and "Micro Hei Mono" (1)

_lock = threading.Lock()
_registered = False


def font_path() -> Path:
    return resource_path(*FONT_FILE)


def cjk_font() -> str:
    """Register the CJK font with reportlab (once) and return its name.

    Raises FileNotFoundError if resources/fonts/ lacks the font file (a broken install).
    Thread-safe: the UI may render on a worker thread while warming up on another.
    """
    global _registered
    if _registered:
        return CJK_FONT
    with _lock:
        if not _registered:
            path = font_path()
            if not path.is_file():
                raise FileNotFoundError(f"CJK font missing: {path}")
            pdfmetrics.registerFont(TTFont(CJK_FONT, str(path), subfontIndex=_SUBFONT_PROPORTIONAL))
            # The face has one weight: <b> and <i> in markup map onto the same face
            # instead of falling back to an unembedded Helvetica.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(CJK_FONT, bold, italic, CJK_FONT)
            # Binary (not ASCII85) streams: a quarter smaller, and no encoding time per
            # document. Harmless for the rest of the process, which prints nothing else.
            rl_config.useA85 = 0
            _registered = True
    return CJK_FONT
