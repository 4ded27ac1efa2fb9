"""What a staff member may do next on a case, derived from the lifecycle's transition table.

The case page shows exactly these actions, the usual next step first, and for each action that the
page does not offer, a sentence saying why. The rules live in lifecycle.TRANSITIONS and in triage;
this module only reads them, so the page and the refusal of a forged request cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cases import lifecycle

# The status an action moves the case into; actions absent here do not change the status.
TARGETS: dict[str, str] = {
    "accept": lifecycle.ACCEPTED,
    "start": lifecycle.IN_PROGRESS,
    "transfer": lifecycle.TRANSFERRED,
    "merge": lifecycle.MERGED,
    "close": lifecycle.CLOSED,
    "reopen": lifecycle.REOPENED,
}

LABELS: dict[str, str] = {
    "accept": "受理",
    "start": "开始核查",
    "reply": "答复群众",
    "close": "办结",
    "transfer": "转办",
    "assign": "指定承办人",
    "request_extension": "申请延期",
    "decide_extension": "审批延期",
    "merge": "作为重复件并入",
    "reopen": "重新办理",
    "phone_rating": "登记电话回访",
    "note": "添加内部备注",
    "ask_reporter": "询问群众",
    "ask_opinions": "征求会办意见",
    "give_opinion": "提出会办意见",
    "return_case": "退回",
    "rule_return": "处理退回",
}

# The usual next step in each status: shown first and highlighted.
USUAL: dict[str, str] = {
    lifecycle.ROUTED: "accept",
    lifecycle.TRANSFERRED: "accept",
    lifecycle.REOPENED: "accept",
    lifecycle.ACCEPTED: "reply",
    lifecycle.IN_PROGRESS: "reply",
    lifecycle.ANSWERED: "close",
    lifecycle.CLOSED: "phone_rating",
    lifecycle.REJECTED: "reopen",
}

# The order of the other actions after the usual one.
ORDER = (
    "rule_return",
    "accept",
    "return_case",
    "reply",
    "close",
    "start",
    "transfer",
    "ask_reporter",
    "ask_opinions",
    "assign",
    "request_extension",
    "merge",
    "reopen",
    "phone_rating",
    "decide_extension",
    "give_opinion",
    "note",
)

# The rule behind the missing 办结 form, in the words of the page and of the refusal (cases/handling/triage.py).
CLOSE_NEEDS_REPLY = "办结前须先向群众答复（用“答复群众”告诉群众办理情况）；答复后案件变为“已答复”，即可办结。"

# Statuses in which the unit has not yet taken the case on, so it cannot answer the villager yet.
NOT_YET_ACCEPTED = (lifecycle.RECEIVED, lifecycle.ROUTED, lifecycle.TRANSFERRED)


def waiting_for_opinions(units: list[str]) -> str:
    return f"还缺少{'、'.join(units)}的会办意见，收齐后才能办结。"


@dataclass(frozen=True)
class Joint:
    """The case's 会办 as the page needs it: co-handling units exist, opinions were asked for, the
    viewer's unit is one of them, and whose opinions are still missing."""

    has_co_units: bool = False
    asked: bool = False
    viewer_is_co_unit: bool = False
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class Returns:
    """退回 as the page needs it: may this viewer return the case now (else why not), and is a return
    waiting for this viewer's ruling."""

    can_return: bool = False
    why_not: str | None = None
    can_rule: bool = False


@dataclass(frozen=True)
class Steps:
    """The actions offered now (usual first) and, for the others worth mentioning, why not."""

    actions: tuple[str, ...]
    usual: str | None
    why_not: dict[str, str] = field(default_factory=dict)


def _reply_possible(status: str) -> bool:
    """A public reply moves the case to 'answered', or is recorded again on an answered case."""
    return status == lifecycle.ANSWERED or lifecycle.allowed(status, lifecycle.ANSWERED)


def _close_possible(status: str) -> bool:
    # From routed or transferred only as 不属于受理范围, which is a move into 'rejected'.
    return lifecycle.allowed(status, lifecycle.CLOSED) or lifecycle.allowed(status, lifecycle.REJECTED)


