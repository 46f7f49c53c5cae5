"""Build the desktop window's translations: Qt .ts sources and compiled .qm files, with Qt's tools.

    .venv/bin/python tools/build_translations.py           update .ts from ui/, compile .qm
    .venv/bin/python tools/build_translations.py --check   only check: exit 1 if a .ts misses a
                                                           text of ui/ or has one untranslated

The source texts in ui/ are English. `pyside6-lupdate` collects them into
resources/translations/complaint_desk_<locale>.ts, keeping every translation already
there; people translate in those files (Qt Linguist or an editor). Chinese holds every
text. English holds only the texts with a count (`-pluralonly`): "%n day(s) left" needs
"%n day left" / "%n days left", every other English text is its own translation and
Qt shows the source. `pyside6-lrelease -fail-on-unfinished` then compiles the .qm files
the app loads (both are committed), and stops at a text nobody has translated yet.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
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


def lupdate_command(locale: str, ts: Path) -> list[str]:
    only_plurals = ["-pluralonly"] if locale == "en" else []
    return [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *only_plurals,
            "-source-language", "en", "-target-language", locale, *sources(), "-ts", str(ts)]


def update(locale: str) -> None:
    subprocess.run(lupdate_command(locale, ts_path(locale)), cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def messages(path: Path) -> set[tuple[str, str, bool]]:
    """(context, source text, has plural forms) of every current message of a .ts file."""
    found = set()
    for context in ET.parse(path).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            found.add((name, message.findtext("source") or "", message.get("numerus") == "yes"))
    return found


def missing_texts(locale: str) -> set[tuple[str, str, bool]]:
    """Texts of ui/ that the committed .ts of `locale` does not hold (lupdate into a copy)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / ts_path(locale).name
        shutil.copyfile(ts_path(locale), copy)
        subprocess.run(lupdate_command(locale, copy), cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        return messages(copy) - messages(ts_path(locale))


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


def release(ts: Path, qm: Path) -> None:
    """Compile `ts` into `qm`; raises CalledProcessError if a text has no finished translation."""
    subprocess.run([tool("pyside6-lrelease"), "-silent", "-fail-on-unfinished", str(ts), "-qm", str(qm)],
                   check=True)


def check() -> int:
    problems = 0
    for locale in LOCALES:
        missing = sorted(missing_texts(locale))
        untranslated = unfinished(ts_path(locale))
        print(f"{locale}: {len(missing)} missing, {len(untranslated)} untranslated")
        for context, text, _ in missing[:50]:
            print(f"  missing {context}: {text!r}")
        for text in untranslated[:50]:
            print(f"  untranslated {text!r}")
        problems += len(missing) + len(untranslated)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Update and compile the window's translations.")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a text is missing or untranslated")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    OUT.mkdir(parents=True, exist_ok=True)
    for locale in LOCALES:
        update(locale)
    failed = 0
    for locale in LOCALES:
        untranslated = unfinished(ts_path(locale))
        print(f"{locale}: {len(untranslated)} untranslated")
        for text in untranslated[:50]:
            print(f"  {text!r}")
        try:
            release(ts_path(locale), ts_path(locale).with_suffix(".qm"))
        except subprocess.CalledProcessError:
            failed += 1
            print(f"{ts_path(locale).name}: translate the texts above, then run this again")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
