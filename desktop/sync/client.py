"""The HTTP side of the HQ protocol (desktop/sync/wire.py): one call per endpoint,
retries with backoff and jitter, refusals turned into translated errors.

Retries cover what a retry can fix — a refused or dropped connection, a timeout,
HQ's 5xx — and never a 4xx, which means the request itself is wrong.
"""

from __future__ import annotations

import gzip
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import httpx
import pydantic

from desktop.domain.errors import DomainError
from desktop.sync.transport import (
    CertificateUntrusted,
    TransportSettings,
    check_address,
    untrusted_certificate,
)
from desktop.sync.transport import transport as https_transport
from desktop.sync.wire import (
    API_PREFIX,
    Change,
    DigestResponse,
    EnrollRequest,
    EnrollResponse,
    PushRequest,
    PushResponse,
    ReferenceDocument,
)

T = TypeVar("T")

USER_AGENT = "complaint-desk/0.1"


class HqUnreachable(DomainError):
    """HQ could not be reached (offline, refused, timed out); params: attempts."""

    code = "sync.unreachable"


class BadPage(DomainError):
    """HQ's answer to a pull is not a page at all (no cursor): nothing can be applied."""

    code = "sync.bad_page"


@dataclass(frozen=True, slots=True)
class UnreadableChange:
    """One change of a pull page that does not fit the wire schema; kept as it came."""

    seq: int
    content: Any
    problem: str


@dataclass(frozen=True, slots=True)
class PulledPage:
    """A pull page read change by change: one change this client cannot read is set
    aside in `unreadable` instead of failing the page (and with it every later sync)."""

    changes: list[Change]
    unreadable: list[UnreadableChange]
    next_cursor: int
    more: bool


def read_page(body: Any) -> PulledPage:
    """Parse a PullResponse body leniently. Raises BadPage when the envelope is broken."""
    if not isinstance(body, dict) or not isinstance(body.get("changes"), list):
        raise BadPage()
    cursor, more = body.get("next_cursor"), body.get("more")
    if not isinstance(cursor, int) or isinstance(cursor, bool) or cursor < 0 or not isinstance(more, bool):
        raise BadPage()
    changes: list[Change] = []
    unreadable: list[UnreadableChange] = []
    for raw in body["changes"]:
        try:
            changes.append(Change.model_validate(raw))
        except pydantic.ValidationError as exc:
            seq = raw.get("seq") if isinstance(raw, dict) else None
            first = exc.errors(include_input=False)[0]
            where = ".".join(str(part) for part in first.get("loc", ()))
            unreadable.append(UnreadableChange(seq if isinstance(seq, int) else cursor, raw,
                                               f"{where}: {first.get('type', '')}"[:200]))
    return PulledPage(changes, unreadable, cursor, more)


class HqRefused(DomainError):
    """HQ answered with an error; `status` is the HTTP status and `code` HQ's message code."""

    def __init__(self, status: int, code: str, params: dict[str, Any] | None = None) -> None:
        self.status = status
        super().__init__(code, **(params or {}))


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 30.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Full jitter: a random wait up to the exponential bound, so that 500 branches
        coming back online do not knock on HQ's door in step."""
        return rng.uniform(0, min(self.max_delay, self.base_delay * (2 ** attempt)))


class HqClient:
    """A device's connection to HQ. `token` is None only for enrollment."""

    def __init__(self, base_url: str, token: str | None = None, *, timeout: float = 30.0,
                 retry: RetryPolicy | None = None, sleep: Callable[[float], None] = time.sleep,
                 rng: random.Random | None = None,
                 transport: TransportSettings | None = None) -> None:
        """Raises InsecureHqAddress for http:// to another computer (unless the transport
        settings allow it), CaBundleUnreadable / BadHqAddress for unusable settings."""
        settings = transport or TransportSettings()
        check_address(base_url, settings)
        headers = {"User-Agent": USER_AGENT}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._host = httpx.URL(base_url).host
        self._http = httpx.Client(base_url=base_url.rstrip("/"), headers=headers, timeout=timeout,
                                  transport=https_transport(settings))
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self._rng = rng or random.Random()
        # HQ's time from the Date header of its last answer: a better time than this PC's
        # clock for bounding remote stamps, and how a wrong PC clock is noticed.
        self.hq_time: datetime | None = None

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> HqClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _call(self, send: Callable[[], httpx.Response], parse: Callable[[Any], T]) -> T:
        last: Exception | None = None
        for attempt in range(self.retry.attempts):
            try:
                response = send()
            except httpx.TransportError as exc:  # refused, reset, timed out
                if untrusted_certificate(exc):  # no retry can fix that
                    raise CertificateUntrusted(host=self._host) from None
                last = exc
            else:
                self._note_hq_time(response)
                if response.status_code < 400:
                    return parse(response.json())
                if response.status_code < 500:
                    raise _refusal(response)
                last = _refusal(response)
            if attempt + 1 < self.retry.attempts:
                self._sleep(self.retry.delay(attempt, self._rng))
        if isinstance(last, HqRefused):
            raise last
        raise HqUnreachable(attempts=self.retry.attempts)

    def _note_hq_time(self, response: httpx.Response) -> None:
        try:
            when = parsedate_to_datetime(response.headers.get("date", ""))
        except (TypeError, ValueError, IndexError):
            return
        if when.tzinfo is not None:
            self.hq_time = when

    def enroll(self, request: EnrollRequest) -> EnrollResponse:
        body = request.model_dump(mode="json")
        return self._call(lambda: self._http.post(f"{API_PREFIX}/enroll", json=body),
                          EnrollResponse.model_validate)

    def push(self, request: PushRequest) -> PushResponse:
        body = gzip.compress(request.model_dump_json().encode("utf-8"), compresslevel=5)
        headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        return self._call(lambda: self._http.post(f"{API_PREFIX}/events", content=body, headers=headers),
                          PushResponse.model_validate)

    def pull(self, since: int, limit: int) -> PulledPage:
        params = {"since": since, "limit": limit}
        return self._call(lambda: self._http.get(f"{API_PREFIX}/changes", params=params),
                          read_page)

    def digest(self, business_date: date) -> DigestResponse:
        return self._call(lambda: self._http.get(f"{API_PREFIX}/digest/{business_date.isoformat()}"),
                          DigestResponse.model_validate)

    def reference(self, kind: str) -> ReferenceDocument:
        return self._call(lambda: self._http.get(f"{API_PREFIX}/reference/{kind}"),
                          ReferenceDocument.model_validate)

    def reachable(self) -> bool:
        """One quick look at HQ's health endpoint, without retries."""
        try:
            return self._http.get(f"{API_PREFIX}/health", timeout=3.0).status_code == 200
        except httpx.HTTPError as exc:
            if untrusted_certificate(exc):
                raise CertificateUntrusted(host=self._host) from None
            return False


def _refusal(response: httpx.Response) -> HqRefused:
    try:
        body = response.json()
        code = str(body.get("code") or "sync.refused")
        params = body.get("params") if isinstance(body.get("params"), dict) else {}
    except (ValueError, AttributeError):
        code, params = "sync.refused", {}
    params = {**params, "status": response.status_code}
    return HqRefused(response.status_code, code, params)
