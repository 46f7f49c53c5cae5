"""Build the desktop window's translations: Qt .ts sources and compiled .qm files.

    .venv/bin/python tools/build_translations.py           update .ts from ui/, compile .qm
    .venv/bin/python tools/build_translations.py --check   also fail if a text is untranslated

The source texts in ui/ are English. `pyside6-lupdate` (from the virtualenv) collects
them into resources/translations/complaint_desk_<locale>.ts, keeping every translation
already there; Chinese is translated by people in those files (Qt Linguist or an
editor). The English file is filled in here: each text is its own translation, and a
"%n day(s)" text becomes "%n day" / "%n days". `pyside6-lrelease` then compiles the
.qm files the app loads; both are committed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "ui"
OUT = ROOT / "resources" / "translations"
BASENAME = "complaint_desk"
LOCALES = ("zh_CN", "en")


def tool(name: str) -> str:
    """A Qt tool from the virtualenv this script runs in (falls back to PATH)."""
    candidate = Path(sys.executable).parent / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 into the virtualenv")
    return found


def ts_path(locale: str) -> Path:
    return OUT / f"{BASENAME}_{locale}.ts"


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def update(locale: str) -> None:
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", locale, *sources(),
                    "-ts", str(ts_path(locale).relative_to(ROOT))],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def english_plural(source: str) -> tuple[str, str]:
    """"%n day(s) left" → ("%n day left", "%n days left")."""
    return source.replace("(s)", ""), source.replace("(s)", "s")


def fill_english(path: Path) -> int:
    """Every English text translates to itself; returns how many were filled."""
    tree = ET.parse(path)
    filled = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            for text in english_plural(source):
                ET.SubElement(translation, "numerusform").text = text
        else:
            if translation.text == source and translation.get("type") is None:
                continue
            translation.text = source
        translation.attrib.pop("type", None)
        filled += 1
    _write(tree, path)
    return filled


def _write(tree: ET.ElementTree[ET.Element], path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def unfinished(path: Path) -> list[str]:
    """Source texts of `path` without a finished translation."""
    missing = []
    for message in ET.parse(path).iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            missing.append(message.findtext("source") or "")
            continue
        texts = [f.text for f in translation.findall("numerusform")] or [translation.text]
        if not all(t and t.strip() for t in texts):
            missing.append(message.findtext("source") or "")
    return missing


def release(locale: str) -> None:
    ts = ts_path(locale)
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                   check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Update and compile the window's translations.")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if any text has no finished translation")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    for locale in LOCALES:
        update(locale)
    fill_english(ts_path("en"))
    problems = 0
    for locale in LOCALES:
        release(locale)
        missing = unfinished(ts_path(locale))
        print(f"{locale}: {len(missing)} untranslated")
        if missing and args.check:
            problems += len(missing)
            for text in missing[:50]:
                print(f"  {text!r}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
