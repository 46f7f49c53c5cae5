"""`complaint-desk-hq`: the verbs an HQ administrator types."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from desktop.sync.wire import API_PREFIX
from hq.cli import main
from tests.hq.conftest import LiveHq

ROOT = Path(__file__).resolve().parents[2]
SUMMARY = "We checked the call recording: the fee was explained to you before you agreed."


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMPLAINT_DESK_LANG", "en")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'hq.sqlite3'}"


def test_an_admin_sets_up_a_branch_and_hands_out_an_enrollment_code(
    capsys: pytest.CaptureFixture[str], db: str,
) -> None:
    assert run(capsys, "branch", "add", "BJ001", "--name", "北京朝阳支行", "--database", db)[0] == 0
    code, out, _ = run(capsys, "branch", "list", "--database", db)
    assert code == 0 and out.strip() == "BJ001\t北京朝阳支行"
    code, out, _ = run(capsys, "enrollment-code", "BJ001", "--database", db)
    assert code == 0
    assert len(out.strip().split("-")) == 4


def test_errors_are_one_line_on_stderr_with_a_nonzero_exit(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path,
) -> None:
    run(capsys, "branch", "add", "BJ001", "--name", "x", "--database", db)
    cases = [
        ("branch", "add", "BJ001", "--name", "again", "--database", db),
        ("enrollment-code", "NOPE", "--database", db),
        ("revoke", "NOPE-001", "--database", db),
        ("publish", "policy", str(tmp_path / "missing.json"), "--database", db),
        ("decide", "R-1", "--branch", "B1", "--outcome", "upheld", "--findings", "f",
         "--verification", "v", "--customer-summary", "s",
         "--database", db),
        ("branch", "list", "--database", "nonsense://"),
        ("branch", "list", "--database", "postgresql://nobody@127.0.0.1:1/none"),
    ]
    for argv in cases:
        code, _out, err = run(capsys, *argv)
        assert code == 1, argv
        assert err.count("\n") == 1 and err.startswith("complaint-desk-hq: "), (argv, err)
        assert "Traceback" not in err


def test_a_wrong_command_line_is_exit_code_2_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["publish", "horoscope", "x.json"])
    assert exited.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_help_explains_every_verb(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for verb in ("serve", "migrate", "branch", "enrollment-code", "devices", "revoke",
                 "publish", "decide"):
        assert verb in out
    with pytest.raises(SystemExit):
        main(["decide", "--help"])
    assert "--outcome" in capsys.readouterr().out


def test_publish_refuses_a_file_that_is_not_json(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path,
) -> None:
    bad = tmp_path / "policy.json"
    bad.write_text("{ not json", encoding="utf-8")
    code, _, err = run(capsys, "publish", "policy", str(bad), "--database", db)
    assert code == 1 and "not a UTF-8 JSON file" in err


def test_published_documents_and_revocations_reach_a_live_server(
    capsys: pytest.CaptureFixture[str], live_hq: LiveHq, tmp_path: Path,
) -> None:
    device = live_hq.enroll()
    taxonomy = tmp_path / "taxonomy.json"
    taxonomy.write_text(json.dumps({"business_types": ["loans"]}), encoding="utf-8")
    code, out, err = run(capsys, "publish", "taxonomy", str(taxonomy),
                         "--database", live_hq.database_url)
    assert code == 0, err
    fetched = device.client.get(f"{API_PREFIX}/reference/taxonomy").json()
    assert fetched["content"] == {"business_types": ["loans"]}

    code, out, _ = run(capsys, "devices", device.info.branch_code,
                       "--database", live_hq.database_url)
    assert out.startswith(device.info.device_id) and "active" in out
    assert run(capsys, "revoke", device.info.device_id,
               "--database", live_hq.database_url)[0] == 0
    assert device.client.get(f"{API_PREFIX}/changes").status_code == 403


def test_serve_runs_the_service_with_the_given_database(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "COMPLAINT_DESK_LANG": "en"}
    db = f"sqlite:///{tmp_path / 'served.sqlite3'}"
    server = subprocess.Popen(
        [sys.executable, "-m", "hq", "serve", "--database", db, "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        health = None
        for _ in range(100):
            try:
                health = httpx.get(f"http://127.0.0.1:{port}{API_PREFIX}/health", timeout=1)
                break
            except httpx.TransportError:
                if server.poll() is not None:
                    break
                time.sleep(0.1)
        assert health is not None and health.status_code == 200
        busy = subprocess.run(
            [sys.executable, "-m", "hq", "serve", "--database", db, "--port", str(port)],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
        )
        assert busy.returncode == 1
        assert busy.stderr.strip().count("\n") == 0 and "in use" in busy.stderr
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_the_decide_verb_writes_a_decision_the_branch_pulls(
    capsys: pytest.CaptureFixture[str], live_hq: LiveHq,
) -> None:
    from tests.hq.test_pull import _escalated_case

    device = live_hq.enroll()
    _, reference = _escalated_case(device)
    code, _out, err = run(capsys, "decide", reference, "--branch", device.info.branch_code,
                          "--outcome", "not_upheld",
                          "--findings", "no fault found", "--verification", "call recording",
                          "--customer-summary", SUMMARY,
                          "--database", live_hq.database_url)
    assert code == 0, err
    colleague = live_hq.enroll(device.info.branch_code)
    changes, _ = colleague.pull_all()
    events = [c["event"] for c in changes if c["type"] == "event"]
    assert events[-1]["kind"] == "hq_decision"
    assert events[-1]["payload"]["customer_summary"] == SUMMARY  # what the letter prints


def test_the_decide_verb_needs_the_customer_summary_and_refuses_a_blank_one(
    capsys: pytest.CaptureFixture[str], live_hq: LiveHq,
) -> None:
    from tests.hq.test_pull import _escalated_case

    device = live_hq.enroll()
    _, reference = _escalated_case(device)
    decide = ("decide", reference, "--branch", device.info.branch_code, "--outcome", "upheld",
              "--findings", "f", "--verification", "v", "--database", live_hq.database_url)
    with pytest.raises(SystemExit) as missing:
        main(list(decide))
    assert missing.value.code == 2 and "--customer-summary" in capsys.readouterr().err
    code, _out, err = run(capsys, *decide, "--customer-summary", "  ")
    assert code != 0 and "customer's letter" in err
    colleague = live_hq.enroll(device.info.branch_code)
    changes, _ = colleague.pull_all()
    assert "hq_decision" not in [c["event"]["kind"] for c in changes if c["type"] == "event"]
