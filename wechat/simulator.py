"""A villager's WeChat client, minus the network: builds webhook requests exactly as WeChat does.

`Simulator` renders the XML WeChat posts for each message type and event, signs the query
(`signature`, `timestamp`, `nonce`, `openid`) and, in safe mode, encrypts the body and adds
`encrypt_type=aes` and `msg_signature`. It returns `(query, body)` and never does HTTP itself, so
the CLI, tests and the benchmark can drive any transport. `parse_reply(status, body)` turns the
webhook's answer back into text, decrypting a safe-mode reply and verifying its `MsgSignature`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from wechat.crypto import BadPayload, aes_key_bytes, decrypt_payload, encrypt_payload, sha1_signature

DEFAULT_ACCOUNT = "gh_0a1b2c3d4e5f"  # the official account's original id (ToUserName)


class SimRequest(NamedTuple):
    """What WeChat sends: the query string parameters and the POST body."""

    query: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class SimReply:
    """The webhook's answer as a villager sees it; `text` is None for `success` or an empty body."""

    status: int
    text: str | None
    msg_type: str = ""
    xml: str = ""


class SimulatorError(RuntimeError):
    """The webhook answered something WeChat would not accept (an error status or a bad reply)."""


def new_openid() -> str:
    """A fresh openid shaped like WeChat's: `o` and 27 URL-safe characters."""
    return "o" + secrets.token_urlsafe(21)[:27]


def _msg_id_counter() -> Iterator[int]:
    # Real MsgIds are ~17-digit integers; a random start keeps separate runs from colliding.
    return itertools.count(23 * 10**15 + secrets.randbelow(10**17))


_MSG_IDS = _msg_id_counter()


