"""Actions on a case (staff and villager): accept, public reply, close, rate, reopen, add material.

Every status change goes through lifecycle.transition; every action writes an event. The caller
commits. Changes a villager should hear about are queued as notices in the same transaction.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import due_dates, lifecycle, ratings
from cases.evidence.media_jobs import enqueue_download
from cases.handling import rectification, recusal
from cases.identity import IdentityKeys
from cases.notices import contact_openid, notify
from cases.validation import InvalidReport, description_problem
from cases.workdays import Calendar
from storage.models.cases import Case, CaseEvidence
from storage.models.staff import CaseRouting
from storage.repos import users
from storage.repos.users import ConversationState

FINDINGS = ("查实", "部分查实", "不实", "不属于受理范围")
RATINGS = ratings.LABELS  # the five levels of 好差评: 1 非常满意 … 5 非常不满意
RATING_PROMPT = "请回复数字评价办理结果：\n" + "\n".join(f"{n} {label}" for n, label in RATINGS.items())
# Kept with the RATE state, so a bare digit is read on the scale the villager was shown (a prompt sent before
# migration 0021 listed three levels: bot/intents/rating.py reads those through ratings.FROM_THREE_LEVELS).
RATE_SCALE = {"scale": 5}
MEDIA_LIFETIME = timedelta(days=3)
REOPEN_PREFIX = "群众不满意"  # the start of the reason a dissatisfied rating reopens the case with


class CaseNotFound(LookupError):
    pass


def get_case(session: Session, *, number: str) -> Case:
    case = session.scalar(select(Case).where(Case.number == number))
    if case is None:
        raise CaseNotFound(number)
    return case


def _tell(session: Session, case: Case, text: str, keys: IdentityKeys, now: datetime) -> None:
    notify(session, case=case, text=f"您反映的问题（编号 {case.number}）{text}", keys=keys, now=now)


def accept(session: Session, *, case: Case, actor: str, keys: IdentityKeys, now: datetime) -> None:
    lifecycle.transition(session, case=case, to=lifecycle.ACCEPTED, actor=actor, reason=None, now=now)
    _tell(session, case, "已受理，正在核实办理。", keys, now)


def public_reply(session: Session, *, case: Case, text: str, actor: str, keys: IdentityKeys, now: datetime) -> None:
    """A reply the villager sees; it also moves an accepted or in-progress case to 'answered'."""
    if case.status in (lifecycle.ACCEPTED, lifecycle.IN_PROGRESS, lifecycle.REOPENED):
        lifecycle.transition(session, case=case, to=lifecycle.ANSWERED, actor=actor, reason=text, now=now, public=True)
    else:
        lifecycle.record_event(
            session,
            case=case,
            action=lifecycle.EventAction.PUBLIC_REPLY,
            actor=actor,
            reason=text,
            now=now,
            public=True,
        )
    case.public_update, case.public_update_at = text, now
    _tell(session, case, f"有了新答复：\n{text}", keys, now)


def close(
    session: Session,
    *,
    case: Case,
    finding: str,
    resolution: str,
    actor: str,
    keys: IdentityKeys,
    now: datetime,
) -> None:
    """Close with a finding and a resolution; the villager is told and asked to rate."""
    if finding not in FINDINGS:
        raise ValueError(f"finding must be one of {FINDINGS}")
    lifecycle.transition(
        session, case=case, to=lifecycle.CLOSED, actor=actor, reason=f"{finding}：{resolution}", now=now
    )
    case.finding, case.resolution = finding, resolution
    case.public_update, case.public_update_at = f"办理结果：{finding}。{resolution}", now
    case.rating, case.rating_reason, case.rating_excluded = None, None, False
    _tell(session, case, f"已办结。\n结果：{finding}。{resolution}\n\n{RATING_PROMPT}", keys, now)
    _await_rating(session, case, keys, now)


def _await_rating(session: Session, case: Case, keys: IdentityKeys, now: datetime) -> None:
    """Let the villager's next bare digit rate this case, unless they are in the middle of something."""
    openid = contact_openid(case, keys=keys)
    if openid is None:
        return
    conversation = users.load_conversation(session, openid=openid, now=now)
    if conversation.state in (ConversationState.IDLE, ConversationState.ASK, ConversationState.ANSWERED):
        users.save_conversation(
            session, conversation=conversation, state=ConversationState.RATE, data=dict(RATE_SCALE), now=now
        )


