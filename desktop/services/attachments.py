"""Attachments of a complaint: scanned letters, photos, statements (docs/ARCHITECTURE.md §6).

A file is accepted only if its content is a PDF, PNG, JPEG or TIFF (by its first
bytes, not by its name) and within the policy's size limit. It is stored sealed
(AES-256-GCM, key derived from the profile's keyring entry), read-only, under the
SHA-256 of its content in the profile folder's `attachments/`, and an
`attachment_added` event puts it on the timeline. The file's original name goes
into the (encrypted) event only; errors never carry a path or a name.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.domain.errors import DomainError, NotFound
from desktop.domain.model import Actor, EventKind, Status
from desktop.domain.states import EVENT_OF_ACTION, Action, check_transition
from desktop.paths import private_dir
from desktop.security.permissions import authorize, require
from desktop.security.policy import Permission, security_policy
from desktop.security.sealed_files import (
    ATTACHMENTS_DIR,
    AttachmentDamaged,
    is_content_name,
    seal,
    unseal,
    write_read_only,
)
from desktop.services.context import ServiceContext
from desktop.store.events import append_local_event, complaint_events
from desktop.store.models import ComplaintRow

MAX_NAME = 200

# The first bytes of each accepted type.
_SIGNATURES: tuple[tuple[str, str, tuple[bytes, ...]], ...] = (
    ("pdf", "application/pdf", (b"%PDF-",)),
    ("png", "image/png", (b"\x89PNG\r\n\x1a\n",)),
    ("jpeg", "image/jpeg", (b"\xff\xd8\xff",)),
    ("tiff", "image/tiff", (b"II*\x00", b"MM\x00*")),
)

__all__ = ["AttachmentDamaged", "AttachmentInfo", "add_attachment", "list_attachments",
           "open_attachment"]


class AttachmentTooLarge(DomainError):
    code = "attachment.too_large"


class AttachmentEmpty(DomainError):
    code = "attachment.empty"


class AttachmentTypeNotAllowed(DomainError):
    """The content is none of the accepted types, whatever the file is called."""

    code = "attachment.type_not_allowed"


class AttachmentUnreadable(DomainError):
    """The chosen file cannot be read (gone, a folder, no permission)."""

    code = "attachment.unreadable"


class AttachmentsUnavailable(DomainError):
    """The profile has no key to seal attachments with (an unencrypted tool store)."""

    code = "attachment.no_key"


@dataclass(frozen=True, slots=True)
class AttachmentInfo:
    sha256: str
    size: int
    media_type: str
    name: str
    added_by: str
    event_id: str


def content_type(head: bytes) -> tuple[str, str] | None:
    """(type, media type) of a file from its first bytes, or None for anything else."""
    for kind, media, prefixes in _SIGNATURES:
        if any(head.startswith(p) for p in prefixes):
            return kind, media
    return None


def _folder(ctx: ServiceContext) -> Path:
    return ctx.store.path.parent / ATTACHMENTS_DIR


def _key(ctx: ServiceContext) -> bytes:
    secrets = ctx.store.secrets
    if secrets is None:
        raise AttachmentsUnavailable()
    key: bytes = secrets.attachment_key()
    return key


def _read_limited(path: Any, limit: int) -> bytes:
    if not isinstance(path, str | os.PathLike):
        raise AttachmentUnreadable()
    try:
        with open(path, "rb") as f:
            content = f.read(limit + 1)
    except (OSError, ValueError, TypeError):  # also a NUL byte or an odd type in the path
        raise AttachmentUnreadable() from None
    if len(content) > limit:
        raise AttachmentTooLarge(limit_mb=f"{limit / 1024 / 1024:.0f}")
    return content


def _display_name(path: Path) -> str:
    name = "".join(ch for ch in path.name if ch.isprintable())[:MAX_NAME]
    return name or "attachment"


def add_attachment(ctx: ServiceContext, actor: Actor, complaint_id: str, path: Path) -> AttachmentInfo:
    """Attach the file at `path` to the complaint. Raises NotPermitted, NotFound,
    AttachmentUnreadable, AttachmentEmpty, AttachmentTooLarge or AttachmentTypeNotAllowed;
    nothing is stored then. The same content attached twice is stored once."""
    authorize(actor, Action.ADD_ATTACHMENT)
    if not isinstance(complaint_id, str):
        raise NotFound(what="complaint")
    policy = security_policy()
    content = _read_limited(path, policy.attachment_max_bytes)
    if not content:
        raise AttachmentEmpty()
    kind = content_type(content[:16])
    if kind is None or kind[0] not in policy.attachment_types:
        raise AttachmentTypeNotAllowed(allowed=", ".join(sorted(policy.attachment_types)))
    sha256 = hashlib.sha256(content).hexdigest()
    folder = private_dir(_folder(ctx))
    target = folder / sha256
    created = False
    key = _key(ctx)
    if not target.exists():
        write_read_only(target, seal(content, sha256, key))
        created = True
    name = _display_name(Path(os.fsdecode(path)))
    payload = {"sha256": sha256, "size": len(content), "media_type": kind[1], "name": name}
    now = ctx.now()
    try:
        with ctx.store.write() as s:
            row = s.scalar(select(ComplaintRow).where(ComplaintRow.id == complaint_id))
            if row is None:
                raise NotFound(what="complaint")  # never repeat what the caller passed
            check_transition(Status(row.status), Action.ADD_ATTACHMENT, actor.role)
            ev = append_local_event(
                s, complaint_id=complaint_id, kind=EVENT_OF_ACTION[Action.ADD_ATTACHMENT],
                payload=payload, actor=actor.staff_number, actor_role=actor.role,
                device_id=ctx.device.device_id, branch_code=ctx.device.branch_code, now=now,
                business_date=ctx.business_date(now))
    except BaseException:
        if created:  # refused: leave no file behind that no event refers to
            _remove(target)
        raise
    return AttachmentInfo(sha256=sha256, size=len(content), media_type=kind[1],
                          name=name, added_by=actor.staff_number, event_id=ev.id)


def _remove(path: Path) -> None:
    try:
        os.chmod(path, 0o600)
        path.unlink()
    except OSError:
        pass


def list_attachments(ctx: ServiceContext, actor: Actor, complaint_id: str) -> list[AttachmentInfo]:
    """The complaint's attachments in timeline order. Raises NotPermitted."""
    require(actor, Permission.CASE_VIEW)
    with ctx.store.read() as s:
        events = complaint_events(s, complaint_id)
    found: list[AttachmentInfo] = []
    for ev in events:
        if ev.kind is not EventKind.ATTACHMENT_ADDED:
            continue
        p = ev.payload
        found.append(AttachmentInfo(sha256=str(p.get("sha256", "")), size=int(p.get("size", 0)),
                                    media_type=str(p.get("media_type", "")),
                                    name=str(p.get("name", "")), added_by=ev.actor,
                                    event_id=ev.id))
    return found


def open_attachment(ctx: ServiceContext, actor: Actor, complaint_id: str, sha256: str) -> bytes:
    """The content of one of the complaint's attachments. Raises NotPermitted, NotFound
    (not attached to this complaint, or its file is missing, e.g. not yet synced) and
    AttachmentDamaged (the file was altered or does not open with this profile's key)."""
    require(actor, Permission.ATTACHMENT_OPEN)
    if not isinstance(sha256, str) or not is_content_name(sha256) or all(
            a.sha256 != sha256 for a in list_attachments(ctx, actor, complaint_id)):
        raise NotFound(what="attachment")
    try:
        blob = (_folder(ctx) / sha256).read_bytes()
    except FileNotFoundError:
        raise NotFound(what="attachment") from None
    return unseal(blob, sha256, _key(ctx))
