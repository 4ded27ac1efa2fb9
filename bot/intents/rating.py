"""Satisfaction after a case closes: 1 满意 / 2 基本满意 / 3 不满意 (which reopens it, with the reason)."""

from __future__ import annotations

from bot.context import Context, Reply
from bot.dispatcher import PASS, Router
from bot.intents.report import policy
from cases.handling import case_steps
from cases.reading import tracking
from storage.repos.users import ConversationState

router = Router()
WORDS = {"满意": 1, "基本满意": 2, "不满意": 3}


@router.command(*WORDS)
def by_word(ctx: Context) -> Reply:
    return _rate(ctx, WORDS[ctx.text])


@router.state(ConversationState.RATE)
def on_digit(ctx: Context) -> Reply:
    if ctx.message.kind in ("text", "voice") and ctx.text in ("1", "2", "3"):
        return _rate(ctx, int(ctx.text))
    ctx.reset()
    return PASS


def _rate(ctx: Context, rating: int) -> Reply:
    case = tracking.awaiting_rating(ctx.session, openid=ctx.user.openid, keys=policy(ctx).keys)
    if case is None:
        ctx.reset()
        return Reply("您目前没有需要评价的事项。")
    if rating == 3:
        ctx.go(ConversationState.RATE_REASON, number=case.number)
        return Reply("请说说不满意的原因，我们会重新交办并督办：")
    case_steps.rate(ctx.session, case=case, rating=rating, reason=None, actor="villager", now=ctx.now)
    ctx.reset()
    return Reply(f"感谢您的评价（{case_steps.RATINGS[rating]}）！")


@router.state(ConversationState.RATE_REASON)
def on_reason(ctx: Context) -> Reply:
    if ctx.message.kind not in ("text", "voice") or not ctx.text:
        return Reply("请用文字说说不满意的原因，或回复“取消”。")
    if ctx.text in ("取消", "菜单"):
        ctx.reset()
        return PASS
    case = tracking.awaiting_rating(ctx.session, openid=ctx.user.openid, keys=policy(ctx).keys)
    number = ctx.data.get("number")
    ctx.reset()
    if case is None or case.number != number:
        return Reply("这件事已经评价过了。")
    case_steps.rate(ctx.session, case=case, rating=3, reason=ctx.text[:500], actor="villager", now=ctx.now)
    return Reply(f"已记下您的意见。编号 {case.number} 已重新交办，并由纪委监委督办。")
