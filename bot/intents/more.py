""" "更多" when no list is open: say so rather than treat the word as a policy question."""

from __future__ import annotations

from bot.context import Context, Reply
from bot.dispatcher import Router
from bot.menu import menu_text

router = Router()

NOTHING_MORE = "没有更多内容了。"


@router.command("更多", "下一页")
def nothing_more(ctx: Context) -> Reply:
    ctx.reset()
    return Reply(NOTHING_MORE + "\n\n" + menu_text())
