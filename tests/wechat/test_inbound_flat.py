"""wechat.inbound reads a flat envelope without the XML parser: the same message, or the same refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from wechat import inbound
from wechat.inbound import Inbound, MalformedMessage, parse

WECHAT = Path(__file__).parents[1] / "fixtures" / "wechat"
SAMPLES = sorted(
    [*(WECHAT / "parser_samples").glob("*.xml"), *(WECHAT / "derived_safe_mode").glob("*.expected_plaintext.xml")]
)
HEAD = "<ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o-1]]></FromUserName><CreateTime>1</CreateTime>"
TEXT = f"{HEAD}<MsgType><![CDATA[text]]></MsgType><MsgId>7</MsgId>"
# Envelopes the flat reading takes, and lookalikes it must leave to the parser (which reads them
# differently or refuses them).
SHAPES = [
    f"<xml>{TEXT}<Content><![CDATA[低保怎么申请？]]></Content></xml>",
    f"\n <xml>\n\t{TEXT}\n<Content><![CDATA[  padded \n ]]></Content>\n</xml>\n",
    f"<xml>{TEXT}<Content><![CDATA[]]></Content></xml>",
    f"<xml>{TEXT}<Content></Content></xml>",
    f"<xml>{TEXT}<Content><![CDATA[<b>&amp; </xml> <x>]]></Content></xml>",
    f"<xml>{TEXT}<Content>a > b</Content></xml>",
    f"<xml>{TEXT}<Content><![CDATA[a]]]]><![CDATA[>b]]></Content></xml>",  # `]]>` split, as WeChat sends it
    f"<xml>{TEXT}<Content><![CDATA[a]]></Content>zz]]></Content></xml>",
    f"<xml>{TEXT}<Content>a ]]> b</Content></xml>",
    f"<xml>{TEXT}<Content>a &amp; b</Content></xml>",
    f"<xml>{TEXT}<Content><![CDATA[line\r\nbreak]]></Content></xml>",
    f"<xml>{TEXT}<Content><![CDATA[bell\x07]]></Content></xml>",
    f"<xml>{TEXT}<Content><![CDATA[one]]></Content><Content><![CDATA[two]]></Content></xml>",
    f"<xml>{TEXT}<Content><![CDATA[a]]></Content>stray</xml>",
    f"<xml>{TEXT}<Content lang='zh'>x</Content></xml>",
    f"<xml>{TEXT}<Content/></xml>",
    f'<?xml version="1.0"?><xml>{TEXT}<Content>x</Content></xml>',
    f"<!DOCTYPE xml [<!ENTITY e 'x'>]><xml>{TEXT}<Content>&e;</Content></xml>",
    f"<xml>{TEXT}<Content>x</Content></xml><xml></xml>",
    f"<XML>{TEXT}<Content>x</Content></XML>",
    f"<xml>{TEXT}<Content>x</Content>",
    "<xml></xml>",
    f"<xml>{HEAD}<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event>"
    "<EventKey><![CDATA[qrscene_630223106213]]></EventKey></xml>",
    f"<xml>{HEAD}<MsgType>event</MsgType><Event>LOCATION</Event><Latitude>36.8</Latitude>"
    "<Longitude>101.9</Longitude><Precision>30</Precision></xml>",
]


def _by_parser(xml: str, monkeypatch: pytest.MonkeyPatch) -> Inbound | str:
    with monkeypatch.context() as patched:
        patched.setattr(inbound, "_flat_fields", lambda _xml: None)
        return _outcome(xml)


def _outcome(xml: str) -> Inbound | str:
    try:
        return parse(xml)
    except MalformedMessage as exc:
        return f"refused: {exc}"


@pytest.mark.parametrize("xml", [p.read_text(encoding="utf-8") for p in SAMPLES] + SHAPES)
def test_the_flat_reading_gives_what_the_parser_gives(xml: str, monkeypatch: pytest.MonkeyPatch) -> None:
    ours, parsed = _outcome(xml), _by_parser(xml, monkeypatch)
    if isinstance(parsed, str):
        assert isinstance(ours, str), (xml, ours)  # refused both ways (the reason may be worded apart)
    else:
        assert isinstance(ours, Inbound) and ours == parsed and ours.raw == parsed.raw, (xml, ours, parsed)


def test_wechats_own_messages_are_read_flat() -> None:
    assert inbound._flat_fields(SHAPES[0]) is not None
    for path in SAMPLES:
        assert inbound._flat_fields(path.read_text(encoding="utf-8")) is not None, path.name


@pytest.mark.parametrize("xml", SHAPES[6:21])
def test_lookalikes_go_to_the_parser(xml: str) -> None:
    assert inbound._flat_fields(xml) is None, xml
