"""The shared WeChat access token."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import WechatToken


def get(session: Session, *, appid: str, for_update: bool = False) -> WechatToken | None:
    stmt = select(WechatToken).where(WechatToken.appid == appid)
    if for_update and session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    return session.scalar(stmt)


def put(session: Session, *, appid: str, token: str, expires_at: datetime, now: datetime) -> None:
    row = session.get(WechatToken, appid)
    if row is None:
        session.add(WechatToken(appid=appid, access_token=token, expires_at=expires_at, updated_at=now))
    else:
        row.access_token = token
        row.expires_at = expires_at
        row.updated_at = now
    session.flush()


def clear(session: Session, *, appid: str) -> None:
    row = session.get(WechatToken, appid)
    if row is not None:
        session.delete(row)
        session.flush()
