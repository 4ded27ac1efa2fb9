"""A household sees its own payments and answers for each: 收到了, 没收到, 金额不对.

A villager links once, with a name from the households register, the last six characters of that
person's ID number and the code the village committee handed the household. Five failures in a
Beijing day lock the holder (a WeChat user or an H5 device) until the next midnight. Several holders
may link one household; the household head sees them and can remove the others. 没收到 and 金额不对
open a case (政策没落实、应享未享) through the one submit service, with the payment attached.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from cases.intake import ratelimit
from cases.intake.submit import SubmitPolicy, Submitted, submit
from cases.money import ids
from cases.money.clues import yuan
from cases.money.items import items
from cases.timeutil import local_date, next_local_midnight
from cases.validation import Channel, ReportInput
from config.privacy import keyed_hash, seal_text, unseal_text
from storage.models.cases import CaseEvidence
from storage.models.money import MoneyConfirmation, MoneyHouseholdCode, MoneyLink, MoneyPayment, MoneyPerson

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read aloud and copied by hand
CODE_LENGTH = 8
LINK_FAILURES_PER_DAY = 5
MONTHS_SHOWN = 24
ANSWERS = {"1": "received", "2": "missing", "3": "wrong_amount"}
ANSWER_WORDS = {"received": "收到了", "missing": "没收到", "wrong_amount": "金额不对"}
HEAD = "户主"


class Refused(Exception):
    """What the villager is told, in Chinese."""


@dataclass(frozen=True)
class CodeCard:
    household_id: str
    head: str  # masked name of the household head (or the first member)
    code: str


@dataclass(frozen=True)
class Member:
    link_id: int
    name: str  # masked
    relation: str
    linked_at: datetime
    is_me: bool


@dataclass(frozen=True)
class PaymentLine:
    payment_id: str
    item: str
    name: str  # masked
    period: str
    amount: str
    paid_on: date
    answer: str | None  # received, missing, wrong_amount


@dataclass(frozen=True)
class Answered:
    answer: str
    submitted: Submitted | None  # the case 没收到 or 金额不对 opened


def _code_hash(household_id: str, code: str) -> str:
    return keyed_hash("money-code", household_id, code.strip().upper())


def issue_codes(session: Session, *, village_code: str, now: datetime, reissue: str | None = None) -> list[CodeCard]:
    """The code of every household of the village, issuing one where none exists (or anew for `reissue`)."""
    people = session.execute(
        select(MoneyPerson.household_id, MoneyPerson.name_mask, MoneyPerson.relation)
        .where(MoneyPerson.village_code == village_code)
        .order_by(MoneyPerson.household_id, MoneyPerson.relation != HEAD, MoneyPerson.person_mask)
    ).all()
    heads: dict[str, str] = {}
    for household_id, name, _ in people:
        heads.setdefault(household_id, name)
    if reissue is not None and reissue not in heads:
        raise Refused(f"本村没有户编号为 {reissue} 的家庭")
    stored = {
        c.household_id: c
        for c in session.scalars(select(MoneyHouseholdCode).where(MoneyHouseholdCode.village_code == village_code))
    }
    cards = []
    for household_id, head in heads.items():
        row = stored.get(household_id)
        if row is None or household_id == reissue:
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if row is None:
                row = MoneyHouseholdCode(household_id=household_id, village_code=village_code)
                session.add(row)
            row.code_hash, row.code_seal, row.issued_at = _code_hash(household_id, code), seal_text(code), now
        cards.append(CodeCard(household_id, head, unseal_text(row.code_seal)))
    session.flush()
    return cards


def link(session: Session, *, holder: str, name: str, last_six: str, code: str, now: datetime) -> Member:
    bucket = f"money-link:{keyed_hash('money-link-holder', holder)[:40]}:{local_date(now).isoformat()}"
    if ratelimit.used(session, bucket=bucket) >= LINK_FAILURES_PER_DAY:
        raise Refused("今天核对失败次数太多，请明天再试，或找村委会核对信息。")
    digits = last_six.strip().upper()
    person = None
    if len(digits) == 6 and name.strip():
        candidates = session.scalars(select(MoneyPerson).where(MoneyPerson.link_hash == ids.link_hash(name, digits)))
        person = next((p for p in candidates if _code_matches(session, p.household_id, code)), None)
    if person is None:
        used = ratelimit.take(session, bucket=bucket, limit=LINK_FAILURES_PER_DAY, expires_at=next_local_midnight(now))
        left = LINK_FAILURES_PER_DAY - used
        raise Refused(
            "姓名、身份证后六位或家庭码不对，请核对后再试"
            + (f"（今天还能试 {left} 次）。" if left else "。今天已不能再试，请明天再来，或找村委会核对。")
        )
    existing = session.scalar(select(MoneyLink).where(MoneyLink.holder == holder))
    if existing is None:
        existing = MoneyLink(holder=holder)
        session.add(existing)
    existing.household_id, existing.person_hash, existing.linked_at = person.household_id, person.person_hash, now
    session.flush()
    return Member(existing.id, person.name_mask, person.relation, now, True)


def _code_matches(session: Session, household_id: str, code: str) -> bool:
    row = session.get(MoneyHouseholdCode, household_id)
    return row is not None and secrets.compare_digest(row.code_hash, _code_hash(household_id, code))


def linked(session: Session, holder: str) -> MoneyLink | None:
    return session.scalar(select(MoneyLink).where(MoneyLink.holder == holder))


def members(session: Session, *, holder: str) -> list[Member]:
    mine = linked(session, holder)
    if mine is None:
        return []
    rows = session.execute(
        select(MoneyLink, MoneyPerson.name_mask, MoneyPerson.relation)
        .join(MoneyPerson, MoneyPerson.person_hash == MoneyLink.person_hash)
        .where(MoneyLink.household_id == mine.household_id)
        .order_by(MoneyLink.linked_at, MoneyLink.id)
    ).all()
    return [Member(link.id, name, relation, link.linked_at, link.holder == holder) for link, name, relation in rows]


def is_head(session: Session, *, holder: str) -> bool:
    return any(m.is_me and m.relation == HEAD for m in members(session, holder=holder))


def unlink(session: Session, *, holder: str, link_id: int) -> None:
    """Anyone may remove their own link; the household head may remove any of the household's."""
    mine = linked(session, holder)
    target = session.get(MoneyLink, link_id)
    if mine is None or target is None or target.household_id != mine.household_id:
        raise Refused("没有找到这个关联。")
    if target.id != mine.id and not is_head(session, holder=holder):
        raise Refused("只有户主可以解除家里其他人的关联。")
    session.delete(target)
    session.flush()


