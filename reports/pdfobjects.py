"""PDF objects that reportlab's document writes in one go, for the objects every document
repeats: the embedded font's dictionaries and streams, and the compression of content
streams.

reportlab formats each dictionary through its generic formatter (every key a PDFName, every
value dispatched by type) and compresses streams at zlib's default level; for the dozen
objects of a receipt that was half of writing its PDF. These objects hold their fixed
entries as bytes and resolve only their references when the document is written, so the
file reportlab writes around them (object numbers, cross-reference table, trailer) is
unchanged.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

from reportlab.pdfbase import pdfdoc

# zlib level 1: a receipt's content streams come out ~15% larger than at the default level 6
# (a few hundred bytes of a ~45 KB file) in well under half the time.
FLATE_LEVEL = 1


class FastFlate:
    """A stream filter for reportlab's PDFStream: FlateDecode at FLATE_LEVEL."""

    pdfname = "FlateDecode"

    def encode(self, text: str | bytes) -> bytes:
        if isinstance(text, str):
            text = text.encode("utf8")  # as reportlab's own filter
        return zlib.compress(text, FLATE_LEVEL)

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


FAST_FLATE = FastFlate()


class Stream(pdfdoc.PDFObject):
    """A stream object: `entries` (formatted dictionary entries, /Length excepted) and its
    data, compressed with FlateDecode at FLATE_LEVEL when `compress`."""

    __RefOnly__ = 1

    def __init__(self, data: bytes, entries: bytes = b"", *, compress: bool = False) -> None:
        if compress:
            data = zlib.compress(data, FLATE_LEVEL)
            entries = b"/Filter /FlateDecode " + entries
        self.data = data
        self.entries = entries

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        data = document.encrypt.encode(self.data)
        return b"<< %s/Length %d >>\nstream\n%s\nendstream\n" % (self.entries, len(data), data)


class Dictionary(pdfdoc.PDFObject):
    """A dictionary object: `entries` already formatted, then each (key, object) of `refs`
    as an indirect reference to the object."""

    __RefOnly__ = 1

    def __init__(self, entries: bytes,
                 refs: Sequence[tuple[bytes, pdfdoc.PDFObject]] = ()) -> None:
        self.entries = entries
        self.refs = refs

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        parts = [self.entries]
        for key, obj in self.refs:
            parts.append(b"%s %s" % (key, document.Reference(obj).format(document)))
        return b"<< " + b" ".join(parts) + b" >>"
