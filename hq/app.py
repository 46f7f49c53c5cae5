"""The HQ HTTP service (FastAPI): the endpoints of desktop.sync.wire, and the one place
where errors become ErrorResponse bodies. The app keeps no state of its own beyond an
engine, so any number of workers can serve behind a load balancer.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Annotated, Any

import pydantic
from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    IntegrityError,
    InterfaceError,
    OperationalError,
)
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import ClientDisconnect

from desktop.domain.chain import parse_json
from desktop.domain.errors import DomainError
from desktop.logs import AccessLogPaths, IdentityMask
from desktop.sync.wire import (
    API_PREFIX,
    DEFAULT_PULL_LIMIT,
    MAX_PULL_LIMIT,
    MAX_PUSH_BODY_BYTES,
    DigestResponse,
    EnrollRequest,
    EnrollResponse,
    ErrorResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    ReferenceDocument,
)
from hq import changes, enrollment, ingest
from hq.console import mount_console
from hq.console.web import DEFAULT_TIME_ZONE
from hq.db import make_engine
from hq.enrollment import Device
from hq.errors import (
    BodyTooLarge,
    Conflict,
    Forbidden,
    HqError,
    InvalidRequest,
    MalformedRequest,
    NotAuthenticated,
    Unavailable,
)
from hq.http_body import BodyLimitMiddleware, decode_body
from hq.limits import BAD_TOKENS, ENROLL_FAILURES, FailureLimit, TooManyRequests
from hq.openapi import publish_push_schema
from hq.vault import KEYS_ENV, Vault, open_key_store

log = logging.getLogger("hq")
DATABASE_ENV = "COMPLAINT_DESK_HQ_DATABASE"
TIME_ZONE_ENV = "COMPLAINT_DESK_HQ_TIME_ZONE"
MAX_CURSOR = 2**63 - 1
Clock = Callable[[], datetime]

_bearer = HTTPBearer(auto_error=False, description="The device token from enrollment")


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorResponse} for status in statuses}


def _error_response(error: HqError | DomainError, status: int) -> JSONResponse:
    params = error.wire_params() if isinstance(error, HqError) else {}
    body = ErrorResponse(code=error.code, message=error.message("en"), params=params)
    return JSONResponse(body.model_dump(), status_code=status)


def client_address(request: Request) -> str:
    return request.client.host if request.client else "-"


def current_device(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Device:
    """The device the bearer token belongs to (401 without a valid one, 403 if revoked,
    429 after too many bad tokens from one address)."""
    engine: Engine = request.app.state.engine
    bad_tokens: FailureLimit = request.app.state.bad_tokens
    address = client_address(request)
    bad_tokens.check(address)
    try:
        with engine.begin() as conn:
            return enrollment.authenticate(conn, credentials.credentials if credentials else None)
    except NotAuthenticated:
        bad_tokens.failed(address)
        raise


CurrentDevice = Annotated[Device, Depends(current_device)]


def invalid_from(errors: list[Any]) -> HqError:
    """A 400 for JSON that does not parse, else a 422 naming the first field at fault.
    Only locations and pydantic's messages go out: never the input values."""
    if any(e.get("type") == "json_invalid" for e in errors):
        return MalformedRequest("hq.request.malformed")
    first = errors[0] if errors else {}
    field = ".".join(str(part) for part in first.get("loc", ())) or "-"
    return InvalidRequest("hq.request.invalid", field=field[:200],
                          problem=str(first.get("msg", ""))[:200])


def parse_push(body: bytes) -> tuple[PushRequest, bool]:
    """The push request in `body` and whether its JSON held a float (hq.ingest.check_events
    takes the exact slow way then); a JSON object with a key twice is refused (400), as
    different readers would take different values from it."""
    try:
        data, floats = parse_json(body, object_pairs_hook=_unique_keys)
    except DuplicateKey:
        raise MalformedRequest("hq.request.duplicate_key") from None
    except (ValueError, RecursionError):
        raise MalformedRequest("hq.request.malformed") from None
    try:
        return PushRequest.model_validate(data), floats
    except pydantic.ValidationError as exc:
        raise invalid_from(exc.errors(include_input=False)) from None


class DuplicateKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise DuplicateKey()
    return result


def create_app(engine: Engine, vault: Vault, *, clock: Clock = _utc_now,
               enroll_failures: int = ENROLL_FAILURES, bad_tokens: int = BAD_TOKENS,
               time_zone: str = DEFAULT_TIME_ZONE) -> FastAPI:
    """The HQ app over `engine` (already migrated: see hq.db.migrate), keeping identity
    data encrypted with `vault`; the console shows times in `time_zone` (the bank's)."""
    app = FastAPI(
        title="Complaint Desk HQ", version="1",
        description="The sync service branch devices talk to (see desktop/sync/wire.py).",
    )
    app.state.engine = engine
    app.state.vault = vault
    app.state.enroll_failures = FailureLimit(enroll_failures)
    app.state.bad_tokens = FailureLimit(bad_tokens)

    @contextmanager
    def transaction() -> Iterator[Connection]:
        with engine.begin() as conn:
            yield conn

    auth_errors = (401, 403, 422, 429, 503)

    @app.post(f"{API_PREFIX}/enroll", response_model=EnrollResponse,
              responses=_errors(400, 403, 409, 413, 422, 429, 503), tags=["sync"])
    def enroll(request: EnrollRequest, http: Request) -> EnrollResponse:
        """Exchange a one-time enrollment code for a device token (see EnrollRequest)."""
        limit: FailureLimit = app.state.enroll_failures
        address = client_address(http)
        limit.check(address)
        try:
            with transaction() as conn:
                return enrollment.enroll(conn, request, clock())
        except (Forbidden, Conflict):
            limit.failed(address)
            raise

    @app.post(
        f"{API_PREFIX}/events", response_model=PushResponse, tags=["sync"],
        responses=_errors(400, 401, 403, 409, 413, 415, 422, 429, 503),
        openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/PushRequest"}}}}},
    )
    async def push(request: Request, device: CurrentDevice) -> PushResponse:
        """Store a batch of the device's events, idempotently (gzip bodies welcome)."""
        raw = await request.body()
        encoding = request.headers.get("content-encoding")
        return await run_in_threadpool(_store_push, device, raw, encoding)

    def _store_push(device: Device, raw: bytes, encoding: str | None) -> PushResponse:
        # Off the event loop: gunzip, parsing and checks take time in proportion to the body.
        batch, floats = parse_push(decode_body(raw, encoding, MAX_PUSH_BODY_BYTES))
        checked = ingest.check_events(device, batch, floats=floats)
        ingest.check_clocks(batch, clock())
        with transaction() as conn:
            return ingest.store_batch(conn, device, batch.batch_key, checked, clock(), vault)

    @app.get(f"{API_PREFIX}/changes", response_model=PullResponse, responses=_errors(*auth_errors),
             tags=["sync"])
    def pull(
        device: CurrentDevice,
        since: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
    ) -> Response:
        """Changes after `since` for the device: other devices' events of its branch,
        HQ decisions, reference documents; keep asking with `next_cursor` while `more`."""
        with transaction() as conn:
            page = changes.pull_page(conn, device, since, limit, vault)
        return Response(page, media_type="application/json")

    @app.get(f"{API_PREFIX}/digest/{{business_date}}", response_model=DigestResponse,
             responses=_errors(*auth_errors), tags=["sync"])
    def digest(device: CurrentDevice, business_date: date) -> DigestResponse:
        """Count and hash of the event ids HQ holds for the branch and business date."""
        with transaction() as conn:
            return changes.day_digest(conn, device, business_date)

    @app.get(f"{API_PREFIX}/reference/{{kind}}", response_model=ReferenceDocument,
             responses=_errors(*auth_errors, 404), tags=["sync"])
    def reference(
        device: CurrentDevice, kind: Annotated[str, Path(min_length=1, max_length=64)],
    ) -> ReferenceDocument:
        """The newest published version of a reference document (taxonomy, policy, ...)."""
        with transaction() as conn:
            return changes.latest_reference(conn, kind, device.branch_code)

    @app.get(f"{API_PREFIX}/health", responses=_errors(503), tags=["operations"])
    def health() -> dict[str, str]:
        """For the load balancer: 200 when this worker can reach the database."""
        with transaction() as conn:
            conn.execute(text("SELECT 1"))
        return {"status": "ok"}

    mount_console(app, clock, time_zone)
    _install_error_handlers(app)
    app.add_middleware(GZipMiddleware, minimum_size=4096, compresslevel=5)
    app.add_middleware(BodyLimitMiddleware)
    publish_push_schema(app)
    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ClientDisconnect)
    async def gone(request: Request, _exc: ClientDisconnect) -> Response:
        # A dropped line is the network's doing, not HQ's: one line, no traceback. Nothing
        # was stored (a push is stored whole or not at all); the device sends it again.
        log.info("client disconnected before its request arrived: %s %s",
                 request.method, request.url.path)
        return Response(status_code=400)

    @app.exception_handler(HqError)
    async def refused(_request: Request, exc: HqError) -> JSONResponse:
        response = _error_response(exc, exc.status)
        if isinstance(exc, TooManyRequests):
            response.headers["Retry-After"] = str(exc.params.get("seconds", 60))
        return response

    @app.exception_handler(DomainError)
    async def domain_refused(_request: Request, exc: DomainError) -> JSONResponse:
        return _error_response(exc, 422)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        error = invalid_from(list(exc.errors()))
        return _error_response(error, error.status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if isinstance(exc.__cause__, BodyTooLarge):
            return _error_response(exc.__cause__, 413)
        codes = {404: "hq.not_found", 405: "hq.method_not_allowed"}
        error = HqError(codes.get(exc.status_code, "hq.request.malformed"))
        status = exc.status_code if 400 <= exc.status_code < 500 else 400
        return _error_response(error, status)

    @app.exception_handler(DBAPIError)
    async def database_error(_request: Request, exc: DBAPIError) -> JSONResponse:
        # Parameters are hidden by the engine, so the log holds no identity data.
        if isinstance(exc, IntegrityError):
            return _error_response(Conflict("hq.conflict"), 409)
        if isinstance(exc, DataError):
            return _error_response(InvalidRequest("hq.request.unstorable"), 422)
        if isinstance(exc, OperationalError | InterfaceError):
            log.error("database unavailable: %s", type(exc).__name__)
            return _error_response(Unavailable(), 503)
        log.exception("database refused a statement HQ wrote")
        return _error_response(HqError("hq.internal"), 500)

    @app.exception_handler(Exception)
    async def crashed(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error while answering a request")
        return _error_response(HqError("hq.internal"), 500)


def quiet_access_log() -> None:
    """uvicorn's access log without query strings (a console search carries an ID number,
    phone or name there) and with identity masked; its error log masked too."""
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, AccessLogPaths) for f in access.filters):
        access.addFilter(AccessLogPaths())
    errors = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, IdentityMask) for f in errors.filters):
        errors.addFilter(IdentityMask())


def app_from_environment() -> FastAPI:
    """The app factory uvicorn workers call (`hq.app:app_from_environment`, factory=True):
    the database URL comes from COMPLAINT_DESK_HQ_DATABASE, set by `complaint-desk-hq serve`."""
    url = os.environ.get(DATABASE_ENV)
    if not url:
        raise RuntimeError(f"{DATABASE_ENV} is not set")
    pool = int(os.environ.get("COMPLAINT_DESK_HQ_POOL", "5"))
    quiet_access_log()
    keys = open_key_store(os.environ.get(KEYS_ENV))
    app = create_app(make_engine(url, pool_size=pool), Vault(keys),
                     time_zone=os.environ.get(TIME_ZONE_ENV) or DEFAULT_TIME_ZONE)
    _tune_collector()
    return app


# A push batch makes some 150,000 objects that live until it is stored: with the default
# threshold (700) the cyclic collector runs hundreds of times per 10,000 events and
# walks the batch again each time (a fifth of a push's time, in the profile).
GC_THRESHOLDS = (20_000, 20, 10)


def _tune_collector() -> None:
    """For a serving worker: what the app and its libraries hold for the life of the process
    is moved out of the collector's sight, and it runs less often (hq serve only)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
