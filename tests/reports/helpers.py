"""Readers of the PDFs produced, shared by the report tests; the documents' data comes from
reports.samples (one source with the warm-up and the benchmarks)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from reports.samples import (
    FULL_ID,
    FULL_PHONE,
    REFERENCE,
    bank,
    customer,
    day_end_data,
    letter_data,
    notice_data,
    receipt_data,
    worklist,
)

__all__ = ["FULL_ID", "FULL_PHONE", "MM", "REFERENCE", "bank", "customer", "day_end_data",
           "flat", "fonts_of", "letter_data", "notice_data", "page_sizes", "page_texts",
           "pdftotext", "reader", "receipt_data", "text_of", "tool", "worklist"]

MM = 72 / 25.4


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(pdf).pages]


def text_of(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf))


def flat(text: str) -> str:
    """Text without any whitespace: line breaks and the spaces extractors add at them."""
    return "".join(text.split())


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader(pdf).pages]


def fonts_of(pdf: bytes) -> list[dict[str, Any]]:
    """Every font resource of every page: base name, subtype, embedded-file keys."""
    found = []
    for page in reader(pdf).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for ref in (fonts.get_object().values() if fonts else []):
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            keys = set(descriptor.get_object().keys()) if descriptor else set()
            found.append({"name": str(font.get("/BaseFont")), "subtype": str(font.get("/Subtype")),
                          "files": keys & {"/FontFile", "/FontFile2", "/FontFile3"}})
    return found


def tool(name: str) -> str | None:
    return shutil.which(name)


def pdftotext(pdf: bytes, tmp_path: Path, *, layout: bool = False) -> str:
    """Text as poppler's pdftotext reads it (the caller skips when the tool is absent)."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=60).stdout
