"""What a database error means for the edge: try the transaction again, or answer 503.

Shared by the page kernel (handlers/web/page_kernel.py) and the webhook (handlers/webhook/route.py),
so both read a deadlock, a lost race and an outage the same way.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError, OperationalError

RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})  # deadlock_detected, serialization_failure
# SQLite's and PostgreSQL's words for a database that cannot take the write at all (as opposed to an
# error in one message's statements, such as a missing column in a code path only it reaches).
_UNAVAILABLE = ("locked", "busy", "unable to open", "disk i/o", "readonly", "database or disk is full", "connection")


def deadlock_victim(exc: Exception) -> bool:
    """PostgreSQL gave up on this transaction to break a deadlock or a serialisation conflict.

    Two staff bulk actions can take the statistics rollup rows (kept by triggers, migration 0008) in
    opposite orders; the loser's whole transaction rolled back, so running it again is safe.
    """
    return isinstance(exc, OperationalError) and getattr(exc.orig, "sqlstate", None) in RETRYABLE_SQLSTATES


def lost_race(exc: Exception) -> bool:
    """A unique key taken by a concurrent request (two posts of one form), or any database hiccup:
    the villager's pages try the whole transaction again, which is safe as it rolled back."""
    return isinstance(exc, IntegrityError | OperationalError)


def unavailable(exc: OperationalError) -> bool:
    """The database is locked, busy, unreachable or full: waiting again now would not help."""
    text = str(exc.orig).lower()
    return any(word in text for word in _UNAVAILABLE)
