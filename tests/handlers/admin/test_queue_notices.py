"""全部标为已读 marks read only the notices the queue listed: their ids come with the form, so a notice that
arrives after the page was shown stays unread, and another member's notice is never touched."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import Engine, select

from storage.db import make_sessionmaker, transaction
from storage.models.staff import StaffNotice, StaffUser
from storage.types import utcnow
from tests.handlers.admin.test_admin_pages import client, login

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _notice(engine: Engine, username: str, text: str) -> int:
    with transaction(make_sessionmaker(engine)) as s:
        user = s.scalars(select(StaffUser).where(StaffUser.username == username)).one()
        notice = StaffNotice(user_id=user.id, case_id=None, text=text, created_at=utcnow())
        s.add(notice)
        s.flush()
        return notice.id


def _unread(engine: Engine) -> set[int]:
    with make_sessionmaker(engine)() as s:
        return set(s.scalars(select(StaffNotice.id).where(StaffNotice.read_at.is_(None))))


def test_mark_all_read_marks_only_the_notices_shown(engine: Engine) -> None:
    c = client(engine)
    shown = {_notice(engine, "cz_huzhu", f"提醒{i}：请查看。") for i in range(5)}
    token = login(c, "cz_huzhu")
    page = c.get("/admin/cases").text
    form = page[page.index('action="/admin/notices/read"') :]
    form = form[: form.index("</form>")]
    listed = {int(x) for x in re.findall(r'name="notice" value="(\d+)"', form)}
    assert listed == shown
    late = _notice(engine, "cz_huzhu", "新案件：请查看。")  # arrives after the page was shown
    other = _notice(engine, "jw_huzhu", "新案件：别人的提醒。")
    done = c.post("/admin/notices/read", data={"csrf": token, "notice": sorted(listed | {other})})
    assert done.status_code == 200
    assert _unread(engine) == {late, other}
    assert "新案件：请查看。" in done.text and "提醒0" not in done.text
    # a form without ids (an old page) or with junk for ids marks nothing
    c.post("/admin/notices/read", data={"csrf": token})
    assert c.post("/admin/notices/read", data={"csrf": token, "notice": ["²", "-1", "9" * 40]}).status_code == 200
    assert _unread(engine) == {late, other}
