"""Signed case events: queued with the change, delivered through the outbox with retries, verifiable,
scoped like staff, without the reporter or internal notes; and the administrator's CLI for keys and
subscribers."""

from __future__ import annotations

import json
from datetime import timedelta

import httpx
import pytest
from alembic import command
from sqlalchemy import Engine, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from cases.handling import case_steps, triage
from cases.intake.submit import Submitted
from cases.interop import api_keys, case_hooks
from handlers.cli.main import main
from handlers.runtime import Runtime
from storage.db import make_sessionmaker, transaction
from storage.migrate import alembic_config, upgrade
from storage.models import OutboxMessage
from storage.types import utcnow
from tests.cases.routing.test_cadre_routing import fresh_engine  # noqa: F401  (a fixture: an empty database of its own)
from tests.cases_support import KEYS, VILLAGE, report, submit_once
from tests.staff_support import load_org
from wechat.delivery import OutboxKinds, deliver_due

TOWN = "630223106000"


class Receiver:
    """A subscriber: records what it gets, answering with the statuses it is told to."""

    def __init__(self, *statuses: int) -> None:
        self.statuses = list(statuses)
        self.got: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.got.append(request)
        return httpx.Response(self.statuses.pop(0) if self.statuses else 200)


def world(sessions: sessionmaker[Session], receiver: Receiver, *units: str) -> dict[str, str]:
    load_org(sessions, users=False)
    secrets: dict[str, str] = {}
    with transaction(sessions) as session:
        for unit in units:
            _, secrets[unit] = case_hooks.subscribe(
                session, unit_code=unit, url=f"https://hooks.example/{unit}", now=utcnow()
            )
    return secrets


def hooks(sessions: sessionmaker[Session], receiver: Receiver) -> OutboxKinds:
    """The worker's case-event kind, posting to `receiver`."""
    return case_hooks.outbox_kinds(sessions=sessions, transport=httpx.MockTransport(receiver))


def file_case(sessions: sessionmaker[Session], key: str, cadre_level: str = "village") -> Submitted:
    # Filed on the H5 page (no openid), so no notices to a villager wait in the outbox beside the events.
    return submit_once(
        sessions, report(None, anonymous=False, name="王五", phone="13900002222", cadre_level=cadre_level), key
    )


def bodies(receiver: Receiver) -> list[dict[str, object]]:
    return [json.loads(r.content) for r in receiver.got]


def test_events_are_signed_and_carry_no_reporter_and_no_internal_notes(sessions: sessionmaker[Session]) -> None:
    receiver = Receiver()
    secrets = world(sessions, receiver, "630223:jw")
    kinds = hooks(sessions, receiver)
    done = file_case(sessions, "hook-1")
    with transaction(sessions) as session:
        case = case_steps.get_case(session, number=done.number)
        triage.note(session, case=case, text="内部备注：暂不外传", actor="staff:jw", now=utcnow())
        case_steps.accept(session, case=case, actor="staff:jw", keys=KEYS, now=utcnow())
        case_steps.public_reply(session, case=case, text="已派人核查", actor="staff:jw", keys=KEYS, now=utcnow())
    deliver_due(sessions=sessions, api=None, now=utcnow() + timedelta(seconds=1), kinds=kinds)  # type: ignore[arg-type]
    got = bodies(receiver)
    assert [b["type"] for b in got] == ["created", "routed", "accepted", "replied"]
    assert {b["service_request_id"] for b in got} == {done.number}
    assert got[-1]["status_notes"] == "已派人核查" and got[0]["status_notes"] is None
    raw = b"".join(r.content for r in receiver.got).decode()
    for secret in ("王五", "13900002222", "内部备注", "截留"):
        assert secret not in raw
    for request in receiver.got:
        header = request.headers[case_hooks.SIGNATURE_HEADER]
        assert case_hooks.verify(secrets["630223:jw"], header, request.content, now_s=utcnow().timestamp())
        assert not case_hooks.verify("another-secret", header, request.content, now_s=utcnow().timestamp())
        assert not case_hooks.verify(secrets["630223:jw"], header, request.content + b" ", now_s=utcnow().timestamp())
        stale = utcnow().timestamp() + 3600
        assert not case_hooks.verify(secrets["630223:jw"], header, request.content, now_s=stale)
        assert request.headers["X-Qingfeng-Event"] in case_hooks.EVENT_TYPES


def test_a_failing_subscriber_is_retried_with_backoff_and_logged(sessions: sessionmaker[Session]) -> None:
    receiver = Receiver(503, 503)
    world(sessions, receiver, "630223:jw")
    kinds = hooks(sessions, receiver)
    file_case(sessions, "hook-2")
    now = utcnow() + timedelta(seconds=1)
    first = deliver_due(sessions=sessions, api=None, now=now, kinds=kinds)  # type: ignore[arg-type]
    assert (first.sent, first.retrying) == (0, 2)
    assert deliver_due(sessions=sessions, api=None, now=now, kinds=kinds).attempted == 0  # type: ignore[arg-type]
    later = deliver_due(sessions=sessions, api=None, now=now + timedelta(minutes=1), kinds=kinds)  # type: ignore[arg-type]
    assert later.sent == 2
    with sessions() as session:
        (sub,) = case_hooks.listing(session)
        log = case_hooks.deliveries(session, subscription_id=sub.id)
    assert [(r.status, r.attempts) for r in log] == [("sent", 2), ("sent", 2)]
    assert [b["type"] for b in bodies(receiver)][-2:] == ["created", "routed"]


