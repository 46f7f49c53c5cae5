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
from desktop.store.events import (
    CHAIN_HEAD_KEY,
    get_setting,
    get_settings,
    put_setting,
    put_settings,
)
from desktop.store.models import EventRow
from desktop.sync.client import HqClient
from desktop.sync.transport import TransportSettings, parse_pin, ssl_context
from desktop.sync.wire import EnrollRequest, EnrollResponse

TOKEN_NAME = "hq-device-token"
NONCE_KEY = "enroll_nonce"
HQ_URL_KEY = "hq_url"
CA_BUNDLE_KEY = "hq_ca_bundle"
PINS_KEY = "hq_pins"
ALLOW_HTTP_KEY = "hq_allow_http"


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


def transport_settings(store: Store) -> TransportSettings:
    """How this profile reaches HQ: CA bundle, pins, plain http allowed (desktop.sync.transport)."""
    with store.read() as s:
        values = get_settings(s, CA_BUNDLE_KEY, PINS_KEY, ALLOW_HTTP_KEY)
    pins = tuple(parse_pin(p) for p in values.get(PINS_KEY, "").split(",") if p.strip())
    return TransportSettings(ca_bundle=values.get(CA_BUNDLE_KEY) or None, pins=pins,
                             allow_http=values.get(ALLOW_HTTP_KEY) == "1")


def save_transport_settings(store: Store, *, ca_bundle: str | None, pins: list[str],
                            allow_http: bool) -> TransportSettings:
    """Check and keep how this profile reaches HQ. Raises BadPin, CaBundleUnreadable."""
    parsed = tuple(parse_pin(p) for p in pins)
    settings = TransportSettings(ca_bundle=ca_bundle or None, pins=parsed, allow_http=allow_http)
    ssl_context(settings)  # a bundle that cannot be read is refused now, not at the next sync
    with store.write() as s:
        put_settings(s, {CA_BUNDLE_KEY: ca_bundle or "", ALLOW_HTTP_KEY: "1" if allow_http else "",
                         PINS_KEY: ",".join(p.hex() for p in parsed)})
    return settings


def enroll(store: Store, url: str, code: str, *, device_name: str | None = None,
           client: HqClient | None = None, transport: TransportSettings | None = None) -> EnrollResponse:
    """Exchange a one-time enrollment code for a device token and set this profile up as
    that device. Raises EnrollAfterWork if this profile already wrote events as another
    device, HqRefused / HqUnreachable from HQ (a retry of the same call is safe),
    InsecureHqAddress for http:// to another computer the transport settings do not allow."""
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
    http = client or HqClient(url, transport=transport or transport_settings(store))
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
    return HqClient(hq_url(store, override_url), device_token(store),
                    transport=transport_settings(store), **client_options)
