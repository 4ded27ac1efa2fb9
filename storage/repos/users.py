"""WeChat users and their conversation state, as plain records read and written with Core SQL.

Every villager message loads and saves both, so this is the hottest path in the service: Core
statements cost a fraction of the ORM's unit of work, and records make the changes explicit.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from storage.models import Conversation, WechatUser, table

_USER = table(WechatUser)
_CONV = table(Conversation)


@dataclass
class UserRecord:
    openid: str
    first_seen: datetime
    last_seen: datetime
    village_code: str | None = None
    subscribed: bool = True
    last_message_at: datetime | None = None
    last_lat: float | None = None
    last_lng: float | None = None
    last_location_at: datetime | None = None
    _stored: dict[str, Any] | None = field(default=None, repr=False, compare=False)


@dataclass
class ConversationRecord:
    openid: str
    state: str = "idle"
    data: dict[str, Any] = field(default_factory=dict)
    updated_at: datetime | None = None
    _stored: bool = field(default=False, repr=False, compare=False)


_USER_FIELDS = tuple(f.name for f in fields(UserRecord) if not f.name.startswith("_"))


def _columns(record: UserRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in _USER_FIELDS}


def load_user(session: Session, *, openid: str) -> UserRecord | None:
    row = session.execute(select(_USER).where(_USER.c.openid == openid)).mappings().first()
    if row is None:
        return None
    record = UserRecord(**{k: row[k] for k in _USER_FIELDS})
    record._stored = _columns(record)
    return record


def touch_user(session: Session, *, openid: str, now: datetime, is_message: bool) -> UserRecord:
    """Load or start the user's record, noting when we last heard from them (saved by save_user)."""
    user = load_user(session, openid=openid)
    if user is None:
        # Insert-if-absent right away: a second first message racing this one waits here for our
        # commit (PostgreSQL's unique index; SQLite runs writers one at a time) instead of failing.
        dialect_insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        stmt = dialect_insert(_USER).values(openid=openid, first_seen=now, last_seen=now, subscribed=True)
        session.execute(stmt.on_conflict_do_nothing(index_elements=["openid"]))
        user = load_user(session, openid=openid)
        assert user is not None
    user.last_seen = now
    if is_message:
        # The 48-hour customer-service window counts from the villager's last message.
        user.last_message_at = now
    return user


def save_user(session: Session, *, user: UserRecord) -> None:
    """Insert a new user, or update only the columns that changed."""
    values = _columns(user)
    if user._stored is None:
        session.execute(insert(_USER).values(**values))
    else:
        changed = {k: v for k, v in values.items() if user._stored.get(k) != v}
        if changed:
            session.execute(update(_USER).where(_USER.c.openid == user.openid).values(**changed))
    user._stored = values


def get_user(session: Session, *, openid: str) -> UserRecord | None:
    return load_user(session, openid=openid)


def load_conversation(session: Session, *, openid: str, now: datetime) -> ConversationRecord:
    row = session.execute(select(_CONV.c.state, _CONV.c.data).where(_CONV.c.openid == openid)).first()
    if row is None:
        return ConversationRecord(openid=openid, updated_at=now)
    return ConversationRecord(openid=openid, state=row.state, data=dict(row.data or {}), _stored=True)


def save_conversation(
    session: Session, *, conversation: ConversationRecord, state: str, data: dict[str, Any], now: datetime
) -> None:
    values = {"state": state, "data": dict(data), "updated_at": now}
    if conversation._stored:
        session.execute(update(_CONV).where(_CONV.c.openid == conversation.openid).values(**values))
    else:
        session.execute(insert(_CONV).values(openid=conversation.openid, **values))
    conversation.state, conversation.data, conversation.updated_at = state, dict(data), now
    conversation._stored = True
