"""The admin round every installed build must pass: init, seed, list, print a receipt.

The same steps run against the installed wheel, the .deb in a clean Debian root and the
Windows build under Wine; `run` says how to start the installed `complaint-desk`."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

from pypdf import PdfReader

Run = Callable[[Sequence[str]], subprocess.CompletedProcess[str]]


def admin_round(run: Run, profile: str, pdf: str, read_pdf: Callable[[], bytes]) -> str:
    """Set up a branch PC, seed 20 complaints, list them, print one receipt; returns the
    receipt's reference. `profile` and `pdf` are paths as the installed program sees them."""
    done = run(["admin", "init", "--branch", "bj009", "--branch-name", "安装测试支行",
                "--profile", profile])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "RECOVERY KEY" in done.stdout and "BJ009" in done.stdout
    done = run(["admin", "seed", "--complaints", "20", "--profile", profile])
    assert done.returncode == 0, done.stdout + done.stderr
    done = run(["admin", "list", "--json", "--profile", profile])
    assert done.returncode == 0, done.stdout + done.stderr
    rows = json.loads(done.stdout)
    assert len(rows) == 20
    reference = rows[0]["reference"]
    assert reference.startswith("BJ009")
    done = run(["admin", "print", "receipt", reference, "--pdf", pdf, "--lang", "zh_CN",
                "--profile", profile])
    assert done.returncode == 0, done.stdout + done.stderr
    text = pdf_text(read_pdf())
    assert reference in text
    assert "投诉受理回执" in text  # the CJK font and the zh_CN wording came with the build
    return reference


def pdf_text(data: bytes) -> str:
    import io

    assert data.startswith(b"%PDF"), data[:20]
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def read_file(path: Path) -> Callable[[], bytes]:
    return path.read_bytes
