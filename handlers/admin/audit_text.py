"""The audit log in words: each action and the detail that matters to a reader, in Chinese with case
numbers (no action codes, raw JSON, internal ids or `staff:` prefixes)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import lifecycle
from cases.categories import by_code
from handlers.admin.desk_text import actor_names
from storage.models import County, Town, Village
from storage.models.cases import Case
from storage.models.staff import AuditEntry, Unit

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
    "view_scoreboard": "查看单位考评",
    "view_supervision": "查看督办清单",
    "view_media": "查看证据材料",
    "view_inquiries": "查看咨询列表",
    "view_inquiry": "查看咨询",
    "view_money": "查看资金监督",
    "view_money_payments": "查看资金明细",
    "view_scan_analytics": "查看扫码统计",
    "export_queue": "导出案件",
    "export_stats": "导出统计",
    "export_scoreboard": "导出单位考评",
    "download_posters": "下载海报",
    "create_posters": "生成海报",
    "reveal_identity": "查看实名举报人身份",
    "view_hardship_contact": "查看困难户联系电话",
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
    "case_phone_rating": "登记回访",
    "case_rectify": "登记整改结果",
    "case_appeal_rating": "对差评申诉",
    "case_rule_appeal": "裁定申诉",
    "case_ask_reporter": "询问群众",
    "case_ask_opinions": "征求会办意见",
    "case_give_opinion": "提出会办意见",
    "case_withdraw_opinion": "撤回会办",
    "case_return": "退回",
    "case_rule_return": "处理退回",
    "canned_edit": "修改常用语",
    "inquiry_claim": "认领咨询",
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
    "first_password": "首次登录修改密码",
    "password_change": "修改密码",
    "password_change_failed": "修改密码时当前密码输错",
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
    "wechat_link": "绑定微信接收工作提醒",
    "wechat_unlink": "解除微信绑定",
    "wechat_link_code": "生成微信绑定二维码",
    "notice_prefs": "修改工作提醒设置",
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
    "villages": "村数",
    "added": "新生成",
    "pages": "页数",
    "month": "月份",
    "signed_out": "同时退出的其他登录",
    "title": "条目",  # a knowledge-base entry by its title (never its id)
    "version": "版本号",
    "restored": "恢复的旧版本号",
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
    places = place_names(session, rows)
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
                detail=describe_detail(r.detail or {}, places),
            )
        )
    return out


PLACE_KEYS = ("county", "town", "village", "unit")


def place_names(session: Session, rows: Sequence[AuditEntry]) -> dict[str, str]:
    """Names of the counties, towns, villages and units the details name by code, so staff read names."""
    codes: set[str] = set()
    for r in rows:
        detail = r.detail or {}
        filters = detail.get("filters")
        for source in (detail, filters if isinstance(filters, Mapping) else {}):
            codes |= {str(source[k]) for k in PLACE_KEYS if source.get(k) not in (None, "")}
    if not codes:
        return {}
    codes |= {c.ljust(12, "0") for c in codes if c.isdigit() and len(c) < 12}  # 630223 is 630223000000
    names: dict[str, str] = {}
    for key, name in ((County.code, County.name), (Town.code, Town.name), (Village.code, Village.name)):
        names.update(dict(session.execute(select(key, name).where(key.in_(codes))).tuples().all()))
    names.update(dict(session.execute(select(Unit.code, Unit.name).where(Unit.code.in_(codes))).tuples().all()))
    return names | {c: names[c.ljust(12, "0")] for c in codes if c not in names and c.ljust(12, "0") in names}


def describe_detail(detail: Mapping[str, Any], places: Mapping[str, str] | None = None) -> str:
    places = places or {}
    parts = []
    for key, value in detail.items():
        word = DETAIL_WORDS.get(key)
        if word is None or value in (None, "", {}, []):
            continue
        if key == "filters" and isinstance(value, Mapping):
            shown = _filters(value, places)
            if shown:
                parts.append(f"{word}：{shown}")
            continue
        if key == "role":
            value = ROLES_WORDS.get(str(value), str(value))
        if key in PLACE_KEYS:
            value = places.get(str(value), "（已不存在的地方或单位）")
        if key == "status":
            value = "未办结" if value == "open" else lifecycle.LABELS.get(str(value), str(value))
        if isinstance(value, bool):
            value = "是" if value else "否"
        if isinstance(value, (Mapping, list, tuple)):
            continue
        parts.append(f"{word}：{value}")
    return "；".join(parts)


def _filters(values: Mapping[str, Any], places: Mapping[str, str]) -> str:
    parts = []
    for key, value in values.items():
        word = FILTER_WORDS.get(key)
        if word is None or value in (None, ""):
            continue
        if key == "status":
            value = "未办结" if value == "open" else lifecycle.LABELS.get(str(value), str(value))
        elif key in PLACE_KEYS:
            value = places.get(str(value), "（已不存在的地方或单位）")
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
