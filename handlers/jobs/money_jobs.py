"""The monthly run of the cross-check rules, by whichever worker holds the background lease.

The job wakes every few hours and runs the rules once per Beijing month (a run with trigger "schedule"
in money_runs marks the month done), so a restarted worker neither skips a month nor runs twice.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import exists, select

from cases.identity import IdentityKeys
from cases.intake.submit import SubmitPolicy
from cases.money import clues
from cases.timeutil import BEIJING, local_date
from handlers.jobs.worker import Job, JobContext
from storage.db import transaction
from storage.models.money import MoneyPayment, MoneyRun

log = logging.getLogger(__name__)
WAKE_EVERY_S = 6 * 3600.0


def month_start(now: datetime) -> datetime:
    first = local_date(now).replace(day=1)
    return datetime(first.year, first.month, 1, tzinfo=BEIJING)


def monthly_checks(ctx: JobContext) -> None:
    s = ctx.runtime.settings
    policy = SubmitPolicy(keys=IdentityKeys(s.identity_key, s.identity_key_previous), calendar=ctx.runtime.calendar)
    with transaction(ctx.runtime.sessions) as session:
        done = select(MoneyRun.id).where(MoneyRun.trigger == "schedule", MoneyRun.started_at >= month_start(ctx.now))
        if session.scalar(select(exists(done))) or not session.scalar(select(exists(select(MoneyPayment.payment_id)))):
            return
        found = clues.run(session, policy=policy, now=ctx.now, trigger="schedule")
    log.info("money checks", extra={"fields": {"findings": len(found), "new": sum(c.new for c in found)}})


JOBS = (Job("money_checks", WAKE_EVERY_S, monthly_checks),)
