"""Menu items whose features have not landed yet: an honest answer and where to turn meanwhile."""

from __future__ import annotations

from bot.context import Context, Reply
from bot.dispatcher import Router

router = Router()

NOT_YET = "这项服务正在开通中。急事请拨打 12388（纪检监察举报电话）或 12345（政务服务热线）。"


@router.menu_item()
def not_yet(ctx: Context) -> Reply:
    return Reply(NOT_YET)
