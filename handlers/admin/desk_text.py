"""The staff desk in words: who did what in the case timeline and the audit log, in Chinese with case
numbers (no action codes, raw JSON, internal ids or `staff:` prefixes), and the one-line message that
says what an action did (shown once, on the page the action leads to)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from cases import lifecycle
from cases.categories import by_code
from storage.models.cases import Case, CaseEvent
from storage.models.staff import AuditEntry, StaffUser, Unit

FLASH_COOKIE = "qf_done"
FLASH_MAX = 300
CHANNELS = {"chat": "微信对话", "h5": "H5 页面", "data": "大数据比对", "open311": "对接系统", "api": "对接系统"}
ROLES_WORDS = {
    "city": "市纪委监委",
    "county_discipline": "县纪委监委",
    "department": "县直部门",
    "town": "乡镇",
    "admin": "系统管理员",
}

AUDIT_ACTIONS: dict[str, str] = {
    "login": "登录",
    "login_failed": "登录失败",
    "view_case": "查看案件",
    "view_queue": "查看案件队列",
    "view_stats": "查看统计",
    "view_supervision": "查看督办清单",
    "view_media": "查看证据材料",
    "view_inquiries": "查看咨询列表",
    "view_inquiry": "查看咨询",
    "view_money": "查看资金监督",
    "view_money_payments": "查看资金明细",
    "view_scan_analytics": "查看扫码统计",
    "export_queue": "导出案件",
    "export_stats": "导出统计",
    "download_posters": "下载海报",
    "reveal_identity": "查看实名举报人身份",
    "reveal_requested": "申请查看实名举报人身份",
    "reveal_approved": "批准查看身份申请",
    "reveal_refused": "不批准查看身份申请",
    "case_accept": "受理",
    "case_start": "开始核查",
    "case_assign": "指定承办人",
    "case_transfer": "转办",
    "case_request_extension": "申请延期",
    "case_decide_extension": "审批延期",
    "case_note": "添加内部备注",
    "case_reply": "答复群众",
    "case_close": "办结",
    "case_merge": "合并重复件",
    "case_reopen": "重新办理",
    "case_phone_rating": "登记电话回访",
    "case_ask_reporter": "询问群众",
    "case_ask_opinions": "征求会办意见",
    "case_give_opinion": "提出会办意见",
    "case_return": "退回",
    "case_rule_return": "处理退回",
    "canned_edit": "修改常用语",
    "inquiry_answer": "答复咨询",
    "inquiry_kb_draft": "咨询转知识库草稿",
    "kb_draft_download": "下载知识库草稿",
    "kb_entry_submitted": "提交知识条目",
    "kb_entry_approved": "批准知识条目",
    "kb_entry_rejected": "退回知识条目",
    "kb_entry_restore_requested": "申请恢复知识条目旧版",
    "money_run": "运行资金比对",
    "outbox_retry_kind": "重发一类失败消息",
    "outbox_retry_row": "重发一条失败消息",
    "rule_edit": "修改分办规则",
    "unit_edit": "修改单位",
    "user_create": "新建账号",
    "user_reset_password": "重置密码",
    "user_lock": "锁定账号",
    "user_create_requested": "申请新建账号",
    "user_create_confirmed": "确认新建账号",
    "user_create_refused": "拒绝新建账号",
    "user_reset_requested": "申请重置密码",
    "user_reset_confirmed": "确认重置密码",
    "user_reset_refused": "拒绝重置密码",
    "user_unlock": "解锁账号",
    "api_key_create": "新建对接密钥",
    "api_key_revoke": "停用对接密钥",
    "subscriber_add": "新增事件订阅",
    "subscriber_remove": "删除事件订阅",
}

# Detail keys that mean something to a reader, in their words; the rest are internal and not shown.
DETAIL_WORDS: dict[str, str] = {
    "reason": "理由",
    "approved_by": "批准人",
    "requested_by": "申请人",
    "filters": "筛选条件",
    "rows": "条数",
    "username": "账号",
    "role": "角色",
    "unit": "单位",
    "county": "县",
    "name": "名称",
    "active": "启用",
    "days": "天数",
    "format": "格式",
    "year": "年份",
    "village": "村",
    "kind": "类别",
    "findings": "发现线索",
    "new": "新线索",
    "payments": "发放记录条数",
    "clues": "线索数",
    "done": "完成",
    "status": "状态",
    "overdue": "只看超期",
    "found": "找到",
    "cases": "案件数",
}

FILTER_WORDS: dict[str, str] = {
    "status": "状态",
    "category": "类别",
    "text": "文字",
    "overdue": "只看超期",
    "county": "县",
    "town": "乡镇",
    "village": "村",
    "dept": "部门",
    "date_from": "收到日期从",
    "date_to": "到",
    "sort": "排序",
    "dir": "顺序",
}


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
    return f"{display}（{unit}）" if unit and unit != display else display


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
        text = e.reason or ""
        if e.action == "submitted":  # the reason is the channel's code
            text = f"通过{CHANNELS.get(text, '其他渠道')}提交"
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


def _status(code: str | None) -> str:
    return lifecycle.LABELS.get(code or "", "未知")


@dataclass(frozen=True)
class AuditRow:
    at: Any
    who: str
    what: str
    case_id: int | None
    case_number: str
    detail: str


def audit_rows(session: Session, rows: Sequence[AuditEntry]) -> list[AuditRow]:
    ids = {r.case_id for r in rows if r.case_id is not None}
    numbers = dict(session.execute(select(Case.id, Case.number).where(Case.id.in_(ids))).tuples().all()) if ids else {}
    people = {r.username for r in rows if r.username}
    names = actor_names(session, {f"staff:{u}" for u in people if ":" not in u})
    out = []
    for r in rows:
        if not r.username:
            who = "（不是已有账号）"
        elif ":" in r.username:
            who = actor_names(session, [r.username])[r.username]
        else:
            who = names.get(f"staff:{r.username}", r.username)
        out.append(
            AuditRow(
                at=r.at,
                who=who,
                what=AUDIT_ACTIONS.get(r.action, "其他操作"),
                case_id=r.case_id,
                case_number=numbers.get(r.case_id, "") if r.case_id is not None else "",
                detail=describe_detail(r.detail or {}),
            )
        )
    return out


def describe_detail(detail: Mapping[str, Any]) -> str:
    parts = []
    for key, value in detail.items():
        word = DETAIL_WORDS.get(key)
        if word is None or value in (None, "", {}, []):
            continue
        if key == "filters" and isinstance(value, Mapping):
            shown = _filters(value)
            if shown:
                parts.append(f"{word}：{shown}")
            continue
        if key == "role":
            value = ROLES_WORDS.get(str(value), str(value))
        if key == "status":
            value = "未办结" if value == "open" else lifecycle.LABELS.get(str(value), str(value))
        if isinstance(value, bool):
            value = "是" if value else "否"
        if isinstance(value, (Mapping, list, tuple)):
            continue
        parts.append(f"{word}：{value}")
    return "；".join(parts)


def _filters(values: Mapping[str, Any]) -> str:
    parts = []
    for key, value in values.items():
        word = FILTER_WORDS.get(key)
        if word is None or value in (None, ""):
            continue
        if key == "status":
            value = "未办结" if value == "open" else lifecycle.LABELS.get(str(value), str(value))
        elif key == "category":
            cat = by_code(str(value))
            value = cat.label if cat else value
        elif key == "dir":
            value = "从早到晚" if value == "asc" else "从晚到早"
        elif key == "overdue":
            value = "是"
        elif key == "sort":
            continue
        parts.append(f"{word} {value}")
    return "，".join(parts)


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
        return "已登记电话回访。"
    if action == "ask_reporter":
        return "已通过微信把问题转给群众（您看不到群众的身份），群众的回答会作为补充材料附在本案。"
    return "已完成。"


def _clip(text: str, n: int = 60) -> str:
    text = text.strip()
    return text if len(text) <= n else text[:n] + "…"
