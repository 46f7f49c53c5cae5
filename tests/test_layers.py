"""The layers stay where the architecture puts them (docs/ARCHITECTURE.md).

Read from the source as written, not from what happens to be loaded: every import
statement counts, at the top of a module, inside a function or under TYPE_CHECKING.

- desktop/ is the core and imports no Qt and nothing of ui/ or hq/;
- ui/ reaches data through desktop/services: no SQL and no store rows (only the database
  worker and the context hold the store handle, desktop.store.db);
- reports/ turns plain data into PDF bytes: reportlab, the domain's values and texts, no
  services, store, security, sync, command line or Qt;
- desktop/security does not call up into the services (the actor is a domain value);
- no two modules of the project import each other, directly or round a loop.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("desktop", "ui", "reports", "hq")


@dataclass(frozen=True, slots=True)
class Import:
    module: str  # the importing module, dotted
    target: str  # what it names, dotted (a module, or a name inside one)
    line: int


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports_of(path: Path, module: str | None = None) -> list[Import]:
    module = module or _module_name(path)
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [Import(module, alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[:len(package) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found += [Import(module, f"{base}.{alias.name}", node.lineno) for alias in node.names]
    return found


def _sources(package: str) -> list[Path]:
    return sorted(p for p in (ROOT / package).rglob("*.py") if "migrations" not in p.parts)


ALL_IMPORTS = [imp for package in PACKAGES for path in _sources(package)
               for imp in _imports_of(path)]
MODULES = {_module_name(path) for package in PACKAGES for path in _sources(package)}


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _offences(importer: str, forbidden: tuple[str, ...],
              allowed: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    allowed = allowed or {}
    bad = []
    for imp in ALL_IMPORTS:
        if not _within(imp.module, importer):
            continue
        for prefix in forbidden:
            if _within(imp.target, prefix) and not any(
                    _within(imp.target, ok) for ok in allowed.get(imp.module, ())):
                bad.append(f"{imp.module}:{imp.line} imports {imp.target}")
    return bad


def test_the_core_imports_no_qt_and_no_screens_or_hq() -> None:
    assert _offences("desktop", ("PySide6", "shiboken6", "ui", "hq")) == []


def test_screens_reach_data_only_through_the_services() -> None:
    holders = ("desktop.store.db",)  # the store handle: opened for, and held by, the worker
    allowed = {"ui.context": holders, "ui.worker": holders, "ui.tasks": holders}
    assert _offences("ui", ("sqlalchemy", "alembic", "desktop.store"), allowed) == []


def test_reports_take_plain_data_and_give_pdf_bytes() -> None:
    forbidden = ("desktop.services", "desktop.store", "desktop.security", "desktop.sync",
                 "desktop.cli", "desktop.command_line", "desktop.profile", "desktop.demo",
                 "sqlalchemy", "PySide6", "shiboken6", "ui", "hq")
    assert _offences("reports", forbidden) == []


def test_security_does_not_call_up_into_the_services() -> None:
    assert _offences("desktop.security", ("desktop.services", "ui")) == []


def _owner(target: str) -> str | None:
    """The project module an import names (a name inside a module counts as the module)."""
    name = target
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def import_cycles(imports: list[Import]) -> list[list[str]]:
    """The groups of modules that import each other round a loop (Tarjan's strongly
    connected components), each sorted; a package importing its own submodule is no loop."""
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for imp in imports:
        owner = _owner(imp.target)
        if owner is not None and owner != imp.module and not _within(imp.module, owner):
            graph.setdefault(imp.module, set()).add(owner)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return cycles


def test_no_modules_import_each_other() -> None:
    assert import_cycles(ALL_IMPORTS) == []


@pytest.mark.parametrize(("importer", "forbidden", "source"), [
    ("reports", ("desktop.services",), "from desktop.services.cases import CaseDetail\n"),
    ("ui", ("sqlalchemy",), "def f():\n    from sqlalchemy import select\n"),
])
def test_the_rules_see_an_import_wherever_it_stands(tmp_path: Path, importer: str,
                                                   forbidden: tuple[str, ...], source: str) -> None:
    # A rule that can never fail proves nothing: the same reading finds a planted import.
    planted = tmp_path / "planted.py"
    planted.write_text(source, encoding="utf-8")
    found = [imp.target for imp in _imports_of(planted, f"{importer}.planted")]
    assert any(_within(t, f) for t in found for f in forbidden)


def test_a_loop_of_imports_is_found() -> None:
    loop = [Import("ui.categories", "ui.context.AppContext", 1),
            Import("ui.context", "ui.categories.shipped_taxonomy", 1)]
    assert import_cycles(loop) == [["ui.categories", "ui.context"]]
