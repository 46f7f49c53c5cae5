"""The UTC calendar blocks the branch's pre-counted statistics are kept by (docs/ARCHITECTURE.md
§14), and how a period is made of them.

A complaint is counted in four blocks, named from its UTC receipt time: its day
('2026-04-01'), month ('2026-04'), quarter ('2026-Q2') and year ('2026'). A period (any
two instants, in any time zone) is covered exactly by a signed sum: whole blocks added or
taken away, plus the hours between each end of the period and the UTC midnight nearest to
it, to be counted from the complaint rows themselves. A local quarter in Beijing is one
quarter block, plus 8 hours before it, less 8 hours at its end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Integer, String, cast, func, literal
from sqlalchemy.sql.elements import ColumnElement

Signed = tuple[int, str]  # (+1 or -1, a block's name)


@dataclass(frozen=True, slots=True)
class Cover:
    """A period as blocks and stretches of time: for every instant, the signs of the blocks
    and stretches it lies in add up to 1 inside the period and to 0 outside it."""

    blocks: tuple[Signed, ...]
    # (sign, start, end): the complaints received in [start, end), counted from their rows.
    stretches: tuple[tuple[int, datetime, datetime], ...]
    days: tuple[datetime, datetime] | None  # the UTC midnights the blocks span, if any


def block_names(received_at: ColumnElement[Any]) -> list[ColumnElement[str]]:
    """The SQL of the four blocks of a receipt time stored as UTC text
    ('YYYY-MM-DDTHH:MM:SS.ffffff+00:00', desktop.store.types.UTCDateTime)."""
    def part(length: int, start: int = 1) -> ColumnElement[str]:
        return func.substr(received_at, start, length, type_=String)

    quarter = (cast(part(2, 6), Integer) + 2) // 3
    return [part(10), part(7), part(5).op("||")(literal("Q")).op("||")(cast(quarter, String)),
            part(4)]


def cover(start: datetime, end: datetime) -> Cover:
    """The blocks and stretches that make [start, end) (aware instants), fewest blocks first."""
    s, e = start.astimezone(UTC), end.astimezone(UTC)
    first, last = _nearest_midnight(s), _nearest_midnight(e)
    if last <= first:
        return Cover(blocks=(), stretches=((1, s, e),) if s < e else (), days=None)
    stretches = []
    if s != first:
        stretches.append((1, s, first) if s < first else (-1, first, s))
    if e != last:
        stretches.append((1, last, e) if last < e else (-1, e, last))
    blocks = _cover(first.date(), last.date(), len(_LEVELS) - 1)
    return Cover(blocks=blocks, stretches=tuple(stretches), days=(first, last))


def _nearest_midnight(t: datetime) -> datetime:
    midnight = datetime.combine(t.date(), time.min, tzinfo=UTC)
    return midnight if t - midnight <= timedelta(hours=12) else midnight + timedelta(days=1)


# Each level: the start of the block holding a day, the start of the next block, its name.
def _day(d: date) -> date:
    return d


def _next_day(d: date) -> date:
    return d + timedelta(days=1)


def _month(d: date) -> date:
    return d.replace(day=1)


def _next_month(d: date) -> date:
    return date(d.year + d.month // 12, d.month % 12 + 1, 1)


def _quarter(d: date) -> date:
    return date(d.year, (d.month - 1) // 3 * 3 + 1, 1)


def _next_quarter(d: date) -> date:
    q = _quarter(d)
    return date(q.year + (q.month + 2) // 12, (q.month + 2) % 12 + 1, 1)


def _year(d: date) -> date:
    return date(d.year, 1, 1)


def _next_year(d: date) -> date:
    return date(d.year + 1, 1, 1)


_LEVELS = (
    (_day, _next_day, lambda d: d.isoformat()),
    (_month, _next_month, lambda d: f"{d.year:04d}-{d.month:02d}"),
    (_quarter, _next_quarter, lambda d: f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"),
    (_year, _next_year, lambda d: f"{d.year:04d}"),
)


def _negate(blocks: tuple[Signed, ...]) -> tuple[Signed, ...]:
    return tuple((-sign, name) for sign, name in blocks)


@lru_cache(maxsize=4096)
def _cover(a: date, b: date, level: int) -> tuple[Signed, ...]:
    """The fewest signed blocks of `level` and below that make the days [a, b)."""
    if a >= b:
        return ()
    start_of, next_of, name_of = _LEVELS[level]
    if level == 0:
        return tuple((1, name_of(a + timedelta(days=i))) for i in range((b - a).days))
    best = _cover(a, b, level - 1)
    a_floor, b_floor = start_of(a), start_of(b)
    a_ends = {a_floor, a_floor if a_floor == a else next_of(a)}
    b_ends = {b_floor, b_floor if b_floor == b else next_of(b)}
    for lo in sorted(a_ends):
        for hi in sorted(b_ends):
            if hi <= lo:
                continue
            whole = []
            d = lo
            while d < hi:
                whole.append((1, name_of(d)))
                d = next_of(d)
            before = _negate(_cover(lo, a, level - 1)) if lo < a else _cover(a, lo, level - 1)
            after = _cover(hi, b, level - 1) if hi < b else _negate(_cover(b, hi, level - 1))
            candidate = (*before, *whole, *after)
            if len(candidate) < len(best):
                best = candidate
    return best
