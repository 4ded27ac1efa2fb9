"""Passive replies rendered with wechatpy; text is made CDATA-safe first."""

from __future__ import annotations

import time

from wechatpy.replies import TextReply

SUCCESS = "success"


def cdata_safe(text: str) -> str:
    # `]]>` would close the CDATA section early; split it across two sections instead.
    return text.replace("]]>", "]]]]><![CDATA[>")


def text_reply_xml(*, to_openid: str, from_account: str, content: str, now: int | None = None) -> str:
    reply = TextReply(
        source=from_account,
        target=to_openid,
        content=cdata_safe(content),
        time=now if now is not None else int(time.time()),
    )
    xml: str = reply.render()
    return xml
