"""The service as a whole: its schema, its refusals, its database."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from desktop.i18n import catalogue
from desktop.sync.wire import API_PREFIX
from hq.app import create_app
from hq.db import make_engine
from hq.tables import Base
from tests.hq.conftest import LiveHq, _ThreadedServer, make_vault


def test_the_openapi_schema_is_published_with_every_endpoint(live_hq: LiveHq) -> None:
    schema = live_hq.client().get("/openapi.json").json()
    assert {f"{API_PREFIX}/{p}" for p in ("enroll", "events", "changes",
                                          "digest/{business_date}", "reference/{kind}")} \
        <= set(schema["paths"])
    push = schema["paths"][f"{API_PREFIX}/events"]["post"]
    assert push["requestBody"]["content"]["application/json"]["schema"]["$ref"] \
        == "#/components/schemas/PushRequest"
    assert "PushRequest" in schema["components"]["schemas"]


def test_unknown_addresses_and_methods_answer_with_an_error_response(live_hq: LiveHq) -> None:
    client = live_hq.client()
    missing = client.get("/api/v2/nothing")
    assert missing.status_code == 404 and missing.json()["code"] == "hq.not_found"
    wrong_method = client.delete(f"{API_PREFIX}/events")
    assert wrong_method.status_code == 405
    assert wrong_method.json()["code"] == "hq.method_not_allowed"


def test_a_bad_content_length_is_a_bad_request(live_hq: LiveHq) -> None:
    host, port = live_hq.base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as raw:
        raw.sendall(b"POST /api/v1/enroll HTTP/1.1\r\nHost: x\r\n"
                    b"Content-Length: 99999999999999999999\r\n\r\n")
        reply = raw.recv(4096)
    assert reply.split(b" ")[1] in (b"400", b"413")


def test_an_enroll_body_over_the_small_limit_is_refused(live_hq: LiveHq) -> None:
    answer = live_hq.client().post(f"{API_PREFIX}/enroll", content=b"x" * 70_000)
    assert answer.status_code == 413


def test_the_health_check_answers_when_the_database_is_reachable(live_hq: LiveHq) -> None:
    assert live_hq.client().get(f"{API_PREFIX}/health").json() == {"status": "ok"}


def test_an_unreachable_database_is_a_503_with_an_error_response(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/no/such/folder/hq.sqlite3")
    with _ThreadedServer(create_app(engine, make_vault(tmp_path))) as server:
        base = f"http://127.0.0.1:{server.port}"
        for answer in (httpx.get(f"{base}{API_PREFIX}/health"),
                       httpx.get(f"{base}{API_PREFIX}/changes",
                                 headers={"Authorization": "Bearer t"}),
                       httpx.post(f"{base}{API_PREFIX}/enroll",
                                  json={"code": "ABCD-EFGH", "device_name": "pc"})):
            assert answer.status_code == 503
            assert answer.json()["code"] == "hq.unavailable"
    engine.dispose()


def test_migrations_build_exactly_the_tables_the_code_uses(database_url: str) -> None:
    engine = make_engine(database_url)
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert differences == []


def test_every_hq_message_has_both_languages() -> None:
    english = {k for k in catalogue("en") if k.startswith("hq.")}
    chinese = {k for k in catalogue("zh_CN") if k.startswith("hq.")}
    assert english == chinese and english


def test_an_unexpected_failure_answers_with_an_error_response_not_a_traceback(
        tmp_path: Path) -> None:
    engine = create_engine("sqlite://")
    app = create_app(engine, make_vault(tmp_path))

    def broken() -> None:
        raise RuntimeError("secret detail 110101199003071234")

    app.add_api_route("/broken", broken)
    with _ThreadedServer(app) as server:
        answer = httpx.get(f"http://127.0.0.1:{server.port}/broken")
    assert answer.status_code == 500
    assert answer.json()["code"] == "hq.internal"
    assert "110101" not in answer.text and "Traceback" not in answer.text
