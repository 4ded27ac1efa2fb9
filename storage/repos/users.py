"""WeChat users and their conversation state, as plain records.

Every villager message loads and saves both, so this is the hottest path in the service: the
statements go through storage.fastsql, and records make the changes explicit. Rows are keyed by
`user_key` (a keyed hash of the openid, config.privacy): the openid itself stays in memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from config.privacy import user_key
from storage.fastsql import as_datetime, as_json, fastsql


@dataclass
class UserRecord:
    openid: str  # in memory only: the row is keyed by user_key(openid)
    first_seen: datetime
    last_seen: datetime
    village_code: str | None = None
    subscribed: bool = True
    last_message_at: datetime | None = None
    last_lat: float | None = None
    last_lng: float | None = None
    last_location_at: datetime | None = None
    last_precision_m: float | None = None
    kefu_sent_in_window: int = 0
    _stored: dict[str, Any] | None = field(default=None, repr=False, compare=False)
    # Whether news is held back for them (outbox rows 'held'), as read with the row by
    # touch_user_and_conversation; None when not read.
    _held: bool | None = field(default=None, repr=False, compare=False)

    @property
    def may_have_held_news(self) -> bool:
        return self._held is not False


class ConversationState(StrEnum):
    """Where a villager's conversation stands (conversations.state): the chat's states (bot/intents), and
    the ones the staff desk sets (a question to the reporter, a rating asked for)."""

    IDLE = "idle"
    BIND = "bind"  # choosing the village
    ASK = "ask"  # a policy question
    ANSWERED = "answered"  # after an answer: digits pick among its choices, 转人工 hands it over
    PERSON = "person"  # 转人工: the next message goes to staff
    REPORT = "report"  # the guided report (its draft is a row of its own)
    REPORT_OFFER = "report_offer"  # a story told outright: report it?
    SUPPLEMENT = "supplement"  # messages attach to a case as material
    TRACK = "track"
    RATE = "rate"
    RATE_REASON = "rate_reason"
    PROJECTS = "projects"
    MONEY_LINK = "money_link"
    MONEY_LIST = "money_list"
    MONEY_MEMBERS = "money_members"


def stored_state(text: str) -> ConversationState:
    """The state a conversations row holds; the part before a ':' counts (as the dispatcher always read it),
    and a value no state has (left by an older version) reads as idle."""
    try:
        return ConversationState(text.split(":", 1)[0])
    except ValueError:
        return ConversationState.IDLE


@dataclass
class ConversationRecord:
    openid: str  # in memory only: the row is keyed by user_key(openid)
    state: ConversationState = ConversationState.IDLE
    data: dict[str, Any] = field(default_factory=dict)
    updated_at: datetime | None = None
    _stored: bool = field(default=False, repr=False, compare=False)


_USER_FIELDS = tuple(f.name for f in fields(UserRecord) if not f.name.startswith("_") and f.name != "openid")
_TIMES = ("first_seen", "last_seen", "last_message_at", "last_location_at")
_SELECT_USER = f"SELECT {', '.join(_USER_FIELDS)} FROM wechat_users WHERE user_key = %(key)s"  # noqa: S608
_CONVERSATION = ("conversation_key", "state", "data", "held")
# The user, their conversation and whether news is held for them, in one statement: every message needs
# them, and the held rows' release (an UPDATE) is then sent only when there are some (ix_outbox_openid_status).
# BOTH_LIST names BOTH_COLUMNS over `wechat_users u LEFT JOIN conversations c`, for statements that read them
# with more (storage.repos.arrival); all NULL where there is no user row.
BOTH_LIST = (
    f"{', '.join('u.' + name for name in _USER_FIELDS)}, c.user_key, c.state, c.data, "  # noqa: S608
    "EXISTS (SELECT 1 FROM outbox o WHERE o.user_key = u.user_key AND o.status = 'held')"
)
BOTH_COLUMNS = _USER_FIELDS + _CONVERSATION
_SELECT_BOTH = (
    f"SELECT {BOTH_LIST} "  # noqa: S608
    "FROM wechat_users u LEFT JOIN conversations c ON c.user_key = u.user_key WHERE u.user_key = %(key)s"
)


def _columns(record: UserRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in _USER_FIELDS}


def load_user(session: Session, *, openid: str) -> UserRecord | None:
    return _load(session, key=user_key(openid), openid=openid)


def _load(session: Session, *, key: str, openid: str) -> UserRecord | None:
    row = fastsql(session).one(_SELECT_USER, {"key": key}, _USER_FIELDS)
    return None if row is None else _user(row, openid)


def _user(row: dict[str, Any], openid: str) -> UserRecord:
    for name in _TIMES:
        row[name] = as_datetime(row[name])
    row["subscribed"] = bool(row["subscribed"])
    record = UserRecord(openid=openid, **row)
    record._stored = _columns(record)
    return record


def touch_user(session: Session, *, openid: str, now: datetime, is_message: bool) -> UserRecord:
    """Load or start the user's record, noting when we last heard from them (saved by save_user)."""
    user = load_user(session, openid=openid)
    if user is None:
        _insert_user(session, openid=openid, now=now)
        user = load_user(session, openid=openid)
        assert user is not None
    _touched(user, now=now, is_message=is_message)
    return user


