"""Why a push to another system's receiving address (a case-event subscriber) failed, in plain Chinese.

Outbox rows keep the raw error text (for the log and the operator); staff pages show these words instead.
A case-event push never goes through WeChat, so nothing here blames WeChat.
"""

from __future__ import annotations

import re

from cases.interop.case_hooks import CASE_EVENT
from wechat import failure_text

_HTTP = re.compile(r"subscriber answered HTTP (\d+)")
_RETRY = "，系统会自动重试"
_BY_TEXT = (
    ("subscription removed", "推送地址已停止，不再发送"),
    ("410 gone", "对接系统表示不再接收（返回 410），已停止发送"),
    ("refused", "对接系统的接收地址连不上（连接被拒绝）" + _RETRY),
    ("timed out", "对接系统的接收地址连接超时" + _RETRY),
    ("timeout", "对接系统的接收地址连接超时" + _RETRY),
    ("name or service not known", "对接系统的接收地址找不到（域名解析失败）" + _RETRY),
    ("name resolution", "对接系统的接收地址找不到（域名解析失败）" + _RETRY),
    ("nodename nor servname", "对接系统的接收地址找不到（域名解析失败）" + _RETRY),
    ("certificate", "对接系统的接收地址证书有问题" + _RETRY),
    ("ssl", "对接系统的接收地址加密连接失败" + _RETRY),
    ("connect", "对接系统的接收地址连不上" + _RETRY),
    ("unreachable", "对接系统的接收地址连不上" + _RETRY),
    ("reset", "对接系统的接收地址中断了连接" + _RETRY),
)


def explain_push(error: str | None) -> str:
    """A short Chinese reason for a failed case-event push ('' for none)."""
    if not error:
        return ""
    answered = _HTTP.search(error)
    if answered:
        return f"对接系统返回错误 {answered.group(1)}{_RETRY}"
    lowered = error.lower()
    for needle, text in _BY_TEXT:
        if needle in lowered:
            return text
    return "推送到对接系统失败" + _RETRY


def explain(kind: str, error: str | None) -> str:
    """The reason for an outbox row's failure, by what the row delivers: WeChat's words only for WeChat."""
    return explain_push(error) if kind == CASE_EVENT else failure_text.explain(error)


def wechat_errcode(kind: str, error: str | None) -> int | None:
    """WeChat's error code, for WeChat deliveries only."""
    return None if kind == CASE_EVENT else failure_text.errcode_of(error or "")
