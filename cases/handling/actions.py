"""The staff actions on a case, as one table: for each its name, its label, who may run it (cases/access.py),
in which state (derived from lifecycle.TRANSITIONS, never listed again), its form fields with their checks,
and the function that runs it (cases/handling/triage.py and the desk verbs).

The case page offers what `allows` says (cases/handling/desk.py orders it); the action view and the bulk
actions run through `perform`, which asks the same table, so the page and the refusal of a forged request
cannot drift apart. The caller checks the case is in the viewer's scope, audits and commits.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import access, lifecycle
from cases.handling import case_steps, desk_verbs, joint, rectification, returns, triage
from cases.handling.triage import CLOSE_NEEDS_REPLY, NOT_YET_ACCEPTED, need, waiting_for_opinions
from cases.handling.triage import ActionRefused as ActionRefused  # what every refusal of the table is
from cases.identity import IdentityKeys
from cases.workdays import Calendar
from storage.models.cases import Case


class Name(StrEnum):
    ACCEPT = "accept"
    START = "start"
    ASSIGN = "assign"
    TRANSFER = "transfer"
    REQUEST_EXTENSION = "request_extension"
    DECIDE_EXTENSION = "decide_extension"
    NOTE = "note"
    REPLY = "reply"
    CLOSE = "close"
    MERGE = "merge"
    REOPEN = "reopen"
    PHONE_RATING = "phone_rating"
    ASK_REPORTER = "ask_reporter"
    ASK_OPINIONS = "ask_opinions"
    GIVE_OPINION = "give_opinion"
    WITHDRAW_OPINION = "withdraw_opinion"
    RETURN_CASE = "return_case"
    RULE_RETURN = "rule_return"
    RECTIFY = "rectify"
    APPEAL_RATING = "appeal_rating"
    RULE_APPEAL = "rule_appeal"


class Who(StrEnum):
    """Who may run an action, in the terms of cases/access.py."""

    HANDLER = "handler"  # access.can_act: the lead unit, or a supervisor over it
    APPROVER = "approver"  # access.can_approve_extension: the supervising unit, or the city
    ANY_STAFF = "any_staff"  # anyone who sees the case
    CO_UNIT = "co_unit"  # a co-handling unit (协办) of the case
    LEAD_UNIT = "lead_unit"  # the unit the case is routed to, itself (退回)
    SUPERVISOR = "supervisor"  # access.is_supervisor: a 纪委监委


class UnknownAction(ActionRefused):
    """No such action in the table."""


class NotYours(ActionRefused):
    """The viewer may not run this action on this case (the page answers 403)."""


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
    refusal: str | None = None  # why the lead unit may not return it now, in the words of the refusal


@dataclass(frozen=True)
class Loop:
    """The rectification loop after 不满意 as the page needs it (cases/handling/rectification.py): open, its
    return visit recorded, the current rating appealable, an appeal waiting for a ruling."""

    open: bool = False
    visited: bool = False
    appealable: bool = False
    appeal_pending: bool = False


@dataclass(frozen=True)
class Facts:
    """What may be done on a case depends on: its status, and what the viewer is to it."""

    status: str
    can_act: bool = False
    can_approve: bool = False
    supervisor: bool = False
    lead_unit: bool = False
    rated: bool = False
    extension_pending: bool = False
    reachable: bool = True  # the reporter can be asked through the chat (a sealed WeChat contact)
    joint: Joint = field(default_factory=Joint)
    returns: Returns = field(default_factory=Returns)
    loop: Loop = field(default_factory=Loop)


@dataclass(frozen=True)
class Step:
    """One run of an action: on which case, by whom, when, and the working days its deadlines count."""

    session: Session
    case: Case
    viewer: access.Viewer
    keys: IdentityKeys
    now: datetime
    calendar: Calendar

    @property
    def actor(self) -> str:
        return self.viewer.actor


Values = Mapping[str, str]


@dataclass(frozen=True)
class Field:
    """A form field: its name on the form, and the check of its value (raises ActionRefused with the words
    the form shows; returns the value the action receives)."""

    name: str
    check: Callable[[str], str] = lambda value: value


@dataclass(frozen=True)
class Action:
    name: Name
    label: str
    who: Who
    when: Callable[[Facts], bool]  # the state in which it may run, from the transition table
    late: Callable[[Facts], str]  # why not in this state, in the words of the refusal
    fields: tuple[Field, ...]
    run: Callable[[Step, Values], str | None]  # what it did, where the page's line needs more than the name
    target: str | None = None  # the status it moves the case into, if any
    not_yours: str = "您的单位不是此案的办理单位，不能进行此操作。"


# -- field checks ---------------------------------------------------------------------------------------


def _text(what: str, minimum: int = 2) -> Callable[[str], str]:
    return lambda value: need(value, what, minimum)


def _number(value: str, high: int) -> int | None:
    """1-18 ASCII digits within [0, high], as the admin forms read numbers (handlers/web/params.whole)."""
    if not (value.isascii() and value.isdigit() and len(value) <= 18) or int(value) > high:
        return None
    return int(value)


def _days(value: str) -> str:
    days = _number(value, 9999)
    if days is None:
        raise ActionRefused("延期天数请填写数字。")
    return str(days)


def _rating(value: str) -> str:
    number = _number(value, 9) or 0
    if number not in case_steps.RATINGS:
        raise ActionRefused("请选择群众的评价：" + " / ".join(case_steps.RATINGS.values()) + "。")
    return str(number)


def _appeal_kind(value: str) -> str:
    if value not in rectification.APPEAL_KINDS:
        raise ActionRefused("请选择申诉理由：" + " / ".join(rectification.APPEAL_KINDS.values()) + "。")
    return value


def _ruling(value: str) -> str:
    if value not in ("uphold", "dismiss"):
        raise ActionRefused("请选择裁定：申诉成立 / 申诉不成立。")
    return value


def _finding(value: str) -> str:
    if value not in case_steps.FINDINGS:
        raise ActionRefused("请选择核查结论（查实 / 部分查实 / 不实 / 不属于受理范围）。")
    return value


# -- the states, from the transition table ----------------------------------------------------------------


def _moves_to(target: str) -> Callable[[Facts], bool]:
    return lambda f: lifecycle.allowed(f.status, target)


def _illegal(target: str) -> Callable[[Facts], str]:
    return lambda f: str(lifecycle.IllegalTransition(f.status, target))


def _open(f: Facts) -> bool:
    return f.status in lifecycle.OPEN_STATES


def _reply_possible(f: Facts) -> bool:
    """A public reply moves the case to 'answered', or is recorded again on an answered case; not before the
    unit has taken the case on."""
    moves = f.status == lifecycle.ANSWERED or lifecycle.allowed(f.status, lifecycle.ANSWERED)
    return moves and f.status not in NOT_YET_ACCEPTED


def close_possible(status: str) -> bool:
    """From routed or transferred a case closes only as 不属于受理范围, which is a move into 'rejected'."""
    return lifecycle.allowed(status, lifecycle.CLOSED) or lifecycle.allowed(status, lifecycle.REJECTED)


def _closable(f: Facts) -> bool:
    return close_possible(f.status) and not f.joint.missing and not f.loop.open


RECTIFY_FIRST = "群众不满意后的整改尚未完成：请先登记回访和整改结果，再办结。"


def _joint_open(f: Facts) -> bool:
    return f.status in lifecycle.OPEN_STATES and f.joint.has_co_units


def _returnable(f: Facts) -> bool:
    return f.returns.can_return and f.status != lifecycle.MERGED


def _always(_f: Facts) -> bool:
    return True


def _said(text: str) -> Callable[[Facts], str]:
    return lambda _f: text


def _reply_late(f: Facts) -> str:
    return "请先受理案件，再答复群众。" if f.status in NOT_YET_ACCEPTED else "案件已办结，不能再答复。"


def _close_late(f: Facts) -> str:
    if close_possible(f.status) and f.loop.open:
        return RECTIFY_FIRST
    if close_possible(f.status) and f.joint.missing:
        return waiting_for_opinions(list(f.joint.missing))
    return CLOSE_NEEDS_REPLY


def _ask_opinions_late(f: Facts) -> str:
    if not f.joint.has_co_units:
        return "此案没有协办单位，不需要会办。"
    return "已征求过会办意见。" if _open(f) else "案件已办结，不能再征求会办意见。"


def _extension_late(f: Facts) -> str:
    return "已有一项延期申请等待审批。" if _open(f) else "案件已办结，不能申请延期。"


# -- the runs ------------------------------------------------------------------------------------------------


def _accept(s: Step, v: Values) -> None:
    triage.accept(s.session, case=s.case, actor=s.actor, keys=s.keys, now=s.now)


def _start(s: Step, v: Values) -> None:
    triage.start(s.session, case=s.case, actor=s.actor, now=s.now)


def _assign(s: Step, v: Values) -> None:
    triage.assign(s.session, case=s.case, assignee=v["assignee"], actor=s.actor, now=s.now)


def _transfer(s: Step, v: Values) -> None:
    triage.transfer(s.session, case=s.case, to_unit=v["to_unit"], reason=v["reason"], actor=s.actor, now=s.now)


def _request_extension(s: Step, v: Values) -> None:
    days = int(v["days"])
    triage.request_extension(s.session, case=s.case, days=days, reason=v["reason"], actor=s.actor, now=s.now)


def _decide_extension(s: Step, v: Values) -> None:
    approve = v["decision"] == "approve"
    triage.decide_extension(
        s.session, case=s.case, approve=approve, actor=s.actor, note=v["note"], now=s.now, calendar=s.calendar
    )


def _note(s: Step, v: Values) -> None:
    triage.note(s.session, case=s.case, text=v["text"], actor=s.actor, now=s.now)


def _reply(s: Step, v: Values) -> None:
    triage.reply(s.session, case=s.case, text=v["text"], actor=s.actor, keys=s.keys, now=s.now)


def _close(s: Step, v: Values) -> None:
    triage.close(
        s.session,
        case=s.case,
        finding=v["finding"],
        resolution=v["resolution"],
        internal=v["internal"],
        actor=s.actor,
        keys=s.keys,
        now=s.now,
    )


def _merge(s: Step, v: Values) -> None:
    found = select(Case).where(Case.number == v["into"], access.case_scope(s.viewer))
    into = s.session.scalar(found)
    if into is None:
        raise ActionRefused("没有找到要并入的案件编号（须是您能查看的案件）。")
    triage.merge(s.session, case=s.case, into=into, actor=s.actor, keys=s.keys, now=s.now)


def _reopen(s: Step, v: Values) -> None:
    triage.reopen(s.session, case=s.case, reason=v["reason"], actor=s.actor, now=s.now)


def _phone_rating(s: Step, v: Values) -> None:
    rating = int(v["rating"])
    triage.phone_rating(
        s.session, case=s.case, rating=rating, note_text=v["note"], actor=s.actor, now=s.now, calendar=s.calendar
    )


def _loop_step(run: Callable[[], str | None]) -> str | None:
    try:
        return run()
    except rectification.Refused as exc:
        raise ActionRefused(str(exc)) from exc


def _rectify(s: Step, v: Values) -> None:
    _loop_step(lambda: rectification.fix(s.session, case=s.case, outcome=v["outcome"], actor=s.actor, now=s.now))


def _appeal_rating(s: Step, v: Values) -> None:
    _loop_step(
        lambda: rectification.appeal(
            s.session, case=s.case, kind=v["kind"], reason=v["reason"], actor=s.actor, now=s.now
        )
    )


def _rule_appeal(s: Step, v: Values) -> str | None:
    if s.viewer.unit_code == s.case.route_unit:
        raise ActionRefused(OWN_APPEAL)
    uphold = v["decision"] == "uphold"
    return _loop_step(
        lambda: rectification.rule(s.session, case=s.case, uphold=uphold, note=v["note"], actor=s.actor, now=s.now)
    )


OWN_APPEAL = "申诉由本单位提出，须由其他纪委监委或市纪委监委裁定。"


def _rulable(f: Facts) -> bool:
    """A pending appeal, ruled by a 纪委监委 that is not the appealing (lead) unit itself."""
    return f.loop.appeal_pending and not f.lead_unit


def _rule_late(f: Facts) -> str:
    return OWN_APPEAL if f.loop.appeal_pending else "没有待裁定的申诉。"


def _askable(f: Facts) -> bool:
    return _open(f) and f.reachable


def _ask_late(f: Facts) -> str:
    return desk_verbs.NO_CHAT if _open(f) else "案件已办结，不能再向群众询问。"


def _visit_late(f: Facts) -> str:
    if f.status == lifecycle.CLOSED and f.rated:
        return "群众已评价，不需再登记回访。"
    return "只有已办结且尚未评价的案件，或差评整改中的案件，可以登记回访。"


def _ask_reporter(s: Step, v: Values) -> None:
    desk_verbs.ask_reporter(s.session, case=s.case, question=v["question"], actor=s.actor, keys=s.keys, now=s.now)


def _ask_opinions(s: Step, v: Values) -> str:
    try:
        units = joint.ask(s.session, case=s.case, actor=s.actor, now=s.now)
    except joint.JointRefused as exc:
        raise ActionRefused(str(exc)) from exc
    return "、".join(u.name for u in units)


def _give_opinion(s: Step, v: Values) -> None:
    try:
        joint.give(s.session, case=s.case, unit_code=s.viewer.unit_code, text=v["text"], actor=s.actor, now=s.now)
    except joint.JointRefused as exc:
        raise ActionRefused(str(exc)) from exc


def _withdraw_opinion(s: Step, v: Values) -> str:
    try:
        unit = joint.withdraw(s.session, case=s.case, unit_code=v["unit"], reason=v["reason"], actor=s.actor, now=s.now)
    except joint.JointRefused as exc:
        raise ActionRefused(str(exc)) from exc
    return unit.name


def _return_case(s: Step, v: Values) -> None:
    returns.request(
        s.session,
        case=s.case,
        unit_code=s.viewer.unit_code,
        reason=v["reason"],
        actor=s.actor,
        now=s.now,
        calendar=s.calendar,
    )


def _rule_return(s: Step, v: Values) -> str:
    reroute = v["to_unit"] if v["decision"] == "reroute" else ""
    if v["decision"] == "reroute" and not reroute:
        raise ActionRefused("改派时请选择接收单位。")
    return returns.rule(s.session, case=s.case, reroute_to=reroute, reason=v["reason"], actor=s.actor, now=s.now)


# -- the table ---------------------------------------------------------------------------------------------

# One row per action: name, label, who; the state it needs, and why not otherwise; its fields; its run.
_TABLE: tuple[Action, ...] = (
    Action(
        Name.ACCEPT, "受理", Who.HANDLER,
        _moves_to(lifecycle.ACCEPTED), _illegal(lifecycle.ACCEPTED),
        (),
        _accept, target=lifecycle.ACCEPTED,
    ),
    Action(
        Name.START, "开始核查", Who.HANDLER,
        _moves_to(lifecycle.IN_PROGRESS), _illegal(lifecycle.IN_PROGRESS),
        (),
        _start, target=lifecycle.IN_PROGRESS,
    ),
    Action(
        Name.ASSIGN, "指定承办人", Who.HANDLER,
        _open, _said("案件已办结，不能再指定承办人。"),
        (Field("assignee", _text("承办人", 1)),),
        _assign,
    ),
    Action(
        Name.TRANSFER, "转办", Who.HANDLER,
        _moves_to(lifecycle.TRANSFERRED), _illegal(lifecycle.TRANSFERRED),
        (Field("reason", _text("转办理由")), Field("to_unit")),
        _transfer, target=lifecycle.TRANSFERRED,
    ),
    Action(
        Name.REQUEST_EXTENSION, "申请延期", Who.HANDLER,
        lambda f: _open(f) and not f.extension_pending, _extension_late,
        (Field("days", _days), Field("reason", _text("延期理由"))),
        _request_extension,
    ),
    Action(
        Name.DECIDE_EXTENSION, "审批延期", Who.APPROVER,
        lambda f: f.extension_pending, _said("没有待审批的延期申请。"),
        (Field("decision"), Field("note")),
        _decide_extension,
    ),
    Action(
        Name.NOTE, "添加内部备注", Who.ANY_STAFF,
        _always, _said(""),
        (Field("text", _text("备注内容", 1)),),
        _note,
    ),
    Action(
        Name.REPLY, "答复群众", Who.HANDLER,
        _reply_possible, _reply_late,
        (Field("text", _text("答复内容")),),
        _reply,
    ),
    Action(
        Name.CLOSE, "办结", Who.HANDLER,
        _closable, _close_late,
        (Field("finding", _finding), Field("resolution", _text("处理结果（群众将看到）")), Field("internal")),
        _close, target=lifecycle.CLOSED,
    ),
    Action(
        Name.MERGE, "作为重复件并入", Who.HANDLER,
        _moves_to(lifecycle.MERGED), _illegal(lifecycle.MERGED),
        (Field("into"),),
        _merge, target=lifecycle.MERGED,
    ),
    Action(
        Name.REOPEN, "重新办理", Who.HANDLER,
        _moves_to(lifecycle.REOPENED), _illegal(lifecycle.REOPENED),
        (Field("reason", _text("重新办理的理由")),),
        _reopen, target=lifecycle.REOPENED,
    ),
    Action(
        Name.PHONE_RATING, "登记回访", Who.HANDLER,
        lambda f: f.loop.open or (f.status == lifecycle.CLOSED and not f.rated), _visit_late,
        (Field("rating", _rating), Field("note")),
        _phone_rating,
    ),
    Action(
        Name.RECTIFY, "登记整改结果", Who.HANDLER,
        lambda f: f.loop.open and f.loop.visited,
        lambda f: "请先登记回访，再登记整改结果。" if f.loop.open else "此案没有进行中的差评整改。",
        (Field("outcome", _text("整改结果", 4)),),
        _rectify,
    ),
    Action(
        Name.APPEAL_RATING, "对差评申诉", Who.LEAD_UNIT,
        lambda f: f.loop.appealable, _said("此案没有可以申诉的差评（已申诉过，或评价已不是差评）。"),
        (Field("kind", _appeal_kind), Field("reason", _text("申诉的事实和依据", 4))),
        _appeal_rating, not_yours="只有办理单位可以对差评申诉。",
    ),
    Action(
        Name.RULE_APPEAL, "裁定申诉", Who.SUPERVISOR,
        _rulable, _rule_late,
        (Field("decision", _ruling), Field("note", _text("裁定理由"))),
        _rule_appeal, not_yours="只有纪委监委可以裁定申诉。",
    ),
    Action(
        Name.ASK_REPORTER, "询问群众", Who.HANDLER,
        _askable, _ask_late,
        (Field("question", desk_verbs.question_text),),
        _ask_reporter, not_yours="您的单位不是此案的办理单位，不能询问群众。",
    ),
    Action(
        Name.ASK_OPINIONS, "征求会办意见", Who.HANDLER,
        lambda f: _joint_open(f) and not f.joint.asked, _ask_opinions_late,
        (),
        _ask_opinions, not_yours="只有办理单位可以征求会办意见。",
    ),
    Action(
        Name.GIVE_OPINION, "提出会办意见", Who.CO_UNIT,
        lambda f: _joint_open(f) and f.joint.asked, _said("此案没有在征求会办意见。"),
        (Field("text", _text("会办意见")),),
        _give_opinion, not_yours="只有本案的协办单位可以提出会办意见。",
    ),
    Action(
        Name.WITHDRAW_OPINION, "撤回会办", Who.HANDLER,
        lambda f: _joint_open(f) and f.joint.asked and bool(f.joint.missing), _said("没有可以撤回的会办请求。"),
        (Field("unit", _text("协办单位", 1)), Field("reason", _text("撤回理由"))),
        _withdraw_opinion, not_yours="只有办理单位可以撤回会办。",
    ),
    Action(
        Name.RETURN_CASE, "退回", Who.LEAD_UNIT,
        _returnable, lambda f: f.returns.refusal or "此案现在不能退回。",
        (Field("reason"),),
        _return_case, not_yours="只有当前办理单位可以退回。",
    ),
    Action(
        Name.RULE_RETURN, "处理退回", Who.SUPERVISOR,
        lambda f: f.returns.can_rule and f.status != lifecycle.MERGED, _said("没有待处理的退回。"),
        (Field("decision"), Field("to_unit"), Field("reason")),
        _rule_return, not_yours="只有纪委监委可以处理退回。",
    ),
)  # fmt: skip

TABLE: Mapping[str, Action] = {a.name: a for a in _TABLE}
LABELS: Mapping[str, str] = {a.name: a.label for a in _TABLE}
TARGETS: Mapping[str, str] = {a.name: a.target for a in _TABLE if a.target is not None}
# Who may not act on a case may still add a note; the page says why the rest is missing (cases/handling/desk.py).


def lookup(name: str) -> Action:
    action = TABLE.get(name)
    if action is None:
        raise UnknownAction("未知的操作。")
    return action


def may(action: Action, facts: Facts) -> bool:
    """Whether this viewer is someone who may run `action` on the case (cases/access.py)."""
    if action.who is Who.ANY_STAFF:
        return True
    if action.who is Who.APPROVER:
        return facts.can_approve
    if action.who is Who.SUPERVISOR:
        return facts.supervisor
    if action.who is Who.CO_UNIT:
        return facts.joint.viewer_is_co_unit
    if action.who is Who.LEAD_UNIT:
        return facts.lead_unit
    return facts.can_act


def allows(name: str, facts: Facts) -> bool:
    """Whether the page offers `name` to this viewer on this case in its status."""
    action = TABLE.get(name)
    return action is not None and may(action, facts) and action.when(facts)


def read_facts(
    session: Session, viewer: access.Viewer, case: Case, now: datetime, calendar: Calendar, *, desk: bool = True
) -> Facts:
    """The facts of the table for this viewer and case; `desk=False` leaves out 会办 and 退回 (a few reads
    each), which the bulk actions (assign, transfer) do not depend on."""
    routing = triage.routing_of(session, case)
    return Facts(
        status=case.status,
        can_act=access.can_act(viewer, case),
        can_approve=access.can_approve_extension(viewer, routing),
        supervisor=access.is_supervisor(viewer),
        lead_unit=viewer.unit_code == case.route_unit,
        rated=case.rating is not None,
        extension_pending=bool(routing.extension_days),
        reachable=case.contact_seal is not None,  # cases/notices.contact_openid: sealed only with an openid
        joint=read_joint(session, viewer, case) if desk else Joint(),
        returns=read_returns(session, viewer, case, now, calendar) if desk else Returns(),
        loop=read_loop(session, case) if desk else Loop(),
    )


def read_loop(session: Session, case: Case) -> Loop:
    row = rectification.latest(session, case)
    if row is None:
        return Loop()
    return Loop(
        open=row.closed_at is None,
        visited=row.visited_at is not None,
        appealable=rectification.appealable(session, case) is not None,
        appeal_pending=row.appeal_state == rectification.PENDING,
    )


def read_joint(session: Session, viewer: access.Viewer, case: Case) -> Joint:
    units = joint.co_units(session, case)
    if not units:
        return Joint()
    return Joint(
        has_co_units=True,
        asked=joint.requested(session, case),
        viewer_is_co_unit=viewer.unit_code in {u.code for u in units},
        missing=tuple(joint.missing(session, case)),
    )


def read_returns(session: Session, viewer: access.Viewer, case: Case, now: datetime, calendar: Calendar) -> Returns:
    waiting = returns.pending(session, case)
    can_rule = waiting is not None and access.is_supervisor(viewer)  # the county's commission dispatches
    if viewer.unit_code != case.route_unit:
        return Returns(can_rule=can_rule)
    why = returns.refusal(session, case, unit_code=viewer.unit_code, now=now, calendar=calendar)
    if case.status not in returns.RECEIVED_STATES:  # the page says nothing once the case is signed for
        return Returns(can_rule=can_rule, refusal=why)
    return Returns(can_return=why is None, why_not=why, can_rule=can_rule, refusal=why)


def check(action: Action, facts: Facts, form: Values) -> dict[str, str]:
    """Who, then the fields, then the state: the checked values, or ActionRefused (NotYours: not this viewer's)."""
    if not may(action, facts):
        raise NotYours(action.not_yours)
    values = {f.name: f.check(form.get(f.name, "").strip()) for f in action.fields}
    if not action.when(facts):
        raise ActionRefused(action.late(facts))
    return values


@dataclass(frozen=True)
class Done:
    action: Action
    said: str  # what the run reported (the units asked, the ruling), else ""


def perform(name: str, step: Step, form: Values, facts: Facts | None = None) -> Done:
    """Look the action up, check it against the table, and run it; raises ActionRefused (the message is shown
    on the form) and leaves the commit to the caller. An illegal move found while running is refused alike."""
    action = lookup(name)
    values = check(action, facts or read_facts(step.session, step.viewer, step.case, step.now, step.calendar), form)
    try:
        said = action.run(step, values)
    except lifecycle.IllegalTransition as exc:
        raise ActionRefused(str(exc)) from exc
    return Done(action, said or "")
