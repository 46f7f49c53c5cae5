"""The core admin verbs: set-up, seed, list, show (identity masked in every output)."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from sqlalchemy import select

from desktop.command_line import EXIT_OK, CliError, locale, open_args_profile, print_json, t
from desktop.domain.masking import mask_id_number, mask_name, mask_phone
from desktop.domain.model import Role, Status
from desktop.i18n import term
from desktop.services.context import load_context, set_up_device
from desktop.services.seed import seed
from desktop.store.events import complaint_events
from desktop.store.models import ComplaintRow, CustomerRow


def add_commands(verbs: Any, common: argparse.ArgumentParser) -> None:
    p = verbs.add_parser("init", parents=[common], help="set up this PC's profile as a device of a branch",
                         description="Create the profile database and record the branch and device "
                                     "number of this PC (before enrolment with HQ).")
    p.add_argument("--branch", required=True, metavar="CODE", help="branch code, e.g. BJ001")
    p.add_argument("--branch-name", required=True, metavar="NAME", help="branch name")
    p.add_argument("--device-number", type=int, default=1, metavar="N", help="counter PC number (1-99)")
    p.add_argument("--policy", default="cn_cbirc_2020", help="deadline policy id (resources/policies)")
    p.set_defaults(handler=cmd_init)

    p = verbs.add_parser("seed", parents=[common], help="write realistic synthetic complaints",
                         description="Write N synthetic complaints (Chinese names, valid ID numbers, "
                                     "all categories, realistic timelines, some overdue). Sets up a "
                                     "demo branch first if the profile is new.")
    p.add_argument("--complaints", type=int, required=True, metavar="N")
    p.add_argument("--seed", type=int, default=20201, help="random seed (same seed, same data)")
    p.set_defaults(handler=cmd_seed)

    p = verbs.add_parser("list", parents=[common], help="list complaints (identity masked)",
                         description="List complaints, newest first, optionally by status.")
    p.add_argument("--status", choices=[s.value for s in Status])
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_list)

    p = verbs.add_parser("show", parents=[common], help="show one complaint and its timeline",
                         description="Show a complaint by reference number, identity masked.")
    p.add_argument("reference")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_show)


def cmd_init(args: argparse.Namespace) -> int:
    if not 1 <= args.device_number <= 99:
        raise CliError("cli.device_number_range")
    from desktop.security.commands import print_recovery_key

    _, store = open_args_profile(args, on_recovery_key=print_recovery_key)
    try:
        set_up_device(store, branch_code=args.branch.strip().upper(), branch_name=args.branch_name,
                      device_number=args.device_number, policy_id=args.policy)
        load_context(store)  # proves the policy exists
    finally:
        store.close()
    print(t("cli.init_done", branch=args.branch.upper(), device=args.device_number))
    return EXIT_OK


def cmd_seed(args: argparse.Namespace) -> int:
    if args.complaints < 0:
        raise CliError("cli.negative_count")
    from desktop.paths import profile_dir
    from desktop.profile import open_profile
    from desktop.security.profile_keys import read_profile_info

    folder = profile_dir(args.profile)
    # A profile made by seeding holds only synthetic data: like the demo, it may keep its
    # key in a file inside the profile where this computer has no keyring.
    store = open_profile(folder, demo=read_profile_info(folder) is None)
    try:
        from desktop.demo import DEMO_BRANCH, DEMO_BRANCH_NAME
        from desktop.services.context import DeviceNotSetUp

        try:
            ctx = load_context(store)
        except DeviceNotSetUp:
            set_up_device(store, branch_code=DEMO_BRANCH, branch_name=DEMO_BRANCH_NAME, device_number=1)
            ctx = load_context(store)
        started = time.perf_counter()
        done = seed(ctx, args.complaints, seed_value=args.seed,
                    progress=lambda d, n: print(f"\r{d}/{n}", end="", file=sys.stderr, flush=True))
        if done:
            print(file=sys.stderr)
    finally:
        store.close()
    print(t("cli.seed_done", count=done, seconds=f"{time.perf_counter() - started:.1f}"))
    return EXIT_OK


def _masked_case(row: ComplaintRow) -> dict[str, Any]:
    return {
        "reference": row.reference, "status": row.status, "customer": mask_name(row.customer_name),
        "business_type": row.business_type, "cause": row.cause,
        "received_at": row.received_at.isoformat(), "decision_due": row.decision_due.isoformat(),
        "assignee": row.assignee, "needs_review": row.needs_review,
    }


def cmd_list(args: argparse.Namespace) -> int:
    _, store = open_args_profile(args)
    try:
        load_context(store)  # a profile never set up gets the clear message
        with store.read() as s:
            stmt = select(ComplaintRow).order_by(ComplaintRow.received_at.desc()).limit(max(0, args.limit))
            if args.status:
                stmt = stmt.where(ComplaintRow.status == args.status)
            rows = [_masked_case(r) for r in s.scalars(stmt)]
    finally:
        store.close()
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            status = term("status", r["status"], locale())
            print(f"{r['reference']}  {status:<12} {r['customer']:<8} "
                  f"{r['business_type']}/{r['cause']}  due {r['decision_due'][:16]}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    _, store = open_args_profile(args)
    try:
        with store.read() as s:
            row = s.scalar(select(ComplaintRow).where(ComplaintRow.reference == args.reference.strip().upper()))
            if row is None:
                raise CliError("cli.no_such_reference", reference=args.reference)
            customer = s.get(CustomerRow, row.customer_id)
            events = complaint_events(s, row.id)
    finally:
        store.close()
    data = _masked_case(row)
    data.update({
        "product": row.product, "amount": None if row.amount is None else str(row.amount),
        "description": row.description, "request": row.request, "outcome": row.outcome,
        "customer_id_number": mask_id_number(customer.id_number) if customer else "",
        "customer_phone": mask_phone(customer.phone) if customer else "",
        "timeline": [{"at": e.occurred_at.isoformat(), "kind": e.kind.value, "actor": e.actor,
                      "role": Role(e.actor_role).value} for e in events],
    })
    if args.json:
        print_json(data)
    else:
        words = {"status": "status", "outcome": "outcome"}  # codes the reader sees as words
        for key, value in data.items():
            if key != "timeline":
                shown = term(words[key], value, locale()) if key in words and value else value
                print(f"{key:>20}: {shown}")
        for e in data["timeline"]:
            print(f"{'':>20}  {e['at'][:19]}  {term('event', e['kind'], locale()):<22} {e['actor']}")
    return EXIT_OK
