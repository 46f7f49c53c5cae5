"""PDF objects that reportlab's document writes in one go, for the objects every document
repeats (the embedded font's dictionaries and streams), the compression of content streams,
and a leaner loop writing a document's objects (LeanDocument).

reportlab formats each dictionary through its generic formatter (every key a PDFName, every
value dispatched by type), wraps each object in a further object with a comment to write
it, and compresses streams at zlib's default level; for the dozen objects of a receipt
that was half of writing its PDF. These objects hold their fixed entries as bytes and
resolve only their references when the document is written; object numbers, the
cross-reference table and the trailer stay as reportlab numbers and writes them.
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


_HEADER = b"%%PDF-%d.%d\n%%\223\214\213\236 ReportLab Generated PDF document (opensource)\n"


class LeanDocument(pdfdoc.PDFDocument):
    """reportlab's PDFDocument, its objects written by one plain loop: each object's own
    format, then the cross-reference table and trailer as reportlab writes them, without
    its per-object wrapper objects and comments. An encrypted or signed document is left to
    reportlab."""

    def format(self) -> bytes:
        if type(self.encrypt) is not pdfdoc.NoEncryption or getattr(self, "_digiSigs", None):
            return super().format()
        catalog, info = self.Catalog, self.info
        root, info_ref = self.Reference(catalog), self.Reference(info)
        numbers, objects, to_offset = self.numberToId, self.idToObject, self.idToOffset
        head = _HEADER % self._pdfVersion
        chunks = [head]
        offsets = []
        position = len(head)
        count = 0
        while count + 1 in numbers:  # objects may register more objects as they are written
            count += 1
            name = numbers[count]
            obj = objects[name]
            body = obj.format(self) if isinstance(obj, pdfdoc.PDFObject) else \
                pdfdoc.format(obj, self, toplevel=1)
            chunk = b"%d 0 obj\n%s%sendobj\n" % (count, body,
                                                 b"" if body.endswith(b"\n") else b"\n")
            to_offset[name] = position
            offsets.append(position)
            chunks.append(chunk)
            position += len(chunk)
        if count != len(numbers):
            raise ValueError(f"object numbers 1..{count} of {len(numbers)} objects")
        chunks.append(b"xref\n0 %d\n0000000000 65535 f \n" % (count + 1))
        chunks.append(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
        chunks.append(b"trailer\n<<\n/ID %s\n/Info %s\n/Root %s\n/Size %d\n>>\nstartxref\n%d\n%%%%EOF\n"
                      % (self.ID(), info_ref.format(self), root.format(self), count + 1,
                         position))
        return b"".join(chunks)
