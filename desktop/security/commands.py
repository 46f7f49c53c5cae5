"""Admin verbs of the security area: verify, rotate-key, recover, recovery-key,
encrypt-profile, add-admin, unlock-staff.

Passwords and recovery keys are read from the terminal without echo, or from the
first line of standard input with --password-stdin / a recovery key argument, so
scripts can drive them. Output never contains identity data.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime
from typing import Any

from desktop.command_line import EXIT_ERROR, EXIT_OK, CliError, open_args_profile, print_json, t
from desktop.profile import (
    encrypt_profile,
    profile_dir,
    recover_profile,
    rotate_profile_key,
)
from desktop.security.audit import VerifyReport, verify_store
from desktop.security.staff import add_local_admin, authenticate, unlock
from desktop.store.events import get_setting


def add_commands(verbs: Any, common: argparse.ArgumentParser) -> None:
    p = verbs.add_parser(
        "verify", parents=[common], help="check the database file and the audit chain",
        description="Check SQLite's integrity, SQLCipher's page authentication and each "
                    "device's audit chain; name the first broken link (reference, event kind, "
                    "position). Exits with 1 when anything is broken.")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_verify)

    p = verbs.add_parser(
        "rotate-key", parents=[common], help="re-encrypt the profile under a new key",
        description="Close the app on this PC first. Re-encrypts the database and attachments "
                    "under a new random key, stores it in the keyring and prints the new "
                    "recovery key (the old one no longer works).")
    p.set_defaults(handler=cmd_rotate_key)

    p = verbs.add_parser(
        "recover", parents=[common], help="restore the database key from the recovery key",
        description="When the keyring lost this profile's key (new keyring, reinstalled PC): "
                    "type the recovery key kept in the branch safe. Without --recovery-key it "
                    "is asked for without echo.")
    p.add_argument("--recovery-key", metavar="KEY", help="the recovery key (groups of four)")
    p.set_defaults(handler=cmd_recover)

    p = verbs.add_parser(
        "recovery-key", parents=[common], help="show the recovery key once (for the branch safe)",
        description="Print the recovery key of a profile whose key was never shown. It is "
                    "shown only once; rotate-key issues a new one.")
    p.set_defaults(handler=cmd_recovery_key)

    p = verbs.add_parser(
        "encrypt-profile", parents=[common], help="encrypt a profile written without encryption",
        description="Convert an unencrypted profile database into an encrypted one with a new "
                    "key in the keyring; prints the recovery key.")
    p.set_defaults(handler=cmd_encrypt_profile)

    p = verbs.add_parser(
        "add-admin", parents=[common], help="create the local emergency administrator",
        description="Create (or reset) a local administrator account on this PC, for when "
                    "the staff roster from HQ cannot be had. It manages accounts and keys and "
                    "sees no complaint.")
    p.add_argument("--number", required=True, metavar="STAFF_NO")
    p.add_argument("--name", required=True)
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password from the first line of standard input")
    p.set_defaults(handler=cmd_add_admin)

    p = verbs.add_parser(
        "unlock-staff", parents=[common], help="lift a login lockout",
        description="Unlock a staff account before its lock period ends. A supervisor or "
                    "administrator confirms with their own number and password.")
    p.add_argument("number", metavar="STAFF_NO", help="the locked account")
    p.add_argument("--by", required=True, metavar="STAFF_NO", help="who unlocks it")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password from the first line of standard input")
    p.set_defaults(handler=cmd_unlock_staff)


def _secret(prompt_code: str, from_stdin: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass(t(prompt_code))


def _report_lines(report: VerifyReport) -> list[str]:
    lines = [t("security.cli.integrity_ok") if not report.integrity and not report.cipher
             else t("security.cli.integrity_failed", detail="; ".join(report.integrity + report.cipher))]
    for f in report.findings:
        code = "security.cli.chain_gap" if not f.is_failure else "security.cli.chain_broken"
        lines.append(t(code, device=f.device_id, position=f.position, kind=f.kind or "-",
                       reference=f.reference or "-", reason=t(f"security.chain_reason.{f.reason}")))
    if report.ok:
        lines.append(t("security.cli.chain_ok", chains=report.chains_checked,
                       events=report.events_checked))
    return lines


def cmd_verify(args: argparse.Namespace) -> int:
    _, store = open_args_profile(args)
    try:
        with store.read() as s:
            own = get_setting(s, "device_id")
        report = verify_store(store, own)
    finally:
        store.close()
    if args.json:
        print_json({
            "ok": report.ok, "integrity": report.integrity, "cipher": report.cipher,
            "chains_checked": report.chains_checked, "events_checked": report.events_checked,
            "findings": [{"device_id": f.device_id, "position": f.position, "reason": f.reason,
                          "reference": f.reference, "kind": f.kind, "failure": f.is_failure}
                         for f in report.findings],
        })
    else:
        for line in _report_lines(report):
            print(line)
    return EXIT_OK if report.ok else EXIT_ERROR


def print_recovery_key(key: str) -> None:
    """Show a recovery key with the instructions for the branch safe (used by `admin init`
    through open_profile(..., on_recovery_key=print_recovery_key), and by rotate-key)."""
    print(t("security.cli.recovery_key_intro"))
    print()
    print(f"    {key}")
    print()
    print(t("security.cli.recovery_key_outro"))


def cmd_rotate_key(args: argparse.Namespace) -> int:
    key = rotate_profile_key(profile_dir(args.profile))
    print(t("security.cli.rotated"))
    print_recovery_key(key)
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    text = args.recovery_key if args.recovery_key else _secret("security.cli.ask_recovery_key", False)
    new_key = recover_profile(profile_dir(args.profile), text)
    print(t("security.cli.recovered"))
    if new_key is not None:
        print_recovery_key(new_key)
    return EXIT_OK


def cmd_recovery_key(args: argparse.Namespace) -> int:
    _, store = open_args_profile(args)
    try:
        key = store.secrets.recovery_key_once()
    finally:
        store.close()
    print_recovery_key(key)
    return EXIT_OK


def cmd_encrypt_profile(args: argparse.Namespace) -> int:
    key = encrypt_profile(profile_dir(args.profile))
    print(t("security.cli.encrypted"))
    print_recovery_key(key)
    return EXIT_OK


def cmd_add_admin(args: argparse.Namespace) -> int:
    password = _secret("security.cli.ask_password", args.password_stdin)
    _, store = open_args_profile(args)
    try:
        with store.read() as s:
            branch = get_setting(s, "branch_code")
        if not branch:
            raise CliError("device.not_set_up")
        add_local_admin(store, number=args.number, name=args.name, branch_code=branch,
                        password=password)
    finally:
        store.close()
    print(t("security.cli.admin_added", number=args.number.strip().upper()))
    return EXIT_OK


def cmd_unlock_staff(args: argparse.Namespace) -> int:
    password = _secret("security.cli.ask_password", args.password_stdin)
    _, store = open_args_profile(args)
    try:
        actor = authenticate(store, args.by, password, datetime.now(UTC))
        unlock(store, actor, args.number)
    finally:
        store.close()
    print(t("security.cli.unlocked", number=args.number.strip().upper()))
    return EXIT_OK
