"""Menu item 5 (我家补贴): link to one's household once, see its payments, answer for each one.

"序号 答案" answers a payment (1 收到了, 2 没收到, 3 金额不对); 没收到 and 金额不对 become a report with
the payment attached, and the villager gets its number and query code as for any report. 金额不对 first asks
how much arrived (只到了150), and the report tells it. Either is filed only after the villager confirms,
having been told that the payment's record lets staff see whose household it is.
"""

from __future__ import annotations

import re
import unicodedata

from bot.context import Context, Reply
from bot.dispatcher import PASS, Router
from bot.intents.report.draft import policy
from bot.report_prompts import submitted_text
from bot.yuan_said import yuan_said
from cases.intake.ratelimit import RateLimited
from cases.money import household as hh
from cases.timeutil import chinese_time
from cases.validation import Channel
from config.privacy import user_key
from storage.repos.users import ConversationState

router = Router()

LINK, LIST, MEMBERS = ConversationState.MONEY_LINK, ConversationState.MONEY_LIST, ConversationState.MONEY_MEMBERS
PAGE = 8
DISCLOSED_NAMES = 30  # per item: a reply must stay under WeChat's 2,048 bytes
QUIT_WORDS = ("取消", "退出", "0")
MORE_WORDS = ("更多", "下一页")
_ANSWER_RE = re.compile(r"(\d{1,3})\s*[ ,，、.。:：-]?\s*([123])")
_UNLINK_RE = re.compile(r"解除\s*(\d{1,2})")
# The answer in words: 1 收到了, 2没收到, 1 金额不对.
_ANSWER_WORDS_RE = re.compile(
    r"(\d{1,3})\s*[ ,，、.。:：-]?\s*(收到了|收到|没收到|没有收到|没收着|金额不对|钱数不对|数不对)"
)
# A wrong try at "序号 答案" (1 5, 12, 1 1 1): it stays on the household screen and is told how to answer.
_TRY_RE = re.compile(r"\d[\d\s,，、.。:：-]*\d")
# The forms checked before a linking try is spent: a name of 2-5 Chinese characters (a · between parts, as
# in 阿依古丽·买买提, allows a longer one), six ID digits whose last may be X, an 8-character family code.
_HAN = "\u4e00-\u9fff"
_NAME_RE = re.compile(rf"[{_HAN}]{{2,5}}|[{_HAN}]{{1,10}}(?:[·•・][{_HAN}]{{1,10}}){{1,2}}")
_DIGITS_RE = re.compile(r"\d{5}[\dX]")
_CODE_RE = re.compile(r"[0-9A-Z]{8}")
SCREEN_WORDS = frozenset({"公示", "家人", "更多", "下一页"})
# At the name step, a question about a number (我不知道户主编号, 户号是啥): the household number a villager
# might expect is the 家庭码 the village prints, asked two steps later; checked before the name's form, as
# 户号是啥 has the form of a name.
_ASKS_NUMBER_RE = re.compile(r"号|码|明白卡|啥|什么|不知道|不晓得|不清楚|哪|咋|怎么|[?？]")
NAME_NOW = (
    "不用记户号，认您家的是家庭码（后面会问）。现在请回复您的姓名，与村里登记的一致（家里登记的人谁都行），"
    "例如“张桂兰”。\n接着问这个人身份证号的后六位，再问家庭码：8 位字母和数字，村委会印在您家的补贴明白卡上，"
    "没有的请找村委会领取。\n回复“取消”退出。"
)
# 金额不对 with no amount: the report is filed saying the amount is not known.
UNKNOWN_WORDS = re.compile(r"不知道|不清楚|记不清|忘了|说不准|不记得")
NEXT_LINE = "逐笔核对请回复“序号 答案”，如“1 2”；回复“菜单”返回。"
ASK_NAME = (
    "查看和核对您家的补贴，需要先关联您的家庭（只需一次）。\n请回复您的姓名（与村里登记的一致）。回复“取消”退出。"
)


