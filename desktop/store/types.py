"""Column types that keep values exact in SQLite: aware datetimes as sortable UTC text,
money as decimal text."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as 'YYYY-MM-DDTHH:MM:SS.ffffff+00:00' so text order is time order.
    Naive datetimes are refused: every time in this program knows its zone."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(str(value))


class Money(TypeDecorator[Decimal]):
    """A Decimal kept as text, so 0.1 + 0.2 stays exactly 0.30 through the database."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(str(value))


def utc_text(value: datetime) -> str:
    """The stored text of an aware datetime, for raw SQL comparisons."""
    return value.astimezone(UTC).isoformat(timespec="microseconds")
