"""Wiring for cases: the submit policy the bot uses, the outbox kinds (evidence downloads, case events) and
the pruning jobs, each built at composition."""

from __future__ import annotations

import logging

from bot.context import Services
from cases.evidence import media_jobs
from cases.evidence.media_store import FileMediaStore
from cases.identity import IdentityKeys
from cases.intake import ratelimit, report_drafts, staging
from cases.intake.submit import SubmitPolicy
from cases.interop import case_hooks
from handlers.jobs.worker import Job, JobContext
from handlers.runtime import Runtime
from storage.db import transaction
from wechat.delivery import OutboxKinds

log = logging.getLogger(__name__)
PRUNE_EVERY_S = 3600.0
STAGING_SWEEP_EVERY_S = 600.0


def case_policy(runtime: Runtime) -> SubmitPolicy:
    s = runtime.settings
    return SubmitPolicy(
        keys=IdentityKeys(s.identity_key, s.identity_key_previous),
        reports_per_day=s.reports_per_day,
        far_report_km=s.far_report_km,
        calendar=runtime.calendar,
    )


def install_cases(runtime: Runtime, services: Services) -> None:
    """Give the bot's services the submit policy (once per app)."""
    services.case_policy = case_policy(runtime)


def outbox_kinds(runtime: Runtime) -> OutboxKinds:
    """The outbox kinds beyond messages a worker delivers: evidence downloads, and signed case events to
    subscribers (#22)."""
    s = runtime.settings
    media = media_jobs.outbox_kinds(
        sessions=runtime.sessions, store=FileMediaStore(s.media_dir), max_bytes=s.media_max_bytes
    )
    return {**media, **case_hooks.outbox_kinds(sessions=runtime.sessions)}


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


JOBS = (
    Job("cases_prune", PRUNE_EVERY_S, prune_cases),
    Job("h5_staging_sweep", STAGING_SWEEP_EVERY_S, sweep_staged_uploads),
)
