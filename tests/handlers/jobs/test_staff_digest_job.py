"""The daily digest job (#20 §5), on SQLite and PostgreSQL: it sends each waiting staff digest on working days
only, from QF_STAFF_DIGEST_HOUR (Beijing time), once a day."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from cases.staff import alerts, wechat_link
from handlers.jobs.staff_jobs import JOBS, send_digests
from handlers.jobs.worker import JobContext
from handlers.runtime import Runtime
from storage.db import make_sessionmaker, transaction
from storage.models import OutboxMessage, StaffUser
from storage.types import utcnow
from tests.cases_support import report, submit_once
from tests.staff_support import load_org
from tests.webhook_support import settings_for_tests


def _keys(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as s:
        return list(s.scalars(select(OutboxMessage.key).where(OutboxMessage.key.startswith("staff-digest"))))


def test_the_digest_goes_out_on_working_days_after_the_configured_hour(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    load_org(sessions)
    with transaction(sessions) as s:
        user = s.scalar(select(StaffUser).where(StaffUser.username == "nync_huzhu"))
        assert user is not None
        code = wechat_link.new_code(s, user=user, now=utcnow())
        wechat_link.link_from_scan(s, scene=code.scene, openid="o-staff-digest", now=utcnow())
        alerts.save_prefs(s, user_id=user.id, kinds=list(alerts.KINDS), digest=True, now=utcnow())
    item = report(None, anonymous=False, name="王五", phone="13900002222", category="project", cadre_level=None)
    submit_once(sessions, item, "digest-job-1")
    runtime = Runtime.from_settings(settings_for_tests(staff_digest_hour=9), engine=engine)

    def run(moment: datetime) -> None:
        send_digests(JobContext(runtime=runtime, api=cast(Any, None), now=moment))

    run(datetime(2026, 12, 12, 3, 0, tzinfo=UTC))  # Saturday 11:00 in Beijing: not a working day
    run(datetime(2026, 12, 7, 0, 30, tzinfo=UTC))  # Monday 08:30 in Beijing: before the hour
    assert _keys(sessions) == []
    run(datetime(2026, 12, 7, 1, 10, tzinfo=UTC))  # Monday 09:10
    run(datetime(2026, 12, 7, 7, 0, tzinfo=UTC))  # Monday 15:00: already sent today
    assert len(_keys(sessions)) == 1 and _keys(sessions)[0].endswith(":2026-12-07")
    assert "staff_digests" in [job.name for job in JOBS]
