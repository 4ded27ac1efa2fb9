"""A webhook message's arrival on PostgreSQL, in one statement (issue #23).

The nonce claim, the ledger claim and the villager's user row with their conversation go as one
data-modifying CTE instead of four statements (nonce claim, advisory lock, ledger look-up, user):
psycopg's work per statement was most of the app's CPU a message, and each statement costs the server
its own executor start. The ledger is claimed by inserting the message's row at once (its reply is
filled in before COMMIT, storage.repos.ledger.keep_reply), ON CONFLICT DO NOTHING: a concurrent retry
of the same message waits on the primary key until the first commits, as it waited on the advisory
lock before, and then claims nothing. The primary key, not the lock, was always what made a second
effect impossible.

One statement has one snapshot: what its look-ups read is from before any wait for a conflicting row.
So a claim that found the row taken is followed by fresh look-ups (the nonce's holder, the earlier
reply), in statements of their own; that happens only for retries. The user row read with a claim that
succeeded is as fresh as before: nothing was waited for. SQLite keeps its statements
(bot.exactly_once): it has no data-modifying CTE, and a statement there is a function call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from config.privacy import user_key
from storage.fastsql import fastsql
from storage.repos import ledger, nonces
from storage.repos.users import BOTH_COLUMNS, BOTH_LIST, ConversationRecord, UserRecord, touched_from

_FROM = (
    " FROM (SELECT 1) AS one LEFT JOIN wechat_users u ON u.user_key = %(user)s"
    " LEFT JOIN conversations c ON c.user_key = u.user_key"
)
_CLAIM = (
    "claim AS (INSERT INTO processed_messages (key, received_at, reply) VALUES (%(message)s, CURRENT_TIMESTAMP, '') "
    "ON CONFLICT (key) DO NOTHING RETURNING 1)"
)
_NONCE = (
    "nonce AS (INSERT INTO webhook_nonces (key, message_key, expires_at) VALUES (%(nonce)s, %(message)s, %(expires)s) "
    "ON CONFLICT (key) DO NOTHING RETURNING 1)"
)
# Column lists and table names are ours; every value is a parameter.
_WITH_NONCE = (
    f"WITH {_NONCE}, {_CLAIM} "  # noqa: S608
    f"SELECT (SELECT count(*) FROM nonce), (SELECT count(*) FROM claim), {BOTH_LIST}{_FROM}"
)
_WITHOUT_NONCE = f"WITH {_CLAIM} SELECT 1, (SELECT count(*) FROM claim), {BOTH_LIST}{_FROM}"  # noqa: S608
_COLUMNS = ("nonce_claimed", "claimed", *BOTH_COLUMNS)


@dataclass(frozen=True, slots=True)
class Arrival:
    nonce_refused: bool  # the request's nonce already carried another message
    earlier: str | None  # the reply recorded for this message before ('' when none), None when it is new
    # The villager and their conversation, touched, when the message is new and the user row exists.
    loaded: tuple[UserRecord, ConversationRecord] | None


def arrive(
    session: Session,
    *,
    message_key: str,
    openid: str,
    nonce_key: str | None,
    nonce_expires: datetime | None,
    now: datetime,
    is_message: bool,
) -> Arrival:
    """Claim the message (and its nonce) and read its villager, in one statement (PostgreSQL only).

    A claimed message's ledger row must get its reply and time (ledger.keep_reply) in the same transaction.
    `now` is not sent: asked ahead (storage.fastsql), the call ends at the statement, and is made again.
    """
    params: dict[str, object] = {"message": message_key, "user": user_key(openid)}
    if nonce_key is not None:
        params |= {"nonce": nonce_key, "expires": nonce_expires}
    row = fastsql(session).one(_WITH_NONCE if nonce_key is not None else _WITHOUT_NONCE, params, _COLUMNS)
    assert row is not None  # one row, whatever it found
    nonce_claimed, claimed = row.pop("nonce_claimed"), row.pop("claimed")
    refused = (
        not nonce_claimed
        and nonce_key is not None
        and not nonces.carries(session, key=nonce_key, message_key=message_key)
    )
    if refused or not claimed:
        # Taken, by an earlier or concurrent copy (committed by now), or earlier in this transaction.
        earlier = None if refused else ledger.recorded_reply(session, key=message_key)
        return Arrival(nonce_refused=refused, earlier="" if earlier is None and not refused else earlier, loaded=None)
    if row["first_seen"] is None:  # no user row yet: bot.conversation makes it
        return Arrival(nonce_refused=False, earlier=None, loaded=None)
    return Arrival(
        nonce_refused=False, earlier=None, loaded=touched_from(row, openid=openid, now=now, is_message=is_message)
    )
