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

from reportlab.lib.rl_accel import fp_str
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
    """A stream object: `entries` (formatted dictionary entries, /Length excepted), each
    (key, object) of `refs` as an indirect reference, and its data, compressed with
    FlateDecode at FLATE_LEVEL when `compress`."""

    __RefOnly__ = 1

    def __init__(self, data: bytes, entries: bytes = b"", *, compress: bool = False,
                 refs: Sequence[tuple[bytes, pdfdoc.PDFObject]] = ()) -> None:
        if compress:
            data = zlib.compress(data, FLATE_LEVEL)
            entries = b"/Filter /FlateDecode " + entries
        self.data = data
        self.entries = entries
        self.refs = refs

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        data = document.encrypt.encode(self.data)
        refs = b"".join(b"%s %s " % (key, document.Reference(obj).format(document))
                        for key, obj in self.refs)
        return b"<< %s%s/Length %d >>\nstream\n%s\nendstream\n" % (self.entries, refs, len(data),
                                                                   data)


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
    format (pages and the information dictionary with their entries written directly, the
    same as reportlab's), then the cross-reference table and trailer as reportlab writes
    them, without its per-object wrapper objects and comments. An encrypted or signed
    document is left to reportlab."""

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
            kind = type(obj)
            body = None
            if kind is pdfdoc.PDFPage:
                body = self._lean_page(obj)
            elif kind is pdfdoc.PDFInfo:
                body = self._lean_info(obj)
            elif kind is pdfdoc.PDFCatalog:
                body = self._lean_catalog(obj)
            elif kind is pdfdoc.PDFPages:
                body = self._lean_pages(obj)
            if body is None:
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

    def _lean_page(self, page: pdfdoc.PDFPage) -> bytes | None:
        """A page as reportlab's PDFPage writes it (its content stream compressed as the
        document's default filters say), or None for a page with anything else set
        (annotations, boxes, colour spaces, shadings, a transition, its own content or
        resources): reportlab writes that one."""
        if (page.Override_default_compilation or page.Annots or not page.stream
                or page._colorsUsed or page._shadingUsed or (page.Trans is not None
                and (not isinstance(page.Trans, pdfdoc.PDFDictionary) or page.Trans.dict))
                or self.defaultStreamFilters != [FAST_FLATE] or page.compression
                or any(getattr(page, key) is not None for key in _OTHER_PAGE_KEYS)):
            return None
        stream = page.stream
        contents = Stream(stream.encode("utf8") if isinstance(stream, str) else stream,
                          compress=True)
        page.Contents = contents
        width, height = page.pagewidth, page.pageheight
        if page.Rotate in (90, 270):
            width, height = height, width
        resources = []
        if page.ExtGState:
            resources.append(b"/ExtGState " + _formatted(page.ExtGState, self))
        resources.append(b"/Font " + pdfdoc.PDFObjectReference(pdfdoc.BasicFonts).format(self))
        resources.append(_ALL_PROCS if page.hasImages else _BASIC_PROCS)
        if page.XObjects:
            resources.append(b"/XObject " + _formatted(page.XObjects, self))
        page.Parent = self.Reference(self.Pages)
        return b"<< /Contents %s /MediaBox [ 0 0 %s ] /Parent %s /Resources << %s >> " \
            b"/Rotate %s /Type /Page >>" % (
                self.Reference(contents).format(self), fp_str(width, height).encode("ascii"),
                page.Parent.format(self), b" ".join(resources),
                fp_str(page.Rotate or 0).encode("ascii"))

    def _lean_catalog(self, catalog: pdfdoc.PDFCatalog) -> bytes | None:
        """The document catalog as reportlab writes it, or None for one with more than its
        pages and page mode (outlines, names, viewer preferences...): reportlab writes it."""
        if getattr(catalog, "Lang", None) is not None or any(
                getattr(catalog, key, None) is not None for key in _OTHER_CATALOG_KEYS):
            return None
        mode = getattr(catalog, "PageMode", pdfdoc.PDFCatalog.__Defaults__["PageMode"])
        return b"<< /PageMode %s /Pages %s /Type /Catalog >>" % (
            pdfdoc.format(mode, self), self.Reference(catalog.Pages).format(self))

    def _lean_pages(self, pages: pdfdoc.PDFPages) -> bytes | None:
        """The page tree as reportlab writes it (one node), or None for one with a parent."""
        if getattr(pages, "Parent", None) is not None:
            return None
        kids = b" ".join(self.Reference(page).format(self) for page in pages.pages)
        return b"<< /Count %d /Kids [ %s ] /Type /Pages >>" % (len(pages.pages), kids)

    def _lean_info(self, info: pdfdoc.PDFInfo) -> bytes:
        """The document information dictionary as reportlab's PDFInfo writes it."""
        date = pdfdoc.PDFDate(ts=self._timeStamp, dateFormatter=info._dateFormatter).format(self)
        return b"<< /Author %s /CreationDate %s /Creator %s /Keywords %s /ModDate %s " \
            b"/Producer %s /Subject %s /Title %s /Trapped /%s >>" % (
                _string(info.author, self), date, _string(info.creator, self),
                _string(info.keywords, self), date, _string(info.producer, self),
                _string(info.subject, self), pdfdoc.PDFString(info.title).format(self),
                info.trapped.encode("ascii"))


_OTHER_PAGE_KEYS = tuple(dict.fromkeys(
    key for key in pdfdoc.PDFPage.__NoDefault__
    if key not in ("Rotate", "Trans", "Annots")))  # set on every page, checked one by one
_OTHER_CATALOG_KEYS = tuple(key for key in pdfdoc.PDFCatalog.__NoDefault__
                            if key not in ("Pages", "PageMode"))
_ALL_PROCS = b"/ProcSet [ /PDF /Text /ImageB /ImageC /ImageI ]"
_BASIC_PROCS = b"/ProcSet [ /PDF /Text ]"


def _formatted(value: object, document: pdfdoc.PDFDocument) -> bytes:
    if isinstance(value, dict):
        value = pdfdoc.PDFDictionary(value)
    return pdfdoc.format(value, document)


_strings: dict[str, bytes] = {}


def _string(text: str, document: pdfdoc.PDFDocument) -> bytes:
    """A PDF string of information that rarely changes (producer, creator, the bank's name),
    formatted once per process."""
    found = _strings.get(text)
    if found is None:
        found = pdfdoc.PDFString(text).format(document)
        if len(_strings) < 64:
            _strings[text] = found
    return found
