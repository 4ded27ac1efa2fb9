"""Inbound messages: one safe XML parse, then wechatpy's message classes for the typing rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from xml.etree.ElementTree import Element
from xml.parsers.expat import ExpatError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from wechatpy.events import EVENT_TYPES
from wechatpy.messages import MESSAGE_TYPES, BaseMessage, UnknownMessage

MAX_BODY_BYTES = 64 * 1024
MAX_OPENID = 64  # the columns that store them
MAX_MEDIA_ID = 256


class MalformedMessage(ValueError):
    pass


def safe_fields(xml: str | bytes) -> dict[str, str]:
    """Parse the top-level fields of a WeChat envelope, refusing DTDs, entities and other tricks."""
    return _top_fields(_safe_root(xml))


def _top_fields(root: Element) -> dict[str, str]:
    return {child.tag: (child.text or "") for child in root}


# The envelope WeChat posts in safe mode, as it always looks: matched without an XML parser (the
# parser is a third of the cost of a message). Anything else, odd spacing included, is parsed.
_ENVELOPE = re.compile(
    r"<xml>\s*<ToUserName><!\[CDATA\[[A-Za-z0-9_\-]{1,64}\]\]></ToUserName>\s*"
    r"<Encrypt><!\[CDATA\[([A-Za-z0-9+/=]+)\]\]></Encrypt>\s*</xml>\s*"
)


def encrypted_part(xml: str) -> str:
    """The `Encrypt` field of a safe-mode body ('' when there is none). Raises MalformedMessage."""
    match = _ENVELOPE.fullmatch(xml)
    return match.group(1) if match else safe_fields(xml).get("Encrypt", "")


def _safe_root(xml: str | bytes) -> Element:
    try:
        root: Element = SafeET.fromstring(xml, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (DefusedXmlException, SafeET.ParseError, ExpatError, ValueError) as exc:
        raise MalformedMessage(f"malformed XML: {type(exc).__name__}") from exc
    if root.tag != "xml":
        raise MalformedMessage("root element must be <xml>")
    return root


class MessageKind(StrEnum):
    """What a villager sent (WeChat's MsgType); any other type is UNKNOWN."""

    TEXT = "text"
    IMAGE = "image"
    VOICE = "voice"
    VIDEO = "video"
    SHORTVIDEO = "shortvideo"
    LOCATION = "location"
    LINK = "link"
    EVENT = "event"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Inbound:
    """One message or event from a villager, with the fields our rooms use."""

    kind: MessageKind
    event: str  # for events: subscribe, subscribe_scan, unsubscribe, scan, location, click, view, ...
    openid: str
    account: str  # ToUserName: our account's original id
    create_time: int
    msg_id: int | None = None
    content: str = ""
    media_id: str = ""
    recognition: str = ""
    voice_format: str = ""
    lat: float | None = None
    lng: float | None = None
    precision: float | None = None  # metres, from the LOCATION event
    label: str = ""
    event_key: str = ""
    title: str = ""
    url: str = ""
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_event(self) -> bool:
        return self.kind == MessageKind.EVENT

    @property
    def dedup_key(self) -> str:
        """Messages by MsgId; events by sender, second, event and key (LOCATION may share SCAN's second)."""
        if self.msg_id:
            return f"m:{self.msg_id}"
        raw_event = str(self.raw.get("Event", self.event))
        raw_key = str(self.raw.get("EventKey", self.event_key) or "")
        return f"e:{self.openid}:{self.create_time}:{raw_event}:{raw_key}"[:200]

    @property
    def scene(self) -> str:
        """The QR scene of a subscribe_scan or scan event (wechatpy strips `qrscene_`)."""
        return self.event_key if self.event in ("subscribe_scan", "scan") else ""

    @property
    def text(self) -> str:
        """What the villager said: typed text, or voice recognised as text."""
        return self.content if self.kind == MessageKind.TEXT else self.recognition


# A flat envelope, as WeChat posts every message and event: <xml>, then fields each holding one CDATA
# section or plain text without markup, then </xml>. Read without an XML parser (it was a third of the
# CPU of parsing a message); anything else, and anything an XML parser would read differently (a
# carriage return, which XML turns into a line feed; a character XML forbids; `]]>` or a second CDATA
# section; a repeated field), goes to the parser, which gives the same result or refuses it.
_FLAT = re.compile(r"[ \t\n]*<xml>(.*)</xml>[ \t\n]*", re.S)
_FLAT_FIELD = re.compile(r"[ \t\n]*<([A-Za-z_][A-Za-z0-9_]*)>(?:<!\[CDATA\[(.*?)\]\]>|([^<&]*))</\1>", re.S)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\r\ud800-\udfff\ufffe\uffff]")


def _flat_fields(xml: str) -> dict[str, str] | None:
    """The fields of a flat envelope (text as the parser gives it, unstripped), or None to parse it."""
    match = _FLAT.fullmatch(xml)
    if match is None or _NOT_XML.search(xml):
        return None
    body, pos, end = match.group(1), 0, match.end(1) - match.start(1)
    fields: dict[str, str] = {}
    while pos < end:
        field = _FLAT_FIELD.match(body, pos)
        if field is None:
            return None if body[pos:].strip(" \t\n") else fields  # only blanks may follow the last field
        tag, cdata, plain = field.groups()
        value = cdata if cdata is not None else plain
        if tag in fields or "]]>" in value:
            return None
        fields[tag] = value
        pos = field.end()
    return fields


