"""The one evidence intake: one table of formats, checked by their full signatures, on both paths (the
chat's download job and the H5 upload). The two tables it replaced had drifted: the download path took any
RIFF file as WebP and any `GIF8` prefix as GIF."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from cases.evidence import intake
from cases.evidence.media_jobs import MediaDownloader
from cases.evidence.media_store import FileMediaStore
from cases.intake import staging
from tests.h5_support import h5_client
from tests.handlers.h5.test_h5_pages import cases, preview
from tests.image_support import ZIP_TAIL, jpeg_bytes
from tests.voice_support import OneFileApi
from wechat.delivery import PermanentFailure

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def image_bytes(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), (20, 120, 40)).save(out, fmt)
    return out.getvalue()


WEBP = image_bytes("WEBP")
GIF = image_bytes("GIF")
# RIFF holds WAV and AVI as well as WebP; `GIF8` begins more than the two GIF versions.
WAV = b"RIFF" + (36).to_bytes(4, "little") + b"WAVEfmt " + b"\x10\x00\x00\x00" + b"\x01\x00" * 10
AVI_NAMED_WEBP = WEBP[:8] + b"AVI " + WEBP[12:]
NOT_A_GIF = b"GIF8xa" + GIF[6:]
DRIFTED = [("wav", WAV, "image/webp"), ("avi", AVI_NAMED_WEBP, "image/webp"), ("gif8", NOT_A_GIF, "image/gif")]


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


@pytest.mark.parametrize(("content", "content_type", "ext"), [
    (jpeg_bytes(), "image/jpeg", "jpg"),
    (image_bytes("PNG"), "image/png", "png"),
    (GIF, "image/gif", "gif"),
    (b"GIF87a" + GIF[6:], "image/gif", "gif"),
    (WEBP, "image/webp", "webp"),
])  # fmt: skip
def test_every_photo_format_is_known_by_its_bytes(content: bytes, content_type: str, ext: str) -> None:
    accepted = intake.examine("image", content)
    assert (accepted.content_type, accepted.ext) == (content_type, ext)
    assert accepted.sha256 == hashlib.sha256(accepted.content).hexdigest()
    assert accepted.key == f"{accepted.sha256[:2]}/{accepted.sha256}.{ext}"


@pytest.mark.parametrize(("name", "content", "declared"), DRIFTED)
def test_a_riff_that_is_not_webp_and_a_gif8_that_is_not_gif_are_refused(
    name: str, content: bytes, declared: str
) -> None:
    with pytest.raises(intake.WrongType):
        intake.examine("image", content)
    with pytest.raises(intake.WrongType):
        intake.examine("image", content, declared=declared)


def test_the_declared_type_must_agree_with_the_bytes_and_voice_is_not_a_photo() -> None:
    with pytest.raises(intake.WrongType):
        intake.examine("image", jpeg_bytes(), declared="image/png")
    with pytest.raises(intake.WrongType):
        intake.examine("image", b"#!AMR\n" + b"\x00" * 64)
    voice = intake.examine("voice", b"#!AMR\n" + b"\x00" * 64)
    assert (voice.content_type, voice.ext) == ("audio/amr", "amr")


def test_a_photo_is_cleaned_before_it_is_hashed_and_stored(tmp_path: Path) -> None:
    store = FileMediaStore(tmp_path)
    accepted, key = intake.take_in(store, "image", jpeg_bytes() + ZIP_TAIL)
    assert accepted.content == jpeg_bytes() and accepted.sha256 == hashlib.sha256(jpeg_bytes()).hexdigest()
    assert key == accepted.key and store.get(key=key) == jpeg_bytes()
    staged = intake.keep(store, accepted, staged=True)
    assert staging.is_staged(staged) and store.get(key=staged) == jpeg_bytes()


def test_a_broken_photo_is_unusable_not_of_the_wrong_type() -> None:
    with pytest.raises(intake.Unusable, match="unusable image"):
        intake.examine("image", jpeg_bytes()[:200])


@pytest.mark.parametrize(("name", "content", "declared"), DRIFTED)
def test_the_chat_download_refuses_the_drifted_formats_for_good(
    sessions: sessionmaker[Session], tmp_path: Path, name: str, content: bytes, declared: str
) -> None:
    job = MediaDownloader(sessions=sessions, store=FileMediaStore(tmp_path), max_bytes=1 << 20)
    payload: dict[str, Any] = {"evidence_id": 1, "media_id": name, "kind": "image"}
    with pytest.raises(PermanentFailure, match="unexpected content"):
        job.run(OneFileApi(content, declared), payload)  # type: ignore[arg-type]
    assert files_under(tmp_path) == []


@pytest.mark.parametrize(("name", "content", "declared"), DRIFTED)
def test_the_h5_upload_refuses_the_drifted_formats(
    engine: Engine, tmp_path: Path, name: str, content: bytes, declared: str
) -> None:
    c = h5_client(engine, tmp_path / "media")
    page = preview(c, files=[("photos", (f"{name}.bin", content, declared))])
    assert page.status_code == 400 and "不是照片" in page.text
    assert files_under(tmp_path / "media") == [] and cases(engine) == []
