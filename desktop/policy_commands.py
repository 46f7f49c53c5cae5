"""`complaint-desk admin policy explain`: every deadline the engine computes for a complaint
received at a given time in a given category, under a shipped policy, with the rule it comes
from and whether it is provisional (a year the calendar does not cover)."""

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
