"""The main menu, help, and the reply to anything not understood (never silence)."""

from __future__ import annotations

from bot.context import Context, Reply
from bot.dispatcher import Router
from bot.menu import menu_text

router = Router()

HELP = (
    "“清风”可以帮您：\n"
    "· 问政策：直接打字或发语音提问，如“扶贫贷款咋申请”\n"
    "· 看本村项目和资金\n"
    "· 反映问题：可以匿名，我们保护您的信息\n"
    "· 查询进度：用案件编号和查询码\n"
    "回复“切换村庄”可更换所在的村。"
)


@router.command("菜单", "主菜单", "你好", "您好")
def show_menu(ctx: Context) -> Reply:
    ctx.reset()
    where = f"您所在的村：{ctx.place.full_name}\n" if ctx.place else ""
    return Reply(where + menu_text())


@router.menu_item("0")
@router.command("帮助", "help", "?", "？")
def show_help(ctx: Context) -> Reply:
    ctx.reset()
    return Reply(HELP + "\n\n" + menu_text())


def not_understood(ctx: Context) -> Reply:
    if ctx.message.kind == "voice" and not ctx.message.recognition:
        return Reply("收到您的语音，但没能识别文字。请打字说明，或回复“菜单”。\n\n" + menu_text())
    if ctx.message.kind in ("image", "video", "shortvideo", "location", "link"):
        return Reply("已收到。如需反映问题，请先回复 3 开始，再发送照片或位置。\n\n" + menu_text())
    return Reply("没太明白您的意思。\n\n" + menu_text())