def _holder(ctx: Context) -> str:
    return user_key(ctx.message.openid)


@router.menu_item("5")
@router.command("我家补贴", "补贴", "查补贴")
def start(ctx: Context) -> Reply:
    if hh.linked(ctx.session, _holder(ctx)) is None:
        ctx.go(LINK, step="name")
        return Reply(ASK_NAME)
    return _page(ctx, 0)


@router.state(LINK, commands_first=True)
def linking(ctx: Context) -> Reply:
    text, step = ctx.text, ctx.data.get("step")
    if text in QUIT_WORDS:
        ctx.reset()
        return Reply("已退出。回复“我家补贴”可再次查看。")
    said = _plain(text)
    if step == "name" and said in SCREEN_WORDS:  # 公示 after a wrong try: a word of the household screen
        return Reply("关联您的家庭后才能看公示名单和家人。请回复您的姓名（与村里登记的一致），或回复“取消”退出。")
    if step == "name":
        if _ASKS_NUMBER_RE.search(said):
            return Reply(NAME_NOW)
        if not _NAME_RE.fullmatch(said):
            return Reply("姓名请写汉字，2 到 5 个字，与村里登记的一致，例如“张桂兰”。请重新回复，或回复“取消”退出。")
        ctx.go(LINK, step="digits", name=said)
        return Reply("请回复您身份证号的后六位（最后一位是 X 的请照写）。回复“取消”退出。")
    if step == "digits":
        if not _DIGITS_RE.fullmatch(said):
            return Reply("身份证后六位是 6 个数字（最后一位可能是 X），例如 03241X。请重新回复，或回复“取消”退出。")
        ctx.go(LINK, step="code", name=ctx.data.get("name", ""), digits=said)
        return Reply("请回复村委会发给您家的家庭码（8 位，印在补贴明白卡上；没有的请找村委会领取）。回复“取消”退出。")
    if not _CODE_RE.fullmatch(said):
        return Reply("家庭码是 8 位字母和数字，印在补贴明白卡上。请重新回复，或回复“取消”退出。")
    try:
        member = hh.link(
            ctx.session,
            holder=_holder(ctx),
            name=str(ctx.data.get("name", "")),
            last_six=str(ctx.data.get("digits", "")),
            code=said,
            now=ctx.now,
        )
    except hh.Refused as refused:
        ctx.go(LINK, step="name")
        return Reply(f"{refused}\n\n请重新回复您的姓名，或回复“取消”退出。")
    shown = _page(ctx, 0)
    return Reply(f"关联成功：{member.name}（{member.relation}）家。\n\n{shown.text}")


def _plain(text: str) -> str:
    """A typed answer in one form: full-width letters and digits folded, spaces dropped, upper case."""
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


def _page(ctx: Context, offset: int) -> Reply:
    lines = hh.payments(ctx.session, holder=_holder(ctx), now=ctx.now)
    if not lines:
        ctx.reset()
        return Reply("近 24 个月没有查到您家的补贴发放记录。如有疑问，可回复“反映”说明情况。")
    shown = lines[offset : offset + PAGE]
    ids = [p.payment_id for p in shown]
    body = [f"您家近 24 个月的补贴（共 {len(lines)} 笔）："]
    for i, p in enumerate(shown, start=1):
        done = f"（已答：{hh.ANSWER_WORDS[p.answer]}）" if p.answer else ""
        body.append(f"{i}. {p.period} {p.item} {p.name} {p.amount} 元，{p.paid_on.month}月{p.paid_on.day}日发放{done}")
    body.append("\n逐笔核对：回复“序号 答案”，如“1 2”。\n答案：1 收到了　2 没收到　3 金额不对")
    more = offset + PAGE < len(lines)
    body.append(
        ("回复“更多”看更早的；" if more else "")
        + "回复“家人”看哪些微信已关联您家；回复“公示”看本村公示名单；回复“菜单”返回。"
    )
    ctx.go(LIST, ids=ids, next=offset + PAGE if more else None)
    return Reply("\n".join(body))


