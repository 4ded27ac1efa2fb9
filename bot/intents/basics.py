"""The main menu, help, navigation words, small talk, and the reply to anything not understood (never
silence, never a dead end: what cannot help offers 转人工 and 反映问题 in one line)."""

from __future__ import annotations

from bot.context import Context, Reply
from bot.dispatcher import PASS, Router
from bot.menu import menu_text
from bot.understand import carried_question
from cases import workdays
from cases.handling.inquiries import file_inquiry
from cases.routing.inquiry_route import answer_limit
from storage.repos.users import ConversationState

router = Router()

HELP = (
    "“清风”可以帮您：\n"
    "· 问政策：直接打字或发语音提问，如“扶贫贷款咋申请”\n"
    "· 看本村项目和资金\n"
    "· 反映问题：可以匿名，我们保护您的信息\n"
    "· 查询进度：用案件编号和查询码；已反映的事可回复“补充材料”补充\n"
    "· 找工作人员：回复“转人工”\n"
    "任何时候回复“菜单”回到主菜单，“返回”回上一步，“取消”退出。\n"
    "回复“切换村庄”可更换所在的村。"
)
# One line that every reply which cannot help ends with.
WAY_ON = "回复“转人工”请工作人员答复，回复“反映问题”向纪委监委反映。"
SMALL_TALK = {
    "greet": "您好！我是“清风”，在的。",
    "thanks": "不客气，有事随时找我。",
    "ok": "好的。",
    "bye": "好的，有事随时找我。",
    "praise": "谢谢您的肯定！",
    "emoji": "收到。",
}


@router.intent("menu")
@router.command("菜单", "主菜单")
def show_menu(ctx: Context) -> Reply:
    ctx.reset()
    where = f"您所在的村：{ctx.place.full_name}\n" if ctx.place else ""
    return Reply(where + menu_text())


@router.menu_item("0")
@router.intent("help")
@router.command("帮助", "help", "?", "？")
def show_help(ctx: Context) -> Reply:
    ctx.reset()
    return Reply(HELP + "\n\n" + menu_text())


# 取消 just after 转人工: the question is not withdrawn, so 已退出 would mislead.
STILL_WITH_STAFF = "好的。您刚才的问题已经转给工作人员，仍会在这里答复您，也可回复“我的咨询”查看。"


@router.intent("back", "cancel", "restart")
def leave(ctx: Context) -> Reply:
    """返回 / 取消 / 重新开始 with nothing open (or after a state let go of them): the main menu."""
    handed_over = bool(ctx.data.get("handed_over"))
    ctx.reset()
    if handed_over and ctx.intent.name == "cancel":
        return Reply(STILL_WITH_STAFF + "\n\n" + menu_text())
    lead = {"back": "已回到主菜单。", "cancel": "好的，已退出。", "restart": "好的，重新开始。"}[ctx.intent.name]
    return Reply(lead + "\n\n" + menu_text())


@router.intent("smalltalk")
def small_talk(ctx: Context) -> Reply:
    ctx.reset()
    return Reply(SMALL_TALK.get(ctx.intent.detail, "好的。") + "\n\n" + menu_text())


def not_understood(ctx: Context) -> Reply:
    if ctx.message.kind == "voice" and not ctx.message.recognition:
        return Reply("收到您的语音，但没能识别文字。请打字说明，或回复“菜单”。\n\n" + menu_text())
    if ctx.message.kind in ("image", "video", "shortvideo", "location", "link"):
        return Reply("已收到。如需反映问题，请先回复 3 开始，再发送照片或位置。\n\n" + menu_text())
    return Reply("没太明白您的意思。" + WAY_ON + "\n\n" + menu_text())


# --- a person: the question goes to the county's staff through the inquiry queue ---
PERSON = ConversationState.PERSON
# How soon staff answer inquiries: the service's commitment (cases/data/inquiry_deadline.yaml), not a legal deadline.
ANSWER_WORKING_DAYS = answer_limit().working_days
ASK_QUESTION = "好的，请用一条消息说说您想问什么或想办什么事，我转给工作人员。\n（回复“取消”不转了）"


def _who(ctx: Context) -> str:
    return f"{ctx.place.county_name}的工作人员" if ctx.place else "县里的工作人员"


def hand_over(ctx: Context, question: str, candidates: list[str] | None = None) -> Reply:
    """Record `question` as an inquiry and say who answers and by when."""
    policy = ctx.services.case_policy
    file_inquiry(
        ctx.session,
        openid=ctx.user.openid,
        village_code=ctx.place.code if ctx.place else None,
        question=question,
        candidates={"entries": candidates or []},
        now=ctx.now,
        calendar=policy.calendar if policy else workdays.SHIPPED,
    )
    ctx.go(ConversationState.IDLE, handed_over=True)  # a 取消 next is told the question stays with staff
    return Reply(
        f"已转给{_who(ctx)}，一般在 {ANSWER_WORKING_DAYS} 个工作日内在这里答复您，也可回复“我的咨询”查看答复。\n"
        "急事可拨打 12345 政务服务热线。回复“菜单”做别的事。"
    )


@router.intent("person")
def ask_for_person(ctx: Context) -> Reply:
    if ctx.message.kind in ("text", "voice") and ctx.text and carried_question(ctx.text):
        return hand_over(ctx, ctx.text)  # 人工客服 问一下 俺娘的高龄补贴咋停了: the question came with the ask
    left = ctx.data or ctx.previous
    question = str(left.get("question") or "")
    if question:
        return hand_over(ctx, question, list(left.get("options", [])))
    ctx.go(PERSON)
    return Reply(ASK_QUESTION)


@router.repeat(PERSON)
def ask_question_again(ctx: Context) -> Reply:
    return Reply(ASK_QUESTION)


@router.state(PERSON, commands_first=True)  # 我家补贴 typed here is the menu, not the question
def on_question(ctx: Context) -> Reply:
    if ctx.message.kind not in ("text", "voice") or not ctx.text:
        return Reply(ASK_QUESTION)
    # A misconduct story (or an ask to report) is not filed as an inquiry, which keeps who asked: it is offered
    # as a report, which may be anonymous, as at the top (reporter safety).
    if ctx.intent.name in ("smalltalk", "story", "report") or len(ctx.intent.norm) < 2:
        ctx.reset()
        return PASS
    return hand_over(ctx, ctx.text)
