"""Attachments: size limit, type by content, sealed and read-only, named by SHA-256, on the timeline."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from desktop.domain.errors import NotFound, PermissionDenied
from desktop.domain.model import Actor, EventKind, Role
from desktop.security.policy import security_policy
from desktop.services import complaints as uc
from desktop.services.attachments import (
    AttachmentDamaged,
    AttachmentEmpty,
    AttachmentTooLarge,
    AttachmentTypeNotAllowed,
    AttachmentUnreadable,
    add_attachment,
    list_attachments,
    open_attachment,
)
from desktop.services.cases import case_detail
from desktop.services.context import ServiceContext
from tests.security.files import jpeg_bytes, pdf_bytes, png_bytes, tiff_bytes
from tests.services.intakes import sample_intake


@pytest.fixture
def complaint(ctx: ServiceContext, teller: Actor) -> str:
    return uc.record_complaint(ctx, teller, sample_intake()).complaint_id


def put(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def stored(ctx: ServiceContext) -> list[Path]:
    folder = ctx.store.path.parent / "attachments"
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize(("content", "media"), [
    (pdf_bytes(), "application/pdf"), (png_bytes(), "image/png"), (jpeg_bytes(), "image/jpeg"),
    (tiff_bytes(), "image/tiff"), (tiff_bytes(big_endian=True), "image/tiff"),
])
def test_each_accepted_type_is_stored_sealed_and_read_back(
        ctx: ServiceContext, teller: Actor, complaint: str, tmp_path: Path,
        content: bytes, media: str) -> None:
    info = add_attachment(ctx, teller, complaint, put(tmp_path, "whatever.bin", content))
    assert info.media_type == media and info.size == len(content)
    assert info.sha256 == hashlib.sha256(content).hexdigest()
    [path] = stored(ctx)
    assert path.name == info.sha256
    assert content not in path.read_bytes()
    assert open_attachment(ctx, teller, complaint, info.sha256) == content


def test_the_type_is_judged_by_content_not_by_name(
        ctx: ServiceContext, teller: Actor, complaint: str, tmp_path: Path) -> None:
    for name, content in [("invoice.pdf", b"MZ\x90\x00 an executable"), ("photo.png", b"<html>"),
                          ("scan.jpg", b"GIF89a......")]:
        with pytest.raises(AttachmentTypeNotAllowed):
            add_attachment(ctx, teller, complaint, put(tmp_path, name, content))
    info = add_attachment(ctx, teller, complaint, put(tmp_path, "letter.txt", pdf_bytes()))
    assert info.media_type == "application/pdf"


def test_files_over_the_size_limit_and_empty_files_are_refused(
        ctx: ServiceContext, teller: Actor, complaint: str, tmp_path: Path) -> None:
    limit = security_policy().attachment_max_bytes
    big = put(tmp_path, "big.pdf", pdf_bytes() + b"\0" * (limit - len(pdf_bytes()) + 1))
    with pytest.raises(AttachmentTooLarge):
        add_attachment(ctx, teller, complaint, big)
    with pytest.raises(AttachmentEmpty):
        add_attachment(ctx, teller, complaint, put(tmp_path, "empty.pdf", b""))
    with pytest.raises(AttachmentUnreadable):
        add_attachment(ctx, teller, complaint, tmp_path / "missing.pdf")
    assert stored(ctx) == []
    assert [e.kind for e in case_detail(ctx, complaint).timeline] == [EventKind.RECEIVED]


def test_a_stored_attachment_is_read_only_and_on_the_timeline(
        ctx: ServiceContext, teller: Actor, complaint: str, tmp_path: Path) -> None:
    info = add_attachment(ctx, teller, complaint, put(tmp_path, "收据.png", png_bytes()))
    [path] = stored(ctx)
    assert not os.stat(path).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    timeline = case_detail(ctx, complaint).timeline
    assert timeline[-1].kind is EventKind.ATTACHMENT_ADDED
    assert timeline[-1].payload["sha256"] == info.sha256
    assert [a.name for a in list_attachments(ctx, teller, complaint)] == ["收据.png"]


def test_the_same_content_twice_is_stored_once(
        ctx: ServiceContext, teller: Actor, complaint: str, tmp_path: Path) -> None:
    add_attachment(ctx, teller, complaint, put(tmp_path, "a.pdf", pdf_bytes()))
    add_attachment(ctx, teller, complaint, put(tmp_path, "b.pdf", pdf_bytes()))
    assert len(stored(ctx)) == 1
    assert len(list_attachments(ctx, teller, complaint)) == 2


def test_an_altered_file_does_not_open(
        ctx: ServiceContext, teller: Actor, complaint: str, tmp_path: Path) -> None:
    info = add_attachment(ctx, teller, complaint, put(tmp_path, "a.png", png_bytes()))
    [path] = stored(ctx)
    os.chmod(path, 0o600)
    blob = bytearray(path.read_bytes())
    blob[-1] ^= 0x01
    path.write_bytes(bytes(blob))
    with pytest.raises(AttachmentDamaged):
        open_attachment(ctx, teller, complaint, info.sha256)


def test_attachments_of_another_complaint_or_unknown_ones_are_not_opened(
        ctx: ServiceContext, teller: Actor, complaint: str, tmp_path: Path) -> None:
    info = add_attachment(ctx, teller, complaint, put(tmp_path, "a.png", png_bytes()))
    other = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    with pytest.raises(NotFound):
        open_attachment(ctx, teller, other, info.sha256)
    with pytest.raises(NotFound):
        open_attachment(ctx, teller, complaint, "../../profile.json")


def test_attaching_to_an_unknown_complaint_leaves_no_file(
        ctx: ServiceContext, teller: Actor, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        add_attachment(ctx, teller, "no-such-complaint", put(tmp_path, "a.pdf", pdf_bytes()))
    assert stored(ctx) == []


def test_an_auditor_opens_attachments_but_adds_none(
        ctx: ServiceContext, teller: Actor, complaint: str, tmp_path: Path) -> None:
    auditor = Actor("A001", Role.AUDITOR)
    info = add_attachment(ctx, teller, complaint, put(tmp_path, "a.pdf", pdf_bytes()))
    assert open_attachment(ctx, auditor, complaint, info.sha256) == pdf_bytes()
    with pytest.raises(PermissionDenied):
        add_attachment(ctx, auditor, complaint, put(tmp_path, "b.png", png_bytes()))
    with pytest.raises(PermissionDenied):
        open_attachment(ctx, Actor("ADM1", Role.ADMIN), complaint, info.sha256)


def test_error_messages_carry_no_file_name(
        ctx: ServiceContext, teller: Actor, complaint: str, tmp_path: Path) -> None:
    path = put(tmp_path, "王小明-身份证-11010519491231002X.exe", b"MZ")
    with pytest.raises(AttachmentTypeNotAllowed) as caught:
        add_attachment(ctx, teller, complaint, path)
    for locale in ("en", "zh_CN"):
        message = caught.value.message(locale) + str(caught.value)
        assert "王小明" not in message and "11010519491231002X" not in message