def touch_user_and_conversation(
    session: Session, *, openid: str, now: datetime, is_message: bool
) -> tuple[UserRecord, ConversationRecord]:
    """`touch_user` and `load_conversation` in one statement (a round trip fewer on PostgreSQL)."""
    params = {"key": user_key(openid)}
    row = fastsql(session).one(_SELECT_BOTH, params, _USER_FIELDS + _CONVERSATION)
    if row is None:
        _insert_user(session, openid=openid, now=now)
        row = fastsql(session).one(_SELECT_BOTH, params, _USER_FIELDS + _CONVERSATION)
        assert row is not None
    return touched_from(row, openid=openid, now=now, is_message=is_message)


def touched_from(
    row: dict[str, Any], *, openid: str, now: datetime, is_message: bool
) -> tuple[UserRecord, ConversationRecord]:
    """`touch_user_and_conversation`'s records from a row of BOTH_COLUMNS that found the user."""
    stored, state, data, held = (row.pop(name) for name in _CONVERSATION)
    user = _user(row, openid)
    user._held = bool(held)
    _touched(user, now=now, is_message=is_message)
    if stored is None:
        return user, ConversationRecord(openid=openid, updated_at=now)
    return user, ConversationRecord(openid=openid, state=state, data=as_json(data), _stored=True)


def _insert_user(session: Session, *, openid: str, now: datetime) -> None:
    # Insert-if-absent right away: a second first message racing this one waits here for our
    # commit (PostgreSQL's unique index; SQLite runs writers one at a time) instead of failing.
    fastsql(session).execute(
        "INSERT INTO wechat_users (user_key, first_seen, last_seen, subscribed) "
        "VALUES (%(key)s, %(now)s, %(now)s, %(yes)s) ON CONFLICT (user_key) DO NOTHING",
        {"key": user_key(openid), "now": now, "yes": True},
    )


def _touched(user: UserRecord, *, now: datetime, is_message: bool) -> None:
    user.last_seen = now
    if is_message:
        # The 48-hour customer-service window (and its quota of 5) counts from the villager's last message.
        user.last_message_at = now
        user.kefu_sent_in_window = 0


def save_user(session: Session, *, user: UserRecord) -> None:
    """Update only the columns that changed (touch_user always stores the row first)."""
    values = _columns(user)
    stored = user._stored or {}
    changed = {k: v for k, v in values.items() if stored.get(k) != v}
    if changed:
        sets = ", ".join(f"{k} = %({k})s" for k in changed)
        fastsql(session).later(
            f"UPDATE wechat_users SET {sets} WHERE user_key = %(user_key)s",  # noqa: S608 - column names are ours
            {**changed, "user_key": user_key(user.openid)},
            fold=True,  # with the message's other writes, in one statement (storage.fastsql)
        )
    user._stored = values


def get_user(session: Session, *, openid: str) -> UserRecord | None:
    return load_user(session, openid=openid)


def kefu_state(session: Session, *, key: str) -> UserRecord | None:
    """The user row under `key` (a user_key), with an empty openid: for delivery, which knows only the key."""
    return _load(session, key=key, openid="")


def load_conversation(session: Session, *, openid: str, now: datetime) -> ConversationRecord:
    row = fastsql(session).one(
        "SELECT state, data FROM conversations WHERE user_key = %(key)s", {"key": user_key(openid)}, ("state", "data")
    )
    if row is None:
        return ConversationRecord(openid=openid, updated_at=now)
    return ConversationRecord(openid=openid, state=stored_state(row["state"]), data=as_json(row["data"]), _stored=True)


def save_conversation(
    session: Session,
    *,
    conversation: ConversationRecord,
    state: ConversationState,
    data: dict[str, Any],
    now: datetime,
) -> None:
    params = {"key": user_key(conversation.openid), "state": state, "data": dict(data), "now": now}
    if conversation._stored:
        sql = (
            "UPDATE conversations SET state = %(state)s, data = %(data)s, updated_at = %(now)s WHERE user_key = %(key)s"
        )
    else:
        sql = (
            "INSERT INTO conversations (user_key, state, data, updated_at) "
            "VALUES (%(key)s, %(state)s, %(data)s, %(now)s)"
        )
    # The row's update may share a statement with the message's other writes; its insert goes alone, after
    # the user row it refers to (storage.fastsql).
    fastsql(session).later(sql, params, fold=conversation._stored)
    conversation.state, conversation.data, conversation.updated_at = state, dict(data), now
    conversation._stored = True


def count_kefu_sent(session: Session, *, key: str) -> None:
    """One more customer-service message sent in the current window of the villager with this user_key."""
    fastsql(session).execute(
        "UPDATE wechat_users SET kefu_sent_in_window = kefu_sent_in_window + 1 WHERE user_key = %(key)s",
        {"key": key},
    )
