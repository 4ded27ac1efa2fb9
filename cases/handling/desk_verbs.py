"""The verbs of the staff desk beyond the basic lifecycle: asking the reporter a question (补充询问) and
the cases reopened after a villager's 不满意, which the supervising 纪委监委 follows on the 督办清单 while their
rectification loop is open (cases/handling/rectification.py).

The caller checks who may act (cases/access.py) and commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import lifecycle
from cases.handling.triage import ActionRefused
from cases.identity import IdentityKeys
from cases.notices import contact_openid, notify
from storage.models.cases import Case, CaseEvent, CaseRectification
from storage.repos import users
from storage.repos.users import ConversationState

ASK_MAX = 300
ANSWER_HOW = "请直接回复文字、照片或语音，说完回复“好了”。"
# A villager in the middle of nothing answers at once; one in the middle of a report is not interrupted.
IDLE_STATES = (ConversationState.IDLE, ConversationState.ASK, ConversationState.ANSWERED)
SUPPLEMENT_STATE = ConversationState.SUPPLEMENT  # bot/intents/supplement.py: the next messages attach to the case
DISSATISFIED = "群众不满意"  # the start of the reopen reason cases.handling.case_steps.rate writes
NO_REASON = "（群众未说明理由）"


def question_text(question: str | None) -> str:
    """The question of the 询问群众 form, stripped, or ActionRefused in the form's words."""
    text = (question or "").strip()
    if len(text) < 2:
        raise ActionRefused("请填写要问群众的问题。")
    if len(text) > ASK_MAX:
        raise ActionRefused(f"问题不能超过 {ASK_MAX} 字。")
    return text


NO_CHAT = "此案没有微信联系方式（例如通过 H5 页面或其他系统提交），无法通过对话询问群众。"


def ask_reporter(session: Session, *, case: Case, question: str, actor: str, keys: IdentityKeys, now: datetime) -> None:
    """Relay a question to the reporter through the chat (the sealed openid, never shown to staff, also for
    anonymous reporters); their next messages attach to the case as material (补充)."""
    text = question_text(question)
    if case.status not in lifecycle.OPEN_STATES:
        raise ActionRefused("案件已办结，不能再向群众询问。")
    openid = contact_openid(case, keys=keys)
    if openid is None:
        raise ActionRefused(NO_CHAT)
    notify(
        session,
        case=case,
        text=f"您反映的问题（编号 {case.number}），办理人员想向您了解：\n{text}\n\n{ANSWER_HOW}",
        keys=keys,
        now=now,
    )
    conversation = users.load_conversation(session, openid=openid, now=now)
    if conversation.state in IDLE_STATES:
        users.save_conversation(
            session, conversation=conversation, state=SUPPLEMENT_STATE, data={"number": case.number}, now=now
        )
    lifecycle.record_event(
        session, case=case, action=lifecycle.EventAction.ASK_REPORTER, actor=actor, reason=text, now=now, public=True
    )


@dataclass(frozen=True)
class Redo:
    """A case reopened after 不满意, with the villager's reason, and its rectification loop (none for a case
    reopened before the loop existed)."""

    case: Case
    reason: str
    at: datetime
    loop: CaseRectification | None = None


def dissatisfied(
    session: Session, cases: list[Case], loops: list[tuple[Case, CaseRectification]] | None = None
) -> list[Redo]:
    """The 督办清单's cases after 不满意: those with an open rectification loop (`loops`, in the viewer's scope),
    and of `cases` (reopened ones in the viewer's scope) those reopened after 不满意 before the loop existed.
    A case whose loop has ended (整改 recorded, or an appeal upheld) leaves the list."""
    out = [Redo(case, row.reason or NO_REASON, row.opened_at, row) for case, row in loops or []]
    shown = {r.case.id for r in out}
    rest = [c for c in cases if c.id not in shown]
    if not rest:
        return out
    ids = [c.id for c in rest]
    had_loop = set(session.scalars(select(CaseRectification.case_id).where(CaseRectification.case_id.in_(ids))))
    events = session.scalars(
        select(CaseEvent)
        .where(
            CaseEvent.case_id.in_(ids),
            CaseEvent.to_status == lifecycle.REOPENED,
            CaseEvent.reason.like(f"{DISSATISFIED}%"),
        )
        .order_by(CaseEvent.id)
    ).all()
    latest = {e.case_id: e for e in events}
    for case in rest:
        event = latest.get(case.id)
        if event is not None and case.id not in had_loop:
            reason = (event.reason or "").removeprefix(DISSATISFIED).lstrip("，,：: ")
            reason = reason.removeprefix("重新办理并督办").lstrip("，,：: ")
            out.append(Redo(case, reason or NO_REASON, event.at))
    return out
