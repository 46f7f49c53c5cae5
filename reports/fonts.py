"""The one typeface of every printed document: WenQuanYi Micro Hei (Apache-2.0, glyf outlines).

reportlab embeds TrueType fonts as subsets (only the glyphs a document uses), so
a receipt stays small and prints identically on every PC, with or without
Chinese fonts installed. The font is registered once per process.

reportlab's own TrueType reader is written for small Latin fonts: it reads the
character map and metrics of this font's 49,531 glyphs one number at a time
(~80 ms at start) and, for every document, copies the whole 3 MB glyph table to
cut a subset from it and compresses the subset at zlib's default level. `CjkFont`
is reportlab's TTFont with a face that reads those tables in bulk (~10 ms), cuts a
subset from outlines read once per glyph and process (composite glyphs' components
included) and embeds it uncompressed: outlines compress by a third at most, and
compressing them cost more than laying out a whole receipt. The subset is byte for byte
the one reportlab cuts (tests/reports/test_fonts.py).
Codes go to characters in the order a document first prints them (the block documents'
fixed text first, reports.blocks.seed_fixed_text): reportlab's default keeps codes 32-127
for ASCII, which embedded ~70 unused glyphs in every receipt and gave a letter a second
subset (a receipt is now ~45 KB, a letter ~64 KB).
"""

from __future__ import annotations

import sys
import threading
from array import array
from collections.abc import Callable
from fnmatch import fnmatch
from itertools import accumulate, repeat
from operator import add, itemgetter
from pathlib import Path
from struct import pack, pack_into, unpack_from
from typing import Any

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    GF_ARG_1_AND_2_ARE_WORDS,
    GF_MORE_COMPONENTS,
    GF_WE_HAVE_A_SCALE,
    GF_WE_HAVE_A_TWO_BY_TWO,
    GF_WE_HAVE_AN_X_AND_Y_SCALE,
    SUBSETN,
    TTEncoding,
    TTFont,
    TTFontFace,
    TTFontMaker,
)
from reportlab.rl_config import unShapedFontGlob

from desktop.resources import resource_path
from reports.pdfobjects import Dictionary, Stream

CJK_FONT = "WenQuanYiMicroHei"
FONT_FILE = ("fonts", "wqy-microhei.ttc")
_SUBFONT_PROPORTIONAL = 0  # the .ttc holds "Micro Hei" (0) and "Micro Hei Mono" (1)

_lock = threading.Lock()
_registered = False


def font_path() -> Path:
    return resource_path(*FONT_FILE)


def _be_array(code: str, data: bytes | memoryview) -> array[int]:
    """Big-endian numbers of a TrueType table as a native array."""
    values = array(code, bytes(data))
    if sys.byteorder == "little":
        values.byteswap()
    return values