def _possible(action: str, status: str, *, rated: bool, extension_pending: bool) -> bool:
    if action in ("close",):
        return _close_possible(status)
    if action in TARGETS:
        return lifecycle.allowed(status, TARGETS[action])
    if action == "reply":
        return _reply_possible(status) and status not in NOT_YET_ACCEPTED
    if action in ("assign", "ask_reporter"):
        return status in lifecycle.OPEN_STATES
    if action == "request_extension":
        return status in lifecycle.OPEN_STATES and not extension_pending
    if action == "phone_rating":
        return status == lifecycle.CLOSED and not rated
    if action == "decide_extension":
        return extension_pending
    return action == "note"


def _joint_possible(action: str, status: str, *, can_act: bool, joint: Joint) -> bool:
    if status not in lifecycle.OPEN_STATES or status == lifecycle.MERGED or not joint.has_co_units:
        return False
    if action == "ask_opinions":
        return can_act and not joint.asked
    return joint.viewer_is_co_unit and joint.asked


def _why_not(action: str, status: str, *, rated: bool, extension_pending: bool) -> str | None:
    """Why a common action is missing in this status, in the words the page shows where it would be."""
    if action == "close" and status in (lifecycle.ACCEPTED, lifecycle.IN_PROGRESS, lifecycle.REOPENED):
        return CLOSE_NEEDS_REPLY
    if action == "reply" and status in NOT_YET_ACCEPTED:
        return "请先受理，再答复群众。"
    if action == "request_extension" and extension_pending:
        return "已有一项延期申请等待纪委监委审批。"
    if action == "phone_rating" and status == lifecycle.CLOSED and rated:
        return "群众已评价，不需再登记电话回访。"
    if action == "start" and status == lifecycle.IN_PROGRESS:
        return "已在核查中。"
    return None


def next_steps(
    status: str,
    *,
    can_act: bool,
    can_approve: bool,
    rated: bool,
    extension_pending: bool,
    merged_into: str = "",
    joint: Joint | None = None,
    returns: Returns | None = None,
) -> Steps:
    """The actions this viewer may take on a case in `status`, usual first, and why others are not offered."""
    why_not: dict[str, str] = {}
    if status == lifecycle.MERGED:
        where = f"在 {merged_into} 中" if merged_into else "在主案件中"
        why_not["close"] = f"此案已并入其他案件，{where}统一办理和答复。"
    elif status == lifecycle.RECEIVED:
        why_not["accept"] = "案件正在自动分办，分办到单位后即可受理。"
    elif not can_act:
        why_not["accept"] = "您的单位不是此案的办理单位，只能查看和添加内部备注。"
    actions: list[str] = []
    for action in ORDER:
        if action == "note":
            actions.append(action)
            continue
        if action == "decide_extension":
            if can_approve and extension_pending:
                actions.append(action)
            continue
        if action in ("return_case", "rule_return"):
            ret = returns or Returns()
            if (ret.can_return if action == "return_case" else ret.can_rule) and status != lifecycle.MERGED:
                actions.append(action)
            elif action == "return_case" and ret.why_not:
                why_not[action] = ret.why_not
            continue
        if action in ("ask_opinions", "give_opinion"):
            if _joint_possible(action, status, can_act=can_act, joint=joint or Joint()):
                actions.append(action)
            continue
        if action == "close" and joint is not None and joint.missing and _close_possible(status):
            why_not["close"] = waiting_for_opinions(list(joint.missing))
            continue
        if not can_act or status == lifecycle.MERGED:
            continue
        if _possible(action, status, rated=rated, extension_pending=extension_pending):
            actions.append(action)
        else:
            reason = _why_not(action, status, rated=rated, extension_pending=extension_pending)
            if reason:
                why_not[action] = reason
    usual = USUAL.get(status)
    if can_approve and extension_pending:
        usual = "decide_extension"
    if returns is not None and returns.can_rule:
        usual = "rule_return"
    if usual not in actions:
        usual = None
    if usual is not None:
        actions.remove(usual)
        actions.insert(0, usual)
    return Steps(tuple(actions), usual, why_not)
