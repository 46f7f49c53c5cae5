"""Read-side queries: the worklist, paged and sorted in SQL, and search.

Nothing here loads a whole table: the worklist asks for one page at a time and
search goes through an index chosen by the shape of the query (reference
number, last digits of a phone or ID number, a 1–2 character name, or FTS5
trigram text), so both stay instant at a million complaints.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Integer, Select, column, func, literal, or_, select, text, tuple_
from sqlalchemy.orm import Session

from desktop.domain.model import OPEN_STATES, Status
from desktop.domain.risk import signals_from_data
from desktop.domain.worklist import (
    RISK_ANY,
    CaseRow,
    SortKey,
    SortPosition,
    Worklist,
    WorklistQuery,
    order_fields,
)
from desktop.store.models import ComplaintRiskRow, ComplaintRow, CustomerRow

SEARCH_CAP = 1000  # search narrows to at most this many complaints, newest first


def order_columns(sort: SortKey) -> tuple[Any, ...]:
    """The columns a worklist sorted by `sort` is ordered by (`order_fields`). Each of these
    orders is the order of an index, so a page is read from it without sorting."""
    return tuple(getattr(ComplaintRow, name) for name in order_fields(sort))


_COLUMNS = (ComplaintRow.id, ComplaintRow.reference, ComplaintRow.status, ComplaintRow.customer_name,
            ComplaintRow.business_type, ComplaintRow.cause, ComplaintRow.received_at,
            ComplaintRow.decision_due, ComplaintRow.assignee, ComplaintRow.escalation_level,
            ComplaintRow.needs_review, ComplaintRow.num, ComplaintRow.risk)


def _filtered(stmt: Select, q: WorklistQuery, now: datetime, due_soon: timedelta,
              *, status_by_index: bool = True) -> Select:
    w = q.worklist
    # `status || ''` is the same test, but one SQLite cannot answer from the status index: for
    # a list holding many rows, walking the sort order's index beats sorting them all.
    status: Any = ComplaintRow.status if status_by_index else ComplaintRow.status.op("||")("")
    if w is Worklist.MINE:
        stmt = stmt.where(ComplaintRow.assignee == q.staff_number, status.in_(OPEN_STATES))
    elif w is Worklist.BRANCH:
        stmt = stmt.where(status.in_(OPEN_STATES))
    elif w is Worklist.DUE_SOON:
        stmt = stmt.where(status.in_(OPEN_STATES),
                          ComplaintRow.decision_due >= now,
                          ComplaintRow.decision_due < now + due_soon)
    elif w is Worklist.OVERDUE:
        stmt = stmt.where(status.in_(OPEN_STATES), ComplaintRow.decision_due < now)
    elif w is Worklist.ESCALATED:
        stmt = stmt.where(status == Status.ESCALATED.value)
    elif w is Worklist.AWAITING_CUSTOMER:
        stmt = stmt.where(status == Status.RESOLVED.value)
    elif w is Worklist.REVIEW:
        stmt = stmt.where(ComplaintRow.needs_review.is_(True))
    elif w is Worklist.ACTIONS_OVERDUE:
        # Due dates are calendar days of the branch: the services give `now` in its zone.
        stmt = stmt.where(ComplaintRow.open_actions > 0,
                          ComplaintRow.next_action_due < now.date().isoformat())
    elif w is Worklist.EXTENSION_NOTICE:
        stmt = stmt.where(status.in_(OPEN_STATES), ComplaintRow.extension_notice_due.is_(True))
    elif w is Worklist.CLOSED:
        stmt = stmt.where(status.in_([Status.CLOSED.value, Status.WITHDRAWN.value]))
    if q.business_types:
        stmt = stmt.where(ComplaintRow.business_type.in_(q.business_types))
    if q.risk:
        # Through complaint_risk's indexes: a signal's rows by code, any signal's by row number.
        flagged = select(ComplaintRiskRow.num)
        if q.risk != RISK_ANY:
            flagged = flagged.where(ComplaintRiskRow.code == q.risk)
        stmt = stmt.where(ComplaintRow.num.in_(flagged))
    matches = search_query(q.search)
    if matches is not None:
        stmt = stmt.where(ComplaintRow.num.in_(matches.scalar_subquery()))
    return stmt


def count_worklist(session: Session, q: WorklistQuery, now: datetime, due_soon: timedelta) -> int:
    stmt = _filtered(select(func.count()).select_from(ComplaintRow), q, now, due_soon)
    return int(session.scalar(stmt) or 0)


def worklist_page(session: Session, q: WorklistQuery, now: datetime, due_soon: timedelta,
                  offset: int, limit: int) -> list[CaseRow]:
    """Rows [offset, offset+limit) of the worklist in its sort order (`order_columns`)."""
    stmt = _filtered(select(*_COLUMNS), q, now, due_soon)
    return _case_rows(session.execute(_ordered(stmt, q).offset(offset).limit(limit)).all())


def worklist_page_after(session: Session, q: WorklistQuery, now: datetime, due_soon: timedelta,
                        after: SortPosition | None, limit: int, offset: int = 0, *,
                        walk_sort_index: bool = False) -> list[CaseRow]:
    """Up to `limit` rows of the worklist that come after position `after` in its sort order
    (from the start for None), skipping the first `offset` of them: keyset paging. Seeking
    to a position goes through the sort order's index, so a page deep in a million rows costs
    what the first one does (plus `offset`). Read backwards by flipping `q.descending`.

    `walk_sort_index`: for a list holding a large share of the table, read it along the sort
    index and test the status row by row, instead of sorting every row of that status first
    (the caller knows the list's size; for a small list this would be the slow way)."""
    stmt = _filtered(select(*_COLUMNS), q, now, due_soon,
                     status_by_index=not walk_sort_index)
    if after is not None:
        columns = order_columns(q.sort)
        if len(after) != len(columns):
            raise ValueError("a sort position of another sort order")
        here = tuple_(*columns)
        there = tuple_(*(literal(value, col.type) for value, col in zip(after, columns, strict=True)))
        stmt = stmt.where(here < there if q.descending else here > there)
    return _case_rows(session.execute(_ordered(stmt, q).offset(offset).limit(limit)).all())


def worklist_positions(session: Session, q: WorklistQuery, now: datetime, due_soon: timedelta,
                       every: int) -> list[tuple[int, SortPosition]]:
    """(row number, position) of every `every`-th row of the worklist in its sort order
    (rows every-1, 2·every-1, ...): landmarks from which `worklist_page_after` reaches any
    page by skipping fewer than `every` rows. One pass over the list, in SQL."""
    columns = order_columns(q.sort)
    ordering = [c.desc() for c in columns] if q.descending else list(columns)
    numbered = _filtered(select(*columns, func.row_number().over(order_by=ordering).label("rn")),
                         q, now, due_soon).subquery()
    rn = numbered.c.rn
    stmt = select(*(numbered.c[c.key] for c in columns), rn).where(rn % every == 0).order_by(rn)
    return [(int(r[-1]) - 1, tuple(r[:-1])) for r in session.execute(stmt).all()]


def _ordered(stmt: Select, q: WorklistQuery) -> Select:
    columns = order_columns(q.sort)
    return stmt.order_by(*(c.desc() for c in columns) if q.descending else columns)


def _case_rows(rows: Any) -> list[CaseRow]:
    return [CaseRow(id=r[0], reference=r[1], status=Status(r[2]), customer_name=r[3],
                    business_type=r[4], cause=r[5], received_at=r[6], decision_due=r[7],
                    assignee=r[8], escalation_level=r[9], needs_review=bool(r[10]), num=r[11],
                    risk=signals_from_data(r[12]))
            for r in rows]


_REFERENCE_LIKE = re.compile(r"^[A-Z0-9]{2,}-\d")
_FTS_SAFE = re.compile(r'"')


def search_query(query: str, limit: int = SEARCH_CAP) -> Select[tuple[int]] | None:
    """A query for the row numbers of complaints matching `query`, newest first, through the
    index its shape calls for (None for a blank query):
    - a reference number or its beginning,
    - 4 digits: the last digits of a customer's phone or ID number,
    - a full phone, ID number or credit code,
    - 1–2 characters: part of a customer's name,
    - anything longer: a phrase in reference, name, description or request (FTS5 trigram).
    The worklist embeds it as a subquery, so SQLite never hands the matches to Python.
    """
    q = " ".join(query.split())
    if not q:
        return None
    upper = q.upper()
    if _REFERENCE_LIKE.match(upper):
        return (select(ComplaintRow.num)
                .where(ComplaintRow.reference >= upper, ComplaintRow.reference < upper + "\uffff")
                .order_by(ComplaintRow.num.desc()).limit(limit))
    compact = upper.replace(" ", "")
    if compact.isalnum() and compact.isascii() and any(c.isdigit() for c in compact):
        customers = None
        if len(compact) == 4:
            customers = select(CustomerRow.id).where(
                or_(CustomerRow.phone_last4 == compact, CustomerRow.id_last4 == compact))
        elif len(compact) >= 7:
            # Phones are stored in E.164 (+86...); a clerk types them without the country code.
            phones = {compact, "+" + compact.lstrip("+"), "+86" + compact.lstrip("0")}
            customers = select(CustomerRow.id).where(
                or_(CustomerRow.phone.in_(phones), CustomerRow.id_number == compact,
                    CustomerRow.credit_code == compact))
        if customers is not None:
            return (select(ComplaintRow.num).where(ComplaintRow.customer_id.in_(customers))
                    .order_by(ComplaintRow.num.desc()).limit(limit))
    if len(q) <= 2:
        grams = text("SELECT num FROM name_grams WHERE gram = :g ORDER BY num DESC LIMIT :n")
        sub = grams.bindparams(g=q, n=limit).columns(column("num", Integer)).subquery()
        return select(sub.c.num)
    phrase = '"' + _FTS_SAFE.sub('""', q) + '"'
    fts = text("SELECT rowid AS num FROM complaint_search WHERE complaint_search MATCH :p "
               "ORDER BY rowid DESC LIMIT :n")
    sub = fts.bindparams(p=phrase, n=limit).columns(column("num", Integer)).subquery()
    return select(sub.c.num)


def search_nums(session: Session, query: str, limit: int = SEARCH_CAP) -> list[int]:
    """Row numbers of complaints matching `query`, newest first (see `search_query`)."""
    stmt = search_query(query, limit)
    return [] if stmt is None else list(session.scalars(stmt))
