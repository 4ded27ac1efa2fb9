"""我的咨询: the villager reads the answers to their 转人工 questions by asking, not only by a push that may
not arrive; 查询进度 shows them too (bot/intents/track.py)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.context import Context, Reply
from bot.dispatcher import Router
from cases.timeutil import chinese_date
from storage.models import Inquiry
from storage.repos import inquiries

router = Router()
QUOTE = 40  # as the pushed answer quotes the question
# A passive reply stays under WeChat's 2,048 bytes: the newest answer in full (at most 500 characters, as
# staff may write) and the older ones by their state only; inside 查询进度 each answer is cut short.
SHOWN, BRIEF = 3, 40
NONE = "您还没有转人工咨询过问题。有政策问题可以直接打字问，回复“人工”可以转给工作人员。"


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _line(row: Inquiry, answer_chars: int | None) -> str:
    quoted = _cut(row.question, QUOTE if answer_chars is None else QUOTE // 2)
    if row.status == "answered" and row.answer and answer_chars == 0:
        return f"「{quoted}」已答复"
    if row.status == "answered" and row.answer:
        answer = row.answer if answer_chars is None else _cut(row.answer, answer_chars)
        return f"「{quoted}」\n答复：{answer}"
    if row.due_at is not None:
        return f"「{quoted}」\n工作人员正在办理，一般在 {chinese_date(row.due_at)} 前答复。"
    return f"「{quoted}」\n工作人员正在办理，答复后会在这里告诉您。"


def describe(rows: Sequence[Inquiry], *, full: int = 1, brief: int = BRIEF) -> str:
    """The first `full` rows with their whole answer, the rest with `brief` characters of it (0: its state)."""
    lines = [_line(r, None if i < full else brief) for i, r in enumerate(rows)]
    return "您转人工咨询的问题：\n\n" + "\n\n".join(lines)


def summary(ctx: Context, *, limit: int = 2, full: int = 0) -> str | None:
    """The villager's latest inquiries in words, or None when they have asked none."""
    rows = inquiries.asked_by(ctx.session, ctx.user.openid, limit=limit)
    if not rows:
        return None
    more = "" if full else "\n（回复“我的咨询”查看答复全文）"
    return describe(rows, full=full, brief=0 if full else BRIEF) + more


@router.command("我的咨询", "咨询进度", "查询咨询", "咨询答复", "查咨询")
def show(ctx: Context) -> Reply:
    ctx.reset()
    return Reply((summary(ctx, limit=SHOWN, full=1) or NONE) + "\n\n回复“菜单”做别的事。")
