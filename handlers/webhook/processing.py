"""What a message does once its request is trusted: the ledger, the conversation and the answer, in one
transaction per batch (SQLite: one writer thread; PostgreSQL: two writers, the batch's reads asked ahead in
one round trip). The HTTP side (signature, freshness, body, reply bytes) is handlers/webhook/route.py."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bot.context import Reply, Services
from bot.conversation import handle
from bot.dispatcher import Dispatcher
from bot.exactly_once import earlier_reply, ledger_key, record
from config.settings import Settings
from handlers.api.observability import Metrics
from handlers.web import db_errors
from handlers.webhook.batch_writer import BatchWriter
from handlers.webhook.budget import Budget
from handlers.webhook.threads import Writers
from storage.db import transaction
from storage.fastsql import fastsql
from storage.repos import arrival, nonces
from storage.types import utcnow
from wechat.crypto import SafeMode
from wechat.inbound import Inbound

log = logging.getLogger("qingfeng.webhook")
CLAIM_ATTEMPTS = 3


@dataclass
class Webhook:
    settings: Settings
    sessions: sessionmaker[Session]
    dispatcher: Dispatcher
    services: Services
    metrics: Metrics

    def __post_init__(self) -> None:
        # Several messages per transaction when they queue up (group commit): on SQLite one writer thread
        # (handlers.webhook.batch_writer), on PostgreSQL a few, a sender's messages always on the same one
        # (handlers.webhook.threads).
        sqlite = self.sqlite = self.sessions.kw["bind"].dialect.name == "sqlite"
        self.writer: BatchWriter[Job, Reply | None] | Writers[Job, Reply | None] = (
            BatchWriter(self.process_batch) if sqlite else Writers(self.process_batch, shard=_sender)
        )
        s = self.settings
        self.safe = SafeMode(
            token=s.wechat_token, appid=s.wechat_appid, aes_keys=[s.wechat_aes_key, s.wechat_aes_key_previous]
        )

    def process(self, message: Inbound, budget: Budget, nonce: Nonce | None = None) -> Reply | None:
        """Do the work once; a duplicate gets the reply recorded the first time (runs in a worker thread).

        Raises ReplayedNonce when the request's nonce already carried another message.
        """
        for _ in range(CLAIM_ATTEMPTS):
            try:
                with transaction(self.sessions) as session:
                    self._ask_ahead(session, [(message, budget, nonce)])
                    answer = self._work(session, message, budget, nonce)
                return self._answered(answer)
            except IntegrityError:
                # A concurrent retry committed first (its ledger row now exists), or a race on another
                # row such as two first messages of a new user: loop, and the re-check tells which.
                continue
        raise RuntimeError("could not record message after retries")

    def process_batch(self, jobs: Sequence[Job]) -> list[Reply | Exception | None]:
        """Several messages in one transaction (group commit); each answer is released after COMMIT.

        If any message fails, or the commit does, nothing of the batch was kept: each message then
        runs again alone, in its own transaction, so one bad message costs the others nothing.
        """
        if len(jobs) > 1:
            try:
                with transaction(self.sessions) as session:
                    answers = []
                    for (message, budget, *nonce), tag in zip(jobs, self._ask_ahead(session, jobs), strict=True):
                        answers.append(self._work(session, message, budget, nonce[0] if nonce else None))
                        if tag is not None:
                            fastsql(session).forget_ahead(tag)
                        # The next message's plain SQL (storage.fastsql) must see this one's ORM changes.
                        session.flush()
                return [self._answered(answer) for answer in answers]
            except Exception as exc:
                if (
                    isinstance(exc, OperationalError)
                    and db_errors.unavailable(exc)
                    and not db_errors.deadlock_victim(exc)  # PostgreSQL chose this batch to break a deadlock
                ):
                    return [exc] * len(jobs)  # running them alone would only wait out the same lock again
                log.info("batch rolled back; its messages run one by one", extra={"fields": {"size": len(jobs)}})
        return [self._alone(message, budget, nonce[0] if nonce else None) for message, budget, *nonce in jobs]

    def _alone(self, message: Inbound, budget: Budget, nonce: Nonce | None) -> Reply | Exception | None:
        try:
            return self.process(message, budget, nonce)
        except Exception as exc:  # the request turns it into a 503 or an apology
            return exc

    def _ask_ahead(self, session: Session, jobs: Sequence[Job]) -> list[object | None]:
        """PostgreSQL: BEGIN, and each message's arrival (nonce and ledger claims, user with conversation:
        one statement, storage.repos.arrival), all in one round trip; `_work` then finds their answers
        (storage.fastsql, asking ahead). Only the first message of each sender asks ahead: a later one may
        be a retry of it or find rows it changed, so it asks as it goes. The tags to forget after each
        message (None: nothing asked).
        """
        if self.sqlite:
            return [None] * len(jobs)
        sql = fastsql(session)
        senders: set[str] = set()
        tags: list[object | None] = []
        now = utcnow()  # not sent: the statement ends the call before the user's times are set
        firsts: list[tuple[str, object, Inbound, Nonce | None]] = []
        for message, _budget, *signed in jobs:
            if message.openid in senders:
                tags.append(None)
                continue
            senders.add(message.openid)
            tag = object()
            tags.append(tag)
            firsts.append((ledger_key(message), tag, message, signed[0] if signed else None))
        # The claims in the order of their keys, in every batch of every process: two batches holding
        # retries of the same messages (a process each) cannot each wait for the other's. (Of two messages
        # with one nonce, the one whose key sorts first claims it: the other's refusal runs the batch's
        # messages alone, in the batch's order.)
        for key, tag, message, nonce in sorted(firsts, key=lambda first: first[0]):
            sql.ahead(tag, _arrive, session, message, key, nonce, now)
        sql.send_ahead()
        return tags

    def _work(self, session: Session, message: Inbound, budget: Budget, nonce: Nonce | None) -> _Answer:
        if not self.sqlite:
            return self._work_pg(session, message, budget, nonce)
        # The claim commits with the message's ledger row: a retry of the same message may reuse the
        # nonce (or bring a new one), another message may not. Its verdict is read after the ledger
        # look-up, so that on PostgreSQL both go in one round trip (storage.fastsql).
        claimed = (
            nonces.claim_later(session, key=nonce.key, message_key=ledger_key(message), expires_at=nonce.expires_at)
            if nonce is not None
            else None
        )
        previous = earlier_reply(session, message=message)
        if claimed is not None and not claimed():
            raise ReplayedNonce
        if previous is not None:
            return _Answer(Reply(previous) if previous else None, late=False)
        now = utcnow()
        reply = handle(session, message=message, now=now, services=self.services, dispatcher=self.dispatcher)
        inline = budget.finish_inline()
        record(session, message=message, reply=reply, inline=inline, now=now)
        return _Answer(reply if inline else None, late=not inline)

    def _work_pg(self, session: Session, message: Inbound, budget: Budget, nonce: Nonce | None) -> _Answer:
        # One statement claims the nonce and the message and reads the villager (storage.repos.arrival),
        # answered from the batch's round trip when it was asked ahead.
        now = utcnow()
        key = ledger_key(message)
        came = _arrive(session, message, key, nonce, now)
        if came.nonce_refused:
            raise ReplayedNonce
        if came.earlier is not None:
            return _Answer(Reply(came.earlier) if came.earlier else None, late=False)
        reply = handle(
            session, message=message, now=now, services=self.services, dispatcher=self.dispatcher, loaded=came.loaded
        )
        inline = budget.finish_inline()
        record(session, message=message, reply=reply, inline=inline, now=now, claimed=True)
        return _Answer(reply if inline else None, late=not inline)

    def _answered(self, answer: _Answer) -> Reply | None:
        """Called once the answer's transaction has committed."""
        if answer.late:
            self.metrics.late_replies.inc()
        return answer.reply


class ReplayedNonce(Exception):
    """The signed request's nonce already carried another message: a replayed or forged request."""


@dataclass(frozen=True, slots=True)
class Nonce:
    key: str  # storage.repos.nonces.nonce_key(timestamp, nonce)
    expires_at: datetime  # when the timestamp leaves the freshness window, and a replay is refused anyway


# A message, its time budget and (from a request) its signed nonce.
Job = tuple[Inbound, Budget] | tuple[Inbound, Budget, Nonce | None]


def _arrive(session: Session, message: Inbound, key: str, nonce: Nonce | None, now: datetime) -> arrival.Arrival:
    return arrival.arrive(
        session, message_key=key, openid=message.openid, nonce_key=nonce.key if nonce else None,
        nonce_expires=nonce.expires_at if nonce else None, now=now, is_message=not message.is_event,
    )  # fmt: skip


def _sender(job: Job) -> str:
    return job[0].openid


@dataclass(frozen=True, slots=True)
class _Answer:
    reply: Reply | None
    late: bool  # the request already answered `success`; the reply went to the outbox
