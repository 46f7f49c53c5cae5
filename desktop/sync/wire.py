"""The wire schema between a branch device and HQ (docs/ARCHITECTURE.md §5), shared by both sides.

JSON over HTTPS. Every request but enrollment carries `Authorization: Bearer <device token>`.

  POST /api/v1/enroll            EnrollRequest   -> EnrollResponse
  POST /api/v1/events            PushRequest     -> PushResponse      (idempotent)
  GET  /api/v1/changes?since=N&limit=M           -> PullResponse
  GET  /api/v1/digest/{business_date}            -> DigestResponse
  GET  /api/v1/reference/{kind}                  -> ReferenceDocument

Every refusal is a 4xx (503 when HQ's database is unreachable: retry later) whose
body is an ErrorResponse: a stable `code` the client translates (resources/i18n/*/hq.json),
an English `message`, and `params` for the message placeholders. The full contract
(status codes, retries, cursors, gzip) is in hq/README.md.

Rules a client relies on:
- Enrollment: send a random `enrollment_nonce` and keep it until the answer arrives;
  repeating the SAME request (code, nonce, device name) within ENROLL_RETRY_WINDOW
  returns the same device with a fresh token, anyone else reusing the code gets 409.
- Push: at most MAX_EVENTS_PER_BATCH events and MAX_PUSH_BODY_BYTES per body (after
  gzip is undone; send `Content-Encoding: gzip` to compress). Events of one device go
  in the order they were written; a device's first event links to chain.GENESIS. The
  same `batch_key` with the same events returns the first answer again; the same events
  under a new key count as duplicates. Nothing of a refused batch is stored.
- Pull: `since` is the last `next_cursor` applied (0 at first); keep asking while `more`.
  A page may hold reference documents, HQ decisions and other devices' events of the
  branch, never the asking device's own events.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from desktop.domain.model import Event, EventKind, Role

API_PREFIX = "/api/v1"
MAX_EVENTS_PER_BATCH = 2000
REFERENCE_KINDS = ("taxonomy", "policy", "calendar", "letter_templates", "roster")
MAX_PUSH_BODY_BYTES = 16 * 1024 * 1024
DEFAULT_PULL_LIMIT = 500
MAX_PULL_LIMIT = 5000
ENROLL_RETRY_WINDOW_SECONDS = 3600
HQ_DEVICE_ID = "HQ"  # the device id of events HQ writes (decisions on escalated cases)


class WireModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EventWire(WireModel):
    id: str = Field(min_length=1, max_length=64)
    complaint_id: str = Field(min_length=1, max_length=64)
    kind: EventKind
    payload: dict[str, Any]
    actor: str = Field(max_length=64)
    actor_role: Role
    device_id: str = Field(min_length=1, max_length=64)
    branch_code: str = Field(min_length=1, max_length=32)
    hlc: str = Field(pattern=r"^\d{15}\.\d{5}$")
    occurred_at: datetime
    business_date: date
    prev_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")

    @classmethod
    def from_event(cls, ev: Event) -> EventWire:
        return cls(
            id=ev.id, complaint_id=ev.complaint_id, kind=ev.kind, payload=ev.payload,
            actor=ev.actor, actor_role=ev.actor_role, device_id=ev.device_id,
            branch_code=ev.branch_code, hlc=ev.hlc, occurred_at=ev.occurred_at,
            business_date=ev.business_date, prev_hash=ev.prev_hash, hash=ev.hash,
        )

    def to_event(self) -> Event:
        return Event(
            id=self.id, complaint_id=self.complaint_id, kind=self.kind, payload=dict(self.payload),
            actor=self.actor, actor_role=self.actor_role, device_id=self.device_id,
            branch_code=self.branch_code, hlc=self.hlc, occurred_at=self.occurred_at,
            business_date=self.business_date, prev_hash=self.prev_hash, hash=self.hash,
        )


class EnrollRequest(WireModel):
    code: str = Field(min_length=8, max_length=128)
    device_name: str = Field(min_length=1, max_length=128)
    # Random, made once per enrollment attempt by the device and kept until the answer
    # arrives, so a retry after a lost answer is recognised as the same request.
    enrollment_nonce: str | None = Field(
        default=None, min_length=16, max_length=128, pattern=r"^[A-Za-z0-9_-]+$"
    )


class EnrollResponse(WireModel):
    device_id: str
    device_number: int
    branch_code: str
    branch_name: str
    token: str


class PushRequest(WireModel):
    batch_key: str = Field(min_length=8, max_length=128)
    events: list[EventWire] = Field(max_length=MAX_EVENTS_PER_BATCH)


class PushResponse(WireModel):
    accepted: int
    duplicates: int


class Change(WireModel):
    seq: int
    type: Literal["event", "reference"]
    event: EventWire | None = None
    reference_kind: str | None = None
    reference_version: int | None = None
    reference_content: Any = None


class PullResponse(WireModel):
    changes: list[Change]
    next_cursor: int
    more: bool


class DigestResponse(WireModel):
    branch_code: str
    business_date: date
    count: int
    hash: str


class ReferenceDocument(WireModel):
    kind: str
    version: int
    content: Any


class ErrorResponse(WireModel):
    code: str
    message: str
    # Values for the placeholders of the message of `code` (never identity data).
    params: dict[str, str | int] = Field(default_factory=dict)
