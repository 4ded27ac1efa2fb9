"""How the case timeline names each kind of case event (the templates and the timeline read it)."""

from __future__ import annotations

from cases import lifecycle

ACTION_LABELS = {
    "submitted": "群众提交",
    "status": "状态变更",
    "assign": "指定承办人",
    "note": "内部备注",
    "public_reply": "公开答复",
    "extension_request": "申请延期",
    "extension_approved": "批准延期",
    "extension_refused": "不批准延期",
    "supervise": "督办",
    "merged_in": "并入重复件",
    "rating": "评价",
    "phone_followup": "回访",
    "supplement": "群众补充材料",
    "internal_opinion": "内部意见（群众看不到）",
    "ask_reporter": "询问群众",
    "opinions_requested": "征求会办意见",
    "joint_opinion": "会办意见",
    "opinion_withdrawn": "撤回会办",
    "return_requested": "退回",
    "return_ruled": "处理退回",
    "rectified": "整改结果",
    "appeal": "对差评申诉",
    "appeal_ruled": "裁定申诉",
}


def _hook_labels() -> dict[str, str]:
    """The events other systems receive (cases.interop.case_hooks.EVENT_TYPES), named as the timeline names
    the case event behind each: an action by its label, a status move by the status it reached."""
    status = lifecycle.LABELS
    return {
        "created": ACTION_LABELS["submitted"],
        "routed": status[lifecycle.ROUTED],
        "accepted": status[lifecycle.ACCEPTED],
        "transferred": status[lifecycle.TRANSFERRED],
        "returned": status[lifecycle.REJECTED],
        "replied": ACTION_LABELS["public_reply"],
        "closed": status[lifecycle.CLOSED],
        "rated": ACTION_LABELS["rating"],
        "reopened": status[lifecycle.REOPENED],
    }


HOOK_EVENT_LABELS = _hook_labels()


def hook_event_label(kind: str) -> str:
    """An Open311 push's event in the staff's words (never the event's code)."""
    return HOOK_EVENT_LABELS.get(kind, "其他")
