"""The main menu: numbered items typed in chat, and the account's custom menu (CLICK keys)."""

from __future__ import annotations

from typing import Any

# Numbered items a villager can type; a later issue fills in what each one does.
MAIN_MENU: tuple[tuple[str, str], ...] = (
    ("1", "政策咨询"),
    ("2", "项目公开"),
    ("3", "反映问题"),
    ("4", "查询进度"),
    ("5", "我家补贴"),
    ("0", "帮助"),
)

# CLICK keys of the account's custom menu, mapped to the numbered item they stand for.
CLICK_KEYS: dict[str, str] = {
    "MENU_ASK": "1",
    "MENU_PROJECTS": "2",
    "MENU_REPORT": "3",
    "MENU_TRACK": "4",
    "MENU_MONEY": "5",
    "MENU_HELP": "0",
}


def account_menu() -> dict[str, Any]:
    """The JSON body for WeChat's menu/create API."""
    return {
        "button": [
            {"type": "click", "name": "政策咨询", "key": "MENU_ASK"},
            {"type": "click", "name": "项目公开", "key": "MENU_PROJECTS"},
            {
                "name": "反映问题",
                "sub_button": [
                    {"type": "click", "name": "我要反映", "key": "MENU_REPORT"},
                    {"type": "click", "name": "查询进度", "key": "MENU_TRACK"},
                    {"type": "click", "name": "我家补贴", "key": "MENU_MONEY"},
                    {"type": "click", "name": "使用帮助", "key": "MENU_HELP"},
                ],
            },
        ]
    }


def menu_text() -> str:
    lines = [f"{num} {label}" for num, label in MAIN_MENU]
    return "请回复数字：\n" + "\n".join(lines)