class CjkFace(TTFontFace):
    """reportlab's TrueType face, with the character map, metrics and glyph locations
    read in bulk and a faster subset maker (same bytes; see the module docstring).
    Fonts whose character map is not format 4 or 12 take reportlab's own reader."""

    def extractInfo(self, charInfo: int = 1) -> None:
        super().extractInfo(charInfo=0)  # names, head, OS/2, post, hhea, maxp only
        if not charInfo:
            return
        if not self._read_char_info():
            super().extractInfo(charInfo)
            return
        self._glyphs: dict[int, tuple[bytes, tuple[tuple[int, int], ...]]] = {}
        self._halves: dict[int, int] = {}  # half the length of each outline in _glyphs
        self._tables: dict[str, bytes] = {}

    def _cmap_subtable(self) -> int | None:
        """Offset of the character map reportlab would choose (same rule as its reader)."""
        data = self._ttf_data
        base = self.table["cmap"]["offset"]
        version, count = unpack_from(">HH", data, base)
        if count == 0 and version != 0:
            count = version
        chosen, enc = None, 0
        for index in range(count):
            platform, encoding, offset = unpack_from(">HHL", data, base + 4 + 8 * index)
            if platform == 3 or (platform == 1 and encoding == 1) or (
                    platform == 0 and encoding != 5):
                enc, chosen = 1, offset
            elif platform == 1 and encoding == 0 and enc != 1:
                enc, chosen = 2, offset
        return None if chosen is None else base + chosen

    def _read_char_map(self, offset: int) -> dict[int, int] | None:
        data = self._ttf_data
        fmt = unpack_from(">H", data, offset)[0]
        if fmt == 12:
            groups = unpack_from(">L", data, offset + 12)[0]
            triples = _be_array("I", data[offset + 16:offset + 16 + 12 * groups])
            char_to_glyph: dict[int, int] = {}
            for g in range(groups):
                start, end, glyph = triples[3 * g], triples[3 * g + 1], triples[3 * g + 2]
                char_to_glyph.update(zip(range(start, end + 1), range(glyph, glyph + end - start + 1),
                                         strict=True))
            return char_to_glyph
        if fmt == 4:
            length = unpack_from(">H", data, offset + 2)[0]
            limit = offset + length
            seg_count = unpack_from(">H", data, offset + 6)[0] // 2
            pos = offset + 14
            ends = _be_array("H", data[pos:pos + 2 * seg_count])
            pos += 2 * seg_count + 2
            starts = _be_array("H", data[pos:pos + 2 * seg_count])
            pos += 2 * seg_count
            deltas = _be_array("h", data[pos:pos + 2 * seg_count])
            pos += 2 * seg_count
            range_start = pos
            ranges = _be_array("H", data[pos:pos + 2 * seg_count])
            char_to_glyph = {}
            for n in range(seg_count):
                start, end, delta, rng = starts[n], ends[n], deltas[n], ranges[n]
                for char in range(start, end + 1):
                    if rng == 0:
                        glyph = (char + delta) & 0xFFFF
                    else:
                        at = range_start + 2 * n + (char - start) * 2 + rng
                        glyph = 0 if at >= limit else unpack_from(">H", data, at)[0]
                        if glyph:
                            glyph = (glyph + delta) & 0xFFFF
                    char_to_glyph[char] = glyph
            return char_to_glyph
        return None

    def _read_char_info(self) -> bool:
        offset = self._cmap_subtable()
        if offset is None:
            return False
        char_to_glyph = self._read_char_map(offset)
        if char_to_glyph is None:
            return False
        data = self._ttf_data
        glyphs = self.numGlyphs
        metrics = unpack_from(">H", data, self.table["hhea"]["offset"] + 34)[0]
        hmtx = self.table["hmtx"]["offset"]
        pairs = _be_array("H", data[hmtx:hmtx + 4 * metrics])
        advances = pairs[0::2]
        advances.extend([advances[-1]] * (glyphs - metrics))
        lsbs = pairs[1::2]
        lsbs.extend(_be_array("H", data[hmtx + 4 * metrics:hmtx + 4 * metrics
                                        + 2 * (glyphs - metrics)]))
        loca = self.table["loca"]["offset"]
        index_format = unpack_from(">H", data, self.table["head"]["offset"] + 50)[0]
        if index_format == 0:
            self.glyphPos = [p << 1 for p in _be_array("H", data[loca:loca + 2 * (glyphs + 1)])]
        else:
            self.glyphPos = _be_array("I", data[loca:loca + 4 * (glyphs + 1)]).tolist()
        scale = self._pdfScale
        scaled = {aw: scale(aw) for aw in set(advances)}  # a few distinct advances
        self.defaultWidth = scaled[advances[0]]
        self._advances, self._lsbs = advances, lsbs
        self.charToGlyph = char_to_glyph
        self.charWidths = {char: scaled[advances[glyph]] for char, glyph in char_to_glyph.items()
                           if glyph < glyphs}
        if 0x20 in char_to_glyph:
            char_to_glyph[0xA0] = char_to_glyph[0x20]
            self.charWidths[0xA0] = self.charWidths[0x20]
        elif 0xA0 in char_to_glyph:
            char_to_glyph[0x20] = char_to_glyph[0xA0]
            self.charWidths[0x20] = self.charWidths[0xA0]
        return True

    def _table(self, tag: str) -> bytes:
        table = self._tables.get(tag)
        if table is None:
            table = self._tables[tag] = self.get_table(tag)
        return table

    def _glyph(self, glyph: int) -> tuple[bytes, tuple[tuple[int, int], ...]]:
        """The glyph's outline padded to four bytes, and (offset in it, component glyph) for
        each component of a composite glyph; read once per glyph and process."""
        found = self._glyphs.get(glyph)
        if found is not None:
            return found
        data = self._ttf_data
        pos = self.get_table_pos("glyf")[0] + self.glyphPos[glyph]
        length = self.glyphPos[glyph + 1] - self.glyphPos[glyph]
        components: list[tuple[int, int]] = []
        if length > 2 and unpack_from(">h", data, pos)[0] < 0:
            at = 10
            flags = GF_MORE_COMPONENTS
            while flags & GF_MORE_COMPONENTS:
                flags, component = unpack_from(">HH", data, pos + at)
                components.append((at + 2, component))
                at += 4 + (4 if flags & GF_ARG_1_AND_2_ARE_WORDS else 2)
                if flags & GF_WE_HAVE_A_SCALE:
                    at += 2
                elif flags & GF_WE_HAVE_AN_X_AND_Y_SCALE:
                    at += 4
                elif flags & GF_WE_HAVE_A_TWO_BY_TWO:
                    at += 8
        outline = data[pos:pos + length] + b"\0" * (-length % 4)
        self._halves[glyph] = len(outline) >> 1
        result = self._glyphs[glyph] = (outline, tuple(components))
        return result

    def makeSubset(self, subset: list[int]) -> bytes:
        if not hasattr(self, "_glyphs"):  # read by reportlab's reader
            return super().makeSubset(subset)
        olds = list(map(self.charToGlyph.get, subset, repeat(0, len(subset))))
        glyph_map = list(dict.fromkeys([0, *olds]))  # new glyph index -> old
        glyph_set = {old: new for new, old in enumerate(glyph_map)}
        code_to_glyph = list(map(glyph_set.__getitem__, olds))
        cache = self._glyphs
        for old in set(glyph_map).difference(cache):
            self._glyph(old)
        # The components of composite glyphs join the subset, in reportlab's order: each
        # composite's in turn, in the order the composites come (those joining included).
        composites = [old for old in glyph_map if cache[old][1]]
        n = 0
        while n < len(composites):
            for _, component in cache[composites[n]][1]:
                if component not in glyph_set:
                    glyph_set[component] = len(glyph_map)
                    glyph_map.append(component)
                    if (cache.get(component) or self._glyph(component))[1]:
                        composites.append(component)
            n += 1
        glyphs = list(map(cache.__getitem__, glyph_map))

        output = TTFontMaker()
        for tag in ("name", "OS/2", "cvt ", "fpgm", "prep"):
            if tag in self.table:
                output.add(tag, self._table(tag))
        output.add("post", b"\x00\x03\x00\x00" + self._table("post")[4:16] + b"\x00" * 16)
        count = len(glyph_map)
        pick = itemgetter(*glyph_map) if count > 1 else lambda values: (values[glyph_map[0]],)
        advances, lsbs = pick(self._advances), pick(self._lsbs)
        # Full metrics up to the last change of advance width, then left side bearings only.
        run = "".join(map(chr, advances))
        metrics = max(1, len(run.rstrip(run[-1])) + 1)
        hmtx: list[int] = [0] * (2 * metrics)
        hmtx[0::2], hmtx[1::2] = advances[:metrics], lsbs[:metrics]
        hmtx += lsbs[metrics:]
        output.add("hmtx", pack(f">{len(hmtx)}H", *hmtx))
        output.add("hhea", _with_ushort(self._table("hhea"), 34, metrics))
        output.add("maxp", _with_ushort(self._table("maxp"), 4, count))
        cmap = [0, 1, 1, 0, 0, 12, 6, 10 + len(subset) * 2, 0, 0, len(subset), *code_to_glyph]
        output.add("cmap", pack(f">{len(cmap)}H", *cmap))

        outlines = [outline for outline, _ in glyphs]
        for old in composites:
            at = glyph_set[old]
            outlines[at] = _patched(outlines[at], glyphs[at][1], glyph_set)
        glyf = b"".join(outlines)
        output.add("glyf", glyf)
        if len(glyf) >> 1 > 0xFFFF:
            index_format = 1
            offsets = list(accumulate(map(len, outlines), initial=0))
            output.add("loca", pack(f">{len(offsets)}L", *offsets))
        else:  # offsets / 2: every outline is padded to four bytes
            index_format = 0
            halves = self._halves
            offsets = list(accumulate(map(halves.__getitem__, glyph_map), initial=0))
            output.add("loca", pack(f">{len(offsets)}H", *offsets))
        output.add("head", _with_ushort(self._table("head"), 50, index_format))
        return output.makeStream()


