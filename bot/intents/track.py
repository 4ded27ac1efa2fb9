"""Tracking (查询进度): the villager's own cases, or any case by its number and query code."""

from __future__ import annotations

import re
from datetime import timedelta

from bot.context import Context, Reply
from bot.dispatcher import PASS, Router
from bot.intents import inquiry_status, supplement
from bot.intents.report.draft import policy
from bot.reading.track_and_money import lost_number
from cases.case_input import read
from cases.handling.case_steps import RATE_SCALE, RATING_PROMPT
from cases.identity import reporter_tag
from cases.intake import ratelimit
from cases.reading import tracking
from cases.timeutil import chinese_date, chinese_time
from config.privacy import seal_text
from storage.repos.users import ConversationState

router = Router()
STATE = ConversationState.TRACK
# Lookups by number and code a villager may make per clock hour, right or wrong: each costs an argon2
# verification, and a villager follows a few cases, not hundreds.
TRACKS_PER_HOUR = 20
HOW = "查询别人的案件，请发送：案件编号 查询码\n例如：630223-2026-000123 123456\n回复“菜单”返回。"
EXIT = "回复“菜单”返回主菜单。"
LOOKS = (
    "案件编号是长的那个，分三段：6 位、年份、6 位，例如 630223-2026-000123；查询码是 6 位数字。"
    "两样都在您提交反映后收到的回复里。请发送：案件编号 查询码。\n"
)
# Where the number and code were given, for a villager who lost them. The H5 form keeps no WeChat account,
# and a staff desk has no search by a reporter's name or phone (a real name is sealed), so nothing else finds
# a case: say so rather than promise.
WHERE_GIVEN = (
    "编号和查询码在提交反映时给您的回复里：\n"
    "· 在这里提交的：往上翻这个聊天的记录，找“案件编号”和“查询码”。\n"
    "· 在网页上提交的：在提交后的回执页上。\n"
)
LOST = (
    "这个微信号没有查到您反映过的问题。\n"
    + WHERE_GIVEN
    + "用别的微信号提交的，用那个微信号回复“查询进度”就能看，不用查询码。\n"
    "为了保护反映人，案件不能按姓名或电话查：匿名反映不记姓名和电话，实名的也加密保存，"
    "所以没有编号和查询码，谁也没法替您查。\n"
    "实在找不到：回复“转人工”问工作人员，或回复“反映问题”重新反映。"
)
# A question back about the number or the code while tracking: 编号是哪个？ 查询码是啥？
_ASKS_HOW = re.compile(r"(编号|查询码|号码|码).{0,12}(哪|啥|什么|吗|么|长|几位|怎么|[?？])")


def describe(view: tracking.CaseView) -> str:
    lines = [f"编号 {view.number}（{view.category}）", f"状态：{view.status_label}"]
    if view.public_update:
        lines.append(f"最新答复：{view.public_update[:200]}")
    if view.due_at is not None:
        lines.append(f"{view.due_label}：{chinese_date(view.due_at)}")
    if view.failed_downloads:
        lines.append(f"注意：有 {view.failed_downloads} 个照片或语音没能保存，可回复“补充材料”重新发送。")
    elif view.is_open:
        lines.append("有新情况或证据，可回复“补充材料”。")
    return "\n".join(lines)


@router.menu_item("4")
@router.intent("track")
@router.command("查询进度", "查询", "进度", "查进度")
def show(ctx: Context) -> Reply:
    cases = tracking.own_cases(ctx.session, openid=ctx.user.openid, keys=policy(ctx).keys)
    ctx.go(STATE)
    lost = lost_number(ctx.intent.norm)
    if lost and not cases:
        return Reply(LOST)
    asked = inquiry_status.summary(ctx)  # the answers to 转人工 questions, for whoever looks here for them
    if not cases:
        return Reply((asked + "\n\n" if asked else "") + "您还没有反映过问题。\n" + HOW)
    views = [tracking.view(ctx.session, c) for c in cases]
    head = "您在这个微信里反映的问题，看进度不用查询码：" if lost else "您反映的问题："
    text = head + "\n\n" + "\n\n".join(describe(v) for v in views)
    if lost:
        text += "\n\n" + WHERE_GIVEN.rstrip()
    if asked:
        text += "\n\n" + asked
    if any(v.awaiting_rating for v in views):
        ctx.go(ConversationState.RATE, **RATE_SCALE)
        text += "\n\n" + RATING_PROMPT
    return Reply(text + "\n\n" + HOW)


