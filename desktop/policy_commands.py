"""Compliance verbs: `admin policy explain` (every deadline the engine computes for a complaint
received at a given time in a given category, with the rule it comes from and whether it is
provisional), `admin retention [--apply]` (the records retention rule, dry run first) and
`admin legal-hold REFERENCE` (a hold that retention never touches)."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from desktop.command_line import EXIT_OK, CliError, print_json, t


def add_commands(verbs: Any, common: argparse.ArgumentParser) -> None:
    p = verbs.add_parser("policy", help="inspect the deadline policies",
                         description="Inspect the deadline policies (resources/policies).")
    sub = p.add_subparsers(dest="policy_verb", metavar="ACTION", required=True)
    e = sub.add_parser("explain", parents=[common],
                       help="print every deadline the engine computes, with its rule",
                       description="Print the acknowledgement, decision, extension and summary "
                                   "resolution deadlines of a complaint received at DATETIME, "
                                   "whether each is provisional, and the rule it comes from.")
    e.add_argument("--policy", required=True, metavar="ID",
                   help="cn_cbirc_2020, uk_fca_disp or us_cfpb")
    e.add_argument("--received", required=True, metavar="DATETIME",
                   help="ISO date and time of receipt; without an offset, the policy's time zone")
    e.add_argument("--business-type", required=True, metavar="CODE", help="JR/T 0169 business type")
    e.add_argument("--cause", default=None, metavar="CODE", help="JR/T 0169 cause")
    e.add_argument("--json", action="store_true", help="machine-readable output")
    e.set_defaults(handler=cmd_explain)

    r = verbs.add_parser("retention", parents=[common],
                         help="list (dry run) or apply the records retention rule",
                         description="List closed complaints past the policy's retention period "
                                     "(dry run), or with --apply anonymise or purge them as the "
                                     "policy says; complaints on legal hold are never touched.")
    r.add_argument("--apply", action="store_true", help="do it (default: only list)")
    r.add_argument("--json", action="store_true", help="machine-readable output")
    r.set_defaults(handler=cmd_retention)

    h = verbs.add_parser("legal-hold", parents=[common], help="place or release a legal hold",
                         description="Place (or --release) a legal hold on a complaint: it is "
                                     "kept whole whatever the retention period.")
    h.add_argument("reference")
    h.add_argument("--reason", required=True)
    h.add_argument("--release", action="store_true")
    h.set_defaults(handler=cmd_legal_hold)


def cmd_explain(args: argparse.Namespace) -> int:
    from desktop.domain.explain import explain_deadlines
    from desktop.domain.policy import load_policy
    from desktop.domain.taxonomy import load_taxonomy

    policy = load_policy(args.policy)  # PolicyError (one line) for an unknown id
    try:
        received = datetime.fromisoformat(args.received)
    except ValueError:
        raise CliError("cli.policy.bad_datetime") from None
    if received.tzinfo is None:
        received = received.replace(tzinfo=policy.tz)
    taxonomy = load_taxonomy()
    for axis, code in (("business_type", args.business_type), ("cause", args.cause)):
        if code is not None and code not in taxonomy.categories[axis]:
            raise CliError("cli.policy.unknown_code", axis=axis, value=str(code)[:20])
    lines = explain_deadlines(policy, received, args.business_type, args.cause)
    if args.json:
        print_json({"policy": policy.policy_id, "received": received.isoformat(),
                    "business_type": args.business_type, "cause": args.cause,
                    "deadlines": [{"kind": d.kind, "due": d.due.isoformat(),
                                   "provisional": d.provisional, "rule": d.rule,
                                   "period": d.period, "approval": d.approval} for d in lines]})
        return EXIT_OK
    for d in lines:
        flag = t("cli.policy.provisional") if d.provisional else ""
        approval = f"  [{d.approval}]" if d.approval else ""
        print(f"{d.kind:<20} {d.due.isoformat()}  {flag}{d.period}; {d.rule}{approval}")
    return EXIT_OK


def cmd_retention(args: argparse.Namespace) -> int:
    from desktop.command_line import open_args_profile
    from desktop.services.context import load_context
    from desktop.services.retention import apply_retention, retention_cases

    _, store = open_args_profile(args)
    try:
        ctx = load_context(store)
        due = retention_cases(ctx)
        done = {c.complaint_id for c in apply_retention(ctx)} if args.apply else set()
    finally:
        store.close()
    rows: list[dict[str, Any]] = [{"reference": c.reference, "closed_at": c.closed_at.isoformat(),
             "retain_until": c.retain_until.isoformat(), "legal_hold": c.legal_hold,
             "action": (ctx.policy.retention_action if c.complaint_id in done else
                        "held" if c.legal_hold else "due")} for c in due]
    if args.json:
        print_json({"applied": bool(args.apply), "policy_action": ctx.policy.retention_action,
                    "complaints": rows})
        return EXIT_OK
    for row in rows:
        print(f"{row['reference']}  closed {row['closed_at'][:10]}  kept until "
              f"{row['retain_until']}  {row['action']}")
    code = "cli.retention.applied" if args.apply else "cli.retention.dry_run"
    print(t(code, count=len(done) if args.apply else sum(1 for r in rows if not r["legal_hold"]),
            held=sum(1 for r in rows if r["legal_hold"])))
    return EXIT_OK


def cmd_legal_hold(args: argparse.Namespace) -> int:
    from desktop.command_line import open_args_profile
    from desktop.services.cases import complaint_id_of
    from desktop.services.context import load_context
    from desktop.services.retention import RETENTION_ACTOR, set_legal_hold

    _, store = open_args_profile(args)
    try:
        ctx = load_context(store)
        view = set_legal_hold(ctx, RETENTION_ACTOR, complaint_id_of(ctx, args.reference),
                              on=not args.release, reason=args.reason)
    finally:
        store.close()
    print(t("cli.retention.hold_on" if view.legal_hold else "cli.retention.hold_off",
            reference=view.reference))
    return EXIT_OK
