"""Realistic synthetic data for demos, tests and benchmarks (`complaint-desk admin seed`).

Chinese names, valid resident ID numbers (checksum and birth date), real-looking
mobile numbers, every category of the taxonomy, timelines that run from receipt
to closure, and some cases overdue. Events are built in memory, chained and
hashed like any other, and written in bulk: 100,000 complaints in well under 30 s.
"""

from __future__ import annotations

import multiprocessing
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from queue import Empty
from typing import Any

from sqlalchemy.dialects import sqlite
from stdnum.cn import ric

from desktop.domain.chain import GENESIS, event_hash_of_parts, payload_json
from desktop.domain.hlc import Stamp
from desktop.domain.model import Channel, Event, EventKind, IdDocumentType, Outcome, Role
from desktop.domain.policy import DeadlinePolicy
from desktop.domain.projection import fold
from desktop.domain.reference import make_reference
from desktop.domain.risk import signals_to_data
from desktop.domain.taxonomy import ExtraField, FieldType, Taxonomy
from desktop.services.context import Device, ServiceContext
from desktop.store.events import (
    CHAIN_HEAD_KEY,
    HLC_KEY,
    get_setting,
    last_digits,
    put_settings,
    view_columns,
)
from desktop.store.models import ComplaintRow, DailySequence
from desktop.store.risk import own_of_receipt
from desktop.store.types import utc_text

MAX_STAMP_COUNTER = 99_999
ADDRESS = "北京市东城区某某路1号"
SEED_CACHE_KIB = 262_144  # 256 MiB, for the seeding connection only
NORMAL_CACHE = -8000  # SQLite's default: about 8 MiB
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "慕容")
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红娥玲芬燕彬鹏辉宇浩凯健俊帆帅旭宁龙林欣怡梓涵子轩雨萱一诺浩然思源嘉怡佳琪晨曦"
REGIONS = ("110101", "110105", "310104", "310115", "440305", "440106", "330106", "320102",
           "510107", "420106", "610113", "370102", "210102", "500103", "120101", "350203")
MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151",
                   "152", "155", "158", "159", "166", "176", "177", "180", "181", "186", "187",
                   "188", "189", "199")
PRODUCTS = ("借记卡", "信用卡", "个人住房贷款", "个人消费贷款", "理财产品", "定期存款", "手机银行",
            "网上银行", "代发工资", "跨境汇款", "经营贷款", "保险代理")
STORIES = (
    ("在柜台办理{p}业务时排队等候超过一小时，工作人员态度冷淡，未作任何解释。",
     "要求银行道歉并改进服务。"),
    ("{p}账户被扣收了一笔未经告知的费用，金额为{a}元，客户经理此前从未提及。",
     "要求退还费用并书面说明收费依据。"),
    ("申请{p}已超过三十天仍无审批结果，多次电话询问均被告知等待。",
     "要求尽快给出审批结论并说明延误原因。"),
    ("购买{p}时销售人员承诺保本，到期后实际亏损{a}元，与宣传不符。",
     "要求赔偿损失并调查销售人员的误导行为。"),
    ("{p}在自助设备上交易失败但账户已扣款{a}元，至今未退回。",
     "要求立即退回被扣款项。"),
    ("接到自称银行工作人员的电话，对方准确说出本人{p}信息，怀疑个人信息泄露。",
     "要求银行查明信息泄露原因并采取保护措施。"),
    ("抵押物评估价值明显低于市场价，导致{p}额度不足，差额约{a}元。",
     "要求重新评估抵押物价值。"),
    ("The {p} statement shows a charge of {a} yuan that the customer never authorised.",
     "Refund the charge and explain how it happened."),
)


