"""Storage on both databases: migrations (also concurrent), the ledger, users and conversations, UTC times."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from config.privacy import user_key
from storage.db import make_engine, transaction
from storage.migrate import current_revision, head_revision, upgrade
from storage.models import ProcessedMessage
from storage.repos import ledger, nonces, users
from storage.types import utcnow
from tests.conftest import pg_engine_for, postgres_base_url


def test_migrations_reach_head_and_create_every_table(engine: Engine) -> None:
    assert current_revision(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    expected = {"villages", "towns", "counties", "wechat_users", "conversations", "processed_messages", "outbox"}
    assert expected | {"wechat_tokens", "leases", "alembic_version"} <= tables


def test_upgrade_twice_is_a_no_op(engine: Engine) -> None:
    upgrade(engine)
    assert current_revision(engine) == head_revision()


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    eng = make_engine(f"sqlite:///{tmp_path / 'w.db'}")
    with eng.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    eng.dispose()


@pytest.mark.postgres
def test_concurrent_upgrades_on_postgres_are_serialised_by_the_advisory_lock() -> None:
    schema = f"qf_mig_{uuid.uuid4().hex[:8]}"
    try:
        admin = make_engine(postgres_base_url(), pool_size=1)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:
        from tests.conftest import _unavailable

        _unavailable(str(exc))
        return
    engines = [pg_engine_for(postgres_base_url(), schema) for _ in range(4)]
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(upgrade, engines))
        assert current_revision(engines[0]) == head_revision()
    finally:
        for e in engines:
            e.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_ledger_key_is_unique_in_the_database(sessions: sessionmaker[Session]) -> None:
    now = utcnow()
    with transaction(sessions) as s:
        ledger.record(s, key="m:1", reply="", now=now)
    with pytest.raises(IntegrityError), transaction(sessions) as s:
        ledger.record(s, key="m:1", reply="", now=now)


def test_a_nonce_carries_one_message_until_it_expires_and_is_pruned(sessions: sessionmaker[Session]) -> None:
    now = utcnow()
    key = nonces.nonce_key("1700000000", "42")
    with transaction(sessions) as s:
        assert nonces.claim(s, key=key, message_key="m-1", expires_at=now + timedelta(minutes=5))
    with transaction(sessions) as s:
        assert nonces.claim(s, key=key, message_key="m-1", expires_at=now + timedelta(minutes=5))  # a retry
        assert not nonces.claim(s, key=key, message_key="m-2", expires_at=now + timedelta(minutes=5))
    with transaction(sessions) as s:
        assert nonces.prune(s, now=now + timedelta(minutes=4)) == 0
        assert nonces.prune(s, now=now + timedelta(minutes=6)) == 1


def test_ledger_prunes_after_seven_days(sessions: sessionmaker[Session]) -> None:
    now = utcnow()
    with transaction(sessions) as s:
        ledger.record(s, key="old", reply="", now=now - timedelta(days=8))
        ledger.record(s, key="new", reply="", now=now - timedelta(days=6))
    with transaction(sessions) as s:
        assert ledger.prune(s, now=now) == 1
    with sessions() as s:
        assert s.get(ProcessedMessage, "old") is None
        assert s.get(ProcessedMessage, "new") is not None


def test_times_come_back_aware_in_utc(sessions: sessionmaker[Session]) -> None:
    moment = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
    with transaction(sessions) as s:
        users.save_user(s, user=users.touch_user(s, openid="o-t", now=moment, is_message=True))
    with sessions() as s:
        user = users.get_user(s, openid="o-t")
        assert user is not None and user.first_seen == moment and user.first_seen.tzinfo is not None


def test_naive_datetimes_are_refused(sessions: sessionmaker[Session]) -> None:
    with pytest.raises(Exception, match="naive"), transaction(sessions) as s:
        naive = datetime(2026, 1, 1)
        users.save_user(s, user=users.touch_user(s, openid="o-n", now=naive, is_message=False))


def test_user_record_updates_only_what_changed(sessions: sessionmaker[Session]) -> None:
    now = utcnow()
    with transaction(sessions) as s:
        users.save_user(s, user=users.touch_user(s, openid="o-u", now=now, is_message=False))
    with transaction(sessions) as s:
        user = users.touch_user(s, openid="o-u", now=now, is_message=True)
        user.village_code = None
        user.subscribed = False
        users.save_user(s, user=user)
    with sessions() as s:
        again = users.get_user(s, openid="o-u")
        assert again is not None and again.subscribed is False and again.last_message_at == now


def test_conversation_state_persists(sessions: sessionmaker[Session]) -> None:
    now = utcnow()
    with transaction(sessions) as s:
        conv = users.load_conversation(s, openid="o-c", now=now)
        users.save_conversation(s, conversation=conv, state="bind", data={"choices": ["1"]}, now=now)
    with sessions() as s:
        conv = users.load_conversation(s, openid="o-c", now=now)
        assert (conv.state, conv.data) == ("bind", {"choices": ["1"]})


def test_fast_sql_writes_what_the_orm_reads(sessions: sessionmaker[Session]) -> None:
    from storage.models import Conversation, WechatUser

    moment = datetime(2026, 5, 4, 3, 2, 1, 123456, tzinfo=UTC)
    with transaction(sessions) as s:
        user = users.touch_user(s, openid="o-f", now=moment, is_message=True)
        user.last_lat, user.last_lng = 36.5, 102.1
        users.save_user(s, user=user)
        conv = users.load_conversation(s, openid="o-f", now=moment)
        users.save_conversation(s, conversation=conv, state="ask", data={"问": ["一", 2]}, now=moment)
    with sessions() as s:
        orm_user = s.get(WechatUser, user_key("o-f"))
        orm_conv = s.get(Conversation, user_key("o-f"))
        assert orm_user is not None and orm_conv is not None
        assert (orm_user.first_seen, orm_user.last_message_at, orm_user.last_lat) == (moment, moment, 36.5)
        assert (orm_conv.state, orm_conv.data, orm_conv.updated_at) == ("ask", {"问": ["一", 2]}, moment)
