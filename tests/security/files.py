"""Small real files of each type for attachment tests, made here rather than shipped."""

from __future__ import annotations

import struct
import zlib


def png_bytes(text_chunk: bytes = b"") -> bytes:
    """A valid 1×1 PNG, with `text_chunk` (if any) in a tEXt chunk so tests can look for it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    parts = [b"\x89PNG\r\n\x1a\n",
             chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))]
    if text_chunk:
        parts.append(chunk(b"tEXt", b"Comment\x00" + text_chunk))
    parts += [chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")), chunk(b"IEND", b"")]
    return b"".join(parts)


def pdf_bytes() -> bytes:
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def jpeg_bytes() -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def tiff_bytes(big_endian: bool = False) -> bytes:
    head = b"MM\x00*\x00\x00\x00\x08" if big_endian else b"II*\x00\x08\x00\x00\x00"
    return head + b"\x00\x00" + b"\x00" * 4
