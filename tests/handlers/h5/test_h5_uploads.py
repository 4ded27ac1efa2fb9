"""H5 photo intake: uploads are staged under a quota per device and per address, only a submitted report
keeps them, the worker sweeps the rest; every photo (H5 or chat download) is checked to decode within a
pixel limit, cut at its end and stripped of GIF comments and XMP. Also: scans count a device once per
poster per day, and a browser's location accuracy must be a sane number. Both databases."""

from __future__ import annotations

import io
import os
import time
from datetime import timedelta
from pathlib import Path
from typing import Any, cast

import pytest
from PIL import Image
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from cases.evidence.media_jobs import outbox_kinds
from cases.evidence.media_store import FileMediaStore
from cases.validation import EvidenceInput
from handlers.h5 import limits
from handlers.jobs.schedule import scheduled_jobs
from handlers.jobs.worker import JobContext
from handlers.runtime import Runtime
from storage.db import make_sessionmaker
from storage.models.cases import CaseEvidence
from storage.types import utcnow
from tests.cases_support import KEYS, VILLAGE, load_registry, report, submit_once
from tests.h5_support import h5_client, png_bytes
from tests.handlers.h5.test_h5_pages import BASE, cases, confirm, preview, scans
from tests.image_support import GIF_COMMENT, XMP, ZIP_TAIL, gif_with_comment_and_xmp, huge_png, jpeg_bytes
from tests.webhook_support import settings_for_tests
from wechat.client import WechatClient
from wechat.delivery import deliver_due
from wechat.standin import StandinWechat

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


def noise_png(size: int = 80) -> bytes:
    """A photo that does not compress: about 3 bytes a pixel."""
    out = io.BytesIO()
    Image.frombytes("RGB", (size, size), os.urandom(size * size * 3)).save(out, "PNG")
    return out.getvalue()


def quotas(
    monkeypatch: pytest.MonkeyPatch, *, dev_photos: int = 100, dev_kib: int = 10**6, ip_photos: int = 1000
) -> None:
    monkeypatch.setattr(
        limits,
        "UPLOAD_QUOTAS",
        (("dev", True, dev_photos, dev_kib), ("dev", False, 1000, 10**6), ("ip", True, ip_photos, 10**6)),
    )


def photo(name: str, content: bytes, content_type: str = "image/png") -> tuple[str, tuple[str, bytes, str]]:
    return ("photos", (name, content, content_type))


# -- finding 8: staging, quotas, cleanup ----------------------------------------------------------------


