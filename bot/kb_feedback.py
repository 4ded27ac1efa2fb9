"""What the policy chat tells the knowledge-base maintainers (issue #19 §3): each question it could not
answer (refused, or none of the choices fitted), as text only, and each answer an entry gave."""

from __future__ import annotations

from bot.context import Context
from cases.timeutil import local_date
from knowledge.service import Answer
from storage.repos import kb_maintenance


def _county(ctx: Context) -> str | None:
    return ctx.place.county_code[:6] if ctx.place else None


def note_answer(ctx: Context, question: str, result: Answer) -> None:
    if result.kind == "out_of_scope":
        kb_maintenance.record_unanswered(
            ctx.session, text=question, county_code=_county(ctx), reason="refused", now=ctx.now
        )
    elif result.kind == "answer" and result.entry is not None:
        kb_maintenance.count_hit(ctx.session, result.entry.id, local_date(ctx.now))


def note_none_fit(ctx: Context, question: str) -> None:
    """都不是 / 转人工 after the choices: the knowledge base had nothing right for it."""
    kb_maintenance.record_unanswered(
        ctx.session, text=question, county_code=_county(ctx), reason="none_fit", now=ctx.now
    )
