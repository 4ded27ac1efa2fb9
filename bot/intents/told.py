"""A statement the policy search cannot answer for sure (村里的牧场租金八万 账上只记了三万, 新修的桥 护栏一推就晃):
told, not asked, so it is offered as a report keeping the words, as any story told outright is. The villager
can reply 2 (我是来问政策的) to have it searched as a question after all (see report/start.py, on_offer)."""

from __future__ import annotations

import re

from bot import report_prompts as p
from bot.context import Context, Reply
from bot.hardship_story import troubles_told
from bot.reading.benefit_wrongs import own_payment_missing
from bot.reading.hardship import troubled
from bot.reading.normal_form import normalise
from bot.reading.wrongs import guess_category
from bot.shapes import asks, clauses, flat_statement
from cases.categories import by_code
from cases.validation import MAX_DESCRIPTION
from storage.repos.users import ConversationState

# A thing built or mended that is spoken of: the report is about a project when no other category fits.
_BUILT = re.compile(r"新修|才修|刚修|修好|修的|建的|新建|盖的|工程|项目|施工")
# Someone of the household a trouble is told of.
_FAMILY = re.compile(
    r"我家|我们家|家里|老公|老伴|丈夫|爱人|媳妇|孩子|儿子|女儿|我爸|我妈|他爸|他妈|老汉|老婆|公公|婆婆"
)
# Someone or something of the village's that a told wrong is about; without it a household's trouble is hardship.
_VILLAGE_SIDE = re.compile(
    r"村长|村主任|书记|支书|主任|干部|社长|组长|队长|会计|镇上|乡上|村上|村里|村委|社里|队里|组里|集体|合作社|账|名单|名额"
)


def told_flat(ctx: Context, text: str) -> bool:
    norm = ctx.intent.norm or text
    if ctx.message.kind not in ("text", "voice"):
        return False
    return flat_statement(norm) or _household_trouble(text, norm)


def _household_trouble(text: str, norm: str) -> bool:
    """俺家的房子叫雪压塌了 娃他爸又病着: a household's trouble the hardship script reads, told, not asked."""
    return flat_statement(norm, least=8, about=False) and bool(troubles_told(text)) and not _VILLAGE_SIDE.search(norm)


def family_trouble(ctx: Context) -> bool:
    """老公在工地上从架子上掉下来了 腰断了 老板跑了 工钱也没给: a trouble told of someone of the household, before
    any policy search (a wage or an injury entry would answer one part and drop the household). A trouble told
    in fragments (车祸 住院 欠了 钱) is one too: whose it is comes at the script's first step."""
    norm = ctx.intent.norm
    return (bool(_FAMILY.search(norm)) and _household_trouble(ctx.text, norm)) or told_in_fragments(ctx.text, norm)


# Fragments: at least this many pieces, this short on average (雪 大 下了 牛 羊 一半 死了).
_FRAGMENTS_LEAST = 3
_FRAGMENT_LENGTH = 4
# A policy thing named among the fragments (大病 救助 政策, 危房 改造 条件): a question typed as keywords.
_POLICY_TERM = re.compile(r"政策|补贴|补助|报销|申请|条件|标准|办理|怎么办|救助|医保|低保|改造|资助|贷款办")
# "There is none" said last as a piece of its own (钱 没有, 吃的 没有), not after a verb (发了 没有 asks).
_NONE_LAST = ("没有", "没", "没得", "莫得", "莫有", "没了")


def told_in_fragments(text: str, norm: str) -> bool:
    """病 重 钱 没有, 雪 太大 羊 死了 一半: a household's trouble typed as short pieces (voice input, few characters
    known), asking nothing and naming no one of the village: the hardship path is offered."""
    pieces = clauses(text)
    if len(pieces) < _FRAGMENTS_LEAST or sum(map(len, pieces)) > _FRAGMENT_LENGTH * len(pieces):
        return False
    said = norm
    if pieces[-1] in _NONE_LAST and not pieces[-2].endswith(("了", "过", "没")):
        said = norm.removesuffix(normalise(pieces[-1]))
    if asks(said) or _POLICY_TERM.search(norm) or _VILLAGE_SIDE.search(norm):
        return False
    return troubled(norm) or bool(troubles_told(text))


def offer_hardship(ctx: Context) -> Reply:
    ctx.go(ConversationState.REPORT_OFFER, text=ctx.text[:MAX_DESCRIPTION], category=p.HARDSHIP)
    return Reply(p.HARDSHIP_OFFER)


def offer_told(ctx: Context, text: str) -> Reply:
    norm = ctx.intent.norm or text
    if _household_trouble(text, norm):
        ctx.go(ConversationState.REPORT_OFFER, text=text[:MAX_DESCRIPTION], category=p.HARDSHIP)
        return Reply(p.HARDSHIP_OFFER)
    code = guess_category(norm)
    if code == "other" and _BUILT.search(norm):
        code = "project"
    category = by_code(code)
    ctx.go(ConversationState.REPORT_OFFER, text=text[:MAX_DESCRIPTION], category=code)
    return Reply(p.story_offer(category.label if category else "其他意见建议", own_payment=own_payment_missing(norm)))
