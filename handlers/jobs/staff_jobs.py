"""Wiring for staff triage: the scheduler job that marks overdue cases (督办) under the worker's lease."""

from __future__ import annotations

import logging

from cases.handling import triage
from handlers.jobs.worker import Job, JobContext
from storage.db import transaction

log = logging.getLogger(__name__)
OVERDUE_EVERY_S = 300.0


def mark_overdue(ctx: JobContext) -> None:
    with transaction(ctx.runtime.sessions) as session:
        marked = triage.mark_overdue(session, now=ctx.now)
    if marked:
        log.info("cases: %d newly overdue, 督办 recorded", len(marked))


JOBS = (Job("cases_overdue", OVERDUE_EVERY_S, mark_overdue),)
