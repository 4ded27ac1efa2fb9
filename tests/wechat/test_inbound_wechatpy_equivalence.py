"""wechat.inbound builds wechatpy's message from its own safe parse: the same as wechatpy.parse_message."""

from __future__ import annotations

from pathlib import Path

import pytest
import wechatpy
import xmltodict

from wechat.inbound import MalformedMessage, _safe_root, _wechatpy_message, _xmltodict_like, encrypted_part, safe_fields

WECHAT = Path(__file__).parents[1] / "fixtures" / "wechat"
SAMPLES = sorted(
    [*(WECHAT / "parser_samples").glob("*.xml"), *(WECHAT / "derived_safe_mode").glob("*.expected_plaintext.xml")]
)
# Shapes the samples lack: nested and repeated elements (menu photo and scan events), attributes,
# whitespace around text, empty elements, a device event and a product-scan subscribe.
HEAD = "<ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o-1]]></FromUserName><CreateTime>1</CreateTime>"
SHAPES = [
    f"<xml>{HEAD}<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[pic_sysphoto]]></Event>"
    "<EventKey><![CDATA[6]]></EventKey><SendPicsInfo><Count>2</Count><PicList>"
    "<item><PicMd5Sum><![CDATA[a]]></PicMd5Sum></item><item><PicMd5Sum><![CDATA[b]]></PicMd5Sum></item>"
    "</PicList></SendPicsInfo></xml>",
    f"<xml>{HEAD}<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[scancode_push]]></Event>"
    "<EventKey><![CDATA[6]]></EventKey><ScanCodeInfo><ScanType><![CDATA[qrcode]]></ScanType>"
    "<ScanResult><![CDATA[1]]></ScanResult></ScanCodeInfo></xml>",
    f"<xml>{HEAD}<MsgType>text</MsgType><Content>  你好 \n </Content><MsgId>7</MsgId><Empty/>"
    '<X lang="zh">x</X><Y a="1"/></xml>',
    f"<xml>{HEAD}<MsgType>text</MsgType><Content>a<b>x</b>c</Content><MsgId>8</MsgId></xml>",
    f"<xml>{HEAD}<MsgType>event</MsgType><Event>subscribe</Event><EventKey>scanbarcode|1</EventKey></xml>",
    f"<xml>{HEAD}<MsgType>device_event</MsgType><Event>bind</Event></xml>",
    f"<xml>{HEAD}<MsgType>device_text</MsgType></xml>",
    f"<xml>{HEAD}<MsgType>event</MsgType><Event>SUBSCRIBE</Event><EventKey>qrscene_630223106213</EventKey></xml>",
]


@pytest.mark.parametrize("xml", [p.read_text(encoding="utf-8") for p in SAMPLES] + SHAPES)
def test_same_dict_and_message_as_wechatpy(xml: str) -> None:
    ours = _xmltodict_like(_safe_root(xml))
    assert ours == xmltodict.parse(xml)["xml"]
    theirs = wechatpy.parse_message(xml)
    built = _wechatpy_message(ours)
    assert type(built) is type(theirs)
    assert built._data == theirs._data
    assert (built.type, getattr(built, "event", None)) == (theirs.type, getattr(theirs, "event", None))


def test_the_samples_are_there() -> None:
    assert len(SAMPLES) >= 20


ENVELOPES = [
    (WECHAT / "derived_safe_mode" / "text.request_body.xml").read_text(encoding="utf-8"),
    (WECHAT / "official_py_sample" / "request_body.xml").read_text(encoding="utf-8"),  # plain fields beside it
    "<xml>\n  <ToUserName><![CDATA[gh_1]]></ToUserName>\n  <Encrypt><![CDATA[QUJD]]></Encrypt>\n</xml>\n",
    "<xml><Encrypt><![CDATA[QUJD]]></Encrypt><ToUserName><![CDATA[gh_1]]></ToUserName></xml>",
    "<xml><ToUserName>gh_1</ToUserName><Encrypt>QUJD</Encrypt></xml>",
    "<xml><ToUserName><![CDATA[gh_1]]></ToUserName></xml>",
    '<!DOCTYPE x [<!ENTITY e "QUJD">]><xml><ToUserName>gh_1</ToUserName><Encrypt>&e;</Encrypt></xml>',
    "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA[QUJD]]></Encrypt></xml><!-- x -->",
]


@pytest.mark.parametrize("body", ENVELOPES)
def test_encrypted_part_is_what_the_safe_parse_finds(body: str) -> None:
    try:
        expected = safe_fields(body).get("Encrypt", "")
    except MalformedMessage:
        with pytest.raises(MalformedMessage):
            encrypted_part(body)
        return
    assert encrypted_part(body) == expected
