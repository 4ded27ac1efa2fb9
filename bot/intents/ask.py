"""Policy questions: menu item 1 or any free text; digits pick from the numbers the last reply showed."""

from __future__ import annotations

import re

from bot.context import Context, Reply
from bot.dispatcher import PASS, Router
from bot.intents.basics import WAY_ON, hand_over, not_understood
from bot.intents.told import offer_told, told_flat
from bot.kb_feedback import note_answer, note_none_fit
from bot.reading.benefit_wrongs import own_payment_asked, own_payment_missing
from bot.reading.normal_form import normalise, word_list
from bot.report_prompts import OWN_PAYMENT_HINT
from bot.safety import split as asks_safety
from bot.understand import carried_question, classify
from knowledge.base import Answer, KnowledgeBase, format_detail, format_how_to, format_reply
from knowledge.reply import fits
from storage.repos.users import ConversationState
from wechat.inbound import MessageKind

router = Router()

PROMPT = "请直接打字或发语音说出您的问题，例如：“扶贫贷款咋申请”“低保怎么办理”。"
SOUNDS_LIKE_A_REPORT = (
    "听起来您是想反映问题。回复「反映」开始，可以匿名，我们保护您的信息。\n"
    "如果是问政策，请换个说法再问，或回复「菜单」。"
)
REPORT_HINT = "如果是想反映问题，请回复「反映」。"
MORE_WORDS = {"详细": "detail", "全文": "detail", "看全文": "detail", "办理": "how", "怎么办": "how", "咋办": "how"}
# Words of misconduct that make a message a report rather than a question ("村里修路的钱被干部贪了").
# Used when no entry answers it for sure (nothing matched, or only choices were found); plain
# words like 没 or 被 are left out (快递到了没).
_MISCONDUCT = re.compile(
    "贪|挪用|挪去|挪走|克扣|截留|冒领|套取|虚报|吃拿卡要|优亲厚友|索要|好处费|回扣|私分|侵占|不作为|乱收费|打白条|贿"
)


# A story sent in pieces (村长 / 把俺家的补贴 / 扣下了 不给): a short piece that asks nothing is kept with the
# question it was searched as, and a later piece is read together with the pieces before it (see `_pieces_joined`).
PIECE_MAX = 12  # normalised characters
PIECES_KEPT = 3
_ASKS = re.compile(r"吗|么|嘛|怎么|什么|多少|哪|谁|能不能|可以|可不可以|几|是不是|有没有|为什么|为何|如何|呢$")


def is_piece(text: str) -> bool:
    """A short message that asks nothing: perhaps a piece of something told over several messages."""
    norm = normalise(text)
    return 0 < len(norm) <= PIECE_MAX and not _ASKS.search(norm)


def _pieces_before(ctx: Context) -> list[str]:
    kept = ctx.data.get("pieces") or ctx.previous.get("pieces") or []
    return [str(piece) for piece in kept]


def _pieces_joined(ctx: Context) -> bool:
    """Whether this message, read after the pieces before it, tells a wrong (or a household's trouble) that
    no piece tells alone; if so the joined words become the message the dispatcher goes on with."""
    pieces = list(ctx.data.get("pieces", []))
    if not pieces or ctx.message.kind not in ("text", "voice") or not ctx.text:
        return False
    # A last piece may tell a wrong or a trouble alone (叫会计领走了, 住院了): the pieces before say whose and what.
    if ctx.intent.name != "none" and not (ctx.intent.name in ("story", "hardship") and is_piece(ctx.text)):
        return False
    joined = " ".join([*pieces, ctx.text])
    meant = classify(joined)
    if meant.name == "story" or (meant.name in ("report", "hardship") and meant.told):
        ctx.reset()
        ctx.read_again(joined)
        return True
    return False


def knowledge(ctx: Context) -> KnowledgeBase:
    holder = ctx.services.knowledge
    assert holder is not None, "create_app sets the knowledge holder at composition"
    return holder.get()  # the current index; a reload swaps it between messages


def county_of(ctx: Context) -> str | None:
    return ctx.place.county_code[:6] if ctx.place else None


@router.menu_item("1")
def start(ctx: Context) -> Reply:
    ctx.go(ConversationState.ASK)
    return Reply(PROMPT)


def answer(ctx: Context, text: str, *, offer: bool = True) -> Reply:
    """`offer`: a statement the search has no sure answer for may be offered as a report (not when the villager
    has just said it was a question)."""
    result = knowledge(ctx).ask(text, county_code=county_of(ctx))
    if offer and result.kind != "answer" and told_flat(ctx, text):
        return offer_told(ctx, text)  # 账上只记了三万: a statement about the village, not a question
    remember(ctx, text, result)
    if result.kind != "answer" and _MISCONDUCT.search(text):
        if result.kind == "out_of_scope":
            return Reply(f"{SOUNDS_LIKE_A_REPORT}\n{WAY_ON}")
        return Reply(f"{format_reply(result)}\n{REPORT_HINT}")  # choices: the hint goes under them
    note_answer(ctx, text, result)  # a complaint steered to a report above is not a knowledge-base gap
    if result.kind == "out_of_scope":
        own = f"\n{OWN_PAYMENT_HINT}" if own_payment_missing(ctx.intent.norm) else ""
        return Reply(f"{format_reply(result)}{own}\n{WAY_ON}")
    text_shown = format_reply(result)
    if own_payment_asked(normalise(text)) and fits(hinted := f"{text_shown}\n\n{OWN_PAYMENT_HINT}"):
        return Reply(hinted)  # 我家的补贴发了没: the rules, and where to see whether one's own payment came
    return Reply(text_shown)


