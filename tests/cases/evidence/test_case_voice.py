"""Voice notes on the admin case page: AMR converted once to Ogg/Opus with imageio-ffmpeg's ffmpeg and
cached, served under the case's scoped media route (audited, ranges for seeking), and a note that
cannot be converted shown with a clear message and its original still downloadable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from cases.evidence import media_audio
from cases.evidence.media_store import FileMediaStore
from cases.validation import EvidenceInput
from storage.db import make_sessionmaker
from storage.models.cases import CaseEvidence
from storage.models.staff import AuditEntry
from tests.cases_support import KEYS, report, submit_once
from tests.staff_support import PASSWORD, load_org
from tests.voice_support import BROKEN_AMR, amr_note, store_voice
from tests.webhook_support import make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_amr_becomes_ogg_opus_once_and_the_copy_is_cached(tmp_path: Path) -> None:
    store = FileMediaStore(tmp_path)
    amr = amr_note()
    store.put(key="ab/abcd.amr", content=amr)
    done = media_audio.ensure_playable(store, original_key="ab/abcd.amr", content_type="audio/amr")
    assert done == media_audio.Playable("ab/abcd.play.ogg")
    ogg = store.get(key="ab/abcd.play.ogg")
    assert ogg.startswith(b"OggS") and b"OpusHead" in ogg[:200]
    # cached: a second call does not run ffmpeg (a missing binary would fail it)
    again = media_audio.ensure_playable(
        store, original_key="ab/abcd.amr", content_type="audio/amr", exe=str(tmp_path / "no-ffmpeg")
    )
    assert again.key == "ab/abcd.play.ogg"
    assert store.get(key="ab/abcd.amr") == amr  # the original is kept as it was


def test_a_file_ffmpeg_cannot_read_or_a_missing_ffmpeg_is_an_error_value_not_an_exception(tmp_path: Path) -> None:
    store = FileMediaStore(tmp_path)
    store.put(key="cd/cdef.amr", content=BROKEN_AMR)
    broken = media_audio.ensure_playable(store, original_key="cd/cdef.amr", content_type="audio/amr")
    assert broken.key is None and broken.error and "ffmpeg exit" in broken.error
    assert not store.exists(key="cd/cdef.play.ogg")
    store.put(key="ef/ef01.amr", content=amr_note())
    missing = media_audio.ensure_playable(
        store, original_key="ef/ef01.amr", content_type="audio/amr", exe=str(tmp_path / "no-ffmpeg")
    )
    assert missing.key is None and "did not run" in (missing.error or "")
    gone = media_audio.ensure_playable(store, original_key="00/0000.amr", content_type="audio/amr")
    assert gone.key is None and "unreadable" in (gone.error or "")


def test_playable_key_sits_next_to_the_original() -> None:
    assert media_audio.playable_key("ab/abc.amr") == "ab/abc.play.ogg"
    assert media_audio.playable_key("ab/abc") == "ab/abc.play.ogg"


def _client(engine: Engine, media_dir: Path) -> TestClient:
    c = make_client(engine, identity_key=KEYS.current, media_dir=media_dir)
    load_org(make_sessionmaker(engine))
    return c


def _login(c: TestClient, username: str) -> None:
    c.cookies.clear()
    page = c.get("/admin/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    c.post("/admin/login", data={"csrf": token, "username": username, "password": PASSWORD})


def _voice_case(engine: Engine, media_dir: Path, key: str, content: bytes) -> tuple[int, int]:
    sessions = make_sessionmaker(engine)
    evidence = (EvidenceInput(kind="voice", media_id=f"{key}-voice", media_format="amr"),)
    sub = submit_once(sessions, report(f"o-{key}", evidence=evidence), key)
    return sub.case_id, store_voice(sessions, media_dir, case_id=sub.case_id, content=content)


def test_case_page_plays_the_voice_note_and_its_route_is_scoped_and_audited(engine: Engine, tmp_path: Path) -> None:
    media_dir = tmp_path / "media"
    c = _client(engine, media_dir)
    case_id, evidence_id = _voice_case(engine, media_dir, "voice-ok", amr_note())
    _login(c, "jw_huzhu")
    page = c.get(f"/admin/cases/{case_id}")
    assert page.status_code == 200
    url = f"/admin/cases/{case_id}/media/{evidence_id}"
    assert f'<audio controls preload="metadata" src="{url}/play"' in page.text
    assert f'href="{url}">下载原始文件' in page.text
    play = c.get(url + "/play")
    assert play.status_code == 200 and play.headers["content-type"] == "audio/ogg"
    assert play.content.startswith(b"OggS") and play.headers["accept-ranges"] == "bytes"
    part = c.get(url + "/play", headers={"Range": "bytes=100-"})
    assert part.status_code == 206 and part.content == play.content[100:]
    assert part.headers["content-range"] == f"bytes 100-{len(play.content) - 1}/{len(play.content)}"
    tail = c.get(url + "/play", headers={"Range": "bytes=-10"})
    assert tail.status_code == 206 and tail.content == play.content[-10:]
    assert c.get(url + "/play", headers={"Range": f"bytes={len(play.content)}-"}).status_code == 416
    original = c.get(url)
    assert original.status_code == 200 and original.content == amr_note()
    assert original.headers["content-type"] == "audio/amr" and "attachment" in original.headers["content-disposition"]
    with make_sessionmaker(engine)() as s:
        views = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "view_media", AuditEntry.case_id == case_id)
        ).all()
    # the full fetch, the tail range and the original; the range from byte 100 continues a view
    assert [(v.username, v.detail["copy"]) for v in views] == [
        ("jw_huzhu", "playable"),
        ("jw_huzhu", "playable"),
        ("jw_huzhu", "original"),
    ]
    # another county's staff: 404 on the page and on both media URLs
    _login(c, "jw_ledu")
    for path in (f"/admin/cases/{case_id}", url, url + "/play"):
        assert c.get(path).status_code == 404, path
    # evidence of one case is not served under another case's URL
    other_case, other_evidence = _voice_case(engine, media_dir, "voice-other", amr_note(1.0))
    _login(c, "jw_huzhu")
    assert c.get(f"/admin/cases/{other_case}/media/{evidence_id}").status_code == 404
    assert c.get(f"/admin/cases/{case_id}/media/{other_evidence}/play").status_code == 404
    assert c.get(f"/admin/cases/{case_id}/media/x/play").status_code == 404


def test_a_voice_note_that_cannot_be_converted_is_explained_and_stays_downloadable(
    engine: Engine, tmp_path: Path
) -> None:
    media_dir = tmp_path / "media"
    c = _client(engine, media_dir)
    case_id, evidence_id = _voice_case(engine, media_dir, "voice-broken", BROKEN_AMR)
    with make_sessionmaker(engine)() as s:
        assert s.get(CaseEvidence, evidence_id).download_status == "stored"  # type: ignore[union-attr]
    _login(c, "jw_huzhu")
    page = c.get(f"/admin/cases/{case_id}")
    assert page.status_code == 200
    assert "这条语音无法转换为网页可播放的格式" in page.text and "<audio" not in page.text
    url = f"/admin/cases/{case_id}/media/{evidence_id}"
    assert f'<a href="{url}">下载原始文件</a>' in page.text
    play = c.get(url + "/play")
    assert play.status_code == 404 and "请下载原始文件收听" in play.text
    original = c.get(url)
    assert original.status_code == 200 and original.content == BROKEN_AMR
