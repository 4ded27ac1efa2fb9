"""Findings become clues (线索) in the case queue, once each, routed like villagers' reports.

A clue is a case of channel `data` (大数据比对) submitted with the key `clue:<finding key>`, so a rerun
finds the same case and raises no second one. The case lists its payments as text evidence. A finding
that a later run no longer sees (the data were corrected) is noted on its case; one that comes back
is noted too.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from cases import lifecycle
from cases.handling.case_steps import FINDINGS
from cases.intake.submit import SubmitPolicy, submit
from cases.money.checks import Finding, Rule, find_all, rules
from cases.validation import Channel, ReportInput
from config.privacy import keyed_hash
from storage.models.cases import Case, CaseEvidence
from storage.models.money import MoneyClue, MoneyRun

CHANNEL = Channel.DATA
CHANNEL_LABEL = "大数据比对"
RISK_CATEGORY = "poverty_risk"  # early warnings: to the agriculture bureau, not the discipline commission
MAX_EVIDENCE_ROWS = 60
_CHUNK = 500


@dataclass(frozen=True)
class ClueOut:
    rule: str
    village_code: str
    person: str  # masked
    item: str
    period: str
    amount: str  # yuan, two decimals
    evidence: tuple[str, ...]
    case_number: str
    new: bool


def yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


def finding_key(finding: Finding) -> str:
    return keyed_hash("money-clue", finding.rule, *finding.key)


def run(
    session: Session, *, policy: SubmitPolicy, now: datetime, county: str | None = None, trigger: str = "cli"
) -> list[ClueOut]:
    """Run every rule, raise a clue for each new finding, refresh the others, note the ones now gone."""
    started = time.perf_counter()
    findings = find_all(session, county=county)
    keyed = {finding_key(f): f for f in findings}
    stored = _stored(session, list(keyed))
    out = []
    for key, finding in keyed.items():
        clue = stored.get(key)
        new = clue is None
        if clue is None:
            clue = _raise(session, key, finding, policy, now)
        else:
            _refresh(session, clue, finding, now)
        case = session.get(Case, clue.case_id) if clue.case_id else None
        out.append(_out(finding, case.number if case is not None else "", new))
    _note_gone(session, seen=set(keyed), county=county, now=now)
    session.add(
        MoneyRun(
            started_at=now,
            county_code=county[:6] if county else None,
            trigger=trigger,
            findings=len(out),
            new_clues=sum(c.new for c in out),
            seconds=round(time.perf_counter() - started, 3),
        )
    )
    session.flush()
    return out


def _stored(session: Session, keys: Sequence[str]) -> dict[str, MoneyClue]:
    found: dict[str, MoneyClue] = {}
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        found.update(
            (c.finding_key, c) for c in session.scalars(select(MoneyClue).where(MoneyClue.finding_key.in_(chunk)))
        )
    return found


def describe(rule: Rule, finding: Finding) -> str:
    who = "、".join(f"{n}（{p}）" for n, p in zip(finding.names[:5], finding.people[:5], strict=False))
    if len(finding.people) > 5:
        who += f"等 {len(finding.people)} 人"
    risk = rule.category == RISK_CATEGORY
    return (
        f"【{CHANNEL_LABEL}{'·返贫风险预警' if risk else '线索'}·{rule.name}】{rule.description}"
        f"涉及：{who}；项目：{finding.item}；所属期：{finding.period}；"
        f"{len(finding.payments)} 笔，共 {yuan(finding.amount_fen)} 元。依据：{rule.basis}。"
        + (
            "本提示由数据比对产生，是返贫风险预警，不是违纪线索，请入户核实帮扶。"
            if risk
            else "本线索由数据比对产生，需核实，不代表已查实。"
        )
    )


def _raise(session: Session, key: str, finding: Finding, policy: SubmitPolicy, now: datetime) -> MoneyClue:
    rule = rules()[finding.rule]
    report = ReportInput(
        category=rule.category,
        description=describe(rule, finding)[:2000],
        village_code=finding.village_code,
        reporter_openid=None,
        anonymous=True,
        cadre_level=rule.accused,
        cadre_level_inferred=True,  # the comparison rule set the level; no villager chose it
        channel=CHANNEL,
    )
    submitted = submit(session, report=report, key=f"clue:{key}", policy=policy, now=now)
    case = session.get(Case, submitted.case_id)
    assert case is not None
    _list_payments(session, case, finding, now)
    clue = MoneyClue(
        finding_key=key,
        rule=finding.rule,
        county_code=finding.village_code[:6],
        village_code=finding.village_code,
        person_mask=finding.people[0]
        if len(finding.people) == 1
        else f"{finding.people[0]} 等 {len(finding.people)} 人",
        item=finding.item[:32],
        period=finding.period,
        amount_fen=finding.amount_fen,
        evidence=finding.payments,
        case_id=case.id,
        first_seen_at=now,
        last_seen_at=now,
        gone_at=None,
    )
    session.add(clue)
    session.flush()
    return clue


def _list_payments(session: Session, case: Case, finding: Finding, now: datetime) -> None:
    for payment_id in finding.payments[:MAX_EVIDENCE_ROWS]:
        session.add(
            CaseEvidence(
                case_id=case.id,
                kind="text",
                note=f"发放记录 {payment_id}",
                supplement=False,
                download_status="none",
                created_at=now,
            )
        )
    if len(finding.payments) > MAX_EVIDENCE_ROWS:
        rest = len(finding.payments) - MAX_EVIDENCE_ROWS
        note = f"另有 {rest} 笔发放记录，见“补贴比对”页"
        session.add(
            CaseEvidence(
                case_id=case.id, kind="text", note=note, supplement=False, download_status="none", created_at=now
            )
        )


def _refresh(session: Session, clue: MoneyClue, finding: Finding, now: datetime) -> None:
    case = session.get(Case, clue.case_id) if clue.case_id else None
    if clue.gone_at is not None and case is not None:
        lifecycle.record_event(
            session,
            case=case,
            action=lifecycle.EventAction.NOTE,
            actor="system",
            reason="数据比对再次发现此线索。",
            now=now,
        )
    added = [p for p in finding.payments if p not in clue.evidence]
    if added and case is not None:
        reason = f"数据比对新增 {len(added)} 笔相关发放记录：{'、'.join(added[:20])}"
        lifecycle.record_event(
            session, case=case, action=lifecycle.EventAction.NOTE, actor="system", reason=reason, now=now
        )
        clue.evidence = list(finding.payments)
        clue.amount_fen, clue.period = finding.amount_fen, finding.period
    clue.last_seen_at, clue.gone_at = now, None


def _note_gone(session: Session, *, seen: set[str], county: str | None, now: datetime) -> None:
    query = select(MoneyClue).where(MoneyClue.gone_at.is_(None), MoneyClue.last_seen_at < now)
    if county:
        query = query.where(MoneyClue.county_code == county[:6])
    for clue in session.scalars(query):
        if clue.finding_key in seen:
            continue
        clue.gone_at = now
        case = session.get(Case, clue.case_id) if clue.case_id else None
        if case is not None:
            reason = "复核时数据比对已不再发现此问题（数据可能已更正），请核实后办结。"
            lifecycle.record_event(
                session, case=case, action=lifecycle.EventAction.NOTE, actor="system", reason=reason, now=now
            )


def _out(finding: Finding, number: str, new: bool) -> ClueOut:
    return ClueOut(
        rule=finding.rule,
        village_code=finding.village_code,
        person=finding.people[0] if len(finding.people) == 1 else "、".join(finding.people[:5]),
        item=finding.item,
        period=finding.period,
        amount=yuan(finding.amount_fen),
        evidence=tuple(finding.payments),
        case_number=number,
        new=new,
    )


@dataclass
class RuleTally:
    """A rule's clues that a viewer may see: how many, how many still open, how staff found them."""

    clues: int = 0
    open: int = 0
    gone: int = 0
    findings: dict[str, int] = field(default_factory=dict)  # 查实, 部分查实, 不实, 不属于受理范围

    @property
    def precision(self) -> float | None:
        """The share of 查实 among the clues closed as 查实, 部分查实 or 不实 (None before any is)."""
        judged = sum(self.findings.get(f, 0) for f in FINDINGS[:3])
        return self.findings.get(FINDINGS[0], 0) / judged if judged else None


def tallies(session: Session, *, scope: ColumnElement[bool], county: str) -> dict[str, RuleTally]:
    """Per rule, over the clues of `county` (6 digits; '' for all) whose cases `scope` lets the viewer see."""
    gone = MoneyClue.gone_at.is_not(None)
    query = (
        select(MoneyClue.rule, Case.status, Case.finding, gone, func.count())
        .join(Case, Case.id == MoneyClue.case_id)
        .where(scope)
        .group_by(MoneyClue.rule, Case.status, Case.finding, gone)
    )
    if county:
        query = query.where(MoneyClue.county_code == county)
    found: dict[str, RuleTally] = {}
    for rule, status, finding, is_gone, n in session.execute(query):
        t = found.setdefault(rule, RuleTally())
        t.clues += n
        t.open += n if status in lifecycle.OPEN_STATES else 0
        t.gone += n if is_gone else 0
        if finding:
            t.findings[finding] = t.findings.get(finding, 0) + n
    return found
