"""On PostgreSQL a villager's message costs a few round trips, not one per statement (issue #23).

A province runs its database on another machine, where every round trip is network latency. A proxy
between the app and PostgreSQL counts the turns of the conversation: each time the server answers
after the client has spoken is one round trip, however many statements travelled together.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import Engine, text

from bot.context import Reply
from handlers.webhook.budget import Budget
from handlers.webhook.processing import Nonce, Webhook
from storage import db
from storage.repos import nonces
from storage.types import utcnow
from tests.conftest import pg_engine_for
from tests.webhook_support import Sender, event_xml, make_client, text_xml
from wechat.inbound import parse

# BEGIN with the message's arrival (nonce and ledger claims and the villager with their conversation, asked
# ahead, storage.repos.arrival); the writes with COMMIT: two, for one message or a batch of them. Each statement
# alone took twelve; a liveness check of the connection, a third, is made only when it sat idle in the pool
# (storage.db.PING_IDLE_S).
MAX_ROUND_TRIPS = 2


class TurnCountingProxy:
    """A TCP proxy on loopback that counts the server's turns to speak."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.lock = threading.Lock()
        self.turns = 0
        self._client_spoke: dict[int, bool] = {}
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            key = id(client)
            threading.Thread(target=self._pump, args=(client, server, key, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, key, False), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, key: int, from_client: bool) -> None:
        try:
            while data := source.recv(65536):
                with self.lock:
                    if from_client:
                        self._client_spoke[key] = True
                    elif self._client_spoke.get(key):
                        self._client_spoke[key] = False
                        self.turns += 1
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()  # both pumps close both: closing twice is harmless, never closing warns later

    def close(self) -> None:
        self.listener.close()


@pytest.fixture
def proxied(engine: Engine, _pg_schema: tuple[str, str] | None) -> Iterator[tuple[Engine, TurnCountingProxy]]:
    assert engine.dialect.name == "postgresql" and _pg_schema is not None  # the engine fixture fails in CI otherwise
    _url, schema = _pg_schema
    proxy = TurnCountingProxy((engine.url.host or "127.0.0.1", engine.url.port or 5432))
    through = pg_engine_for(engine.url.set(port=proxy.port).render_as_string(hide_password=False), schema)
    try:
        yield through, proxy
    finally:
        through.dispose()
        proxy.close()


# PostgreSQL only (round trips are what it is about): no SQLite run to skip, and in CI no skip at all.
@pytest.mark.parametrize("engine", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_a_bound_villagers_policy_question_takes_a_few_round_trips(proxied: tuple[Engine, TurnCountingProxy]) -> None:
    engine, proxy = proxied
    sender = Sender(make_client(engine))
    assert "土观村" in sender.reply_text(event_xml("o-trips", "subscribe", "qrscene_630223106213"))
    assert "低保" in sender.reply_text(text_xml("o-trips", "低保怎么申请？"))  # warms the pool and the cache
    proxy.turns = 0
    assert "低保" in sender.reply_text(text_xml("o-trips", "低保怎么申请？"))
    assert proxy.turns <= MAX_ROUND_TRIPS, f"{proxy.turns} round trips for one message"


@pytest.mark.parametrize("engine", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_a_batch_of_messages_takes_the_round_trips_of_one(proxied: tuple[Engine, TurnCountingProxy]) -> None:
    engine, proxy = proxied
    client = make_client(engine)
    hook = client.app.state.webhook  # type: ignore[attr-defined]
    assert isinstance(hook, Webhook)
    sender = Sender(client)
    openids = [f"o-batch-trips-{i}" for i in range(6)]
    for openid in openids:  # each villager asks once first, as in test_a_bound_villagers_policy_question_...
        assert "土观村" in sender.reply_text(event_xml(openid, "subscribe", "qrscene_630223106213"))
        assert "低保" in sender.reply_text(text_xml(openid, "低保怎么申请？"))
    expires = utcnow() + timedelta(minutes=5)
    jobs = [
        (parse(text_xml(openid, "低保怎么申请？")), Budget(), Nonce(nonces.nonce_key("1", f"n-{openid}"), expires))
        for openid in openids
    ]
    proxy.turns = 0
    replies = hook.process_batch(jobs)
    assert all(isinstance(r, Reply) and "低保" in r.text for r in replies), replies
    assert proxy.turns <= MAX_ROUND_TRIPS, f"{proxy.turns} round trips for a batch of {len(jobs)}"


@pytest.mark.parametrize("engine", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_a_connection_that_died_while_idle_is_replaced_before_use(
    engine: Engine, _pg_schema: tuple[str, str] | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _pg_schema is not None
    own = pg_engine_for(*_pg_schema)  # a pool of its own, so that only its connections are ended
    try:
        sender = Sender(make_client(own))
        assert "土观村" in sender.reply_text(event_xml("o-idle", "subscribe", "qrscene_630223106213"))
        with own.connect() as conn:
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
        # The server ends the pooled connection while it is idle (a restart, an idle timeout).
        with engine.connect() as admin:
            assert admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar_one()
        monkeypatch.setattr(db, "PING_IDLE_S", 0.0)
        # The check-out pings it, finds it dead and connects afresh: the villager never sees the break.
        assert "低保" in sender.reply_text(text_xml("o-idle", "低保怎么申请？"))
    finally:
        own.dispose()