class _Formatted(dict[int, str]):
    """Text of a number per key, made on first use by `make`."""

    def __init__(self, make: Callable[[int], str]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: int) -> str:
        text = self[key] = self.make(key)
        return text


_CODE_HEX = [f"<{code:02X}> " for code in range(256)]
_UNICODE_HEX = _Formatted("<{:04X}>".format)


def _to_unicode_cmap(font_name: bytes, subset: list[int]) -> bytes:
    """reportlab's ToUnicode CMap of a subset (ttfonts.makeToUnicodeCMap), the same text
    written with one formatting pass over the codes."""
    name = font_name.decode("latin-1")
    codes = map(add, _CODE_HEX[:len(subset)], map(_UNICODE_HEX.__getitem__, subset))
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n"
        f"<< /Registry ({name})\n/Ordering ({name})\n/Supplement 0\n>> def\n"
        f"/CMapName /{name} def\n/CMapType 2 def\n1 begincodespacerange\n"
        f"<00> <{len(subset) - 1:02X}>\nendcodespacerange\n{len(subset)} beginbfchar\n"
        + "\n".join(codes)
        + "\nendbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
    ).encode("latin-1")


def _patched(outline: bytes, components: tuple[tuple[int, int], ...],
             glyph_set: dict[int, int]) -> bytes:
    """A composite glyph's outline pointing at its components' indices in the subset."""
    patched = bytearray(outline)
    for at, component in components:
        pack_into(">H", patched, at, glyph_set[component])
    return bytes(patched)


