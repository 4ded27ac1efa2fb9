"""What a staff member may do next on a case: the actions the table allows (cases/handling/actions.py,
derived from lifecycle.TRANSITIONS and cases/access.py), in the page's order.

The case page shows exactly these actions, the usual next step first, and for each action that the
page does not offer, a sentence saying why. The action view refuses by the same table, so the page and
the refusal of a forged request cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cases import lifecycle
from cases.handling import actions
from cases.handling.actions import Facts
from cases.handling.actions import Joint as Joint
from cases.handling.actions import Loop as Loop
from cases.handling.actions import Returns as Returns
from cases.handling.triage import CLOSE_NEEDS_REPLY as CLOSE_NEEDS_REPLY
from cases.handling.triage import NOT_YET_ACCEPTED as NOT_YET_ACCEPTED
from cases.handling.triage import waiting_for_opinions as waiting_for_opinions

# The status an action moves the case into, and the label of each action: both from the table.
TARGETS = actions.TARGETS
LABELS = actions.LABELS

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
    "rule_appeal",
    "accept",
    "return_case",
    "reply",
    "close",
    "start",
    "transfer",
    "ask_reporter",
    "ask_opinions",
    "withdraw_opinion",
    "assign",
    "request_extension",
    "merge",
    "reopen",
    "phone_rating",
    "rectify",
    "appeal_rating",
    "decide_extension",
    "give_opinion",
    "note",
)


@dataclass(frozen=True)
class Steps:
    """The actions offered now (usual first) and, for the others worth mentioning, why not."""

    actions: tuple[str, ...]
    usual: str | None
    why_not: dict[str, str] = field(default_factory=dict)


def _hint(action: str, facts: Facts) -> str | None:
    """Why a common action is missing, in the words the page shows where it would be."""
    status = facts.status
    if action == "return_case":
        return facts.returns.why_not
    if action == "close" and facts.loop.open and actions.close_possible(status):
        return actions.RECTIFY_FIRST
    if action == "close" and facts.joint.missing and actions.close_possible(status):
        return waiting_for_opinions(list(facts.joint.missing))
    if not facts.can_act or status == lifecycle.MERGED:
        return None
    if action == "close" and status in (lifecycle.ACCEPTED, lifecycle.IN_PROGRESS, lifecycle.REOPENED):
        return CLOSE_NEEDS_REPLY
    if action == "reply" and status in NOT_YET_ACCEPTED:
        return "请先受理，再答复群众。"
    if action == "request_extension" and facts.extension_pending:
        return "已有一项延期申请等待纪委监委审批。"
    if action == "phone_rating" and status == lifecycle.CLOSED and facts.rated and not facts.loop.open:
        return "群众已评价，不需再登记回访。"
    if action == "rectify" and facts.loop.open and not facts.loop.visited:
        return "请先登记回访（电话联系群众，记下群众的评价和意见），再登记整改结果。"
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
    supervisor: bool = False,
    lead_unit: bool = False,
    loop: Loop | None = None,
) -> Steps:
    """The actions the table (cases/handling/actions.py) allows this viewer on a case in `status`, usual
    first, and why others are not offered."""
    ret = returns or Returns()
    facts = Facts(
        status=status,
        can_act=can_act,
        can_approve=can_approve,
        # A ruling is offered only to a supervisor, a return only to the lead unit: the states say so.
        supervisor=supervisor or ret.can_rule,
        lead_unit=lead_unit or ret.can_return or ret.why_not is not None,
        rated=rated,
        extension_pending=extension_pending,
        joint=joint or Joint(),
        returns=ret,
        loop=loop or Loop(),
    )
    return steps_for(facts, merged_into=merged_into)


def steps_for(facts: Facts, *, merged_into: str = "") -> Steps:
    status = facts.status
    why_not: dict[str, str] = {}
    if status == lifecycle.MERGED:
        where = f"在 {merged_into} 中" if merged_into else "在主案件中"
        why_not["close"] = f"此案已并入其他案件，{where}统一办理和答复。"
    elif status == lifecycle.RECEIVED:
        why_not["accept"] = "案件正在自动分办，分办到单位后即可受理。"
    elif not facts.can_act:
        why_not["accept"] = "您的单位不是此案的办理单位，只能查看和添加内部备注。"
    offered: list[str] = []
    for action in ORDER:
        if actions.allows(action, facts):
            offered.append(action)
            continue
        hint = _hint(action, facts)
        if hint:
            why_not[action] = hint
    usual = USUAL.get(status)
    if facts.loop.open and status != lifecycle.REOPENED and status not in NOT_YET_ACCEPTED:
        # The rectification loop: the return visit, then the fix, before the case closes again.
        usual = "rectify" if facts.loop.visited else "phone_rating"
    if facts.loop.appeal_pending and facts.supervisor:
        usual = "rule_appeal"
    if facts.can_approve and facts.extension_pending:
        usual = "decide_extension"
    if facts.returns.can_rule:
        usual = "rule_return"
    if usual not in offered:
        usual = None
    if usual is not None:
        offered.remove(usual)
        offered.insert(0, usual)
    return Steps(tuple(offered), usual, why_not)
