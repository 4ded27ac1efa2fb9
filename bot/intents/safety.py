"""Messages no intent names that still need more than the policy search, outside any state:

- a question about the reporter's safety (会不会被村里知道, 保密吗): answered with what the service really keeps,
  and the way to report offered (inside a report each step answers it itself);
- a complaint about a project (这路才修半年就裂了): offered as a report keeping the words, naming the project
  when one of the village's projects is of that thing, and listing the matching ones;
- a household's trouble of a kind the word lists do not name yet (房子漏雨 冬天没煤烧, 老人一个人过 没人照顾),
  told flat and not asked as a question: offered the hardship path, as any hardship story is."""

from __future__ import annotations

import re

from bot import report_prompts as p
from bot import safety
from bot.context import Context, Reply
from bot.dispatcher import PASS, Router
from bot.hardship_story import troubles_told
from bot.intents.told import family_trouble, offer_hardship, offer_told
from bot.project_complaint import is_complaint
from bot.shapes import told_vs_paid
from cases.categories import by_code
from cases.validation import MAX_DESCRIPTION
from storage.repos.projects import list_projects
from storage.repos.users import ConversationState
from villages.projects.text import related

router = Router()

# Kinds of trouble told flat at the main menu that are offered the hardship path.
HOUSEHOLD_KINDS = frozenset({"住房或取暖困难", "老人独居或无人照顾"})
_QUESTION = re.compile(r"吗|么|咋|怎么|如何|能不能|可以不|有没有|哪|什么|啥|谁|多少|政策|补贴|申请|改造")

OFFER = "想反映问题，回复“反映”开始，可以匿名。"
PROJECT = "project"


@router.intent("none")
def unnamed(ctx: Context) -> Reply:
    if ctx.message.kind not in ("text", "voice") or not ctx.text:
        return PASS
    if safety.split(ctx.text)[0]:
        return Reply(safety.ANSWER + "\n" + OFFER)
    if is_complaint(ctx.intent.norm):
        return complaint_offer(ctx)
    if told_vs_paid(ctx.intent.norm):
        return offer_told(ctx, ctx.text)  # 镇上说补助早打过来了 存折上看不到: a wrong, not a household's trouble
    told = HOUSEHOLD_KINDS.intersection(troubles_told(ctx.text))
    if (told and not _QUESTION.search(ctx.intent.norm)) or family_trouble(ctx):
        return offer_hardship(ctx)
    return PASS


def complaint_offer(ctx: Context) -> Reply:
    """A complaint about what a project built, offered as a report keeping the words (naming the project when
    one of the village's projects is of that thing)."""
    text = ctx.text[:MAX_DESCRIPTION]
    lead = ""
    if ctx.place is not None:
        projects = list(list_projects(ctx.session, village_code=ctx.place.code))
        near = related(ctx.intent.norm, projects)[:5]
        if len(near) == 1:
            project = projects[near[0] - 1]
            text = f"对{project.year}年的项目“{project.name}”有疑问：{text}"[:MAX_DESCRIPTION]
        if near:
            named = "；".join(f"{projects[n - 1].year}年 {projects[n - 1].name}" for n in near)
            lead = f"本村公开的有关项目：{named}。\n"
    category = by_code(PROJECT)
    ctx.go(ConversationState.REPORT_OFFER, text=text, category=PROJECT)
    return Reply(lead + p.story_offer(category.label if category else "项目质量或进度问题"))
