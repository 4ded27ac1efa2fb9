"""A question about the reporter's safety asked outside a report (会不会被村里知道, 保密吗): answered with what
the service really keeps, and the way to report offered. Inside a report each step answers it itself."""

from __future__ import annotations

from bot import safety
from bot.context import Context, Reply
from bot.dispatcher import PASS, Router

router = Router()

OFFER = "想反映问题，回复“反映”开始，可以匿名。"


@router.intent("none")
def asked(ctx: Context) -> Reply:
    if ctx.message.kind not in ("text", "voice") or not safety.split(ctx.text)[0]:
        return PASS
    return Reply(safety.ANSWER + "\n" + OFFER)
