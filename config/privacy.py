"""Pseudonyms for logs: an openid is never written raw."""

from __future__ import annotations

import hashlib
import hmac


def openid_tag(openid: str, *, key: str) -> str:
    """A short keyed hash that lets logs correlate one villager without revealing the openid."""
    return hmac.new(key.encode(), openid.encode(), hashlib.sha256).hexdigest()[:16]
