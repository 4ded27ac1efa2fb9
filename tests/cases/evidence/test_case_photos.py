"""Photos on the admin case page: shown inline from the case's scoped media route (audited, no-store,
nosniff); another county's staff get 404."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from cases.evidence.media_store import FileMediaStore
from cases.validation import EvidenceInput
from storage.db import make_sessionmaker
from storage.models.cases import CaseEvidence
from storage.models.staff import AuditEntry
from tests.cases_support import KEYS, report, submit_once
from tests.staff_support import PASSWORD, load_org
from tests.webhook_support import make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

JPEG = b"\xff\xd8\xff\xe0" + b"photo-bytes" * 50


def test_an_uploaded_photo_shows_on_the_case_page_and_only_in_scope(engine: Engine, tmp_path: Path) -> None:
    media_dir = tmp_path / "media"
    c = make_client(engine, identity_key=KEYS.current, media_dir=media_dir)
    sessions = make_sessionmaker(engine)
    load_org(sessions)
    digest = hashlib.sha256(JPEG).hexdigest()
    key = f"{digest[:2]}/{digest}.jpg"
    FileMediaStore(media_dir).put(key=key, content=JPEG)
    photo = EvidenceInput(
        kind="image", media_id="", storage_key=key, sha256=digest, content_type="image/jpeg", size_bytes=len(JPEG)
    )
    sub = submit_once(sessions, report("o-photo", evidence=(photo,)), "photo-1")
    with sessions() as s:
        evidence_id = s.scalars(select(CaseEvidence.id).where(CaseEvidence.case_id == sub.case_id)).one()
    url = f"/admin/cases/{sub.case_id}/media/{evidence_id}"

    def login(username: str) -> None:
        c.cookies.clear()
        token = re.search(r'name="csrf" value="([^"]+)"', c.get("/admin/login").text).group(1)  # type: ignore[union-attr]
        c.post("/admin/login", data={"csrf": token, "username": username, "password": PASSWORD})

    login("jw_huzhu")
    assert f'<img class="photo" src="{url}"' in c.get(f"/admin/cases/{sub.case_id}").text
    got = c.get(url)
    assert got.status_code == 200 and got.content == JPEG and got.headers["content-type"] == "image/jpeg"
    assert got.headers["content-disposition"].startswith("inline")
    assert got.headers["x-content-type-options"] == "nosniff" and "no-store" in got.headers["cache-control"]
    assert c.get(url + "/play").status_code == 404  # only voice notes have a playable copy
    login("jw_ledu")
    assert c.get(url).status_code == 404
    login("admin")
    assert c.get(url).status_code == 403
    with sessions() as s:
        assert s.scalars(select(AuditEntry.username).where(AuditEntry.action == "view_media")).all() == ["jw_huzhu"]