def _since(now: datetime) -> date:
    today = local_date(now)
    months = today.year * 12 + today.month - 1 - (MONTHS_SHOWN - 1)
    return date(months // 12, months % 12 + 1, 1)


def payments(session: Session, *, holder: str, now: datetime) -> list[PaymentLine]:
    """The linked household's payments of the last 24 months, newest first, with this holder's answers."""
    mine = linked(session, holder)
    if mine is None:
        return []
    people = select(MoneyPerson.person_hash).where(MoneyPerson.household_id == mine.household_id)
    answered = and_(MoneyConfirmation.payment_id == MoneyPayment.payment_id, MoneyConfirmation.holder == holder)
    rows = session.execute(
        select(MoneyPayment, MoneyConfirmation.answer)
        .outerjoin(MoneyConfirmation, answered)
        .where(MoneyPayment.person_hash.in_(people), MoneyPayment.period_start >= _since(now))
        .order_by(MoneyPayment.period_start.desc(), MoneyPayment.item, MoneyPayment.payment_id)
    ).all()
    return [
        PaymentLine(p.payment_id, p.item, p.name_mask, p.period, yuan(p.amount_fen), p.paid_on, answer)
        for p, answer in rows
    ]


def answer(
    session: Session,
    *,
    holder: str,
    payment_id: str,
    answer: str,
    openid: str | None,
    channel: Channel,
    policy: SubmitPolicy,
    now: datetime,
    arrived: str | None = None,
) -> Answered:
    """Record the answer; 没收到 and 金额不对 open a case (once per payment, holder and answer). `arrived`:
    for 金额不对, how many yuan the household says reached it, told in the case's text."""
    if answer not in ANSWER_WORDS:
        raise Refused("请回复 1 收到了、2 没收到 或 3 金额不对。")
    line = next((p for p in payments(session, holder=holder, now=now) if p.payment_id == payment_id), None)
    payment = session.get(MoneyPayment, payment_id) if line is not None else None
    if line is None or payment is None:
        raise Refused("没有找到这笔发放记录。")
    row = session.scalar(
        select(MoneyConfirmation).where(MoneyConfirmation.payment_id == payment_id, MoneyConfirmation.holder == holder)
    )
    if row is None:
        row = MoneyConfirmation(payment_id=payment_id, holder=holder)
        session.add(row)
    row.answer, row.at = answer, now
    submitted = None
    if answer != "received":
        submitted = _report(session, holder, payment, line, answer, openid, channel, policy, now, arrived)
        row.case_id = submitted.case_id
    session.flush()
    return Answered(answer, submitted)


# Ends the text of a case filed from 我家补贴: such a case carries the household's payment record, so it is
# "anonymous" only in that no name was left; staff are shown that it points to one household.
FROM_CHECK = "（来自“我家补贴”逐笔核对）"


def from_household_check(description: str) -> bool:
    return description.endswith(FROM_CHECK)


def _report(
    session: Session,
    holder: str,
    payment: MoneyPayment,
    line: PaymentLine,
    answer: str,
    openid: str | None,
    channel: Channel,
    policy: SubmitPolicy,
    now: datetime,
    arrived: str | None = None,
) -> Submitted:
    words = ANSWER_WORDS[answer]
    if answer == "wrong_amount" and arrived is not None:
        words += f"，实际到手 {arrived} 元"
    text = (
        f"我家的{line.item}（{line.name}，所属期 {line.period}，{line.amount} 元，发放编号 {line.payment_id}）{words}。"
        f"{FROM_CHECK}"
    )
    report = ReportInput(
        category="policy",
        description=text,
        village_code=payment.village_code,
        reporter_openid=openid,
        anonymous=True,
        channel=channel,
    )
    key = f"money:{keyed_hash('money-answer', holder, payment.payment_id, answer)[:48]}"
    submitted = submit(session, report=report, key=key, policy=policy, now=now)
    if not submitted.repeated:
        note = (
            f"发放记录 {payment.payment_id}：{payment.item}，所属期 {payment.period}，{yuan(payment.amount_fen)} 元，"
            f"发放日期 {payment.paid_on}，账号 {payment.account_mask}；群众答复：{words}"
        )
        session.add(
            CaseEvidence(
                case_id=submitted.case_id,
                kind="text",
                note=note,
                supplement=False,
                download_status="none",
                created_at=now,
            )
        )
    return submitted


@dataclass(frozen=True)
class Disclosed:
    item: str
    period: str
    recipients: list[tuple[str, str]]  # (masked name, amount in yuan)


def disclosed(session: Session, *, holder: str) -> list[Disclosed]:
    """The linked household's village's lists that are posted anyway (低保, 特困: items.yaml `disclosed`):
    each item's latest period, recipients' names masked as on the village's notice board."""
    mine = linked(session, holder)
    village = (
        session.scalar(select(MoneyPerson.village_code).where(MoneyPerson.person_hash == mine.person_hash))
        if mine
        else None
    )
    if village is None:
        return []
    out = []
    for item in (i.name for i in items().values() if i.disclosed):
        of_item = and_(MoneyPayment.village_code == village, MoneyPayment.item == item)
        latest = session.scalar(select(func.max(MoneyPayment.period)).where(of_item))
        if latest is None:
            continue
        rows = session.execute(
            select(MoneyPayment.name_mask, func.sum(MoneyPayment.amount_fen))
            .where(of_item, MoneyPayment.period == latest)
            .group_by(MoneyPayment.person_hash, MoneyPayment.name_mask)
            .order_by(MoneyPayment.name_mask)
        ).all()
        out.append(Disclosed(item, latest, [(name, yuan(int(fen))) for name, fen in rows]))
    return out