def _uuid(rng: random.Random) -> str:
    """A version-4 UUID drawn from the generator of ids (see `_id_stream`)."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def valid_resident_id(rng: random.Random) -> str:
    """A syntactically valid 18-digit resident ID number with a correct check digit."""
    birth = date(1950, 1, 1) + timedelta(days=rng.randrange(0, 365 * 55))
    body = f"{rng.choice(REGIONS)}{birth:%Y%m%d}{rng.randrange(0, 1000):03d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum wants a placeholder check digit


def mobile(rng: random.Random) -> str:
    """A mainland mobile number in E.164, as the validator stores phones."""
    return "+86" + rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(0, 10**8):08d}"


def chinese_name(rng: random.Random) -> str:
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.02 else rng.choice(SURNAMES)
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    return surname + given


@dataclass
class _Writer:
    """Collects rows and writes them in bulk on one connection."""

    events: list[tuple[Any, ...]]
    complaints: list[tuple[Any, ...]]
    customers: list[tuple[Any, ...]]


Category = tuple[str, str, list[ExtraField]]


def _categories(tax: Taxonomy) -> list[Category]:
    """Every (business type, cause) pair of leaf categories, with the extra fields it requires."""

    def leaves(axis: str) -> list[str]:
        return [c.code for c in tax.categories[axis].values() if not c.children]

    return [(b, c, [f for f in tax.extra_fields(b, c) if f.required])
            for b in leaves("business_type") for c in leaves("cause")]


def _extra_value(f: ExtraField, rng: random.Random, day: date) -> str:
    if f.type is FieldType.MONEY:
        return str(Decimal(rng.randrange(10_000, 500_000_000)) / 100)
    if f.type is FieldType.INTEGER:
        return str(rng.randrange(1, 1000))
    if f.type is FieldType.DATE:
        return (day - timedelta(days=rng.randrange(1, 90))).isoformat()
    if f.type is FieldType.MASKED_CARD:
        return "622848******" + f"{rng.randrange(0, 10_000):04d}"
    if f.type is FieldType.CHOICE and f.options:
        return rng.choice(f.options)[0]
    return f"SEED{rng.randrange(10**7, 10**8)}"[: f.max_length]


# Above this many complaints, rows are generated in a second process while this one writes:
# the SQLite driver keeps the GIL while it works, so a thread would not overlap the two.
PARALLEL_FROM = 20_000


def seed(ctx: ServiceContext, complaints: int, *, seed_value: int = 20201, staff: list[str] | None = None,
         progress: Callable[[int, int], None] | None = None, chunk: int = 5000) -> int:
    """Write `complaints` synthetic complaints into the profile of `ctx`; returns how many.

    Raises ValueError for a negative count. Data is written in chunks, each in its own
    transaction (with the clock and chain heads it leaves behind), so an interrupted seed
    leaves whole complaints and a whole audit chain. The same seed value gives the same
    data; the ids come from the device as well, so other devices get ids of their own
    (see `_id_stream`).
    """
    if complaints < 0:
        raise ValueError("complaints must not be negative")
    spec = _spec(ctx, seed_value, staff or ["T001", "T002", "S001"])
    sizes = [min(chunk, complaints - start) for start in range(0, complaints, chunk)]
    batches = _batches_elsewhere(spec, sizes) if complaints >= PARALLEL_FROM else _batches_here(spec, sizes)
    done = 0
    for batch in batches:
        _write_batch(ctx, batch)
        done += len(batch.complaints)
        if progress:
            progress(done, complaints)
    with ctx.store.write() as s:  # the seeding connection's big page cache goes back to normal
        s.connection().exec_driver_sql(f"PRAGMA cache_size = {NORMAL_CACHE}")
    return done


@dataclass(frozen=True)
class _Spec:
    """Everything generation needs, without the database: it may run in another process."""

    device: Device
    policy: DeadlinePolicy
    taxonomy: Taxonomy
    now: datetime
    staff: list[str]
    seed_value: int
    stamp: Stamp
    chain_head: str
    sequences: dict[date, int]


def _spec(ctx: ServiceContext, seed_value: int, staff: list[str]) -> _Spec:
    with ctx.store.read() as s:
        last = get_setting(s, HLC_KEY)
        head = get_setting(s, CHAIN_HEAD_KEY, GENESIS)
        sequences = {row.business_date: row.last for row in s.query(DailySequence)}
    return _Spec(device=ctx.device, policy=ctx.policy, taxonomy=ctx.taxonomy, now=ctx.now(),
                 staff=staff, seed_value=seed_value,
                 stamp=Stamp.parse(last) if last else Stamp(0, 0), chain_head=head, sequences=sequences)


def _batches_here(spec: _Spec, sizes: list[int]) -> Iterator[_Batch]:
    generator = _Generator(spec)
    for n in sizes:
        yield generator.batch(n)


def _produce(spec: _Spec, sizes: list[int], out: Any) -> None:
    """The generating process: batches into the queue, then None."""
    for batch in _batches_here(spec, sizes):
        out.put(batch)
    out.put(None)


def _batches_elsewhere(spec: _Spec, sizes: list[int]) -> Iterator[_Batch]:
    mp = multiprocessing.get_context("spawn")
    queue = mp.Queue(maxsize=2)
    child = mp.Process(target=_produce, args=(spec, sizes, queue), daemon=True)
    child.start()
    try:
        while True:
            try:
                batch = queue.get(timeout=1.0)
            except Empty:
                if not child.is_alive():
                    raise RuntimeError("the seed generator stopped") from None
                continue
            if batch is None:
                return
            yield batch
    finally:
        if child.is_alive():
            child.terminate()
        child.join(10)


@dataclass
class _Batch:
    customers: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]
    complaints: list[tuple[Any, ...]]
    stamp: Stamp
    chain_head: str
    sequences: dict[date, int]


def _id_stream(spec: _Spec) -> str:
    """What the generator of ids (customers, complaints, events) is seeded with: the seed
    value, this device and where its audit chain stands. The content comes from the seed
    value alone, so the same seed gives the same data on every device, while another
    device (or a second seeding of this one) gets ids of its own: seeded counters sync
    with one HQ without two events ever sharing an id."""
    return f"{spec.seed_value}:{spec.device.device_id}:{spec.chain_head}"


class _Generator:
    """Builds chunks of rows in memory, carrying the clock, the chain head and the daily
    sequences from one chunk to the next (read once from the profile)."""

    def __init__(self, spec: _Spec) -> None:
        self.spec, self.rng, self.staff = spec, random.Random(spec.seed_value), spec.staff
        self.ids = random.Random(_id_stream(spec))
        self.categories = _categories(spec.taxonomy)
        self.now, self.stamp, self.chain_head = spec.now, spec.stamp, spec.chain_head
        self.sequences = dict(spec.sequences)
        self.zone = spec.device.zone

    def new_id(self) -> str:
        """An id from this device's stream. The content's generator still draws the bits it
        drew for an id before ids came from the device, so a seed gives exactly the content
        it always gave (tests, screenshots and benchmarks rest on it)."""
        self.rng.getrandbits(128)
        return _uuid(self.ids)

    def business_date(self, when: datetime) -> date:
        return when.astimezone(self.zone).date()

    def batch(self, n: int) -> _Batch:
        rng, device, policy = self.rng, self.spec.device, self.spec.policy
        customers: list[tuple[Any, ...]] = []
        pending: list[tuple[EventKind, dict[str, Any], datetime, str, str]] = []
        for _ in range(n):
            received = self.now - timedelta(minutes=rng.randrange(0, 60 * 24 * 120))
            business_type, cause, required = rng.choice(self.categories)
            cust_id = self.new_id()
            name = chinese_name(rng)
            id_number, phone = valid_resident_id(rng), mobile(rng)
            when = _utc(received)
            customers.append((cust_id, "individual", name, IdDocumentType.RESIDENT_ID.value, id_number,
                              phone, ADDRESS, "", "", last_digits(id_number), last_digits(phone),
                              when, when))
            bdate = self.business_date(received)
            self.sequences[bdate] = self.sequences.get(bdate, 0) + 1
            reference = make_reference(device.branch_code, device.device_number, bdate,
                                       self.sequences[bdate])
            product = rng.choice(PRODUCTS)
            amount = Decimal(rng.randrange(100, 5_000_000)) / 100
            story, ask = rng.choice(STORIES)
            complaint_id = self.new_id()
            staff_number = rng.choice(self.staff)
            payload = {
                "reference": reference, "channel": rng.choice(list(Channel)).value,
                "business_type": business_type, "cause": cause, "product": product,
                "amount": str(amount), "description": story.format(p=product, a=amount), "request": ask,
                "incident_date": bdate.isoformat(),
                "extra_fields": {f.key: _extra_value(f, rng, bdate) for f in required},
                "contact_channel": "phone", "contact_time": "", "complained_about": "", "agent": None,
                "consent": True,
                "customer": {"id": cust_id, "kind": "individual", "name": name,
                             "id_type": IdDocumentType.RESIDENT_ID.value, "id_number": id_number,
                             "phone": phone, "address": ADDRESS, "credit_code": "",
                             "contact_person": ""},
                "received_at": received.isoformat(),
                "decision_due": policy.decision_due(received, business_type).isoformat(),
                "policy_id": policy.policy_id,
            }
            pending.append((EventKind.RECEIVED, payload, received, complaint_id, staff_number))
            for kind, p, at in _timeline(rng, received, self.now):
                pending.append((kind, p, at, complaint_id, staff_number))
        # Write order = time order, so stamps and the chain run forward like real work.
        pending.sort(key=lambda item: item[2])
        events: list[tuple[Any, ...]] = []
        per_complaint: dict[str, list[Event]] = {}
        for kind, p, at, complaint_id, staff_number in pending:
            ev, text = self._event(kind, p, at, complaint_id, staff_number)
            events.append((ev.id, ev.complaint_id, ev.kind.value, text, ev.actor, ev.actor_role.value,
                           ev.device_id, ev.branch_code, ev.hlc, _utc(at), ev.business_date.isoformat(),
                           ev.prev_hash, ev.hash))
            per_complaint.setdefault(complaint_id, []).append(ev)
        rows = [r for r in (_complaint_row(cid, evs) for cid, evs in per_complaint.items()) if r]
        return _Batch(customers, events, rows, self.stamp, self.chain_head, dict(self.sequences))

    def _event(self, kind: EventKind, payload: dict[str, Any], at: datetime, complaint_id: str,
               staff_number: str) -> tuple[Event, str]:
        device, stamp = self.spec.device, self.stamp
        wall = int(at.timestamp() * 1000)
        if wall > stamp.wall_ms:
            stamp = Stamp(wall, 0)
        elif stamp.counter < MAX_STAMP_COUNTER:
            stamp = Stamp(stamp.wall_ms, stamp.counter + 1)
        else:  # as the live clock does: past the last counter, the next millisecond
            stamp = Stamp(stamp.wall_ms + 1, 0)
        self.stamp = stamp
        role = Role.SUPERVISOR if staff_number.startswith("S") else Role.TELLER
        event_id, hlc, day = self.new_id(), str(stamp), self.business_date(at)
        text = payload_json(payload)
        digest = event_hash_of_parts(
            id=event_id, complaint_id=complaint_id, kind=kind.value, payload_text=text,
            actor=staff_number, actor_role=role.value, device_id=device.device_id,
            branch_code=device.branch_code, hlc=hlc, occurred_at=at.isoformat(),
            business_date=day.isoformat(), prev_hash=self.chain_head)
        ev = Event(id=event_id, complaint_id=complaint_id, kind=kind, payload=payload,
                   actor=staff_number, actor_role=role, device_id=device.device_id,
                   branch_code=device.branch_code, hlc=hlc, occurred_at=at, business_date=day,
                   prev_hash=self.chain_head, hash=digest)
        self.chain_head = digest
        return ev, text


def _timeline(rng: random.Random, received: datetime, now: datetime) -> Iterator[tuple[EventKind, dict[str, Any], datetime]]:
    """A plausible sequence of events after receipt, all before `now`."""
    age = now - received
    t = received

    def later(hours: float) -> datetime | None:
        nonlocal t
        t = t + timedelta(hours=hours * (0.5 + rng.random()))
        return t if t < now else None

    if rng.random() < 0.03 or (at := later(1)) is None:
        return  # some cases still wait for their acknowledgement
    yield EventKind.ACKNOWLEDGED, {}, at
    if rng.random() < 0.5 and (at := later(20)) is not None:
        yield EventKind.CONTACT_ATTEMPT, {"channel": "phone", "reached": rng.random() < 0.7,
                                          "text": "电话联系客户，说明处理进度。"}, at
    if rng.random() < 0.3 and (at := later(24)) is not None:
        yield EventKind.NOTE, {"text": "已调取交易流水和监控录像，正在核实。"}, at
    fate = rng.random()
    if fate < 0.05:
        if (at := later(30)) is not None:
            yield EventKind.WITHDRAWN, {"reason": "客户表示问题已自行解决，撤回投诉。"}, at
        return
    # Older cases are mostly settled; recent ones mostly still open, some overdue.
    settle = min(0.97, age.days / 25)
    if rng.random() > settle:
        return
    # Most are decided within the deadline; a few drag on past it (20 days: about half late).
    if (at := later(24 * rng.choice((1, 3, 7, 10, 3, 7, 10, 20)))) is None:
        return
    outcome = rng.choice(list(Outcome))
    yield EventKind.RESOLVED, {
        "outcome": outcome.value, "findings": "经调查核实，情况基本属实。" if outcome != Outcome.NOT_UPHELD
        else "经调查核实，银行操作符合规定。",
        "verification": "调阅业务凭证、系统日志并与经办人员面谈。",
        "remedy": "退还相关费用并向客户致歉。" if outcome != Outcome.NOT_UPHELD else "",
        "compensation": str(Decimal(rng.randrange(0, 50000)) / 100) if outcome == Outcome.UPHELD else None,
    }, at
    if rng.random() < 0.8 and (at := later(24)) is not None:
        yield EventKind.SATISFACTION_RECORDED, {"score": rng.choice((3, 4, 4, 5, 5, 2)), "comment": ""}, at
        if (at := later(4)) is not None:
            yield EventKind.CLOSED, {}, at


def _utc(dt: datetime | None) -> str | None:
    return None if dt is None else utc_text(dt)


def _complaint_row(complaint_id: str, events: list[Event]) -> tuple[Any, ...] | None:
    """The complaint's row as `COMPLAINT_COLUMNS`, from the projection's own column mapping
    (desktop.store.events.view_columns) turned into what the ORM would bind."""
    v = fold(events)
    if v is None:
        return None
    values = view_columns(v)
    # Each seeded complaint has a customer of its own: no history signals.
    values.update(id=complaint_id,
                  risk=signals_to_data(own_of_receipt(events[0].payload, events[0].business_date)))
    return tuple(bind(values[name]) for name, bind in _BINDS)


def _bind_processors() -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    table = ComplaintRow.__table__
    dialect = sqlite.dialect()

    def same(value: Any) -> Any:
        return value

    return tuple((name, table.c[name].type.bind_processor(dialect) or same)
                 for name in COMPLAINT_COLUMNS)


# Every column of a complaint row but its integer key.
COMPLAINT_COLUMNS: tuple[str, ...] = tuple(c.name for c in ComplaintRow.__table__.columns
                                           if c.name != "num")
_BINDS = _bind_processors()


def _write_batch(ctx: ServiceContext, batch: _Batch) -> None:
    """One chunk in one transaction, with the clock, chain head and sequences it ends on."""
    with ctx.store.write() as s:
        conn = s.connection()
        # A bigger page cache for this connection while seeding: index pages of a growing
        # database stay decrypted in memory instead of being read back for every insert.
        conn.exec_driver_sql(f"PRAGMA cache_size = -{SEED_CACHE_KIB}")
        last_num = conn.exec_driver_sql("SELECT coalesce(max(num), 0) FROM complaints").scalar()
        conn.exec_driver_sql(
            "INSERT INTO customers (id, kind, name, id_type, id_number, phone, address, credit_code, "
            "contact_person, id_last4, phone_last4, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", batch.customers)
        conn.exec_driver_sql(
            "INSERT INTO events (id, complaint_id, kind, payload, actor, actor_role, device_id, "
            "branch_code, hlc, occurred_at, business_date, prev_hash, hash, origin, sent) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'local',0)", batch.events)
        conn.exec_driver_sql(
            f"INSERT INTO complaints ({', '.join(COMPLAINT_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(COMPLAINT_COLUMNS))})", batch.complaints)
        conn.exec_driver_sql(
            "INSERT INTO complaint_risk (code, num) SELECT json_extract(j.value, '$.code'), c.num "
            "FROM complaints c, json_each(c.risk) j WHERE c.num > ?", (last_num,))
        conn.exec_driver_sql(
            "INSERT INTO daily_sequences (business_date, last) VALUES (?, ?) "
            "ON CONFLICT(business_date) DO UPDATE SET last = excluded.last",
            [(day.isoformat(), last) for day, last in batch.sequences.items()])
        put_settings(s, {HLC_KEY: str(batch.stamp), CHAIN_HEAD_KEY: batch.chain_head})
