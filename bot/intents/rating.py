"""Satisfaction after a case closes, on the five levels of 好差评 (cases/ratings.py): 1 非常满意 … 5 非常不满意.
不满意 and 非常不满意 ask for the reason, then reopen the case and start the rectification loop.

A digit is read on the scale the villager was shown: the prompt sends the RATE state with {"scale": 5}; a
conversation left waiting from before migration 0021 was shown 1 满意 / 2 基本满意 / 3 不满意, and its digits are
read through ratings.FROM_THREE_LEVELS.
"""

from __future__ import annotations

import unicodedata

from bot.context import Context, Reply
from bot.dispatcher import PASS, Router
from bot.intents.report.draft import policy
from cases import ratings
from cases.handling import case_steps
from cases.reading import tracking
from storage.repos.users import ConversationState

router = Router()
# The words, exactly as the command table matches them (from any state that lets commands through).
WORDS = {label: level for level, label in ratings.LABELS.items()}
# Inside a short answer to the prompt, longest and most negative first: "不满意" is inside "非常不满意", and
# "满意" inside all of them.
PHRASES = (
    ("非常不满意", ratings.Rating.VERY_DISSATISFIED),
    ("很不满意", ratings.Rating.VERY_DISSATISFIED),
    ("特别不满意", ratings.Rating.VERY_DISSATISFIED),
    ("不满意", ratings.Rating.DISSATISFIED),
    ("不太满意", ratings.Rating.DISSATISFIED),
    ("非常满意", ratings.Rating.VERY_SATISFIED),
    ("很满意", ratings.Rating.VERY_SATISFIED),
    ("特别满意", ratings.Rating.VERY_SATISFIED),
    ("基本满意", ratings.Rating.BASICALLY_SATISFIED),
    ("还行", ratings.Rating.BASICALLY_SATISFIED),
    ("一般", ratings.Rating.BASICALLY_SATISFIED),
    ("满意", ratings.Rating.SATISFIED),
)
SHORT = 10  # longer messages are something else (a new report, a question), not an answer to the prompt
PUNCTUATION = " \t\r\n。.!！~～，,、；;：:？?"


def level(text: str, *, scale: int = 5) -> int | None:
    """The level a short answer to the rating prompt means, or None. Digits (also full-width) on `scale`."""
    plain = unicodedata.normalize("NFKC", text).strip(PUNCTUATION).removesuffix("分")
    if plain.isascii() and plain.isdigit() and len(plain) == 1:
        number = int(plain)
        if scale == 3 and number in ratings.FROM_THREE_LEVELS:
            return ratings.FROM_THREE_LEVELS[number]
        return number if number in ratings.LABELS else None
    if len(plain) > SHORT:
        return None
    # "不太满意" contains "满意" but not "不满意": checked in PHRASES order, the first found wins.
    return next((value for phrase, value in PHRASES if phrase in plain), None)


@router.command(*WORDS)
def by_word(ctx: Context) -> Reply:
    return _rate(ctx, WORDS[ctx.text])


@router.state(ConversationState.RATE)
def on_digit(ctx: Context) -> Reply:
    if ctx.message.kind in ("text", "voice"):
        found = level(ctx.text, scale=int(ctx.data.get("scale", 3)))
        if found is not None:
            return _rate(ctx, found)
    ctx.reset()
    return PASS


def _rate(ctx: Context, rating: int) -> Reply:
    case = tracking.awaiting_rating(ctx.session, openid=ctx.user.openid, keys=policy(ctx).keys)
    if case is None:
        ctx.reset()
        return Reply("您目前没有需要评价的事项。")
    if rating in ratings.DISSATISFIED:
        ctx.go(ConversationState.RATE_REASON, number=case.number, rating=rating)
        return Reply(
            f"您的评价是“{ratings.LABELS[rating]}”。请说说不满意的原因，我们会重新交办、回访整改，并由纪委监委督办："
        )
    case_steps.rate(
        ctx.session, case=case, rating=rating, reason=None, actor="villager", now=ctx.now, calendar=policy(ctx).calendar
    )
    ctx.reset()
    return Reply(f"感谢您的评价（{ratings.LABELS[rating]}）！")


@router.state(ConversationState.RATE_REASON)
def on_reason(ctx: Context) -> Reply:
    if ctx.message.kind not in ("text", "voice") or not ctx.text:
        return Reply("请用文字说说不满意的原因，或回复“取消”。")
    if ctx.text in ("取消", "菜单"):
        ctx.reset()
        return PASS
    case = tracking.awaiting_rating(ctx.session, openid=ctx.user.openid, keys=policy(ctx).keys)
    number = ctx.data.get("number")
    # A conversation left here from before migration 0021 holds no level: it was the three-level 不满意.
    rating = int(ctx.data.get("rating", ratings.Rating.DISSATISFIED))
    ctx.reset()
    if case is None or case.number != number:
        return Reply("这件事已经评价过了。")
    case_steps.rate(
        ctx.session,
        case=case,
        rating=rating,
        reason=ctx.text[:500],
        actor="villager",
        now=ctx.now,
        calendar=policy(ctx).calendar,
    )
    return Reply(
        f"已记下您的意见（{ratings.LABELS[rating]}）。编号 {case.number} 已重新交办，"
        "办理单位会回访您并限期整改，由纪委监委督办。"
    )