def test_uploads_past_a_devices_photo_quota_are_refused_with_the_form_kept(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quotas(monkeypatch, dev_photos=3)
    c = h5_client(engine, tmp_path / "media")
    two = [photo(f"p{i}.png", png_bytes(color, 24)) for i, color in enumerate(("red", "blue"))]
    assert preview(c, files=two).status_code == 200
    refused = preview(c, files=[photo(f"q{i}.png", png_bytes(color, 24)) for i, color in enumerate(("green", "gray"))])
    assert refused.status_code == 429 and "上传的照片太多了" in refused.text and "以后再上传" in refused.text
    assert "村会计把我家的危房改造补助扣了" in refused.text  # what the villager typed is still there
    assert len(files_under(tmp_path / "media")) == 2  # nothing of the refused upload was written
    c.cookies.clear()  # another device has its own quota
    assert preview(c, files=two).status_code == 200


def test_uploads_past_a_devices_byte_quota_are_refused(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quotas(monkeypatch, dev_kib=40)
    c = h5_client(engine, tmp_path / "media")
    big = noise_png()
    assert len(big) > 15 * 1024
    assert preview(c, files=[photo("a.png", big)]).status_code == 200
    refused = preview(c, files=[photo("b.png", noise_png()), photo("c.png", noise_png())])
    assert refused.status_code == 429 and "上传的照片太多了" in refused.text
    assert len(files_under(tmp_path / "media")) == 1


def test_an_address_has_a_quota_across_its_devices(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quotas(monkeypatch, ip_photos=3)
    c = h5_client(engine, tmp_path / "media")
    assert preview(c, files=[photo("a.png", png_bytes("red")), photo("b.png", png_bytes("blue"))]).status_code == 200
    c.cookies.clear()  # a new device behind the same address
    refused = preview(c, files=[photo("c.png", png_bytes("green")), photo("d.png", png_bytes("gray"))])
    assert refused.status_code == 429 and "上传的照片太多了" in refused.text


def test_previews_are_staged_and_the_worker_removes_what_no_report_took(engine: Engine, tmp_path: Path) -> None:
    media = tmp_path / "media"
    c = h5_client(engine, media)
    unsent = preview(c, files=[photo("unsent.png", png_bytes("blue", 40))])
    sent = preview(c, files=[photo("sent.png", png_bytes("red", 40))])
    assert unsent.status_code == sent.status_code == 200
    staged = files_under(media / "staging")
    assert len(staged) == 2 and files_under(media) == staged  # nothing outside staging before a submit
    assert "已收到您的反映" in confirm(c, sent.text).text
    with make_sessionmaker(engine)() as s:
        (evidence,) = s.scalars(select(CaseEvidence)).all()
    kept = media / (evidence.storage_key or "")
    assert not (evidence.storage_key or "").startswith("staging/") and kept.read_bytes() == png_bytes("red", 40)

    (job,) = [j for j in scheduled_jobs() if j.name == "h5_staging_sweep"]
    runtime = Runtime.from_settings(settings_for_tests(media_dir=media, identity_key=KEYS.current), engine=engine)
    job.fn(JobContext(runtime=runtime, api=cast(Any, None), now=utcnow() + timedelta(hours=1)))
    assert len(files_under(media / "staging")) == 2  # young staged files stay
    job.fn(JobContext(runtime=runtime, api=cast(Any, None), now=utcnow() + timedelta(hours=2, minutes=1)))
    assert files_under(media / "staging") == [] and kept.exists()  # the case's photo is not staged: it stays

    late = confirm(c, unsent.text)  # its photo was swept: the villager is asked to choose it again
    assert late.status_code == 400 and "已被清除" in late.text
    assert len(cases(engine)) == 1


def test_the_sweep_keeps_a_staged_file_written_after_the_cutoff(tmp_path: Path) -> None:
    from cases.intake import staging

    store = FileMediaStore(tmp_path)
    old = staging.stage(store, content=b"old", digest="ab" * 32, ext="png")
    os.utime(tmp_path / old, (time.time() - 3 * 3600, time.time() - 3 * 3600))
    young = staging.stage(store, content=b"young", digest="cd" * 32, ext="png")
    assert staging.sweep(store, now=utcnow()) == 1
    assert not store.exists(key=old) and store.exists(key=young)


# -- images: pixel limit, nothing after the end, GIF comments and XMP --------------------------------------


def stored_photo(engine: Engine, media: Path) -> bytes:
    with make_sessionmaker(engine)() as s:
        (evidence,) = s.scalars(select(CaseEvidence)).all()
    return (media / (evidence.storage_key or "")).read_bytes()


def test_h5_photo_with_a_zip_after_its_end_is_stored_without_it(engine: Engine, tmp_path: Path) -> None:
    c = h5_client(engine, tmp_path / "media")
    polyglot = jpeg_bytes() + ZIP_TAIL
    done = confirm(c, preview(c, files=[photo("p.jpg", polyglot, "image/jpeg")]).text)
    assert "已收到您的反映" in done.text
    stored = stored_photo(engine, tmp_path / "media")
    assert stored == jpeg_bytes() and b"PK\x03\x04" not in stored and b"<script>" not in stored


def test_h5_gif_loses_its_comment_and_xmp(engine: Engine, tmp_path: Path) -> None:
    c = h5_client(engine, tmp_path / "media")
    gif = gif_with_comment_and_xmp()
    done = confirm(c, preview(c, files=[photo("a.gif", gif + b"<html>", "image/gif")]).text)
    assert "已收到您的反映" in done.text
    stored = stored_photo(engine, tmp_path / "media")
    assert GIF_COMMENT not in stored and XMP not in stored and b"XMP DataXMP" not in stored and b"<html>" not in stored
    with Image.open(io.BytesIO(stored)) as image, Image.open(io.BytesIO(gif)) as original:
        assert image.convert("RGB").tobytes() == original.convert("RGB").tobytes()


def test_h5_refuses_a_30000_by_30000_png_and_a_photo_that_does_not_decode(engine: Engine, tmp_path: Path) -> None:
    c = h5_client(engine, tmp_path / "media")
    bomb = preview(c, files=[photo("bomb.png", huge_png())])
    assert bomb.status_code == 400 and "无法识别" in bomb.text
    broken = preview(c, files=[photo("broken.jpg", jpeg_bytes()[:200], "image/jpeg")])
    assert broken.status_code == 400 and "无法识别" in broken.text
    over_limit = preview(c, files=[photo("wide.png", huge_png(8000, 6000))])  # 48 MP: over 40
    assert over_limit.status_code == 400 and "无法识别" in over_limit.text
    assert files_under(tmp_path / "media") == [] and cases(engine) == []


def test_chat_downloads_are_cut_at_the_end_and_bombs_refused(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    load_registry(sessions)
    store = FileMediaStore(tmp_path / "media")
    kinds = outbox_kinds(sessions=sessions, store=store, max_bytes=1024 * 1024)
    evidence = tuple(EvidenceInput(kind="image", media_id=m) for m in ("polyglot", "gif", "bomb"))
    submit_once(sessions, report("o-images", evidence=evidence), "images-1")
    with StandinWechat() as wx:
        wx.add_media("polyglot", jpeg_bytes() + ZIP_TAIL, "image/jpeg")
        wx.add_media("gif", gif_with_comment_and_xmp(), "image/gif")
        wx.add_media("bomb", huge_png(), "image/png")
        with WechatClient(appid=wx.appid, secret=wx.secret, api_base=wx.url, sessions=sessions) as api:
            deliver_due(sessions=sessions, api=api, now=utcnow(), template_id="", kinds=kinds)
    with sessions() as s:
        rows = {e.media_id: e for e in s.scalars(select(CaseEvidence))}
    assert rows["polyglot"].download_status == "stored"
    assert store.get(key=rows["polyglot"].storage_key or "") == jpeg_bytes()
    gif = store.get(key=rows["gif"].storage_key or "")
    assert GIF_COMMENT not in gif and XMP not in gif
    assert rows["bomb"].download_status == "failed" and "unusable image" in (rows["bomb"].error or "")


# -- scans and accuracy --------------------------------------------------------------------------------


def test_a_device_counts_once_per_poster_per_day(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = h5_client(engine, tmp_path / "media")
    for _ in range(5):
        assert c.get(BASE).status_code == 200
    c.get(BASE + "-2")
    assert scans(engine, "h5") == {VILLAGE: 1, f"{VILLAGE}-2": 1}
    c.cookies.clear()
    c.get(BASE)
    assert scans(engine, "h5")[VILLAGE] == 2
    # Without a cookie every load is a new device: an address adds only its share a day.
    monkeypatch.setattr(limits, "SCANS_PER_DAY_IP", 3)
    for _ in range(6):
        c.cookies.clear()
        c.get(BASE)
    assert scans(engine, "h5")[VILLAGE] == 3


@pytest.mark.parametrize("accuracy", ["-5", "1e309", "inf", "nan", "-0.5", "1e7"])
def test_location_accuracy_must_be_a_sane_number(engine: Engine, tmp_path: Path, accuracy: str) -> None:
    c = h5_client(engine, tmp_path / "media")
    page = preview(c, lat="36.8352", lng="101.9521", accuracy=accuracy)
    assert page.status_code == 400 and "精度不正确" in page.text


def test_a_plain_accuracy_is_kept(engine: Engine, tmp_path: Path) -> None:
    c = h5_client(engine, tmp_path / "media")
    done = confirm(c, preview(c, lat="36.8352", lng="101.9521", accuracy="35").text)
    assert "已收到您的反映" in done.text
    assert cases(engine)[0].location_accuracy_m == 35.0
