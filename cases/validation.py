"""What a report is made of, and the checks every channel (chat, H5 form) applies before submitting; where
the channels differ (a real-name report's name and phone), CHANNEL_RULES says how."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from cases.categories import CADRE_LEVELS, by_code
from cases.intake.geo import coordinates_valid

MAX_DESCRIPTION = 2000
MAX_PHOTOS = 9
MAX_VOICES = 9
MAX_NAME = 20
PHONE_RE = re.compile(r"1\d{10}")


class Channel(StrEnum):
    """Where a report came from (cases.channel); the values are what the database holds."""

    CHAT = "chat"  # the WeChat conversation
    H5 = "h5"  # the H5 form
    OPEN311 = "open311"  # another system through the Open311 API
    DATA = "data"  # a 大数据比对 clue (cases/money/clues.py)


@dataclass(frozen=True)
class ChannelRules:
    """What a channel asks of a real-name report."""

    contact_required: bool  # both a name and a phone number, or the report is not taken


# The H5 form asks for name and phone on the page itself, and nobody can ask the villager again later, so a
# real-name report there gives both. The chat lets a villager skip them (staff can still answer in WeChat);
# reports from other systems bring what those systems hold.
CHANNEL_RULES: dict[Channel, ChannelRules] = {
    Channel.CHAT: ChannelRules(contact_required=False),
    Channel.H5: ChannelRules(contact_required=True),
    Channel.OPEN311: ChannelRules(contact_required=False),
    Channel.DATA: ChannelRules(contact_required=False),
}


class EvidenceKind(StrEnum):
    """What a piece of evidence is (case_evidence.kind, draft_evidence.kind hold these values)."""

    IMAGE = "image"
    VOICE = "voice"


class LocationSource(StrEnum):
    """Where a report's location came from (cases.location_source holds these values)."""

    MESSAGE = "message"  # a location the villager sent in the chat
    EVENT = "event"  # WeChat's location event when the villager entered the chat
    REGISTRY = "registry"  # the village's own coordinates, when the villager gave none
    BROWSER = "browser"  # the H5 page asked the browser
    API = "api"  # an Open311 lat/long


LOCATION_SOURCES = frozenset(LocationSource)


@dataclass(frozen=True)
class EvidenceInput:
    kind: EvidenceKind
    media_id: str
    media_format: str | None = None
    received_at_iso: str | None = None  # when WeChat received it (its media expire 3 days later)
    # An H5 upload is already in the media store: its key and facts, and nothing to download.
    storage_key: str | None = None
    sha256: str | None = None
    content_type: str | None = None
    size_bytes: int | None = None


@dataclass(frozen=True)
class LocationInput:
    lat: float
    lng: float
    source: LocationSource
    accuracy_m: float | None = None
    datum: str = "gcj02"
    label: str | None = None


@dataclass(frozen=True)
class ReportInput:
    category: str
    description: str
    village_code: str
    reporter_openid: str | None
    anonymous: bool = True
    name: str | None = None
    phone: str | None = None
    email: str | None = None  # sent by another system (Open311); sealed with the name and phone
    cadre_level: str | None = None
    # The level was inferred from the report's words (a bare 书记 at the chat's cadre step, its level told in
    # the story), not chosen: the route's reason says so.
    cadre_level_inferred: bool = False
    location: LocationInput | None = None
    evidence: tuple[EvidenceInput, ...] = field(default_factory=tuple)
    channel: Channel = Channel.CHAT


class InvalidReport(ValueError):
    """The report cannot be submitted; `problems` are short Chinese sentences for the villager."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("；".join(problems))
        self.problems = problems


def description_problem(text: str) -> str | None:
    stripped = text.strip()
    if not stripped:
        return "请说说发生了什么：谁、做了什么、什么时候、涉及多少钱。"
    if len(stripped) > MAX_DESCRIPTION:
        return f"内容太长了（{len(stripped)} 字），最多 {MAX_DESCRIPTION} 字。请删减后再发。"
    return None


def phone_problem(phone: str) -> str | None:
    return None if PHONE_RE.fullmatch(phone) else "手机号应为 11 位数字，以 1 开头。"


def name_problem(name: str) -> str | None:
    return f"姓名最多 {MAX_NAME} 个字。" if len(name.strip()) > MAX_NAME else None


def contact_problems(*, channel: Channel, name: str | None, phone: str | None) -> list[str]:
    """What is wrong with a real-name reporter's name and phone number on `channel` (CHANNEL_RULES)."""
    required = CHANNEL_RULES[channel].contact_required
    problems: list[str] = []
    if name:
        if problem := name_problem(name):
            problems.append(problem)
    elif required:
        problems.append("实名反映请填写姓名。")
    if phone:
        if problem := phone_problem(phone):
            problems.append(problem)
    elif required:
        problems.append("实名反映请填写手机号，方便办理单位联系您。")
    return problems


def location_problem(location: LocationInput) -> str | None:
    if not coordinates_valid(location.lat, location.lng):
        return "位置坐标不正确：纬度应在 -90 到 90 之间，经度应在 -180 到 180 之间。"
    if location.source not in LOCATION_SOURCES:
        return "位置来源不正确。"
    return None


def check(report: ReportInput) -> None:
    """Raise InvalidReport with every problem found."""
    problems: list[str] = []
    category = by_code(report.category)
    if category is None:
        problems.append("请选择问题类别。")
    problem = description_problem(report.description)
    if problem:
        problems.append(problem)
    if category is not None and report.cadre_level is not None and report.cadre_level not in dict(CADRE_LEVELS):
        problems.append("反映对象的选项不正确。")
    if not report.village_code:
        problems.append("请先选择您所在的村。")
    if not report.anonymous:
        problems += contact_problems(channel=report.channel, name=report.name, phone=report.phone)
    if report.location is not None and (problem := location_problem(report.location)):
        problems.append(problem)
    photos = [e for e in report.evidence if e.kind == EvidenceKind.IMAGE]
    if len(photos) > MAX_PHOTOS:
        problems.append(f"照片最多 {MAX_PHOTOS} 张。")
    if len([e for e in report.evidence if e.kind == EvidenceKind.VOICE]) > MAX_VOICES:
        problems.append(f"语音最多 {MAX_VOICES} 条。")
    if any(not e.media_id.strip() and not e.storage_key for e in report.evidence):
        problems.append("有照片或语音缺少 MediaId，无法保存，请重新发送。")
    if any(e.kind not in set(EvidenceKind) for e in report.evidence):  # a caller may still pass a bare string
        problems.append("证据只能是照片或语音。")
    if problems:
        raise InvalidReport(problems)
