"""Messages no intent names that still need more than the policy search, outside any state:

- a question about the reporter's safety (会不会被村里知道, 保密吗): answered with what the service really keeps,
  and the way to report offered (inside a report each step answers it itself);
- a complaint about a project (这路才修半年就裂了): offered as a report keeping the words, naming the project
  when one of the village's projects is of that thing, and listing the matching ones."""

from __future__ import annotations

from bot import report_prompts as p
from bot import safety
from bot.context import Context, Reply
from bot.dispatcher import PASS, Router
from bot.project_complaint import is_complaint
from cases.categories import by_code
from cases.validation import MAX_DESCRIPTION
from storage.repos.projects import list_projects
from storage.repos.users import ConversationState
from villages.projects.text import related

router = Router()

OFFER = "想反映问题，回复“反映”开始，可以匿名。"
PROJECT = "project"


@router.intent("none")
def unnamed(ctx: Context) -> Reply:
    if ctx.message.kind not in ("text", "voice") or not ctx.text:
        return PASS
    if safety.split(ctx.text)[0]:
        return Reply(safety.ANSWER + "\n" + OFFER)
    if is_complaint(ctx.intent.norm):
        return _complaint(ctx)
    return PASS


def _complaint(ctx: Context) -> Reply:
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
