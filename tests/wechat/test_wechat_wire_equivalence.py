"""Our safe-mode envelope and reply XML are byte for byte what wechatpy makes, and each opens the other's."""

from __future__ import annotations

import pytest
from wechatpy.crypto import WeChatCrypto
from wechatpy.replies import TextReply

from wechat.crypto import BadPayload, SafeMode, aes_key_bytes, decrypt_payload, encrypt_payload, sha1_signature
from wechat.replies import text_reply_xml

TOKEN, APPID = "spamtest", "wx2c2769f8efd9abc2"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
CONTENTS = ["你好", "低保申请：带上户口本和身份证，到村委会申请。", "a]]>b", "", "x" * 2000]


@pytest.mark.parametrize("content", CONTENTS)
def test_text_reply_is_what_wechatpy_renders(content: str) -> None:
    ours = text_reply_xml(to_openid="o-1", from_account="gh_1", content=content, now=1700000000)
    theirs = TextReply(source="gh_1", target="o-1", content=content.replace("]]>", "]]]]><![CDATA[>"), time=1700000000)
    assert ours == theirs.render()


@pytest.mark.parametrize("content", CONTENTS)
def test_encrypted_reply_is_what_wechatpy_makes(content: str, monkeypatch: pytest.MonkeyPatch) -> None:
    random16 = "0123456789abcdef"
    monkeypatch.setattr("wechatpy.crypto.base.BasePrpCrypto.get_random_string", lambda self: random16)
    xml = text_reply_xml(to_openid="o-1", from_account="gh_1", content=content, now=1700000000)
    ours = SafeMode(token=TOKEN, appid=APPID, aes_keys=[AES_KEY]).encrypt(
        xml=xml, nonce="123", timestamp="1700000001", random16=random16.encode()
    )
    theirs = WeChatCrypto(TOKEN, AES_KEY, APPID).encrypt_message(xml, "123", "1700000001")
    assert ours == theirs


def test_each_opens_the_others_payload() -> None:
    key = aes_key_bytes(AES_KEY)
    crypto = WeChatCrypto(TOKEN, AES_KEY, APPID)
    envelope = crypto.encrypt_message("<xml><A>中文</A></xml>", "9", "1700000000")
    safe = SafeMode(token=TOKEN, appid=APPID, aes_keys=[AES_KEY])
    encrypt = envelope.split("<Encrypt><![CDATA[")[1].split("]]>")[0]
    signature = envelope.split("<MsgSignature><![CDATA[")[1].split("]]>")[0]
    assert safe.decrypt(encrypt=encrypt, msg_signature=signature, timestamp="1700000000", nonce="9") == (
        "<xml><A>中文</A></xml>"
    )
    ours = encrypt_payload("<xml><B>村</B></xml>", key=key, appid=APPID)
    assert (
        crypto.decrypt_message(_envelope(ours), _signature(ours, "1700000000", "9"), "1700000000", "9")
        == "<xml><B>村</B></xml>"
    )


@pytest.mark.parametrize(
    "encrypt",
    ["", "not base64!", "QUJD", "A" * 44, encrypt_payload("<xml/>", key=aes_key_bytes(AES_KEY), appid="wx_other")],
)
def test_anything_else_is_a_bad_payload(encrypt: str) -> None:
    with pytest.raises(BadPayload):
        decrypt_payload(encrypt, key=aes_key_bytes(AES_KEY), appid=APPID)


def _envelope(encrypt: str) -> str:
    return f"<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"


def _signature(encrypt: str, timestamp: str, nonce: str) -> str:
    return sha1_signature(TOKEN, timestamp, nonce, encrypt)
