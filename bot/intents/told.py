"""A statement the policy search cannot answer for sure (村里的牧场租金八万 账上只记了三万, 新修的桥 护栏一推就晃):
told, not asked, so it is offered as a report keeping the words, as any story told outright is. The villager
can reply 2 (我是来问政策的) to have it searched as a question after all (see report/start.py, on_offer)."""

from __future__ import annotations

import re

from bot import report_prompts as p
from bot.context import Context, Reply
from bot.hardship_story import troubles_told
from bot.reading.benefit_wrongs import own_payment_missing
from bot.reading.wrongs import guess_category
from bot.shapes import flat_statement
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
    any policy search (a wage or an injury entry would answer one part and drop the household)."""
    norm = ctx.intent.norm
    return bool(_FAMILY.search(norm)) and _household_trouble(ctx.text, norm)


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
