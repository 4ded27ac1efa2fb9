"""Sealed reporter identity: a keyed tag of the openid, and ciphertexts under QF_IDENTITY_KEY.

The tag (HMAC-SHA256) lets a villager list their own cases. Seals are Fernet tokens (AES-CBC +
HMAC) under a key derived from QF_IDENTITY_KEY; MultiFernet also opens seals made under
QF_IDENTITY_KEY_PREVIOUS, so the key can be rotated.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


@dataclass(frozen=True)
class IdentityKeys:
    current: str
    previous: str = ""

    def all(self) -> list[str]:
        return [k for k in (self.current, self.previous) if k]


def _derive(secret: str, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"qingfeng-identity", info=purpose).derive(
        secret.encode("utf-8")
    )


def reporter_tag(openid: str, *, key: str) -> str:
    return hmac.new(_derive(key, b"tag"), openid.encode("utf-8"), hashlib.sha256).hexdigest()


def reporter_tags(openid: str, *, keys: IdentityKeys) -> list[str]:
    """The tag under the current key first, then under the previous one (for cases filed before rotation)."""
    return [reporter_tag(openid, key=k) for k in keys.all()]


def _fernet(keys: IdentityKeys) -> MultiFernet:
    return MultiFernet([Fernet(base64.urlsafe_b64encode(_derive(k, b"seal"))) for k in keys.all()])


def seal(value: dict[str, Any], *, keys: IdentityKeys) -> str:
    return _fernet(keys).encrypt(json.dumps(value, ensure_ascii=False).encode("utf-8")).decode("ascii")


class SealBroken(ValueError):
    pass


def unseal(token: str, *, keys: IdentityKeys) -> dict[str, Any]:
    try:
        value = json.loads(_fernet(keys).decrypt(token.encode("ascii")))
    except (InvalidToken, ValueError) as exc:
        raise SealBroken("cannot open sealed identity with the configured keys") from exc
    if not isinstance(value, dict):
        raise SealBroken("sealed identity is not an object")
    return value
