"""Wiring for staff triage: the scheduler jobs that mark overdue cases (督办) and, on working days from
QF_STAFF_DIGEST_HOUR (Beijing time), send the daily digest of WeChat notices to staff who chose it."""

from __future__ import annotations

import logging

from cases.handling import triage
from cases.staff import alerts
from cases.timeutil import BEIJING
from handlers.jobs.worker import Job, JobContext
from storage.db import transaction

log = logging.getLogger(__name__)
OVERDUE_EVERY_S = 300.0
DIGEST_EVERY_S = 600.0


def mark_overdue(ctx: JobContext) -> None:
    with transaction(ctx.runtime.sessions) as session:
        marked = triage.mark_overdue(session, now=ctx.now)
    if marked:
        log.info("cases: %d newly overdue, 督办 recorded", len(marked))


def send_digests(ctx: JobContext) -> None:
    """After the configured hour of a working day, queue each waiting staff digest (once a day each)."""
    local = ctx.now.astimezone(BEIJING)
    if local.hour < ctx.runtime.settings.staff_digest_hour or not ctx.runtime.calendar.is_working_day(local.date()):
        return
    with transaction(ctx.runtime.sessions) as session:
        sent = alerts.send_digests(session, day=local.date(), now=ctx.now)
    if sent:
        log.info("staff: %d daily digests queued", sent)


JOBS = (
    Job("cases_overdue", OVERDUE_EVERY_S, mark_overdue),
    Job("staff_digests", DIGEST_EVERY_S, send_digests),
)