def test_a_case_about_town_cadres_never_reaches_the_towns_platform(sessions: sessionmaker[Session]) -> None:
    receiver = Receiver()
    world(sessions, receiver, TOWN, "630223:jw")
    file_case(sessions, "hook-3", cadre_level="town")
    with sessions() as session:
        keys = session.scalars(select(OutboxMessage.key).where(OutboxMessage.kind == case_hooks.CASE_EVENT)).all()
        subs = {s.unit_code: s.id for s in case_hooks.listing(session)}
    assert keys and all(k.startswith(f"hook:{subs['630223:jw']}:") for k in keys)


def test_a_removed_subscriber_gets_nothing_more(sessions: sessionmaker[Session]) -> None:
    receiver = Receiver()
    world(sessions, receiver, "630223:jw")
    kinds = hooks(sessions, receiver)
    file_case(sessions, "hook-4")
    with transaction(sessions) as session:
        (sub,) = case_hooks.listing(session)
        case_hooks.unsubscribe(session, subscription_id=sub.id)
    report_ = deliver_due(sessions=sessions, api=None, now=utcnow() + timedelta(seconds=1), kinds=kinds)  # type: ignore[arg-type]
    assert (report_.dead, receiver.got) == (2, [])
    file_case(sessions, "hook-5")
    with sessions() as session:
        assert len(case_hooks.deliveries(session, subscription_id=sub.id)) == 2


def test_subscriptions_refuse_unknown_units_and_urls_that_are_not_http(sessions: sessionmaker[Session]) -> None:
    load_org(sessions, users=False)
    with transaction(sessions) as session:
        for unit, url in (("nope", "https://x.example/"), ("630223:jw", "ftp://x.example/"), ("630223:jw", "x")):
            with pytest.raises(case_hooks.SubscriptionProblem):
                case_hooks.subscribe(session, unit_code=unit, url=url, now=utcnow())


def test_cli_creates_lists_and_revokes_keys_and_manages_subscribers(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sessions = make_sessionmaker(engine)
    load_org(sessions, users=False)
    rt = Runtime.from_settings(engine=engine)
    monkeypatch.setattr(Runtime, "from_settings", lambda *a, **k: rt)
    assert main(["api-keys", "create", "--name", "互助县12345热线", "--unit", "630223", "--rate", "50"]) == 0
    key = capsys.readouterr().out.splitlines()[1]
    assert key.startswith(api_keys.KEY_PREFIX)
    with sessions() as session:
        client = api_keys.authenticate(session, key)
        assert client is not None and (client.unit_code, client.rate_per_hour, client.area) == ("630223", 50, "630223")
    assert main(["api-keys", "list"]) == 0
    listed = capsys.readouterr().out
    assert "互助县12345热线" in listed and key not in listed and "never" in listed
    assert main(["api-keys", "create", "--name", "x", "--unit", "nope"]) == 2
    assert main(["api-keys", "revoke", str(client.id)]) == 0
    with sessions() as session:
        assert api_keys.authenticate(session, key) is None
    assert main(["subscribers", "add", "--unit", "630223:jw", "--url", "https://grid.example/hook"]) == 0
    secret = capsys.readouterr().out.splitlines()[1]
    assert len(secret) >= 40
    assert main(["subscribers", "list"]) == 0
    assert "https://grid.example/hook" in capsys.readouterr().out
    submit_once(sessions, report(None, village_code=VILLAGE), "hook-cli")
    with sessions() as session:
        (sub,) = case_hooks.listing(session)
    assert main(["subscribers", "log", str(sub.id)]) == 0
    assert "created" in capsys.readouterr().out
    assert main(["subscribers", "remove", str(sub.id)]) == 0
    assert main(["subscribers", "remove", str(sub.id + 1000)]) == 2


def test_migration_0015_adds_and_removes_the_key_and_subscriber_tables(fresh_engine: Engine) -> None:  # noqa: F811
    upgrade(fresh_engine, "0015")
    tables = set(inspect(fresh_engine).get_table_names())
    assert {"api_clients", "event_subscriptions"} <= tables
    assert "ix_api_clients_unit_code" in {i["name"] for i in inspect(fresh_engine).get_indexes("api_clients")}
    cfg = alembic_config()
    with fresh_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0014")
    assert not {"api_clients", "event_subscriptions"} & set(inspect(fresh_engine).get_table_names())
    upgrade(fresh_engine, "0015")
    assert {"api_clients", "event_subscriptions"} <= set(inspect(fresh_engine).get_table_names())
