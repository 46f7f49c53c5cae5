"""Request bodies: a size limit on what comes over the wire (pure ASGI, before any
parsing) and the gzip decoding a push may ask for with `Content-Encoding: gzip`.

What can go wrong: BodyTooLarge (413) when a body, before or after gunzip, is over its
limit (or inflates more than MAX_GZIP_RATIO times); MalformedRequest (400) for a broken
gzip stream, more than MAX_GZIP_MEMBERS gzip members, or a bad Content-Length;
UnsupportedEncoding (415) for an encoding other than gzip or identity.
"""

from __future__ import annotations

import zlib
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from desktop.i18n import translate
from desktop.sync.wire import API_PREFIX, MAX_PUSH_BODY_BYTES, ErrorResponse
from hq.errors import BodyTooLarge, MalformedRequest, UnsupportedEncoding

PUSH_PATH = f"{API_PREFIX}/events"
SMALL_BODY_BYTES = 64 * 1024
# A refused body up to this many times its limit is read to the end before the answer,
# so the client sees the 413; beyond that the connection is simply closed.
DRAIN_FACTOR = 4
# A push body in gzip: at most this many members (an honest client sends one), and at most
# this many times its own size once inflated (JSON events compress about 5-10 times).
MAX_GZIP_MEMBERS = 16
MAX_GZIP_RATIO = 200
MIN_GZIP_ALLOWANCE = 1 << 20

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]


def body_limit(path: str) -> int:
    return MAX_PUSH_BODY_BYTES if path == PUSH_PATH else SMALL_BODY_BYTES


class BodyLimitMiddleware:
    """Refuse a body over its path's limit: at once when Content-Length says so,
    else by counting the chunks as the app reads them."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = body_limit(scope.get("path", ""))
        declared = _content_length(scope)
        if declared is None:
            await _refuse(send, MalformedRequest("hq.request.bad_length"), 400)
            return
        if declared > limit:
            if declared <= DRAIN_FACTOR * limit:
                await _drain(receive, DRAIN_FACTOR * limit)
            await _refuse(send, BodyTooLarge(limit=limit), 413)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    if message.get("more_body", False):
                        await _drain(receive, DRAIN_FACTOR * limit - received)
                    raise BodyTooLarge(limit=limit)
            return message

        await self.app(scope, counting_receive, send)


async def _drain(receive: Receive, budget: int) -> None:
    """Read and drop the rest of a refused body (up to `budget` bytes): most clients
    only read the answer once they have sent their whole request."""
    while budget > 0:
        message = await receive()
        if message["type"] != "http.request":
            return
        budget -= len(message.get("body", b""))
        if not message.get("more_body", False):
            return


def _content_length(scope: Scope) -> int | None:
    """The declared length (0 when absent), or None when the header is not a number."""
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            if not text.isdigit() or len(text) > 18:
                return None
            return int(text)
    return 0


async def _refuse(send: Send, error: BodyTooLarge | MalformedRequest, status: int) -> None:
    body = ErrorResponse(code=error.code, message=translate(error.code, "en", **error.params),
                         params=error.wire_params()).model_dump_json().encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]})
    await send({"type": "http.response.body", "body": body})


def decode_body(raw: bytes, content_encoding: str | None, limit: int) -> bytes:
    """The body with gzip undone when the request says so, at most `limit` bytes.

    Linear in the body: the input is walked once through a memoryview (no copy of the
    rest per gzip member), at most MAX_GZIP_MEMBERS members, and the output may be at
    most `limit` and at most MAX_GZIP_RATIO times the input (plus a small allowance).
    Run it off the event loop (the app does).
    """
    encoding = (content_encoding or "identity").strip().lower()
    if encoding in ("", "identity"):
        return raw
    if encoding not in ("gzip", "x-gzip"):
        raise UnsupportedEncoding(encoding=encoding[:20])
    budget = min(limit, MIN_GZIP_ALLOWANCE + MAX_GZIP_RATIO * len(raw))
    out = bytearray()
    view = memoryview(raw)
    position, members = 0, 0
    while position < len(view):
        members += 1
        if members > MAX_GZIP_MEMBERS:
            raise MalformedRequest("hq.request.gzip_members", max=MAX_GZIP_MEMBERS)
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        rest = view[position:]
        try:
            out += inflater.decompress(rest, budget + 1 - len(out))
        except zlib.error:
            raise MalformedRequest("hq.request.bad_gzip") from None
        if len(out) > budget or inflater.unconsumed_tail:
            raise BodyTooLarge(limit=budget)
        if not inflater.eof:
            raise MalformedRequest("hq.request.bad_gzip")
        position += len(rest) - len(inflater.unused_data)
    return bytes(out)
