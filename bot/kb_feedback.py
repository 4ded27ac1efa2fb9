"""What the policy search tells the knowledge-base maintainers (issue #19 §3), from the chat and the H5
page alike: each question it could not answer (refused, or none of the choices fitted), as text only,
and each answer an entry gave.

A question that names a cadre is an accusation, not a gap in the knowledge base: it is not kept, so the
maintainers' page (the administrator, who sees no case content) never shows one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.context import Context
from cases.routing import cadres
from cases.timeutil import local_date
from knowledge.base import Answer
from storage.repos import hit_tally, kb_maintenance


def _county(ctx: Context) -> str | None:
    return ctx.place.county_code[:6] if ctx.place else None


def _keep(session: Session, question: str, county_code: str | None, reason: str, now: datetime) -> None:
    if cadres.strongest(question) is None:
        kb_maintenance.record_unanswered(session, text=question, county_code=county_code, reason=reason, now=now)


def note(session: Session, question: str, result: Answer, *, county_code: str | None, now: datetime) -> None:
    if result.kind == "out_of_scope":
        _keep(session, question, county_code, "refused", now)
    elif result.kind == "answer" and result.entry is not None:
        hit_tally.count(session, result.entry.id, local_date(now))  # written once committed, with others


def note_answer(ctx: Context, question: str, result: Answer) -> None:
    note(ctx.session, question, result, county_code=_county(ctx), now=ctx.now)


def note_none_fit(ctx: Context, question: str) -> None:
    """都不是 / 转人工 after the choices: the knowledge base had nothing right for it."""
    _keep(ctx.session, question, _county(ctx), "none_fit", ctx.now)
