"""Villages where money flows but nobody speaks: payments above a threshold over the last months, and no
scan of a poster, no question and no report (other than the data's own clues) in that time.

Shown on the scan analytics page: a poster may be missing, or people may be afraid. Counted over every
case, whoever may read it, so the flag is for the county's commission and the city only (a town could
otherwise learn that a report it may not read exists).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cases.money.clues import CHANNEL
from cases.timeutil import BEIJING, local_date
from storage.models import Inquiry
from storage.models.cases import Case
from storage.models.money import MoneyPayment
from storage.repos.scans import reports_by_village, scans_by_village

MONTHS = 3
MIN_FEN = 2_000_000  # 20,000 yuan over three months: a few dozen households' monthly benefits


@dataclass(frozen=True)
class SilentVillage:
    code: str
    fen: int  # paid over the months looked at
    payments: int


def _months_back(today: date, months: int) -> date:
    index = today.year * 12 + today.month - 1 - (months - 1)
    return date(index // 12, index % 12 + 1, 1)


def silent_villages(session: Session, *, prefix: str, now: datetime, months: int = MONTHS) -> list[SilentVillage]:
    since = _months_back(local_date(now), months)
    since_at = datetime(since.year, since.month, 1, tzinfo=BEIJING)
    query = (
        select(MoneyPayment.village_code, func.sum(MoneyPayment.amount_fen), func.count())
        .where(MoneyPayment.period_start >= since)
        .group_by(MoneyPayment.village_code)
        .having(func.sum(MoneyPayment.amount_fen) >= MIN_FEN)
    )
    if prefix:
        query = query.where(MoneyPayment.village_code.like(f"{prefix}%"))
    flowing = {code: (int(fen), int(n)) for code, fen, n in session.execute(query)}
    if not flowing:
        return []
    heard = set(scans_by_village(session, since=since, prefix=prefix))
    heard |= set(reports_by_village(session, since=since_at, scope=Case.channel != CHANNEL, prefix=prefix))
    asked = select(Inquiry.village_code).where(Inquiry.created_at >= since_at, Inquiry.village_code.is_not(None))
    heard |= {str(code) for code in session.scalars(asked.distinct())}
    return sorted(
        (SilentVillage(code, fen, n) for code, (fen, n) in flowing.items() if code not in heard),
        key=lambda v: (-v.fen, v.code),
    )
