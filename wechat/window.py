"""Whether WeChat will take a customer-service message for a villager right now, tracked on our side.

Kefu messages are allowed for 48 hours after the villager's last message, at most 5 of them; right
after a follow, a scan or a menu click only a few within a minute. Checking this before calling the
API keeps the quota for case news and avoids calls that can only fail with 45015 or 45047.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from storage.repos.users import UserRecord

WINDOW = timedelta(hours=48)
QUOTA = 5
AFTER_EVENT = timedelta(seconds=60)
QUOTA_AFTER_EVENT = 3


def kefu_refusal(user: UserRecord | None, *, now: datetime) -> str | None:
    """None when a kefu message may go out now, else the reason it may not."""
    if user is None:
        return None  # nothing tracked for this openid: let WeChat decide
    if user.last_message_at is not None and now - user.last_message_at <= WINDOW:
        if user.kefu_sent_in_window >= QUOTA:
            return f"kefu quota of {QUOTA} used in this 48 h window"
        return None
    if now - user.last_seen <= AFTER_EVENT and user.kefu_sent_in_window < QUOTA_AFTER_EVENT:
        return None
    return "outside the 48 h window since the villager's last message"
