"""Parsing every message type and event from the real samples (no database)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wechat.inbound import MalformedMessage, parse
from wechat.replies import cdata_safe, text_reply_xml

SAMPLES = Path(__file__).parents[1] / "fixtures" / "wechat" / "parser_samples"

EXPECTED = {
    "wechatpy__test_parse_text_message.xml": ("text", ""),
    "wechatpy__test_parse_image_message.xml": ("image", ""),
    "wechatpy__test_parse_voice_message.xml": ("voice", ""),
    "werobot__test_voice_message.xml": ("voice", ""),
    "wechatpy__test_parse_video_message.xml": ("video", ""),
    "wechatpy__test_parse_location_message.xml": ("location", ""),
    "wechatpy__test_parse_link_message.xml": ("link", ""),
    "wechatpy__test_parse_subscribe_event.xml": ("event", "subscribe"),
    "wechatpy__test_parse_subscribe_scan_event.xml": ("event", "subscribe_scan"),
    "wechatpy__test_parse_scan_event.xml": ("event", "scan"),
    "wechatpy__test_parse_location_event.xml": ("event", "location"),
    "wechatpy__test_parse_click_event.xml": ("event", "click"),
    "wechatpy__test_parse_view_event.xml": ("event", "view"),
    "wechatpy__test_parse_unknown_message.xml": ("unknown", ""),
    "werobot__test_unknown_event.xml": ("event", "unknown"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_sample_parses_to_its_type(name: str) -> None:
    msg = parse((SAMPLES / name).read_text())
    assert (msg.kind, msg.event) == EXPECTED[name]
    assert msg.openid
    assert msg.dedup_key.startswith("m:" if msg.msg_id else "e:")


def test_voice_recognition_is_the_text() -> None:
    msg = parse((SAMPLES / "werobot__test_voice_message.xml").read_text())
    assert msg.recognition == "Meow~"
    assert msg.text == "Meow~"


def test_location_message_x_is_latitude() -> None:
    msg = parse((SAMPLES / "wechatpy__test_parse_location_message.xml").read_text())
    assert (msg.lat, msg.lng) == (23.134521, 113.358803)


def test_location_event_carries_floats() -> None:
    msg = parse((SAMPLES / "wechatpy__test_parse_location_event.xml").read_text())
    assert (msg.lat, msg.lng) == (23.137466, 113.352425)


def test_subscribe_with_scene_strips_prefix_and_scan_keeps_scene() -> None:
    sub = parse((SAMPLES / "wechatpy__test_parse_subscribe_scan_event.xml").read_text())
    scan = parse((SAMPLES / "wechatpy__test_parse_scan_event.xml").read_text())
    assert sub.scene == "123123"
    assert scan.scene == "123123"


def test_location_and_scan_in_the_same_second_have_different_keys() -> None:
    base = "<xml><ToUserName>gh</ToUserName><FromUserName>o1</FromUserName><CreateTime>7</CreateTime>"
    scan = parse(base + "<MsgType>event</MsgType><Event>SCAN</Event><EventKey>630223106213</EventKey></xml>")
    loc = parse(
        base + "<MsgType>event</MsgType><Event>LOCATION</Event><Latitude>36.1</Latitude>"
        "<Longitude>102.1</Longitude><Precision>30</Precision></xml>"
    )
    assert scan.dedup_key != loc.dedup_key


@pytest.mark.parametrize(
    "body",
    [
        "<xml><a>",
        "not xml at all",
        "<root><MsgType>text</MsgType></root>",
        "<xml><ToUserName>gh</ToUserName></xml>",
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        "<xml><MsgType>text</MsgType><FromUserName>&lol2;</FromUserName></xml>",
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        "<xml><MsgType>text</MsgType><FromUserName>o</FromUserName><Content>&xxe;</Content></xml>",
        "<xml><MsgType>text</MsgType><FromUserName>o</FromUserName><CreateTime>soon</CreateTime></xml>",
    ],
)
def test_malformed_bombs_and_xxe_are_rejected(body: str) -> None:
    with pytest.raises(MalformedMessage):
        parse(body)


def test_cdata_terminator_in_reply_cannot_break_the_xml() -> None:
    from defusedxml.ElementTree import fromstring

    xml = text_reply_xml(to_openid="o1", from_account="gh", content="a]]><x>b</x>]]>c")
    assert fromstring(xml).findtext("Content") == "a]]><x>b</x>]]>c"
    assert cdata_safe("plain") == "plain"


def test_location_event_carries_its_precision() -> None:
    msg = parse((SAMPLES / "wechatpy__test_parse_location_event.xml").read_text())
    assert msg.precision is not None and msg.precision >= 0
