from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from storage.models import Conversation, WechatUser


def touch_user(session: Session, *, openid: str, now: datetime, is_message: bool) -> WechatUser:
    """Load or create the user, updating when we last heard from them."""
    user = session.get(WechatUser, openid)
    if user is None:
        user = WechatUser(openid=openid, first_seen=now, last_seen=now, subscribed=True)
        session.add(user)
    user.last_seen = now
    if is_message:
        # The 48-hour customer-service window counts from the villager's last message.
        user.last_message_at = now
    return user


def get_user(session: Session, *, openid: str) -> WechatUser | None:
    return session.get(WechatUser, openid)


def load_conversation(session: Session, *, openid: str, now: datetime) -> Conversation:
    conv = session.get(Conversation, openid)
    if conv is None:
        conv = Conversation(openid=openid, state="idle", data={}, updated_at=now)
        session.add(conv)
    return conv


def save_conversation(
    session: Session, *, conversation: Conversation, state: str, data: dict[str, object], now: datetime
) -> None:
    conversation.state = state
    conversation.data = dict(data)  # a new object so SQLAlchemy sees the JSON change
    conversation.updated_at = now
