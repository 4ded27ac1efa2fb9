"""The staff desk in words: who did what in the case timeline, in Chinese (no action codes, internal ids or
`staff:` prefixes; the audit log's words: audit_text.py), and the one-line message that says what an
action did (shown once, on the page the action leads to)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote, unquote

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from cases import lifecycle, ratings
from handlers.admin.who_text import unit_named
from storage.models.cases import Case, CaseEvent
from storage.models.staff import StaffUser, Unit

FLASH_COOKIE = "qf_done"
FLASH_MAX = 300
CHANNELS = {"chat": "微信对话", "h5": "H5 页面", "data": "大数据比对", "open311": "对接系统", "api": "对接系统"}


def actor_names(session: Session, actors: Iterable[str]) -> dict[str, str]:
    """How each event actor reads on the page: a staff member by name and unit, a villager as 群众."""
    usernames = {a.removeprefix("staff:") for a in actors if a.startswith("staff:")}
    names: dict[str, str] = {}
    if usernames:
        rows = session.execute(
            select(StaffUser.username, StaffUser.display_name, Unit.name)
            .outerjoin(Unit, Unit.code == StaffUser.unit_code)
            .where(StaffUser.username.in_(usernames))
        ).all()
        names = {u: _person(d, n) for u, d, n in rows}
    out: dict[str, str] = {}
    for a in actors:
        if a.startswith("staff:"):
            out[a] = names.get(a.removeprefix("staff:"), "工作人员")
        elif a == "villager":
            out[a] = "群众"
        elif a == "system":
            out[a] = "系统"
        elif a.startswith(("open311:", "api:")) or a in ("open311", "api"):
            out[a] = "对接系统"
        else:
            out[a] = "其他"
    return out


def _person(display: str | None, unit: str | None) -> str:
    display = display or "工作人员"
    if not unit:
        return display
    return unit_named(display, unit) or f"{display}（{unit}）"  # an account named after its unit: the unit once


@dataclass(frozen=True)
class TimelineRow:
    at: Any
    what: str
    who: str
    change: str
    text: str
    public: bool


def timeline(session: Session, events: Sequence[CaseEvent], action_labels: Mapping[str, str]) -> list[TimelineRow]:
    names = actor_names(session, {e.actor for e in events})
    rows = []
    for e in events:
        change = ""
        if e.from_status != e.to_status:
            change = f"{_status(e.from_status)} → {_status(e.to_status)}"
        text = without_echo(e.reason or "")
        if e.action == "submitted":  # the reason is the channel's code
            text = spaced("通过", CHANNELS.get(e.reason or "", "其他渠道"), "提交")
        elif e.action == "supplement":
            text = {"image": "照片", "voice": "语音", "text": "文字"}.get(text, text)
        rows.append(
            TimelineRow(
                at=e.at,
                what=action_labels.get(e.action, "其他"),
                who=names.get(e.actor, "其他"),
                change=change,
                text=text,
                public=bool(e.public),
            )
        )
    return rows


# A parenthesis that only repeats the words just before it: 群众不满意（不满意）. case_steps.reopen_reason no longer
# writes one; this keeps the history rows stored before that reading well.
_ECHO = re.compile(r"（([^（）]+)）")
_LATIN = re.compile(r"[A-Za-z0-9]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Words of which one may end in another while meaning something else: the rating levels and the statuses.
_WORDS = (*ratings.LABELS.values(), *lifecycle.LABELS.values())


def without_echo(text: str) -> str:
    """The text without a parenthesis that repeats what it follows (群众不满意（不满意） reads 群众不满意); one that
    adds something (群众不满意（非常不满意）) stays, and so does a rating level that only ends in the same words
    (基本满意（满意）, 非常不满意（不满意）: two different levels)."""

    def keep(m: re.Match[str]) -> str:
        said, before = m.group(1), text[: m.start()]
        if not before.endswith(said):
            return m.group(0)
        longer = [w for w in _WORDS if w != said and w.endswith(said) and before.endswith(w)]
        return m.group(0) if longer else ""

    return _ECHO.sub(keep, text)


def spaced(*parts: str) -> str:
    """The parts joined as the pages write Chinese: a space where Chinese meets a Latin letter or a digit
    (通过 H5 页面提交), none between Chinese words (通过微信对话提交)."""
    out = ""
    for part in parts:
        if out and part and _meet(out[-1], part[0]):
            out += " "
        out += part
    return out


def _meet(left: str, right: str) -> bool:
    """Whether a Chinese character and a Latin letter or digit meet here (in either order)."""
    return bool((_HAN.match(left) and _LATIN.match(right)) or (_LATIN.match(left) and _HAN.match(right)))


def _status(code: str | None) -> str:
    return lifecycle.LABELS.get(code or "", "未知")


# -- the deadline a queue card shows ---------------------------------------------------------------


@dataclass(frozen=True)
class Due:
    label: str  # what is due, in words: 首次答复 or 办结
    at: datetime
    late: bool


def next_due(case: Case, now: datetime) -> Due | None:
    """The deadline the unit works to next: 首次答复 until it first answered the villager (accepted, replied
    or declined: cases.first_response_at), then 办结; none once the case is closed, merged or rejected."""
    if case.status not in lifecycle.OPEN_STATES:
        return None
    if case.first_response_at is None:
        return Due("首次答复", case.first_response_due, case.first_response_due < now)
    return Due("办结", case.resolve_due, case.resolve_due < now)


# -- what an action did --------------------------------------------------------------------------


def set_done(response: Response, message: str, *, secure: bool) -> None:
    """Carry the message to the next page (one short-lived cookie, read once)."""
    response.set_cookie(
        FLASH_COOKIE,
        quote(message[:FLASH_MAX]),
        max_age=120,
        httponly=True,
        samesite="strict",
        secure=secure,
        path="/admin",
    )


def read_done(request: Request) -> str:
    raw = request.cookies.get(FLASH_COOKIE) or ""
    return unquote(raw, errors="replace")[:FLASH_MAX] if raw else ""


def clear_done(response: Response) -> None:
    response.delete_cookie(FLASH_COOKIE, path="/admin")


def done_message(action: str, case: Case, form: Mapping[str, str]) -> str:
    """What the action did, in the words staff and villagers use."""
    number = case.number
    if action == "accept":
        return f"已受理案件 {number}，群众将收到“已受理”通知。"
    if action == "start":
        return f"案件 {number} 已开始核查。答复群众后即可办结。"
    if action == "assign":
        return f"已指定承办人：{form.get('assignee', '')}。"
    if action == "transfer":
        return f"案件 {number} 已转办给{case.route_unit_name}。"
    if action == "request_extension":
        return f"已申请延期 {form.get('days', '')} 天，等待纪委监委审批。"
    if action == "decide_extension":
        return "已同意延期。" if form.get("decision") == "approve" else "已不同意延期。"
    if action == "note":
        return "已添加内部备注（群众看不到）。"
    if action == "reply":
        return f"已答复，群众将收到：“{_clip(form.get('text', ''))}”"
    if action == "close":
        if case.status == lifecycle.REJECTED:
            return f"案件 {number} 已告知群众不属于受理范围。"
        return f"案件 {number} 已办结，群众将收到处理结果：“{_clip(form.get('resolution', ''))}”，并被请求评价。"
    if action == "merge":
        return f"案件 {number} 已并入 {form.get('into', '')}，群众将收到合并办理的通知。"
    if action == "reopen":
        return f"案件 {number} 已重新办理。"
    if action == "phone_rating":
        return "已登记回访。"
    if action == "rectify":
        return f"已登记案件 {number} 的整改结果；答复群众后即可办结，群众将再次评价。"
    if action == "appeal_rating":
        return "已提交申诉，等待纪委监委裁定；裁定前差评照常计入。"
    if action == "rule_appeal":
        if form.get("decision") == "uphold":
            return "已裁定申诉成立：该评价保留并标注，不计入满意率。"
        return "已裁定申诉不成立：差评照常计入，继续整改。"
    if action == "ask_reporter":
        return "已通过微信把问题转给群众（您看不到群众的身份），群众的回答会作为补充材料附在本案。"
    return "已完成。"


def _clip(text: str, n: int = 60) -> str:
    text = text.strip()
    return text if len(text) <= n else text[:n] + "…"
