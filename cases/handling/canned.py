"""常用语 (canned replies): short texts a county's 纪委监委 keeps per category and step, which staff insert
into a public reply or a closing result and then adapt. Each county edits its own; the case page offers
the ones of the case's county for its category (and those for every category)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from cases.categories import by_code
from storage.models.desk import CannedReply

STEPS = {"reply": "答复群众", "close": "办结（处理结果）"}
MAX_TEXT = 500


class CannedRefused(ValueError):
    """A canned reply that cannot be saved; the message is shown on the form."""


def for_case(session: Session, *, county_code: str, category: str, step: str) -> list[CannedReply]:
    return list(
        session.scalars(
            select(CannedReply)
            .where(
                CannedReply.county_code == county_code,
                CannedReply.step == step,
                CannedReply.active.is_(True),
                or_(CannedReply.category.is_(None), CannedReply.category == category),
            )
            .order_by(CannedReply.category.is_(None), CannedReply.id)
            .limit(50)
        )
    )


def of_county(session: Session, county_code: str) -> list[CannedReply]:
    return list(
        session.scalars(
            select(CannedReply)
            .where(CannedReply.county_code == county_code)
            .order_by(CannedReply.active.desc(), CannedReply.step, CannedReply.category, CannedReply.id)
            .limit(500)
        )
    )


def save(
    session: Session,
    *,
    county_code: str,
    reply_id: int | None,
    category: str,
    step: str,
    text: str,
    active: bool,
    actor: str,
    now: datetime,
) -> CannedReply:
    body = (text or "").strip()
    if step not in STEPS:
        raise CannedRefused("请选择用在哪一步（答复群众或办结）。")
    if category and by_code(category) is None:
        raise CannedRefused("问题类别无效。")
    if not 2 <= len(body) <= MAX_TEXT:
        raise CannedRefused(f"常用语请写 2 到 {MAX_TEXT} 字。")
    row = session.get(CannedReply, reply_id) if reply_id is not None else None
    if reply_id is not None and (row is None or row.county_code != county_code):
        raise CannedRefused("没有这条常用语。")
    if row is None:
        row = CannedReply(county_code=county_code)
        session.add(row)
    row.category, row.step, row.text, row.active = category or None, step, body, active
    row.updated_by, row.updated_at = actor[:64], now
    session.flush()
    return row