def remember(ctx: Context, question: str, result: Answer) -> None:
    """Keep what the numbers in this reply mean, so the next digit picks the right entry; and a short piece
    that asks nothing, with the pieces just before it, in case the next message completes a story."""
    pieces = [*_pieces_before(ctx), question][-PIECES_KEPT:] if is_piece(question) else []
    if result.kind == "answer" and result.entry is not None:
        ctx.go(
            ConversationState.ANSWERED,
            options=list(result.related_ids),
            report=result.entry.offers_report,
            question=question,
            entry=result.entry.id,  # 详细 / 办理 show the rest of this entry
            pieces=pieces,
        )
    elif result.kind == "choices":
        ctx.go(
            ConversationState.ANSWERED,
            options=[e.id for e in result.choices],
            handoff=True,
            question=question,
            pieces=pieces,
        )
    else:
        ctx.go(ConversationState.ASK, question=question, pieces=pieces)  # 转人工 next hands this question over


def show_entry(ctx: Context, entry_id: str, question: str) -> Reply:
    kb = knowledge(ctx)
    entry = kb.entries.get(entry_id)
    if entry is None:
        return answer(ctx, question)
    related = kb.related(entry, kb.search(entry.title, county_code=county_of(ctx)), county_of(ctx))
    result = Answer(
        "answer",
        kb.search(entry.title),
        entry=entry,
        related=tuple(e.title for e in related),
        related_ids=tuple(e.id for e in related),
        asked=question,
        county_code=county_of(ctx),
    )
    remember(ctx, question, result)
    note_answer(ctx, question, result)
    return Reply(format_reply(result))


def the_rest(ctx: Context, text: str) -> Reply | None:
    """详细: the whole entry just answered; 办理: how to apply and whom to ask (the first reply is short); a short
    follow-up asking how, or for what papers, that names no other programme (那要啥子材料) is 办理 too."""
    kb = knowledge(ctx)
    entry = kb.entries.get(str(ctx.data.get("entry", "")))
    word = text.strip()
    if entry is None:
        return None
    if word not in MORE_WORDS:
        norm = ctx.intent.norm
        if len(norm) > HOW_ASKED_MAX or not _HOW_ASKED.search(norm):
            return None
        if len(_FILLERS.sub("", _HOW_ASKED.sub("", norm))) > 2:
            return None  # 危房改造要啥材料: it names what it asks about, a new question
        return Reply(format_how_to(entry, county_of(ctx)))
    return Reply(format_detail(entry) if MORE_WORDS[word] == "detail" else format_how_to(entry, county_of(ctx)))


# A follow-up asking how to apply or what to bring, and the words around it that name nothing (word lists:
# follow_up in bot/data/intents.yaml).
_HOW_ASKED = re.compile("|".join(map(re.escape, word_list("follow_up", "how_asked"))))
HOW_ASKED_MAX = 14
_FILLERS = re.compile("|".join(map(re.escape, word_list("follow_up", "fillers"))))


@router.state(ConversationState.ANSWERED, hands_over=True)
def follow_up(ctx: Context) -> Reply:
    text = ctx.text
    options: list[str] = list(ctx.data.get("options", []))
    question = str(ctx.data.get("question", ""))
    rest = the_rest(ctx, text)
    if rest is not None:
        return rest
    picked = ctx.intent.choice if ctx.intent.name == "choice" else None
    if picked is not None and 1 <= picked <= len(options):
        return show_entry(ctx, options[picked - 1], question)
    if _pieces_joined(ctx):
        return PASS  # 村长 / 把俺家的补贴 / 扣下了 不给: the story the pieces tell together
    if picked is not None:
        text = str(picked)
    handoff_number = str(len(options) + 1)
    if ctx.intent.name == "person" and carried_question(ctx.text):
        return hand_over(ctx, ctx.text)  # 转人工 另一个问题: the question it carries, not the one answered
    if ctx.data.get("handoff") and (text in (handoff_number, "都不是") or ctx.intent.name == "person"):
        note_none_fit(ctx, question)
        return hand_over(ctx, question, options)  # says who answers and by when
    if ctx.intent.name == "person":
        return hand_over(ctx, question, options)
    if text.isdigit() and options:
        # After a reply with numbers, digits mean those numbers, not the main menu.
        return Reply(
            f"请回复上面列出的数字（1—{len(options) + bool(ctx.data.get('handoff'))}），或回复「菜单」返回主菜单。"
        )
    ctx.previous = {"pieces": list(ctx.data.get("pieces", []))}  # a next piece is read with these
    ctx.reset()
    return PASS


@router.state(ConversationState.ASK, commands_first=True)
def asking(ctx: Context) -> Reply:
    if _pieces_joined(ctx):
        return PASS  # 村长 / 把俺家的补贴 / 扣下了 不给: the story the pieces tell together
    if ctx.message.kind in ("text", "voice") and ctx.text and ctx.intent.name == "none":
        if ctx.text in ("菜单", "取消", "返回") or asks_safety(ctx.text)[0]:
            ctx.reset()
            return PASS  # a safety question (能不能匿名) gets the safety answer, as at the main menu
        return answer(ctx, ctx.text)
    ctx.reset()
    return PASS


def free_text(ctx: Context) -> Reply | None:
    """Any text (or recognised voice) that is not a command is a policy question."""
    if ctx.text:
        return answer(ctx, ctx.text)
    return None


@router.kind(MessageKind.TEXT, MessageKind.VOICE)
def on_text(ctx: Context) -> Reply | None:
    return free_text(ctx) or not_understood(ctx)