def next_msg_id() -> int:
    return next(_MSG_IDS)


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _fields(xml: str) -> dict[str, str]:
    try:
        root = SafeET.fromstring(xml, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (SafeET.ParseError, DefusedXmlException, ValueError) as exc:
        raise SimulatorError(f"reply is not XML: {xml[:80]!r}") from exc
    return {child.tag: (child.text or "") for child in root}


def _coordinate(value: float) -> str:
    return f"{value:.6f}"


@dataclass
class Simulator:
    """One villager (an openid) talking to one official account, in plain or safe mode."""

    token: str
    appid: str = ""
    aes_key: str = ""
    safe: bool = False
    openid: str = field(default_factory=new_openid)
    account: str = DEFAULT_ACCOUNT
    clock: Callable[[], float] = time.time

    def __post_init__(self) -> None:
        if self.safe and not (self.aes_key and self.appid):
            raise ValueError("safe mode needs the appid and EncodingAESKey")
        self._key = aes_key_bytes(self.aes_key) if self.safe else b""

    # --- messages -------------------------------------------------------------------------------

    def text(self, content: str, *, openid: str | None = None) -> SimRequest:
        return self._message("text", [("Content", cdata(content))], openid)

    def image(self, *, pic_url: str, media_id: str, openid: str | None = None) -> SimRequest:
        return self._message("image", [("PicUrl", cdata(pic_url)), ("MediaId", cdata(media_id))], openid)

    def voice(
        self, *, media_id: str, recognition: str | None = None, fmt: str = "amr", openid: str | None = None
    ) -> SimRequest:
        parts = [("MediaId", cdata(media_id)), ("Format", cdata(fmt))]
        if recognition is not None:
            parts.append(("Recognition", cdata(recognition)))
        return self._message("voice", parts, openid)

    def location(
        self, lat: float, lng: float, *, scale: int = 15, label: str = "", openid: str | None = None
    ) -> SimRequest:
        """A location message: Location_X is the latitude, Location_Y the longitude (GCJ-02)."""
        parts = [
            ("Location_X", _coordinate(lat)),
            ("Location_Y", _coordinate(lng)),
            ("Scale", str(scale)),
            ("Label", cdata(label)),
        ]
        return self._message("location", parts, openid)

    # --- events ---------------------------------------------------------------------------------

    def subscribe(self, scene: str | None = None, *, openid: str | None = None) -> SimRequest:
        """A follow; with a scene it is a follow by scanning a parametric QR code (`qrscene_<scene>`)."""
        if scene is None:
            return self._event("subscribe", [("EventKey", cdata(""))], openid)
        return self._event("subscribe", [("EventKey", cdata("qrscene_" + scene)), _ticket(scene)], openid)

    def scan(self, scene: str, *, openid: str | None = None) -> SimRequest:
        """A follower scanning a parametric QR code."""
        return self._event("SCAN", [("EventKey", cdata(scene)), _ticket(scene)], openid)

    def unsubscribe(self, *, openid: str | None = None) -> SimRequest:
        return self._event("unsubscribe", [("EventKey", cdata(""))], openid)

    def location_event(
        self, lat: float, lng: float, *, precision: float = 65.0, openid: str | None = None
    ) -> SimRequest:
        parts = [
            ("Latitude", _coordinate(lat)),
            ("Longitude", _coordinate(lng)),
            ("Precision", _coordinate(precision)),
        ]
        return self._event("LOCATION", parts, openid)

    def click(self, key: str, *, openid: str | None = None) -> SimRequest:
        return self._event("CLICK", [("EventKey", cdata(key))], openid)

    # --- envelope -------------------------------------------------------------------------------

    def envelope(self, xml: str, *, openid: str | None = None) -> SimRequest:
        """Sign (and in safe mode encrypt) a plaintext message XML the way WeChat posts it."""
        timestamp = str(int(self.clock()))
        nonce = str(secrets.randbelow(9 * 10**9) + 10**9)
        query = {
            "signature": sha1_signature(self.token, timestamp, nonce),
            "timestamp": timestamp,
            "nonce": nonce,
            "openid": openid or self.openid,
        }
        if not self.safe:
            return SimRequest(query, xml.encode("utf-8"))
        encrypt = encrypt_payload(xml, key=self._key, appid=self.appid)
        query["encrypt_type"] = "aes"
        query["msg_signature"] = sha1_signature(self.token, timestamp, nonce, encrypt)
        body = f"<xml><ToUserName>{cdata(self.account)}</ToUserName><Encrypt>{cdata(encrypt)}</Encrypt></xml>"
        return SimRequest(query, body.encode("utf-8"))

    def parse_reply(self, status: int, body: bytes | str) -> SimReply:
        """The reply as text; safe-mode replies are verified and decrypted. Raises SimulatorError."""
        text = body.decode("utf-8") if isinstance(body, bytes) else body
        if status != 200:
            raise SimulatorError(f"webhook answered HTTP {status}: {text[:200]!r}")
        stripped = text.strip()
        if stripped in ("", "success"):
            return SimReply(status=status, text=None)
        fields = _fields(stripped)
        if "Encrypt" in fields:
            if not self.safe:
                raise SimulatorError("encrypted reply to a plain-mode request")
            expected = sha1_signature(
                self.token, fields.get("TimeStamp", ""), fields.get("Nonce", ""), fields["Encrypt"]
            )
            if not hmac.compare_digest(expected, fields.get("MsgSignature", "")):
                raise SimulatorError("encrypted reply has a bad MsgSignature")
            try:
                stripped = decrypt_payload(fields["Encrypt"], key=self._key, appid=self.appid)
            except BadPayload as exc:
                raise SimulatorError(f"encrypted reply cannot be opened: {exc}") from exc
            fields = _fields(stripped)
        elif self.safe:
            raise SimulatorError("plain reply to a safe-mode request")
        msg_type = fields.get("MsgType", "")
        content = fields.get("Content") if msg_type == "text" else f"[{msg_type or 'unknown'} reply]"
        return SimReply(status=status, text=content, msg_type=msg_type, xml=stripped)

    # --- internals ------------------------------------------------------------------------------

    def _head(self, msg_type: str, openid: str | None) -> str:
        return (
            f"<ToUserName>{cdata(self.account)}</ToUserName>"
            f"<FromUserName>{cdata(openid or self.openid)}</FromUserName>"
            f"<CreateTime>{int(self.clock())}</CreateTime>"
            f"<MsgType>{cdata(msg_type)}</MsgType>"
        )

    def _message(self, msg_type: str, parts: list[tuple[str, str]], openid: str | None) -> SimRequest:
        inner = "".join(f"<{tag}>{value}</{tag}>" for tag, value in parts)
        xml = f"<xml>{self._head(msg_type, openid)}{inner}<MsgId>{next_msg_id()}</MsgId></xml>"
        return self.envelope(xml, openid=openid)

    def _event(self, event: str, parts: list[tuple[str, str]], openid: str | None) -> SimRequest:
        inner = "".join(f"<{tag}>{value}</{tag}>" for tag, value in parts)
        xml = f"<xml>{self._head('event', openid)}<Event>{cdata(event)}</Event>{inner}</xml>"
        return self.envelope(xml, openid=openid)


def _ticket(scene: str) -> tuple[str, str]:
    # A QR ticket is opaque base64; derive a stable one from the scene.
    digest = hashlib.sha256(scene.encode("utf-8")).digest()
    return ("Ticket", cdata("gQ" + base64.b64encode(digest).decode("ascii")))


def media_id_for(data: bytes) -> str:
    """A MediaId-shaped string derived from the content (the same file gets the same id)."""
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).decode("ascii").rstrip("=")