def parse(xml: str) -> Inbound:
    flat = _flat_fields(xml)
    root = _safe_root(xml) if flat is None else None
    fields = flat if root is None else _top_fields(root)
    assert fields is not None
    if not fields.get("MsgType") or not fields.get("FromUserName"):
        raise MalformedMessage("missing MsgType or FromUserName")
    if len(fields["FromUserName"]) > MAX_OPENID or len(fields.get("MediaId", "")) > MAX_MEDIA_ID:
        raise MalformedMessage("FromUserName or MediaId too long")  # WeChat's openids are 28 characters
    try:
        tree = _xmltodict_like(root) if root is not None else {k: v.strip() or None for k, v in fields.items()}
        msg = _wechatpy_message(tree)
    except (AttributeError, KeyError, TypeError, ValueError) as exc:  # e.g. an empty <Event/>
        raise MalformedMessage(f"unparseable message: {type(exc).__name__}") from exc
    raw: dict[str, Any] = dict(msg._data)
    # wechatpy calls unknown events "unknown"; keep them as events so they dedupe by event key.
    kind = "event" if str(raw.get("MsgType", "")).lower() == "event" else str(msg.type or "unknown")
    try:
        create_time = int(raw.get("CreateTime") or 0)
        msg_id = int(raw["MsgId"]) if raw.get("MsgId") else None
    except (TypeError, ValueError) as exc:  # TypeError: an element where a number belongs
        raise MalformedMessage("CreateTime and MsgId must be integers") from exc
    event = ""
    if kind == "event":
        event = str(getattr(msg, "event", "") or raw.get("Event") or "").lower()
    lat, lng = _coordinates(kind, event, raw)
    return Inbound(
        kind=_KINDS.get(kind, MessageKind.UNKNOWN),
        event=event,
        openid=str(raw.get("FromUserName", "")),
        account=str(raw.get("ToUserName", "")),
        create_time=create_time,
        msg_id=msg_id,
        content=str(raw.get("Content") or ""),
        media_id=str(raw.get("MediaId") or ""),
        recognition=str(raw.get("Recognition") or "").strip(),
        voice_format=str(raw.get("Format") or ""),
        lat=lat,
        lng=lng,
        precision=_float(raw.get("Precision")) if event == "location" else None,
        label=str(raw.get("Label") or ""),
        event_key=str(raw.get("EventKey") or "") if kind == "event" else "",
        title=str(raw.get("Title") or ""),
        url=str(raw.get("Url") or raw.get("PicUrl") or ""),
        raw=raw,
    )


def _xmltodict_like(element: Element) -> Any:
    """What `xmltodict.parse` makes of an element (wechatpy's input), from the tree already parsed.

    Text is stripped and empty text is None; children become a dict, repeated ones a list;
    attributes become `@name` keys and text beside them `#text`. Saves parsing every message twice.
    """
    children = list(element)
    text = "".join([element.text or "", *(child.tail or "" for child in children)]).strip() or None
    if not children and not element.attrib:
        return text
    value: dict[str, Any] = {f"@{k}": v for k, v in element.attrib.items()}
    for child in children:
        item = _xmltodict_like(child)
        if child.tag not in value:
            value[child.tag] = item
        elif isinstance(value[child.tag], list):
            value[child.tag].append(item)
        else:
            value[child.tag] = [value[child.tag], item]
    if text is not None:
        value["#text"] = text
    return value


def _wechatpy_message(root: Any) -> BaseMessage:
    """wechatpy.parse_message's choice of class (wechatpy 1.8, parser.py), given xmltodict's dict."""
    message = root if isinstance(root, dict) else {}
    message_type = message["MsgType"].lower()
    event_type = None
    if message_type == "event" or message_type.startswith("device_"):
        if "Event" in message:
            event_type = message["Event"].lower()
        if event_type is None and message_type.startswith("device_"):
            event_type = message_type
        elif message_type.startswith("device_"):
            event_type = f"device_{event_type}"
        if event_type == "subscribe" and message.get("EventKey"):
            event_key = message["EventKey"]
            if event_key.startswith(("scanbarcode|", "scanimage|")):
                event_type = message["Event"] = "subscribe_scan_product"
            elif event_key.startswith("qrscene_"):
                event_type = message["Event"] = "subscribe_scan"
                message["EventKey"] = event_key[len("qrscene_") :]
        message_class = EVENT_TYPES.get(event_type, UnknownMessage)
    else:
        message_class = MESSAGE_TYPES.get(message_type, UnknownMessage)
    built: BaseMessage = message_class(message)
    return built


def _float(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number >= 0 else None


_KINDS: dict[str, MessageKind] = {kind.value: kind for kind in MessageKind}


def _coordinates(kind: str, event: str, raw: dict[str, Any]) -> tuple[float | None, float | None]:
    # Location_X is latitude and Location_Y longitude (strings); the LOCATION event carries floats.
    keys = ("Location_X", "Location_Y") if kind == "location" else ("Latitude", "Longitude")
    if kind != "location" and event != "location":
        return None, None
    try:
        lat, lng = float(raw[keys[0]]), float(raw[keys[1]])
    except (KeyError, TypeError, ValueError):
        return None, None
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        return None, None
    return lat, lng