@router.state(ConversationState.IDLE)
def number_anywhere(ctx: Context) -> Reply:
    """A message holding a case number (or what was meant to be one) tracks that case, whatever came before."""
    if ctx.message.kind == "text":
        found = read(ctx.text)
        if found.number or found.doubtful:
            return _track_text(ctx)
    return supplement.offer_as_answer(ctx) or PASS


@router.state(STATE)
def on_message(ctx: Context) -> Reply:
    found = ctx.data.get("found")  # the case just shown by number and code, sealed (see `_check`)
    if isinstance(found, str) and ctx.message.kind == "text" and ctx.text in supplement.WORDS:
        return supplement.begin_found(ctx, found)
    reply = _track_text(ctx)
    if reply is PASS and isinstance(found, str):  # left the case just shown: read as from the menu (IDLE)
        return supplement.offer_as_answer(ctx) or PASS
    return reply


def _track_text(ctx: Context) -> Reply:
    """Check a number and code; ask when either is missing or doubtful, and let any other message go."""
    if ctx.message.kind != "text":
        ctx.reset()
        return PASS
    found = read(ctx.text)
    waiting = ctx.data.get("number")
    if found.doubtful and not found.number:
        ctx.go(STATE)
        return Reply(
            f"“{found.doubtful}”不是完整的案件编号。编号是三段：6 位、年份、6 位，"
            "例如 630223-2026-000123。\n请照着您记下的编号和查询码再发一次。" + EXIT
        )
    number = found.number or (waiting if isinstance(waiting, str) else None)
    code = found.code if found.number or found.code else None
    if not found.number and code is None and lost_number(ctx.intent.norm):
        return show(ctx) or PASS  # 不记得编号了: where they were given, and one's own cases, which need no code
    if number is None and code is None and _ASKS_HOW.search(ctx.text):
        ctx.go(STATE)  # 编号是哪个？是那个长的吗？: asked back while tracking, answered here
        return Reply(LOOKS + EXIT)
    if number is None or (not found.number and code is None):
        ctx.reset()
        return PASS  # not a number or a code: a menu digit, a question... handled as usual
    if code is None:
        ctx.go(STATE, number=number)
        if found.codes_found:
            return Reply(f"编号 {number} 收到了，但没认出查询码：查询码是 6 位数字。请只发查询码。" + EXIT)
        return Reply(f"请发送编号 {number} 的 6 位查询码。" + EXIT)
    return _check(ctx, number, code)


def _check(ctx: Context, number: str, code: str) -> Reply:
    tag = reporter_tag(ctx.user.openid, key=policy(ctx).keys.current)[:32]
    period_end = ctx.now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    try:
        bucket = f"track-try:chat:{tag}:{ctx.now:%Y%m%d%H}"
        ratelimit.take(ctx.session, bucket=bucket, limit=TRACKS_PER_HOUR, expires_at=period_end)
    except ratelimit.RateLimited as exc:
        ctx.reset()
        return Reply(f"查询太频繁了，请在 {chinese_time(exc.retry_at)} 后再试。")
    guesser = tracking.Guesser(((f"chat:{tag}", tracking.MAX_CODE_FAILURES),))
    found = tracking.lookup(ctx.session, number=number, code=code, now=ctx.now, guesser=guesser)
    if found.outcome == "ok" and found.case is not None:
        view = tracking.view(ctx.session, found.case)
        # The number and code prove the right to add to this case: 补充材料 next adds to it. The number is
        # kept sealed, so the conversation row never names, in clear, a case this WeChat looked up.
        if view.is_open:
            ctx.go(STATE, found=seal_text(view.number))
        else:
            ctx.reset()
        return Reply(describe(view))
    if found.outcome == "locked":
        ctx.reset()
        return Reply(f"查询码错误次数太多，您的查询已暂时锁定。请在 {chinese_time(found.retry_at or ctx.now)} 后再试。")
    ctx.go(STATE)
    return Reply(f"编号或查询码不对，请核对后再发。还可以再试 {found.tries_left} 次。" + EXIT)
