"""The refusals HQ can answer with: each an HTTP status, a message code the branch
translates (resources/i18n/*/hq.json) and parameters without identity data."""

from __future__ import annotations

from typing import Any

from desktop.domain.errors import DomainError


class HqError(DomainError):
    """A request HQ refuses; `status` is the HTTP status it is answered with."""

    code = "hq.request.invalid"
    status = 400

    def __init__(self, code: str | None = None, **params: Any) -> None:
        super().__init__(code, **params)

    def wire_params(self) -> dict[str, str | int]:
        return {k: v if isinstance(v, int) else str(v) for k, v in self.params.items()}


class MalformedRequest(HqError):
    code = "hq.request.malformed"
    status = 400


class InvalidRequest(HqError):
    code = "hq.request.invalid"
    status = 422


class BodyTooLarge(HqError):
    code = "hq.request.too_large"
    status = 413


class UnsupportedEncoding(HqError):
    code = "hq.request.unsupported_encoding"
    status = 415


class NotAuthenticated(HqError):
    code = "hq.auth.invalid"
    status = 401


class Forbidden(HqError):
    code = "hq.auth.forbidden"
    status = 403


class Conflict(HqError):
    code = "hq.conflict"
    status = 409


class NotFound(HqError):
    code = "hq.not_found"
    status = 404


class Unavailable(HqError):
    code = "hq.unavailable"
    status = 503