@router.state(LIST)
def listing(ctx: Context) -> Reply:
    text = ctx.text
    waiting = ctx.data.get("amount_for")  # 金额不对 asked how much arrived (see `_ask_amount`)
    if isinstance(waiting, str) and text not in SCREEN_WORDS:
        return _arrived(ctx, waiting)
    pending = ctx.data.get("confirm")  # 没收到 / 金额不对 shown before it is filed (see `_ask_confirm`)
    if isinstance(pending, dict) and text not in SCREEN_WORDS:
        return _confirmed(ctx, pending)
    ctx.data.pop("amount_for", None)
    ctx.data.pop("confirm", None)
    if text in MORE_WORDS and isinstance(ctx.data.get("next"), int):
        return _page(ctx, int(ctx.data["next"]))
    if text == "家人":
        return _members(ctx)
    if text == "公示":
        return Reply(_disclosed(ctx) + "\n" + NEXT_LINE)
    m = _ANSWER_RE.fullmatch(text)
    ids = [str(i) for i in ctx.data.get("ids", [])]
    if m is None and (w := _ANSWER_WORDS_RE.fullmatch(text)) is not None:
        answer = "1" if w.group(2) in ("收到了", "收到") else "3" if "不对" in w.group(2) else "2"
        m = _ANSWER_RE.fullmatch(f"{w.group(1)} {answer}")
    if m is None and _TRY_RE.fullmatch(unicodedata.normalize("NFKC", text)):
        return Reply(f"没看懂这条核对。\n答案：1 收到了　2 没收到　3 金额不对\n{NEXT_LINE}")
    if m is None:
        ctx.reset()
        return PASS
    number = int(m.group(1))
    if not 1 <= number <= len(ids):
        return Reply(f"序号应在 1 到 {len(ids)} 之间。")
    if hh.ANSWERS[m.group(2)] == "wrong_amount":
        return _ask_amount(ctx, number, ids[number - 1])
    if hh.ANSWERS[m.group(2)] == "received":
        return _answer(ctx, ids[number - 1], "received")
    return _ask_confirm(ctx, ids[number - 1], "missing")


def _ask_amount(ctx: Context, number: int, payment_id: str) -> Reply:
    ctx.go(LIST, ids=ctx.data.get("ids", []), next=ctx.data.get("next"), amount_for=payment_id)
    return Reply(
        f"第 {number} 笔金额不对：实际到手多少元？请回复数字，如“150”或“只到了150”。\n"
        "记不清请回复“不清楚”；回复“取消”不提交。"
    )


def _arrived(ctx: Context, payment_id: str) -> Reply:
    amount = yuan_said(ctx.text)
    if amount is None and not UNKNOWN_WORDS.search(ctx.text):
        return Reply("请回复实际到手多少元，如“150”；记不清请回复“不清楚”，回复“取消”不提交。")
    return _ask_confirm(ctx, payment_id, "wrong_amount", arrived=amount)


def _ask_confirm(ctx: Context, payment_id: str, answer: str, *, arrived: str | None = None) -> Reply:
    """A report is filed only once the villager has seen what it carries: the payment's record names the
    household, so staff can tell whose it is although no name is left."""
    line = next(
        (p for p in hh.payments(ctx.session, holder=_holder(ctx), now=ctx.now) if p.payment_id == payment_id), None
    )
    if line is None:
        return Reply("没有找到这笔发放记录。")
    pending = {"payment": payment_id, "answer": answer, "arrived": arrived}
    ctx.go(LIST, ids=ctx.data.get("ids", []), next=ctx.data.get("next"), confirm=pending)
    said = hh.ANSWER_WORDS[answer] + (f"，实际到手 {arrived} 元" if arrived else "")
    return Reply(
        f"要把这笔转为反映问题吗？\n{line.period} {line.item} {line.name} {line.amount} 元：{said}。\n"
        "提交后，办理人员会看到这笔发放记录（领取人、金额、账号后四位），能看出是您家；不会显示您的微信。\n"
        "回复 1 提交，回复 0 不提交。"
    )


