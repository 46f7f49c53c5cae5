"""Fixtures of the printing tests: a real profile with complaints in every state a document
needs (open, resolved, extended), the admin CLI run in-process, and an offscreen Qt."""

from __future__ import annotations

import os

# Before any Qt import: the preview and print tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from desktop.domain.model import Actor, Outcome
from desktop.services.complaints import extend_deadline, record_complaint, resolve
from desktop.services.context import ServiceContext
from tests.conftest import SettableClock
from tests.services.intakes import VALID_ID, sample_intake

FULL_ID = VALID_ID
FULL_PHONE = "13800138000"
# The customer dictated their ID and mobile number into the findings: paper masks them too.
FINDINGS = f"经查，客户（身份证{FULL_ID}，手机{FULL_PHONE}）反映的排队问题属实，系叫号系统故障所致。"
VERIFICATION = "调阅了叫号系统日志和营业厅监控录像。"
REMEDY = "向客户当面致歉并修复叫号系统"
BASIS = "营业厅服务须在叫号后十五分钟内受理，当日系统故障未能及时处理。"
BASIS_REFERENCE = "《营业厅服务规范》第3.2条"
EXTENSION_REASON = "需调取总行系统日志逐笔核对"


@dataclass(frozen=True)
class Cases:
    open_id: str
    open_reference: str
    resolved_id: str
    resolved_reference: str
    extended_id: str
    extended_reference: str


@pytest.fixture
def cases(ctx: ServiceContext, clock: SettableClock, teller: Actor, supervisor: Actor) -> Cases:
    """Three complaints received on the fixture's Monday: one left open, one resolved with
    compensation, one whose deadline a supervisor extended."""
    opened = record_complaint(ctx, teller, sample_intake())
    clock.advance(minutes=20)
    resolved = record_complaint(ctx, teller, sample_intake(description="柜台叫号系统失灵，排队两小时。"))
    clock.advance(hours=2)
    resolve(ctx, teller, resolved.complaint_id, outcome=Outcome.UPHELD, findings=FINDINGS,
            verification=VERIFICATION, basis=BASIS, basis_reference=BASIS_REFERENCE, remedy=REMEDY, compensation="200")
    extended = record_complaint(ctx, teller, sample_intake(request="要求查明原因并退还手续费。"))
    clock.advance(days=3)
    extend_deadline(ctx, teller, extended.complaint_id, reason=EXTENSION_REASON, approver=supervisor)
    return Cases(opened.complaint_id, opened.reference, resolved.complaint_id, resolved.reference,
                 extended.complaint_id, extended.reference)


@dataclass(frozen=True)
class CliRun:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str],
            monkeypatch: pytest.MonkeyPatch) -> Callable[..., CliRun]:
    """`complaint-desk <args>` in this process (the same parser and handlers as the script)."""
    from desktop.cli import main

    def run(*args: str, lang: str = "zh_CN") -> CliRun:
        monkeypatch.setenv("COMPLAINT_DESK_LANG", lang)
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse refusing the command line
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return CliRun(code, captured.out, captured.err)

    return run


# A real HQ on a loopback port and enrolled branch devices, for the day-end close.
from tests.sync.conftest import make_branch, sqlite_hq  # noqa: E402, F401
