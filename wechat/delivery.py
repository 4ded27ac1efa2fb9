"""Drain the outbox: send due messages through the WechatApi, one row at a time.

The HTTP call happens outside any database transaction (a token refresh needs its own, and on
SQLite an open write transaction would block every other writer for the length of the call).
Each row is read in one short transaction and marked in another. Delivery is at least once: a
crash between the two resends the row, which its unique key makes harmless.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
from sqlalchemy.orm import Session, sessionmaker

from config.settings import get_settings
from storage.db import transaction
from storage.models import OutboxMessage
from storage.repos import outbox, users
from wechat.api import NotFollowing, OutsideWindow, QuotaUsed, WechatApi, WechatApiError
from wechat.failure_text import errcode_of
from wechat.window import kefu_refusal

log = logging.getLogger(__name__)

KEFU_TEXT = "kefu_text"
TEMPLATE = "template"
# Kefu refusals that only the villager's next message lifts.
_NEEDS_VISIT = (OutsideWindow, NotFollowing, QuotaUsed)


class PermanentFailure(Exception):
    """Raised by a kind handler when retrying cannot help (e.g. a file of the wrong type)."""


class RetryLater(Exception):
    """Raised by a kind handler for an expected failure worth retrying (e.g. the other side answered 503):
    logged as one warning line, without a traceback."""


# Network failures a kind handler's HTTP call can meet (refused, timed out, DNS, reset): expected, so one
# warning line (FailureLog) and a retry, never a traceback.
_NETWORK = (httpx.TransportError, OSError)


@dataclass(frozen=True)
class KindHandler:
    """Work for an outbox kind other than messages (e.g. "media_download"). `run` raises to fail;
    `on_retry` is called, in the transaction that records a failed attempt that will be retried, and
    `on_dead` in the one that marks the row dead, when the work is given up."""

    run: Callable[[WechatApi, dict[str, Any]], None]
    on_dead: Callable[[Session, dict[str, Any], str], None] | None = None
    on_retry: Callable[[Session, dict[str, Any], str], None] | None = None


class FailureLog:
    """A WARNING per failed attempt, at most one a minute per kind (with how many were folded in), so a
    wrong AppSecret is loud in the log without a line per message. Never an openid or message content:
    the kind, the attempt and WeChat's own error text only."""

    def __init__(self, every_s: float = 60.0) -> None:
        self.every_s = every_s
        self._last: dict[str, float] = {}
        self._folded: dict[str, int] = {}

    def attempt_failed(self, kind: str, attempt: int, error: str, *, now_s: float | None = None) -> None:
        now_s = time.monotonic() if now_s is None else now_s
        last = self._last.get(kind)
        if last is not None and now_s - last < self.every_s:
            self._folded[kind] = self._folded.get(kind, 0) + 1
            return
        folded = self._folded.pop(kind, 0)
        self._last[kind] = now_s
        log.warning(
            "outbox %s: attempt %d failed: %s%s",
            kind,
            attempt,
            _one_line(error),
            f" (and {folded} more failures of this kind since the last warning)" if folded else "",
            extra={"fields": {"kind": kind, "attempt": attempt, "errcode": errcode_of(error)}},
        )

    def gave_up(self, kind: str, row_id: int, attempts: int, error: str) -> None:
        log.error(
            "outbox %s: row %d given up after %d attempts: %s",
            kind,
            row_id,
            attempts,
            _one_line(error),
            extra={"fields": {"kind": kind, "attempt": attempts, "errcode": errcode_of(error)}},
        )


def _one_line(error: str) -> str:
    return " ".join(error.split())[:300]


FAILURES = FailureLog()


# The handlers of the kinds beyond messages, by kind: built at composition and handed to deliver_due.
OutboxKinds = Mapping[str, KindHandler]


@dataclass
class DeliveryReport:
    sent: int = 0
    via_template: int = 0  # kefu texts sent as the fallback template (also counted in `sent`)
    held: int = 0
    retrying: int = 0
    dead: int = 0

    @property
    def attempted(self) -> int:
        return self.sent + self.held + self.retrying + self.dead


@dataclass(frozen=True)
class _Job:
    kind: str
    openid: str | None
    payload: dict[str, Any]
    kefu_refusal: str | None = None  # why WeChat would refuse a kefu message now (tracked on our side)


@dataclass(frozen=True)
class _Outcome:
    status: str  # "sent" | "held" | "failed"
    error: str = ""
    permanent: bool = False
    via_template: bool = False


def fallback_template_data(text: str) -> dict[str, Any]:
    """The data of the fallback template: fields `first`, `keyword1`, `remark`."""
    return {
        "first": {"value": "清风：您有一条新消息"},
        "keyword1": {"value": text},
        "remark": {"value": "如需继续办理，请在公众号中回复。"},
    }


