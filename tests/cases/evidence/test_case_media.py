"""Evidence downloads through the outbox against the loopback stand-in, and notices to the villager."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from cases.evidence.media_jobs import outbox_kinds
from cases.evidence.media_store import FileMediaStore
from cases.handling import case_steps
from cases.reading import tracking
from cases.validation import EvidenceInput
from storage.db import transaction
from storage.models import OutboxMessage
from storage.models.cases import Case, CaseEvidence
from storage.repos import outbox
from storage.types import utcnow
from tests.cases_support import KEYS, load_registry, report, submit_once
from tests.image_support import jpeg_bytes
from wechat.client import WechatClient
from wechat.delivery import deliver_due
from wechat.standin import StandinWechat

JPEG = jpeg_bytes()  # a real photo: downloads must decode
AMR = b"#!AMR\n" + b"\x00" * 300


def evidence_by_media(sessions: sessionmaker[Session]) -> dict[str, CaseEvidence]:
    with sessions() as s:
        return {e.media_id or "": e for e in s.scalars(select(CaseEvidence))}


def test_downloads_retry_while_the_api_fails_then_store_by_sha256(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    load_registry(sessions)
    store = FileMediaStore(tmp_path / "media")
    kinds = outbox_kinds(sessions=sessions, store=store, max_bytes=4096)
    evidence = (
        EvidenceInput(kind="image", media_id="good-photo"),
        EvidenceInput(kind="voice", media_id="good-voice", media_format="amr"),
        EvidenceInput(kind="image", media_id="not-an-image"),
        EvidenceInput(kind="image", media_id="huge"),
        EvidenceInput(kind="image", media_id="expired"),
    )
    done = submit_once(sessions, report("o-media", evidence=evidence), "media-1")
    with StandinWechat() as wx:
        wx.add_media("good-photo", JPEG, "image/jpeg")
        wx.add_media("good-voice", AMR, "audio/amr")
        wx.add_media("not-an-image", b"<html>login</html>", "image/jpeg")
        wx.add_media("huge", b"\xff\xd8\xff" + b"x" * 5000, "image/jpeg")
        wx.fail(-1, path="media/get", times=6)  # WeChat busy for a while
        now = utcnow()
        with WechatClient(appid=wx.appid, secret=wx.secret, api_base=wx.url, sessions=sessions) as api:
            first = deliver_due(sessions=sessions, api=api, now=now, template_id="", kinds=kinds)
            assert first.retrying == 5 and first.sent == 0
            for minutes in (1, 3, 10, 30):
                deliver_due(
                    sessions=sessions, api=api, now=now + timedelta(minutes=minutes), template_id="", kinds=kinds
                )
            rows = evidence_by_media(sessions)
            assert rows["good-photo"].download_status == "stored"
            assert rows["good-photo"].sha256 == hashlib.sha256(JPEG).hexdigest()
            assert store.get(key=rows["good-photo"].storage_key or "") == JPEG
            assert (rows["good-voice"].download_status, rows["good-voice"].content_type) == ("stored", "audio/amr")
            assert rows["not-an-image"].download_status == "failed" and "unexpected content" in (
                rows["not-an-image"].error or ""
            )
            assert rows["huge"].download_status == "failed" and "too large" in (rows["huge"].error or "")
            # "expired" does not exist at WeChat (40007): permanent, shown on the case
            assert rows["expired"].download_status == "failed"
    with sessions() as s:
        case = s.scalars(select(Case).where(Case.number == done.number)).one()
        assert tracking.view(s, case).failed_downloads == 3


def test_a_download_failing_until_the_three_day_expiry_is_marked_failed(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    load_registry(sessions)
    kinds = outbox_kinds(sessions=sessions, store=FileMediaStore(tmp_path / "m"), max_bytes=4096)
    submit_once(sessions, report("o-slow", photos=1), "slow")
    with StandinWechat() as wx:
        wx.fail(-1, path="media/get")  # for ever
        now = utcnow()
        with WechatClient(appid=wx.appid, secret=wx.secret, api_base=wx.url, sessions=sessions) as api:
            for hours in (0, 1, 2, 24, 48, 71):
                report_ = deliver_due(
                    sessions=sessions, api=api, now=now + timedelta(hours=hours), template_id="", kinds=kinds
                )
                assert report_.dead == 0
            assert deliver_due(
                sessions=sessions, api=api, now=now + timedelta(days=3, minutes=1), template_id="", kinds=kinds
            ).dead
    (row,) = evidence_by_media(sessions).values()
    assert row.download_status == "failed"


def test_status_notices_reach_the_villager_and_are_purged_once_sent(sessions: sessionmaker[Session]) -> None:
    load_registry(sessions)
    done = submit_once(sessions, report("o-notice"), "notice")
    with transaction(sessions) as s:
        case = case_steps.get_case(s, number=done.number)
        case_steps.accept(s, case=case, actor="staff:1", keys=KEYS, now=utcnow())
    with StandinWechat() as wx:
        wx.fail(45015, path="message/custom/send", openid="o-notice", times=1)
        with WechatClient(appid=wx.appid, secret=wx.secret, api_base=wx.url, sessions=sessions) as api:
            assert deliver_due(sessions=sessions, api=api, now=utcnow(), template_id="").held == 1
            with transaction(sessions) as s:
                outbox.release_held(s, openid="o-notice", now=utcnow())
            assert deliver_due(sessions=sessions, api=api, now=utcnow(), template_id="").sent == 1
        sent = [c for c in wx.calls_to("message/custom/send") if c.errcode == 0]
        assert len(sent) == 1 and done.number in sent[0].body["text"]["content"]
    with sessions() as s:
        row = s.scalars(select(OutboxMessage).where(OutboxMessage.kind == "kefu_text")).one()
        assert row.status == "sent" and row.user_key is None and row.recipient_seal is None and row.payload == {}


def test_a_notice_outside_the_window_goes_as_a_template_when_one_is_configured(
    sessions: sessionmaker[Session],
) -> None:
    load_registry(sessions)
    done = submit_once(sessions, report("o-far-away"), "template")
    with transaction(sessions) as s:
        case = case_steps.get_case(s, number=done.number)
        case_steps.accept(s, case=case, actor="staff:1", keys=KEYS, now=utcnow())
    with StandinWechat() as wx:
        wx.fail(45015, path="message/custom/send", openid="o-far-away")
        with WechatClient(appid=wx.appid, secret=wx.secret, api_base=wx.url, sessions=sessions) as api:
            result = deliver_due(sessions=sessions, api=api, now=utcnow(), template_id="TPL-1")
        assert result.via_template == 1
        (call,) = wx.calls_to("message/template/send")
        assert call.body["touser"] == "o-far-away" and done.number in call.body["data"]["keyword1"]["value"]
