"""JSON Schemas of the reference-data files, generated from the pydantic models.

    .venv/bin/python tools/reference_schemas.py                 write resources/schemas/*.schema.json
    .venv/bin/python tools/reference_schemas.py --check         exit 1 if a committed schema is stale
    .venv/bin/python tools/reference_schemas.py check KIND FILE  check a file before publishing it

The models (`desktop/domain/reference_files.py`) are the one source; the schemas are
for HQ's publishers and their editors. `check` runs the same validation the desktop
program runs, including the rules a schema cannot say (a day both holiday and working
day, a rule list without a catch-all, an extra-field rule naming an unknown code).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.domain.errors import PolicyError  # noqa: E402
from desktop.domain.reference_files import FILES, check, json_schema  # noqa: E402

OUT = ROOT / "resources" / "schemas"


def schema_path(kind: str) -> Path:
    return OUT / f"{kind}.schema.json"


def schema_text(kind: str) -> str:
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_all() -> list[Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in FILES:
        schema_path(kind).write_text(schema_text(kind), encoding="utf-8")
        written.append(schema_path(kind))
    return written


def stale() -> list[str]:
    """Kinds whose committed schema differs from the one the models give."""
    return [kind for kind in FILES
            if not schema_path(kind).exists()
            or schema_path(kind).read_text(encoding="utf-8") != schema_text(kind)]


def check_file(kind: str, path: Path) -> str | None:
    """None when `path` is a valid `kind` file, else what is wrong (field paths)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return f"{path.name}: {exc}"
    try:
        check(FILES[kind], data, f"{kind}.invalid")
    except PolicyError as exc:
        return str(exc.params.get("detail", exc.code))
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write or check the reference-data JSON Schemas.")
    parser.add_argument("--check", action="store_true", help="exit 1 if a committed schema is stale")
    sub = parser.add_subparsers(dest="verb")
    one = sub.add_parser("check", help="check one reference file")
    one.add_argument("kind", choices=sorted(FILES))
    one.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    if args.verb == "check":
        problem = check_file(args.kind, args.file)
        print(problem or f"{args.file}: a valid {args.kind} file")
        return 1 if problem else 0
    if args.check:
        old = stale()
        for kind in old:
            print(f"{schema_path(kind).relative_to(ROOT)} is stale: run tools/reference_schemas.py")
        return 1 if old else 0
    for path in write_all():
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
