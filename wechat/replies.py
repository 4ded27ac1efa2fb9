"""Passive replies, laid out exactly as wechatpy's TextReply renders them; text is made CDATA-safe first.

A format string rather than TextReply itself: wechatpy builds the reply through field descriptors,
which cost more than the rest of the reply. tests/wechat/test_wechat_wire_equivalence.py holds them equal.
"""

from __future__ import annotations

import time

SUCCESS = "success"


def cdata_safe(text: str) -> str:
    # `]]>` would close the CDATA section early; split it across two sections instead.
    return text.replace("]]>", "]]]]><![CDATA[>")


TEXT_REPLY = (
    "<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[{content}]]></Content>\n"
    "<FromUserName><![CDATA[{source}]]></FromUserName>\n<ToUserName><![CDATA[{target}]]></ToUserName>\n"
    "<CreateTime>{time}</CreateTime>\n</xml>"
)


def text_reply_xml(*, to_openid: str, from_account: str, content: str, now: int | None = None) -> str:
    return TEXT_REPLY.format(
        content=cdata_safe(content),
        source=cdata_safe(from_account),
        target=cdata_safe(to_openid),
        time=now if now is not None else int(time.time()),
    )
