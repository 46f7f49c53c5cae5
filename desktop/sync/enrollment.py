"""Enrolling this PC with HQ as a device of its branch, and the device token's keeping.

The token lives in the profile's keyring entry, never in the database or a file.
The enrollment nonce is saved before the request leaves, so a retry after a lost
answer is the same request and HQ hands back the same device instead of refusing
the already-used code.
"""

from __future__ import annotations

import secrets
import socket
from typing import Any

from sqlalchemy import func, select

from desktop.domain.chain import GENESIS
from desktop.domain.errors import DomainError
from desktop.services.context import load_context, set_up_device
from desktop.store.db import Store
from desktop.store.events import CHAIN_HEAD_KEY, get_setting, put_setting
from desktop.store.models import EventRow
from desktop.sync.client import HqClient
from desktop.sync.wire import EnrollRequest, EnrollResponse

TOKEN_NAME = "hq-device-token"
NONCE_KEY = "enroll_nonce"
HQ_URL_KEY = "hq_url"


class NotEnrolled(DomainError):
    code = "sync.not_enrolled"


class EnrollAfterWork(DomainError):
    """Unsent events exist under this profile's present device id (params: count)."""

    code = "sync.enroll_after_work"


class NoKeyring(DomainError):
    code = "sync.no_token_store"


def _slot(store: Store) -> Any:
    secrets_access = getattr(store, "secrets", None)
    if secrets_access is None:
        raise NoKeyring()
    return secrets_access.slot


def device_token(store: Store) -> str:
    token: str | None = _slot(store).get(TOKEN_NAME)
    if not token:
        raise NotEnrolled()
    return token


def hq_url(store: Store, override: str | None = None) -> str:
    if override:
        return override
    with store.read() as s:
        url = get_setting(s, HQ_URL_KEY)
    if not url:
        raise NotEnrolled()
    return url


def enroll(store: Store, url: str, code: str, *, device_name: str | None = None,
           client: HqClient | None = None) -> EnrollResponse:
    """Exchange a one-time enrollment code for a device token and set this profile up as
    that device. Raises EnrollAfterWork if this profile already wrote events as another
    device, HqRefused / HqUnreachable from HQ (a retry of the same call is safe)."""
    with store.read() as s:
        local_device = get_setting(s, "device_id")
        unsent = int(s.scalar(select(func.count()).select_from(EventRow)
                              .where(EventRow.origin == "local", EventRow.sent.is_(False))) or 0)
        nonce = get_setting(s, NONCE_KEY)
    if unsent:
        # They carry this profile's present device id; HQ would refuse them under a new one.
        raise EnrollAfterWork(count=unsent)
    if not nonce:
        nonce = secrets.token_urlsafe(24)
        with store.write() as s:
            put_setting(s, NONCE_KEY, nonce)
    request = EnrollRequest(code=code.strip(), device_name=(device_name or socket.gethostname())[:128],
                            enrollment_nonce=nonce)
    own = client is None
    http = client or HqClient(url)
    try:
        answer = http.enroll(request)
    finally:
        if own:
            http.close()
    _slot(store).put(TOKEN_NAME, answer.token)
    set_up_device(store, branch_code=answer.branch_code, branch_name=answer.branch_name,
                  device_number=answer.device_number, device_id=answer.device_id,
                  **_keep_policy(store))
    with store.write() as s:
        # The nonce stays: repeating this very enrollment (code, nonce, name) within HQ's
        # retry window hands back the same device instead of refusing the used code.
        put_setting(s, HQ_URL_KEY, url)
        if local_device != answer.device_id:
            put_setting(s, CHAIN_HEAD_KEY, GENESIS)  # a new device starts its own audit chain
    return answer


def _keep_policy(store: Store) -> dict[str, str]:
    with store.read() as s:
        policy = get_setting(s, "policy_id")
        zone = get_setting(s, "timezone")
    out = {}
    if policy:
        out["policy_id"] = policy
    if zone:
        out["timezone"] = zone
    return out


def connect(store: Store, override_url: str | None = None, **client_options: Any) -> HqClient:
    """A client for this enrolled device. Raises NotEnrolled."""
    load_context(store)
    return HqClient(hq_url(store, override_url), device_token(store), **client_options)
