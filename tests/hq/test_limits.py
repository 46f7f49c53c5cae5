"""Rate limits on failed enrollments and bad tokens, on a server of its own (the shared
test server does not rate-limit: refusal tests send many bad codes from one address)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from desktop.sync.wire import API_PREFIX
from hq.app import create_app
from hq.db import make_engine, migrate
from hq.limits import FailureLimit, TooManyRequests
from tests.hq.conftest import LiveHq, _ThreadedServer, make_vault


@pytest.fixture
def strict_hq(tmp_path: Path) -> Iterator[LiveHq]:
    url = f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    app = create_app(make_engine(url), make_vault(tmp_path), enroll_failures=3, bad_tokens=4)
    with _ThreadedServer(app) as server:
        live = LiveHq("sqlite", f"http://127.0.0.1:{server.port}", url, engine)
        yield live
        live.close()
    engine.dispose()


def _enroll(client: httpx.Client, code: str, address: str) -> httpx.Response:
    return client.post(f"{API_PREFIX}/enroll", headers={"X-Forwarded-For": address},
                       json={"code": code, "device_name": "pc",
                             "enrollment_nonce": uuid.uuid4().hex})


def test_guessing_enrollment_codes_is_stopped(strict_hq: LiveHq) -> None:
    client = strict_hq.client()
    real = strict_hq.enrollment_code(strict_hq.new_branch())
    answers = [_enroll(client, f"WRONG-CODE-{i:04d}", "203.0.113.7").status_code
               for i in range(3)]
    assert answers == [403, 403, 403]
    blocked = _enroll(client, real, "203.0.113.7")
    assert blocked.status_code == 429 and blocked.json()["code"] == "hq.rate_limited"
    assert int(blocked.headers["Retry-After"]) > 0
    # Another address is not held back, and a good enrollment never counts as a failure.
    assert _enroll(client, real, "198.51.100.9").status_code == 200


def test_bad_tokens_are_stopped(strict_hq: LiveHq) -> None:
    good = strict_hq.enroll()
    attacker = strict_hq.client("not-a-token")
    for _ in range(4):
        assert attacker.get(f"{API_PREFIX}/changes",
                            headers={"X-Forwarded-For": "203.0.113.8"}).status_code == 401
    blocked = attacker.get(f"{API_PREFIX}/changes", headers={"X-Forwarded-For": "203.0.113.8"})
    assert blocked.status_code == 429 and blocked.json()["code"] == "hq.rate_limited"
    assert good.client.get(f"{API_PREFIX}/changes").status_code == 200


def test_a_limit_opens_again_after_its_window() -> None:
    now = [0.0]
    limit = FailureLimit(2, window=60, clock=lambda: now[0])
    limit.failed("a")
    limit.failed("a")
    with pytest.raises(TooManyRequests):
        limit.check("a")
    now[0] = 61
    limit.check("a")