def _confirmed(ctx: Context, pending: dict[str, object]) -> Reply:
    word = unicodedata.normalize("NFKC", ctx.text).strip()
    if word in ("0", "不", "不提交", "不用", "不要", "算了"):
        ctx.go(LIST, ids=ctx.data.get("ids", []), next=ctx.data.get("next"))
        return Reply(f"没有提交。\n{NEXT_LINE}")
    if word not in ("1", "提交", "确认", "是", "好", "好的", "可以", "行"):
        return Reply("回复 1 提交这条反映，回复 0 不提交。")
    ctx.go(LIST, ids=ctx.data.get("ids", []), next=ctx.data.get("next"))
    arrived = pending.get("arrived")
    return _answer(
        ctx,
        str(pending.get("payment")),
        str(pending.get("answer")),
        arrived=arrived if isinstance(arrived, str) else None,
    )


def _answer(ctx: Context, payment_id: str, answer: str, *, arrived: str | None = None) -> Reply:
    try:
        done = hh.answer(
            ctx.session,
            holder=_holder(ctx),
            payment_id=payment_id,
            answer=answer,
            openid=ctx.message.openid,
            channel=Channel.CHAT,
            policy=policy(ctx),
            now=ctx.now,
            arrived=arrived,
        )
    except hh.Refused as refused:
        return Reply(str(refused))
    except RateLimited as exc:
        return Reply(f"您今天的反映次数已满，请在 {chinese_time(exc.retry_at)} 后再答复。急事请拨打 12388。")
    if done.submitted is None:
        return Reply("已记下：收到了。谢谢您的核对！可继续回复“序号 答案”核对其他笔。")
    return Reply(f"已记下：{hh.ANSWER_WORDS[answer]}，并转为反映问题。\n{submitted_text(done.submitted)}")


def _disclosed(ctx: Context) -> str:
    lists = hh.disclosed(ctx.session, holder=_holder(ctx))
    if not lists:
        return "本村暂无公示名单。"
    lines = ["本村公示名单（姓名已隐去部分）："]
    for shown in lists:
        names = "、".join(f"{name} {amount}元" for name, amount in shown.recipients[:DISCLOSED_NAMES])
        extra = f" 等 {len(shown.recipients)} 人" if len(shown.recipients) > DISCLOSED_NAMES else ""
        lines.append(f"{shown.item}（{shown.period}）：{names}{extra}")
    return "\n".join(lines)


def _members(ctx: Context) -> Reply:
    found = hh.members(ctx.session, holder=_holder(ctx))
    head = any(m.is_me and m.relation == hh.HEAD for m in found)
    lines = ["已关联您家的微信："]
    for i, m in enumerate(found, start=1):
        me = "（本人）" if m.is_me else ""
        lines.append(f"{i}. {m.name}（{m.relation}）{m.linked_at:%Y-%m-%d} 关联{me}")
    lines.append("户主可回复“解除 序号”解除其他人的关联。" if head else "回复“解除 序号”可解除您本人的关联。")
    ctx.go(MEMBERS, links=[m.link_id for m in found])
    return Reply("\n".join(lines))


@router.state(MEMBERS)
def managing(ctx: Context) -> Reply:
    m = _UNLINK_RE.fullmatch(ctx.text)
    links = [int(i) for i in ctx.data.get("links", [])]
    if m is None or not 1 <= int(m.group(1)) <= len(links):
        ctx.reset()
        return PASS
    try:
        hh.unlink(ctx.session, holder=_holder(ctx), link_id=links[int(m.group(1)) - 1])
    except hh.Refused as refused:
        return Reply(str(refused))
    ctx.reset()
    return Reply("已解除。回复“我家补贴”可再次查看。")
