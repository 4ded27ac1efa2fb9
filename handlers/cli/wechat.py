"""`qingfeng wechat menu apply`, `qingfeng wechat token`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sqlalchemy.exc import DBAPIError

from bot.menu import account_menu
from handlers.runtime import Runtime
from storage.db import transaction
from storage.repos import tokens
from storage.types import utcnow
from wechat.api import WechatApiError, WechatUnavailable
from wechat.client import make_api

DB_NOT_READY = "数据库未就绪，请先运行 qingfeng db upgrade / database not ready: run `qingfeng db upgrade` first"


def register(sub: Any) -> None:
    wechat = sub.add_parser("wechat", help="the WeChat official account")
    wsub = wechat.add_subparsers(dest="wechat_command", required=True)
    menu = wsub.add_parser("menu", help="the account's custom menu")
    msub = menu.add_subparsers(dest="menu_command", required=True)
    msub.add_parser("apply", help="publish bot.menu.account_menu() to WeChat").set_defaults(func=cmd_menu_apply)
    wsub.add_parser("token", help="whether an access token is stored, and until when").set_defaults(func=cmd_token)


def cmd_menu_apply(args: argparse.Namespace) -> int:
    rt = Runtime.from_settings()
    try:
        with make_api(rt.settings, sessions=rt.sessions) as api:
            api.create_menu(menu=account_menu())
    except WechatUnavailable as exc:
        print(
            f"无法连接微信接口 / cannot reach the WeChat API at {rt.settings.wechat_api_base}: {exc}",
            file=sys.stderr,
        )
        return 1
    except WechatApiError as exc:
        print(f"菜单发布失败 / menu apply failed:\n{exc}", file=sys.stderr)
        return 1
    except DBAPIError:
        print(DB_NOT_READY, file=sys.stderr)
        return 1
    print("菜单已发布 / menu applied")
    return 0


def cmd_token(args: argparse.Namespace) -> int:
    rt = Runtime.from_settings()
    appid = rt.settings.wechat_appid
    try:
        with transaction(rt.sessions) as session:
            row = tokens.get(session, appid=appid)
            expires_at = None if row is None else row.expires_at
    except DBAPIError:
        print(DB_NOT_READY, file=sys.stderr)
        return 1
    if expires_at is None:
        print(f"未保存 access token / no access token stored for {appid}")
        return 0
    left = int((expires_at - utcnow()).total_seconds())
    when = expires_at.strftime("%Y-%m-%d %H:%M:%S UTC")
    if left > 0:
        print(f"已保存 access token，有效期至 {when}（剩余 {left // 60} 分钟）")
        print(f"token stored for {appid}, expires {when}")
    else:
        print(f"已保存的 access token 已过期（{when}），下次调用时自动刷新 / stored token expired at {when}")
    return 0