def deliver_due(
    *,
    sessions: sessionmaker[Session],
    api: WechatApi,
    now: datetime,
    limit: int = 50,
    template_id: str | None = None,
    kinds: OutboxKinds | None = None,
) -> DeliveryReport:
    """Send up to `limit` due outbox rows; `kinds` does the rows that are not messages (a kind without
    a handler fails for good). `template_id` defaults to QF_WECHAT_TEMPLATE_ID."""
    kinds = kinds or {}
    if template_id is None:
        template_id = get_settings().wechat_template_id
    with transaction(sessions) as session:
        ids = [row.id for row in outbox.due(session, now=now, limit=limit)]
    report = DeliveryReport()
    for row_id in ids:
        with transaction(sessions) as session:
            row = session.get(OutboxMessage, row_id)
            if row is None or row.status != "pending" or row.next_attempt_at > now:
                continue
            refusal = None
            if row.kind == KEFU_TEXT and row.user_key:
                refusal = kefu_refusal(users.kefu_state(session, key=row.user_key), now=now)
            payload = dict(row.payload or {})
            text = outbox.text_of(row)
            if text is not None:
                payload["text"] = text
            job = _Job(kind=row.kind, openid=outbox.recipient(row), payload=payload, kefu_refusal=refusal)
        outcome = _attempt(api, job, template_id or None, kinds)
        with transaction(sessions) as session:
            row = session.get(OutboxMessage, row_id)
            if row is not None:
                _record(session, row, outcome, now, report, kinds)
    return report


def _record(
    session: Session, row: OutboxMessage, outcome: _Outcome, now: datetime, report: DeliveryReport, kinds: OutboxKinds
) -> None:
    payload = dict(row.payload or {})
    if outcome.status == "sent":
        outbox.mark_sent(session, row=row, now=now)
        if row.kind == KEFU_TEXT and row.user_key and not outcome.via_template:
            users.count_kefu_sent(session, key=row.user_key)
        if payload.get("purge_on_send"):
            # Notices about a case: once delivered, no row pairs the villager with the case any more.
            row.payload, row.user_key, row.recipient_seal = {}, None, None
        report.sent += 1
        report.via_template += int(outcome.via_template)
    elif outcome.status == "held":
        outbox.mark_held(session, row=row, error=outcome.error)
        report.held += 1
    else:
        until = payload.get("retry_until")
        retry_until = datetime.fromisoformat(until) if isinstance(until, str) else None
        outbox.mark_failed(
            session, row=row, now=now, error=outcome.error, permanent=outcome.permanent, retry_until=retry_until
        )
        handler = kinds.get(row.kind)
        if row.status == "dead":
            if handler is not None and handler.on_dead is not None:
                handler.on_dead(session, payload, outcome.error)
            report.dead += 1
            FAILURES.gave_up(row.kind, row.id, row.attempts, outcome.error)
        else:
            if handler is not None and handler.on_retry is not None:
                handler.on_retry(session, payload, outcome.error)
            report.retrying += 1
            FAILURES.attempt_failed(row.kind, row.attempts, outcome.error)


def _attempt(api: WechatApi, job: _Job, template_id: str | None, kinds: OutboxKinds) -> _Outcome:
    custom = kinds.get(job.kind)
    if custom is not None:
        return _run_kind(api, job, custom)
    if not job.openid:
        return _Outcome("failed", "no openid", permanent=True)
    try:
        if job.kind == KEFU_TEXT:
            return _send_kefu(api, job.openid, str(job.payload["text"]), template_id, job.kefu_refusal)
        if job.kind == TEMPLATE:
            api.send_template(
                openid=job.openid,
                template_id=str(job.payload["template_id"]),
                data=dict(job.payload["data"]),
                url=job.payload.get("url"),
            )
            return _Outcome("sent")
        return _Outcome("failed", f"unknown outbox kind {job.kind!r}", permanent=True)
    except (KeyError, TypeError, ValueError) as exc:
        return _Outcome("failed", f"bad payload: {exc!r}", permanent=True)
    except WechatApiError as exc:
        return _Outcome("failed", str(exc), permanent=exc.permanent)
    except Exception as exc:  # a bug or an unexpected library error: retry with backoff
        log.exception("outbox delivery failed unexpectedly")
        return _Outcome("failed", repr(exc))


def _send_kefu(api: WechatApi, openid: str, text: str, template_id: str | None, refusal: str | None) -> _Outcome:
    refused: Exception | str
    if refusal is not None:
        # Our own window and quota tracking says WeChat would refuse: don't spend a call on it.
        if template_id is None:
            return _Outcome("held", refusal)
        refused = refusal
    else:
        try:
            api.send_text(openid=openid, text=text)
            return _Outcome("sent")
        except _NEEDS_VISIT as exc:
            if template_id is None:
                return _Outcome("held", str(exc))
            refused = exc
    try:
        api.send_template(openid=openid, template_id=template_id, data=fallback_template_data(text), url=None)
        return _Outcome("sent", via_template=True)
    except NotFollowing as exc:
        return _Outcome("held", str(exc))
    except WechatApiError as exc:
        return _Outcome("failed", f"{refused}; fallback template: {exc}", permanent=exc.permanent)


def _run_kind(api: WechatApi, job: _Job, handler: KindHandler) -> _Outcome:
    try:
        handler.run(api, job.payload)
        return _Outcome("sent")
    except PermanentFailure as exc:
        return _Outcome("failed", str(exc), permanent=True)
    except WechatApiError as exc:
        return _Outcome("failed", str(exc), permanent=exc.permanent)
    except RetryLater as exc:
        return _Outcome("failed", str(exc))
    except _NETWORK as exc:
        return _Outcome("failed", repr(exc))
    except Exception as exc:
        log.exception("outbox %s failed unexpectedly", job.kind)
        return _Outcome("failed", repr(exc))
