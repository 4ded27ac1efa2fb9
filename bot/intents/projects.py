"""Menu item 2 (项目公开): the bound village's projects and totals, one message per page, "更多" for the next."""

from __future__ import annotations

from bot.context import Context, Reply
from bot.dispatcher import PASS, Router
from bot.intents.binding import ASK_VILLAGE
from storage.repos.projects import list_projects
from villages.project_text import page

router = Router()

STATE = "projects"
MORE_WORDS = ("更多", "下一页", "继续")
NEED_VILLAGE = "查看本村项目前，需要先确定您所在的村。\n" + ASK_VILLAGE


@router.menu_item("2")
def show_projects(ctx: Context) -> Reply:
    return _page(ctx, 0)


@router.state(STATE)
def more(ctx: Context) -> Reply:
    offset = ctx.data.get("next")
    if ctx.text in MORE_WORDS and isinstance(offset, int):
        return _page(ctx, offset)
    ctx.reset()
    return PASS


def _page(ctx: Context, offset: int) -> Reply:
    if ctx.place is None:
        ctx.go("bind")
        return Reply(NEED_VILLAGE)
    shown = page(ctx.place.name, list_projects(ctx.session, village_code=ctx.place.code), offset)
    if shown.next_offset is None:
        ctx.reset()
    else:
        ctx.go(STATE, next=shown.next_offset)
    return Reply(shown.text)
