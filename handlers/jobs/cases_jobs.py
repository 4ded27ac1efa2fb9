"""Wiring for cases: the submit policy the bot uses, evidence downloads in the outbox, and pruning."""

from __future__ import annotations

import logging

from bot.context import Services
from cases.evidence import media_jobs
from cases.evidence.media_store import FileMediaStore
from cases.identity import IdentityKeys
from cases.intake import ratelimit, report_drafts, staging
from cases.intake.submit import SubmitPolicy
from cases.interop import case_hooks
from handlers.jobs.money_jobs import install_money
from handlers.jobs.worker import JobContext, register_job
from handlers.runtime import Runtime
from storage.db import transaction

log = logging.getLogger(__name__)
PRUNE_EVERY_S = 3600.0
STAGING_SWEEP_EVERY_S = 600.0


def case_policy(runtime: Runtime) -> SubmitPolicy:
    s = runtime.settings
    return SubmitPolicy(
        keys=IdentityKeys(s.identity_key, s.identity_key_previous),
        reports_per_day=s.reports_per_day,
        far_report_km=s.far_report_km,
    )


def install_cases(runtime: Runtime, services: Services | None = None) -> None:
    """Call once per process: before building the bot's services, and before starting a worker."""
    if services is not None:
        services.case_policy = case_policy(runtime)
    s = runtime.settings
    media_jobs.install(sessions=runtime.sessions, store=FileMediaStore(s.media_dir), max_bytes=s.media_max_bytes)
    case_hooks.install(sessions=runtime.sessions)  # signed case events to subscribers (#22)
    register_job("cases_prune", PRUNE_EVERY_S, prune_cases)
    register_job("h5_staging_sweep", STAGING_SWEEP_EVERY_S, sweep_staged_uploads)
    install_money()  # the monthly cross-check of benefit payments (docs/money.md)


def prune_cases(ctx: JobContext) -> None:
    """Drop report drafts older than 24 hours and spent rate counters."""
    with transaction(ctx.runtime.sessions) as session:
        gone = report_drafts.prune(session, now=ctx.now)
        ratelimit.prune(session, now=ctx.now)
    if gone:
        log.info("cases: pruned %d expired report drafts", gone)


def sweep_staged_uploads(ctx: JobContext) -> None:
    """Remove H5 photos no report took within two hours of their upload."""
    removed = staging.sweep(FileMediaStore(ctx.runtime.settings.media_dir), now=ctx.now)
    if removed:
        log.info("h5: removed %d staged photos no report took", removed)
