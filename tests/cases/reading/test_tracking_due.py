"""The deadline a villager is shown is the one that applies now (issue #20 §1): word of acceptance until the unit
takes the case on, then the resolution, after a 不满意 the rectification, none once closed; in the chat and on
the H5 track page alike."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from bot.intents.track import describe
from cases.handling import case_steps, rectification
from cases.reading import tracking
from cases.timeutil import chinese_date
from cases.workdays import SHIPPED
from storage.db import make_sessionmaker, transaction
from storage.models.cases import Case
from storage.types import utcnow
from tests.cases_support import KEYS, report, submit_once
from tests.h5_support import csrf_of, h5_client
from tests.staff_support import load_org


def _shown(sessions: sessionmaker[Session], case_id: int) -> tuple[tuple[str, object] | None, str]:
    with sessions() as s:
        case = s.get(Case, case_id)
        assert case is not None
        return tracking.next_due(s, case), describe(tracking.view(s, case))


def test_the_deadline_shown_follows_the_case(sessions: sessionmaker[Session]) -> None:
    load_org(sessions)
    case_id = submit_once(sessions, report("o-due"), "k-due").case_id
    with sessions() as s:
        case = s.get(Case, case_id)
        assert case is not None
        first, resolve = case.first_response_due, case.resolve_due
    due, chat = _shown(sessions, case_id)
    assert due == ("受理告知期限", first) and f"受理告知期限：{chinese_date(first)}" in chat
    for step in ("accept", "reply"):  # accepted, then answered: the resolution is what the villager waits for
        with transaction(sessions) as s:
            case = s.get(Case, case_id)
            assert case is not None
            if step == "accept":
                case_steps.accept(s, case=case, actor="staff:x", keys=KEYS, now=utcnow())
            else:
                case_steps.public_reply(s, case=case, text="已核实。", actor="staff:x", keys=KEYS, now=utcnow())
        due, chat = _shown(sessions, case_id)
        assert due == ("办结期限", resolve)
        assert f"办结期限：{chinese_date(resolve)}" in chat and "受理告知期限" not in chat
    with transaction(sessions) as s:
        case = s.get(Case, case_id)
        assert case is not None
        case_steps.close(s, case=case, finding="不实", resolution="已核实。", actor="staff:x", keys=KEYS, now=utcnow())
    due, chat = _shown(sessions, case_id)
    assert due is None and "期限" not in chat
    with transaction(sessions) as s:
        case = s.get(Case, case_id)
        assert case is not None
        case_steps.rate(s, case=case, rating=4, reason="没解决", actor="villager", now=utcnow(), calendar=SHIPPED)
    with sessions() as s:
        case = s.get(Case, case_id)
        assert case is not None
        loop = rectification.open_loop(s, case)
        assert loop is not None
        fix_due = case.resolve_due
    due, chat = _shown(sessions, case_id)
    assert due == ("整改期限", fix_due) and f"整改期限：{chinese_date(fix_due)}" in chat
    assert "受理告知期限" not in chat and "办结期限" not in chat


def test_the_h5_track_page_shows_the_rectification_due_after_a_bad_rating(engine: Engine, tmp_path: Path) -> None:
    from tests.handlers.h5.test_h5_pages import BASE, confirm, number_and_code, preview

    c = h5_client(engine, tmp_path / "media")
    number, code = number_and_code(confirm(c, preview(c).text).text)
    token = csrf_of(c.get(BASE + "/track").text)
    form = {"csrf": token, "number": number, "code": code}
    assert "受理告知期限" in c.post(BASE + "/track", data=form).text
    with transaction(make_sessionmaker(engine)) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        now = utcnow()
        case_steps.accept(s, case=case, actor="staff:x", keys=KEYS, now=now)
        case_steps.public_reply(s, case=case, text="已核实。", actor="staff:x", keys=KEYS, now=now)
        case_steps.close(s, case=case, finding="不实", resolution="补助已发放。", actor="staff:x", keys=KEYS, now=now)
    assert c.post(BASE + "/rate", data={**form, "rating": "4", "reason": "补助没发到我家"}).status_code == 200
    page = c.post(BASE + "/track", data=form).text
    assert "整改期限" in page and "受理告知期限" not in page and "办结期限" not in page
