"""Senders of the villager's side of a report, through the real webhook (safe mode)."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass

from sqlalchemy import Engine

from tests.cases_support import KEYS, VILLAGE
from tests.webhook_support import Sender, event_xml, make_client, text_xml, xml_message

_ids = itertools.count(int(time.time() * 1000) * 10 + 5_000_000)


def image_xml(openid: str, media_id: str) -> str:
    body = f"<PicUrl><![CDATA[http://mmbiz/{media_id}]]></PicUrl><MediaId><![CDATA[{media_id}]]></MediaId>"
    return xml_message(openid, "image", body + f"<MsgId>{next(_ids)}</MsgId>")


def voice_xml(openid: str, media_id: str, recognition: str | None = None) -> str:
    body = f"<MediaId><![CDATA[{media_id}]]></MediaId><Format><![CDATA[amr]]></Format>"
    if recognition is not None:
        body += f"<Recognition><![CDATA[{recognition}]]></Recognition>"
    return xml_message(openid, "voice", body + f"<MsgId>{next(_ids)}</MsgId>")


def location_xml(openid: str, lat: float, lng: float, label: str = "") -> str:
    body = (
        f"<Location_X>{lat}</Location_X><Location_Y>{lng}</Location_Y><Scale>15</Scale>"
        f"<Label><![CDATA[{label}]]></Label><MsgId>{next(_ids)}</MsgId>"
    )
    return xml_message(openid, "location", body)


@dataclass
class Villager:
    sender: Sender
    openid: str

    def say(self, text: str) -> str:
        return self.sender.reply_text(text_xml(self.openid, text, msg_id=next(_ids)))

    def send(self, xml: str) -> str:
        return self.sender.reply_text(xml)

    def scan(self, village: str) -> str:
        return self.sender.reply_text(event_xml(self.openid, "subscribe", f"qrscene_{village}"))

    def entered_at(self, lat: float, lng: float) -> str:
        extra = f"<Latitude>{lat}</Latitude><Longitude>{lng}</Longitude><Precision>65</Precision>"
        return self.sender.reply_text(event_xml(self.openid, "LOCATION", extra=extra))


def bound_villager(engine: Engine, openid: str, village: str = VILLAGE) -> Villager:
    """A villager on a fresh safe-mode webhook client (with the identity key), bound to `village` by
    scanning its poster: the setup the chat-path tests share."""
    v = Villager(Sender(make_client(engine, identity_key=KEYS.current), safe=True), openid)
    v.scan(village)
    return v


NUMBER_RE = r"案件编号：(\d{6}-\d{4}-\d{6})\n查询码：(\d{6})"


def file_report(
    v: Villager, *, category: str = "1", text: str = "村会计把危房补助扣了 3000 元", anonymous: bool = True
) -> str:
    """Walk a villager (already bound to a village) through a report without evidence; return the last reply."""
    import re

    v.say("3")
    v.say(category)
    v.say(text)
    reply = v.say("好了")
    if "哪一级的干部" in reply:
        v.say("1")
    v.say("跳过")
    if anonymous:
        v.say("2")
    else:
        v.say("1")
        v.say("王五 13900002222")
    final = v.say("1")
    assert re.search(NUMBER_RE, final), final
    return final
