"""The ledger's key is keyed_hash("ledger", openid, dedup key), however it is computed."""

from __future__ import annotations

from bot.exactly_once import ledger_key
from config.privacy import keyed_hash
from wechat.inbound import parse

HEAD = "<ToUserName>gh_1</ToUserName><FromUserName>o-ledger</FromUserName><CreateTime>1700000000</CreateTime>"


def test_the_ledger_key_is_the_keyed_hash_of_sender_and_message() -> None:
    text = parse(f"<xml>{HEAD}<MsgType>text</MsgType><Content>菜单</Content><MsgId>77</MsgId></xml>")
    event = parse(f"<xml>{HEAD}<MsgType>event</MsgType><Event>subscribe</Event></xml>")
    for message in (text, event):
        assert ledger_key(message) == keyed_hash("ledger", message.openid, message.dedup_key)
    assert ledger_key(text) != ledger_key(event)
    other = parse(f"<xml>{HEAD.replace('o-ledger', 'o-other')}<MsgType>text</MsgType><MsgId>77</MsgId></xml>")
    assert ledger_key(other) != ledger_key(text)  # the same MsgId from another sender is another message
