"""Signatures and safe-mode crypto, a thin adapter over wechatpy that adds key rotation."""

from __future__ import annotations

import binascii
import hashlib
import hmac
import struct
from collections.abc import Sequence

from wechatpy.crypto import PrpCrypto, WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException


class BadPayload(ValueError):
    """The encrypted body cannot be opened: wrong key, wrong appid, or not a WeChat payload."""


def sha1_signature(*parts: str) -> str:
    return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()  # noqa: S324 - WeChat's protocol


def signature_ok(token: str, signature: str, timestamp: str, nonce: str) -> bool:
    return hmac.compare_digest(sha1_signature(token, timestamp, nonce), signature)


class SafeMode:
    """Decrypts with the current EncodingAESKey, then the previous one (rotation); encrypts with current."""

    def __init__(self, *, token: str, appid: str, aes_keys: Sequence[str]) -> None:
        keys = [k for k in aes_keys if k]
        if not keys:
            raise ValueError("at least one EncodingAESKey is required")
        self.token = token
        self.appid = appid
        self._cryptos = [WeChatCrypto(token, k, appid) for k in keys]

    def decrypt(self, *, encrypt: str, msg_signature: str, timestamp: str, nonce: str) -> str:
        """Verify `msg_signature` over the ciphertext, then decrypt. Raises PermissionError / BadPayload."""
        expected = sha1_signature(self.token, timestamp, nonce, encrypt)
        if not hmac.compare_digest(expected, msg_signature):
            raise PermissionError("bad msg_signature")
        last: Exception | None = None
        for crypto in self._cryptos:
            try:
                plain = PrpCrypto(crypto.key).decrypt(encrypt, self.appid)
                return plain.decode("utf-8") if isinstance(plain, bytes) else str(plain)
            except (
                InvalidAppIdException,
                binascii.Error,
                struct.error,
                ValueError,
                UnicodeDecodeError,
                IndexError,
                TypeError,
            ) as exc:
                last = exc
        raise BadPayload(f"cannot decrypt payload: {type(last).__name__}")

    def encrypt(self, *, xml: str, nonce: str, timestamp: str) -> str:
        result: str = self._cryptos[0].encrypt_message(xml, nonce, timestamp)
        return result
