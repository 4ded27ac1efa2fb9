"""Signatures and safe-mode crypto: WeChat's AES envelope, with key rotation.

Written against the official test vectors (tests/fixtures/wechat) and checked equal to wechatpy's
WeChatCrypto in tests; done here rather than through wechatpy because wechatpy builds a new cipher
and several wrapper objects for every message, which cost more than the AES itself.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import struct
from collections.abc import Sequence
from functools import lru_cache

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

BLOCK = 32  # WeChat pads to 32-byte blocks (PKCS#7 with k=32)
REPLY_ENVELOPE = """<xml>
<Encrypt><![CDATA[{encrypt}]]></Encrypt>
<MsgSignature><![CDATA[{signature}]]></MsgSignature>
<TimeStamp>{timestamp}</TimeStamp>
<Nonce><![CDATA[{nonce}]]></Nonce>
</xml>"""  # wechatpy's layout, byte for byte


class BadPayload(ValueError):
    """The encrypted body cannot be opened: wrong key, wrong appid, or not a WeChat payload."""


def sha1_signature(*parts: str) -> str:
    return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()  # noqa: S324 - WeChat's protocol


def same_digest(expected: str, given: str) -> bool:
    """Constant-time comparison that is simply False for text no digest is made of (compare_digest
    raises TypeError on non-ASCII str)."""
    return given.isascii() and hmac.compare_digest(expected, given)


def signature_ok(token: str, signature: str, timestamp: str, nonce: str) -> bool:
    if not (timestamp.isascii() and nonce.isascii()):
        return False
    return same_digest(sha1_signature(token, timestamp, nonce), signature)


def aes_key_bytes(encoding_aes_key: str) -> bytes:
    key = base64.b64decode(encoding_aes_key + "=")
    if len(key) != 32:
        raise ValueError("EncodingAESKey must be 43 characters (32 bytes)")
    return key


@lru_cache(maxsize=8)
def _cipher(key: bytes) -> Cipher[modes.CBC]:
    # A Cipher is only a description; each message still gets its own encryptor or decryptor.
    return Cipher(algorithms.AES(key), modes.CBC(key[:16]))


def encrypt_payload(xml: str, *, key: bytes, appid: str, random16: bytes | None = None) -> str:
    """WeChat's safe-mode envelope: AES-256-CBC(random16 + len + msg + appid), IV = key[:16], base64."""
    msg = xml.encode("utf-8")
    random16 = random16 if random16 is not None else os.urandom(16)
    plain = random16 + struct.pack(">I", len(msg)) + msg + appid.encode("utf-8")
    pad = BLOCK - len(plain) % BLOCK
    plain += bytes([pad]) * pad
    encryptor = _cipher(key).encryptor()
    return base64.b64encode(encryptor.update(plain) + encryptor.finalize()).decode("ascii")


def decrypt_payload(encrypt: str, *, key: bytes, appid: str) -> str:
    """The message inside an envelope. Raises BadPayload for anything that is not one for `appid`."""
    try:
        decryptor = _cipher(key).decryptor()
        plain = decryptor.update(base64.b64decode(encrypt, validate=True)) + decryptor.finalize()
        pad = plain[-1]
        if not 1 <= pad <= BLOCK or len(plain) < 20 + pad:
            raise BadPayload("bad padding")
        body = plain[16:-pad]
        (length,) = struct.unpack(">I", body[:4])
        msg, receive_id = body[4 : 4 + length], body[4 + length :]
        if length > len(body) - 4 or receive_id != appid.encode("utf-8"):
            raise BadPayload("the payload names another appid")
        return msg.decode("utf-8")
    except (ValueError, struct.error, IndexError) as exc:  # BadPayload, binascii.Error, UnicodeDecodeError...
        raise BadPayload(f"cannot decrypt payload: {type(exc).__name__}") from exc


class SafeMode:
    """Decrypts with the current EncodingAESKey, then the previous one (rotation); encrypts with current."""

    def __init__(self, *, token: str, appid: str, aes_keys: Sequence[str]) -> None:
        keys = [aes_key_bytes(k) for k in aes_keys if k]
        if not keys:
            raise ValueError("at least one EncodingAESKey is required")
        self.token = token
        self.appid = appid
        self._keys = keys

    def decrypt(self, *, encrypt: str, msg_signature: str, timestamp: str, nonce: str) -> str:
        """Verify `msg_signature` over the ciphertext, then decrypt. Raises PermissionError / BadPayload."""
        if not (timestamp.isascii() and nonce.isascii() and encrypt.isascii()):
            raise PermissionError("bad msg_signature")
        if not same_digest(sha1_signature(self.token, timestamp, nonce, encrypt), msg_signature):
            raise PermissionError("bad msg_signature")
        last: BadPayload | None = None
        for key in self._keys:
            try:
                return decrypt_payload(encrypt, key=key, appid=self.appid)
            except BadPayload as exc:
                last = exc
        raise BadPayload(str(last))

    def encrypt(self, *, xml: str, nonce: str, timestamp: str, random16: bytes | None = None) -> str:
        encrypt = encrypt_payload(xml, key=self._keys[0], appid=self.appid, random16=random16)
        signature = sha1_signature(self.token, timestamp, nonce, encrypt)
        return REPLY_ENVELOPE.format(encrypt=encrypt, signature=signature, timestamp=timestamp, nonce=nonce)