def rate(
    session: Session,
    *,
    case: Case,
    rating: int,
    reason: str | None,
    actor: str,
    now: datetime,
    calendar: Calendar,
) -> None:
    """Record one of the five levels (cases/ratings.py). 不满意 and 非常不满意 reopen the case with a new deadline and
    start the rectification loop (回访 and 整改 within the configured working days, cases/handling/rectification.py);
    the case is on the 督办清单 while the loop is open."""
    if rating not in RATINGS:
        raise ValueError("rating must be 1 to 5")
    if case.status != lifecycle.CLOSED or case.rating is not None:
        raise lifecycle.IllegalTransition(case.status, "rated")
    case.rating, case.rating_reason, case.rating_excluded = rating, (reason or None), False
    lifecycle.record_event(
        session, case=case, action=lifecycle.EventAction.RATING, actor=actor, reason=RATINGS[rating], now=now
    )
    if rating in ratings.DISSATISFIED:
        why = reopen_reason(rating, reason)
        lifecycle.transition(session, case=case, to=lifecycle.REOPENED, actor=actor, reason=why, now=now)
        loop = rectification.start(session, case=case, rating=rating, reason=reason or None, now=now, calendar=calendar)
        due_dates.on_rectification(case, loop.due_at, loop.basis)
        routing = session.get(CaseRouting, case.id)
        if routing is not None:  # the new deadline is supervised afresh (cases/handling/triage.py mark_overdue)
            routing.overdue_at = None


def reopen_reason(rating: int, reason: str | None) -> str:
    """The reason a dissatisfied rating reopens the case with: 群众不满意，重新办理并督办 for 不满意 (never
    群众不满意（不满意）), 群众不满意（非常不满意），… when the level says more; then the villager's reason."""
    level = RATINGS[rating]
    said = REOPEN_PREFIX if REOPEN_PREFIX.endswith(level) else f"{REOPEN_PREFIX}（{level}）"
    return f"{said}，重新办理并督办" + (f"：{reason}" if reason else "")


def add_text(session: Session, *, case: Case, text: str, now: datetime) -> CaseEvidence:
    """Material the villager adds to an open case of their own (补充材料)."""
    problem = description_problem(text)
    if problem:
        raise InvalidReport([problem])
    _require_open(case)
    row = CaseEvidence(
        case_id=case.id, kind="text", note=text.strip(), supplement=True, download_status="none", created_at=now
    )
    session.add(row)
    lifecycle.record_event(
        session, case=case, action=lifecycle.EventAction.SUPPLEMENT, actor="villager", reason="文字", now=now
    )
    recusal.recheck_after_supplement(session, case=case, text=row.note or "", now=now)
    return row


def add_media(
    session: Session, *, case: Case, kind: str, media_id: str, media_format: str | None, now: datetime
) -> CaseEvidence:
    if not media_id.strip():
        raise InvalidReport(["照片或语音缺少 MediaId，请重新发送。"])
    _require_open(case)
    row = CaseEvidence(
        case_id=case.id,
        kind=kind,
        media_id=media_id,
        media_format=media_format,
        supplement=True,
        download_status="pending",
        media_expires_at=now + MEDIA_LIFETIME,
        created_at=now,
    )
    session.add(row)
    session.flush()
    enqueue_download(session, evidence=row, now=now)
    lifecycle.record_event(
        session, case=case, action=lifecycle.EventAction.SUPPLEMENT, actor="villager", reason=kind, now=now
    )
    return row


def _require_open(case: Case) -> None:
    if case.status not in lifecycle.OPEN_STATES:
        raise InvalidReport(["这件事已经办结，不能再补充材料。如有新问题，请重新反映。"])