def _with_ushort(data: bytes, offset: int, value: int) -> bytes:
    return data[:offset] + pack(">H", value) + data[offset + 2:]


class CjkFont(TTFont):
    """reportlab's TTFont on a CjkFace."""

    _descriptor = b""  # the descriptor entries every subset shares, made on first use

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:
        """The document's font objects, as reportlab's TTFont makes them (a TrueType font,
        its widths, ToUnicode map, descriptor and embedded subset per subset of 256 codes),
        each written in one go (reports.pdfobjects): the embedded subset uncompressed
        (glyph outlines shrink by a third at most, and compressing them was the largest
        single cost of a receipt), the ToUnicode map at zlib level 1."""
        face = self.face
        if not hasattr(face, "_glyphs"):  # read by reportlab's reader
            super().addObjects(doc)
            return
        state: Any = self.state.get(doc)  # reportlab's TTFont.State
        if state is None:
            return
        state.frozen = 1
        fonts = doc.idToObject["BasicFonts"].dict
        for n, subset in enumerate(state.subsets):
            internal = self.getSubsetInternalName(n, doc)[1:]
            base = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX))
            outlines = face.makeSubset(subset)
            font_file = Stream(outlines, b"/Length1 %d " % len(outlines))
            descriptor = Dictionary(self._descriptor_entries() + b" /FontName /" + base,
                                    [(b"/FontFile2", font_file)])
            to_unicode = Stream(_to_unicode_cmap(base, subset), compress=True)
            widths = " ".join(map(self._width_texts.__getitem__, subset)).encode("ascii")
            font = Dictionary(b"/Type /Font /Subtype /TrueType /Name /%s /BaseFont /%s "
                              b"/FirstChar 0 /LastChar %d /Widths [ %s ]"
                              % (internal.encode("ascii"), base, len(subset) - 1, widths),
                              [(b"/ToUnicode", to_unicode), (b"/FontDescriptor", descriptor)])
            doc.Reference(font, internal)
            fonts[internal] = font
        del self.state[doc]

    def _descriptor_entries(self) -> bytes:
        """The font descriptor's entries every subset shares (as reportlab writes them)."""
        entries = self._descriptor
        if not entries:
            face = self.face
            entries = self._descriptor = (
                f"/Type /FontDescriptor /Ascent {fp_str(face.ascent)} "
                f"/CapHeight {fp_str(face.capHeight)} /Descent {fp_str(face.descent)} "
                f"/Flags {(face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC} "
                f"/FontBBox [ {fp_str(*face.bbox)} ] /ItalicAngle {fp_str(face.italicAngle)} "
                f"/StemV {fp_str(face.stemV)} /MissingWidth {fp_str(face.defaultWidth)}"
            ).encode("ascii")
        return entries

    def __init__(self, name: str, filename: str, subfontIndex: int = 0) -> None:
        from weakref import WeakKeyDictionary

        self.fontName = name
        self.face = face = CjkFace(filename, validate=0, subfontIndex=subfontIndex)
        # each character's advance width as the font's /Widths array writes it
        self._width_texts = _Formatted(
            lambda code: fp_str(face.charWidths.get(code, face.defaultWidth)))
        self.encoding = TTEncoding()
        self.state: WeakKeyDictionary[object, object] = WeakKeyDictionary()
        # Codes in order of first use, none kept for unused ASCII: a subset (and its
        # embedded glyphs) holds only characters the document prints.
        self._asciiReadable = False
        self.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)


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
            pdfmetrics.registerFont(CjkFont(CJK_FONT, str(path), subfontIndex=_SUBFONT_PROPORTIONAL))
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
