"""Why a delivery or download failed, in words staff and the administrator can act on.

Outbox rows keep WeChat's own error text (for the log and the operator); pages never show it raw.
"""

from __future__ import annotations

import re

_ERRCODE = re.compile(r"WeChat error (-?\d+)")

_BY_CODE = {
    -1: "微信服务器暂时连不上，系统会自动重试",
    40001: "公众号的 AppSecret 或接口凭证不对，请管理员检查设置",
    40014: "公众号接口凭证无效，请管理员检查设置",
    42001: "公众号接口凭证过期，系统会自动刷新后重试",
    40164: "本服务器的 IP 不在公众号的 IP 白名单中，请管理员在微信公众平台添加",
    40003: "收件人不是本公众号的用户",
    40007: "微信上的文件已过期或无效（超过 3 天的文件无法下载）",
    40037: "模板消息的模板 ID 不对，请管理员检查设置",
    43004: "群众已取消关注公众号，消息无法送达",
    45015: "群众超过 48 小时没有发消息，客服消息暂时发不出去，等他下次发消息后补发",
    45047: "客服消息条数已用完，等群众下次发消息后补发",
    48001: "公众号没有这个接口的权限，请管理员检查公众号认证",
}
_BY_TEXT = (
    ("file too large", "文件太大，超过了系统允许的大小"),
    ("unexpected content", "文件不是照片或语音"),
    ("not a media file", "微信返回的不是文件"),
    ("unusable image", "图片无法识别或不安全，已拒收"),
    ("no openid", "找不到收件人"),
    ("timed out", "连接微信服务器超时，系统会自动重试"),
    ("connect", "连接微信服务器失败，系统会自动重试"),
)


def errcode_of(error: str) -> int | None:
    match = _ERRCODE.search(error or "")
    return int(match.group(1)) if match else None


def explain(error: str | None) -> str:
    """A short Chinese reason for a stored error text ('' for none)."""
    if not error:
        return ""
    code = errcode_of(error)
    if code is not None and code in _BY_CODE:
        return _BY_CODE[code]
    lowered = error.lower()
    for needle, text in _BY_TEXT:
        if needle in lowered:
            return text
    return "微信接口返回了其他错误，请管理员查看运行状态页"
