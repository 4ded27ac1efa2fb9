"""Adding material (补充材料) to an open case of one's own: text, photos or voice."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from bot.context import Context, Reply
from bot.dispatcher import PASS, Router
from bot.intents.report.draft import policy
from bot.report_prompts import DONE_WORDS
from cases import lifecycle
from cases.handling import case_steps
from cases.reading import tracking
from cases.validation import InvalidReport
from config.privacy import SealBroken, unseal_text
from storage.models.cases import Case, CaseEvent
from storage.repos.users import ConversationState

router = Router()
STATE = ConversationState.SUPPLEMENT
# What a free text can mean while a staff question is open: anything but a command, a choice, navigation...
ANSWER_INTENTS = frozenset({"none", "story", "hardship"})
YES = frozenset({"1", "是", "是的", "对", "对的", "是回答"})
NO = frozenset({"2", "不是", "不对", "否"})
# How long an unanswered staff question is offered for: long enough for a villager who took days to find out.
QUESTION_WAITS = timedelta(days=14)
WORDS = ("补充材料", "补充", "补充证据")


def _open_cases(ctx: Context) -> list[Case]:
    cases = tracking.own_cases(ctx.session, openid=ctx.user.openid, keys=policy(ctx).keys, limit=20)
    return [c for c in cases if c.status in lifecycle.OPEN_STATES][:5]


@router.command(*WORDS)
def start(ctx: Context) -> Reply:
    cases = _open_cases(ctx)
    if not cases:
        return Reply("您没有正在办理的问题，无法补充。如有新问题，请回复 3 反映。")
    if len(cases) == 1:
        return _begin(ctx, cases[0].number)
    ctx.go(STATE, choices=[c.number for c in cases])
    lines = [f"{i} {c.number}" for i, c in enumerate(cases, 1)]
    return Reply("要补充到哪一件？回复数字：\n" + "\n".join(lines))


def _begin(ctx: Context, number: str) -> Reply:
    ctx.go(STATE, number=number)
    return Reply(f"请发送要补充到编号 {number} 的文字、照片或语音。发完请回复“好了”。")


def begin_found(ctx: Context, sealed: str) -> Reply:
    """补充材料 right after a case was shown by its number and query code (bot/intents/track.py): the
    number and code proved the right to add, so it goes to that case, whoever reported it. The number stays
    sealed in the conversation; nothing stored with the material names who added it."""
    number = _unsealed(sealed)
    if number is None:
        ctx.reset()
        return Reply("请重新发送案件编号和查询码，再回复“补充材料”。")
    ctx.go(STATE, found=sealed)
    return Reply(f"请发送要补充到编号 {number} 的文字、照片或语音。发完请回复“好了”。")


def _unsealed(sealed: str) -> str | None:
    try:
        return unseal_text(sealed)
    except SealBroken:
        return None


def _found_case(ctx: Context, number: str) -> Case | None:
    case = ctx.session.scalar(select(Case).where(Case.number == number))
    return case if case is not None and case.status in lifecycle.OPEN_STATES else None


def asked_case(ctx: Context) -> Case | None:
    """The villager's open case whose latest staff question (询问群众) has had no word from them since."""
    cases = {c.id: c for c in _open_cases(ctx)}
    if not cases:
        return None
    last = (
        select(
            CaseEvent.case_id,
            func.max(CaseEvent.id).filter(CaseEvent.action == lifecycle.EventAction.ASK_REPORTER).label("asked"),
            func.max(CaseEvent.id).filter(CaseEvent.action == lifecycle.EventAction.SUPPLEMENT).label("added"),
        )
        .where(CaseEvent.case_id.in_(cases), CaseEvent.at >= ctx.now - QUESTION_WAITS)
        .group_by(CaseEvent.case_id)
    )
    waiting = [(asked, cid) for cid, asked, added in ctx.session.execute(last) if asked and (added or 0) < asked]
    return cases[max(waiting)[1]] if waiting else None


def offer_as_answer(ctx: Context) -> Reply | None:
    """A free text typed after leaving the staff question (菜单 first): is it the answer? The text is held,
    never lost: 1 adds it to the case, 2 goes on with it as if just typed."""
    if ctx.message.kind != "text" or ctx.intent.name not in ANSWER_INTENTS or len(ctx.text) < 2:
        return None
    case = asked_case(ctx)
    if case is None:
        return None
    ctx.go(STATE, number=case.number, held=ctx.message.content)
    return Reply(
        f"工作人员正在等您回答编号 {case.number} 的问题。这段话是回答吗？\n"
        "回复 1 是，补充到这件事里\n"
        "回复 2 不是，我要说别的事"
    )


def _held(ctx: Context, number: str, held: str) -> Reply:
    if ctx.text in NO:
        ctx.reset()
        ctx.read_again(held)
        return PASS
    if ctx.text not in YES:
        return Reply("这段话是回答工作人员的问题吗？回复 1 是，回复 2 不是。")
    case = next((c for c in _open_cases(ctx) if c.number == number), None)
    if case is None:
        ctx.reset()
        ctx.read_again(held)
        return PASS
    try:
        case_steps.add_text(ctx.session, case=case, text=held, now=ctx.now)
    except InvalidReport as exc:
        ctx.go(STATE, number=number)
        return Reply("\n".join(exc.problems))
    ctx.go(STATE, number=number)
    return Reply(f"已补充到编号 {number}，工作人员会看到。还可以继续发送，发完请回复“好了”。")


@router.state(STATE)
def on_message(ctx: Context) -> Reply:
    msg = ctx.message
    if msg.kind == "text" and ctx.text in ("取消", "菜单"):
        ctx.reset()
        return PASS
    held = ctx.data.get("held")
    if isinstance(held, str) and isinstance(ctx.data.get("number"), str):
        return _held(ctx, str(ctx.data["number"]), held)
    sealed = ctx.data.get("found")
    number = _unsealed(sealed) if isinstance(sealed, str) else ctx.data.get("number")
    if not isinstance(number, str):
        choices = list(ctx.data.get("choices", []))
        if ctx.text.isdigit() and 1 <= int(ctx.text) <= len(choices):
            return _begin(ctx, str(choices[int(ctx.text) - 1]))
        return Reply("请回复数字选择要补充的编号，或回复“取消”。")
    if msg.kind == "text" and ctx.text in DONE_WORDS:
        ctx.reset()
        return Reply(f"补充完成，已转给编号 {number} 的办理人员。")
    if isinstance(sealed, str):
        case = _found_case(ctx, number)
    else:
        case = next((c for c in _open_cases(ctx) if c.number == number), None)
    if case is None:
        ctx.reset()
        return Reply("这件事已经办结，不能再补充。")
    try:
        if msg.kind in ("image", "voice"):
            case_steps.add_media(
                ctx.session, case=case, kind=msg.kind, media_id=msg.media_id, media_format=msg.voice_format, now=ctx.now
            )
            if msg.kind == "voice" and msg.recognition:
                case_steps.add_text(ctx.session, case=case, text=msg.recognition, now=ctx.now)
        elif msg.kind == "text":
            case_steps.add_text(ctx.session, case=case, text=msg.content, now=ctx.now)
        else:
            return Reply("这里可以发文字、照片或语音。发完请回复“好了”。")
    except InvalidReport as exc:
        return Reply("\n".join(exc.problems))
    return Reply("已补充。还可以继续发送，发完请回复“好了”。")
