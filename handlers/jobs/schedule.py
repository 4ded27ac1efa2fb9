"""The scheduled jobs the background worker's lease holder runs, listed once and handed to the worker at
composition (handlers/app.py, `qingfeng worker`): nothing registers itself on import."""

from __future__ import annotations

from handlers.jobs import cases_jobs, money_jobs, staff_jobs
from handlers.jobs.worker import Job


def scheduled_jobs() -> list[Job]:
    """Report drafts and rate counters pruned, staged H5 photos swept, overdue cases marked (督办), and
    the monthly cross-check of benefit payments (docs/money.md)."""
    return [*cases_jobs.JOBS, *staff_jobs.JOBS, *money_jobs.JOBS]
