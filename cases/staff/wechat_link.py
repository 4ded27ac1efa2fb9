"""A staff member's WeChat, linked to their account by scanning a temporary QR code on their own page.

The code's scene is `staff-<token>`: a one-time token (kept only as its keyed hash) that expires after
LINK_TTL and is spent by the first scan. Village posters carry 12 digits, so the prefix keeps the two
apart. The scan links the scanner's openid (sealed, with a keyed hash so one WeChat serves one account)
to the account, in its own table: nothing ties it to the villagers' tables or to any report.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from config.privacy import SealBroken, keyed_hash, seal_text, unseal_text
from storage.models.staff import AuditEntry, StaffUser, StaffWechatLink, StaffWechatToken, Unit

PREFIX = "staff-"
LINK_TTL = timedelta(minutes=10)
_TOKEN_BYTES = 24  # 32 URL-safe characters: the scene stays under WeChat's 64

LINKED = "已绑定清风工作台账号（{name}）。今后有新案件、催办、督办等工作提醒时，将通过本公众号通知您。"
REFUSED = "这个绑定二维码已失效或无法识别。请在清风工作台“我的账号”页面重新生成二维码后再扫码。"
TAKEN = "这个微信已绑定另一个工作台账号。如需改绑，请先在原账号的“我的账号”页面解除绑定。"


@dataclass(frozen=True)
class LinkCode:
    scene: str
    expires_at: datetime


def is_staff_scene(scene: str) -> bool:
    return scene.strip().startswith(PREFIX)


def _hash(token: str) -> str:
    return keyed_hash("staff-wechat-link", token)


def _openid_hash(openid: str) -> str:
    return keyed_hash("staff-wechat-openid", openid)


def new_code(session: Session, *, user: StaffUser, now: datetime) -> LinkCode:
    """A fresh one-time scene for `user`; their earlier codes stop working (one row per account at most)."""
    session.execute(delete(StaffWechatToken).where(StaffWechatToken.user_id == user.id))
    token = secrets.token_urlsafe(_TOKEN_BYTES)
    expires = now + LINK_TTL
    session.add(StaffWechatToken(user_id=user.id, token_hash=_hash(token), created_at=now, expires_at=expires))
    session.flush()
    return LinkCode(scene=PREFIX + token, expires_at=expires)


def link_from_scan(session: Session, *, scene: str, openid: str, now: datetime) -> str:
    """Spend the scanned token and link `openid` to its account; the reply for the scanner (always polite)."""
    token = scene.strip()[len(PREFIX) :]
    row = session.scalar(select(StaffWechatToken).where(StaffWechatToken.token_hash == _hash(token)).limit(1))
    if row is None or row.used_at is not None or row.expires_at <= now:
        return REFUSED
    user = session.get(StaffUser, row.user_id)
    if user is None or not user.active:
        return REFUSED
    row.used_at = now
    digest = _openid_hash(openid)
    other = session.scalar(select(StaffWechatLink).where(StaffWechatLink.openid_hash == digest))
    if other is not None and other.user_id != user.id:
        return TAKEN
    link = session.get(StaffWechatLink, user.id)
    if link is None:
        session.add(StaffWechatLink(user_id=user.id, openid_hash=digest, openid_seal=seal_text(openid), linked_at=now))
    else:
        link.openid_hash, link.openid_seal, link.linked_at = digest, seal_text(openid), now
    _audit(session, user, "wechat_link", now)
    return LINKED.format(name=user.display_name)


def unlink(session: Session, *, user: StaffUser, now: datetime) -> bool:
    """Forget the account's WeChat; False when none was linked."""
    link = session.get(StaffWechatLink, user.id)
    if link is None:
        return False
    session.delete(link)
    _audit(session, user, "wechat_unlink", now)
    return True


def linked_at(session: Session, user_id: int) -> datetime | None:
    link = session.get(StaffWechatLink, user_id)
    return link.linked_at if link is not None else None


def openid_of(session: Session, user_id: int) -> str | None:
    """The linked openid, or None (also when its seal no longer opens: the member links again)."""
    link = session.get(StaffWechatLink, user_id)
    if link is None:
        return None
    try:
        return unseal_text(link.openid_seal)
    except SealBroken:
        return None


def _audit(session: Session, user: StaffUser, action: str, now: datetime) -> None:
    unit = session.get(Unit, user.unit_code)
    session.add(
        AuditEntry(
            at=now,
            username=user.username,
            action=action,
            case_id=None,
            detail={},
            county_code=unit.county_code if unit is not None else None,
        )
    )
