"""Typed errors of the domain. Each carries a message code with zh_CN and en texts
(`resources/i18n/core.*.json`) and parameters that never include identity data."""

from __future__ import annotations

from typing import Any

from desktop.i18n import translate


class DomainError(Exception):
    """Base of every error a user can cause; `message(locale)` is what they read."""

    code = "error.generic"

    def __init__(self, code: str | None = None, **params: Any) -> None:
        self.code = code or type(self).code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, locale: str | None = None) -> str:
        return translate(self.code, locale, **self.params)


class ValidationError(DomainError):
    """Input that does not pass a check; `field` names the form field at fault."""

    code = "validation.invalid"

    def __init__(self, code: str | None = None, *, field: str = "", **params: Any) -> None:
        self.field = field
        super().__init__(code, field=field, **params)


class TransitionNotAllowed(DomainError):
    code = "state.not_allowed"


class PermissionDenied(DomainError):
    code = "permission.denied"


class NotFound(DomainError):
    code = "not_found"


class PolicyError(DomainError):
    code = "policy.invalid"
