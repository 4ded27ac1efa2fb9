"""`qr create` logic against the loopback stand-in: rows, tickets, failure mid-batch, resume, the limit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from storage.db import transaction
from storage.models import Poster
from storage.repos.villages import list_places
from storage.types import utcnow
from tests.qr_support import PARK, REAL, seed_places
from villages.places.scene import parse_scene
from villages.posters.qr_batch import RateLimit, create_tickets, ensure_posters, select_places
from wechat.client import WechatClient, make_api
from wechat.standin import StandinWechat

BASE = "https://qingfeng.example.cn"
NO_WAIT = RateLimit(0)


@pytest.fixture
def api(wx: StandinWechat, sessions: sessionmaker[Session]) -> Iterator[WechatClient]:
    settings = Settings(wechat_api_base=wx.url, wechat_appid=wx.appid, wechat_appsecret=wx.secret)
    with make_api(settings, sessions=sessions) as client:
        yield client


@pytest.fixture
def places(sessions: sessionmaker[Session]) -> list[str]:
    seed_places(sessions)
    return [v.code for v in REAL]


def stored(sessions: sessionmaker[Session]) -> list[Poster]:
    with transaction(sessions) as session:
        return list(session.scalars(select(Poster).order_by(Poster.scene)))


def ensure(sessions: sessionmaker[Session], *, n: int, kind: str) -> None:
    with transaction(sessions) as session:
        chosen = select_places(list_places(session))
    ensure_posters(sessions, places=chosen, per_village=n, kind=kind, public_base_url=BASE, now=utcnow())


def qr_calls(wx: StandinWechat) -> list[str]:
    return [c.body["action_info"]["scene"]["scene_str"] for c in wx.calls_to("qrcode/create") if c.errcode == 0]


def test_rows_per_village_and_no_poster_for_parks(sessions: sessionmaker[Session], places: list[str]) -> None:
    ensure(sessions, n=2, kind="wechat")
    rows = stored(sessions)
    assert {r.village_code for r in rows} == set(places) and PARK not in {r.village_code for r in rows}
    assert sorted(r.scene for r in rows) == sorted([c for c in places] + [f"{c}-2" for c in places])
    for r in rows:
        assert parse_scene(r.scene) == (r.village_code, None if r.poster_no == 1 else r.poster_no)
        assert r.kind == "wechat" and r.content is None and r.ticket is None


def test_h5_rows_hold_the_link(sessions: sessionmaker[Session], places: list[str], wx: StandinWechat) -> None:
    ensure(sessions, n=1, kind="h5")
    rows = stored(sessions)
    assert [(r.kind, r.content) for r in rows] == [("h5", f"{BASE}/v/{r.scene}") for r in rows]
    assert rows and wx.calls == []


def test_batch_creates_each_code_once_and_skips_posters_that_have_one(
    sessions: sessionmaker[Session], places: list[str], api: WechatClient, wx: StandinWechat
) -> None:
    ensure(sessions, n=2, kind="wechat")
    seen: list[tuple[int, int]] = []
    result = create_tickets(
        sessions, api, village_codes=places, rate=NO_WAIT, progress=lambda d, t: seen.append((d, t))
    )
    total = 2 * len(places)
    assert (result.created, result.already, result.pending, result.stopped) == (total, 0, 0, None)
    assert seen[-1] == (total, total) and len(seen) == total
    rows = stored(sessions)
    assert all(r.ticket and r.content == f"http://weixin.qq.com/q/{r.ticket[2:26]}" for r in rows)
    assert len({r.ticket for r in rows}) == total
    again = create_tickets(sessions, api, village_codes=places, rate=NO_WAIT)
    assert (again.created, again.already) == (0, total)
    assert sorted(qr_calls(wx)) == sorted(r.scene for r in rows)  # nothing asked twice


def test_failure_mid_batch_then_resume(
    sessions: sessionmaker[Session], places: list[str], api: WechatClient, wx: StandinWechat
) -> None:
    ensure(sessions, n=2, kind="wechat")

    def break_after_three(done: int, _total: int) -> None:
        if done == 3:
            wx.fail(47001, path="qrcode/create")  # a permanent error: the batch must stop

    first = create_tickets(sessions, api, village_codes=places, rate=NO_WAIT, progress=break_after_three)
    assert (first.created, first.stopped) == (3, "error") and "47001" in (first.error or "")
    assert first.pending == 2 * len(places) - 3
    done_before = {r.scene: r.ticket for r in stored(sessions) if r.ticket}
    assert len(done_before) == 3  # each code was committed as it came

    wx.clear_failures()
    second = create_tickets(sessions, api, village_codes=places, rate=NO_WAIT)
    assert (second.created, second.already, second.stopped) == (2 * len(places) - 3, 3, None)
    rows = stored(sessions)
    assert all(r.ticket for r in rows) and len({r.ticket for r in rows}) == len(rows)
    assert {r.scene: r.ticket for r in rows if r.scene in done_before} == done_before
    calls = qr_calls(wx)
    assert sorted(calls) == sorted(r.scene for r in rows)  # the three done first were not requested again


def test_a_busy_answer_is_retried(
    sessions: sessionmaker[Session], places: list[str], api: WechatClient, wx: StandinWechat
) -> None:
    ensure(sessions, n=1, kind="wechat")
    wx.fail(-1, path="qrcode/create", times=2)
    slept: list[float] = []
    result = create_tickets(sessions, api, village_codes=places, rate=RateLimit(0, sleep=slept.append))
    assert (result.created, result.stopped) == (len(places), None)
    assert slept == [0.5, 1.0]


def test_stops_cleanly_at_wechats_limit(sessions: sessionmaker[Session], places: list[str]) -> None:
    ensure(sessions, n=1, kind="wechat")
    with StandinWechat(qr_limit=3) as wx:
        settings = Settings(wechat_api_base=wx.url, wechat_appid=wx.appid, wechat_appsecret=wx.secret)
        with make_api(settings, sessions=sessions) as client:
            result = create_tickets(sessions, client, village_codes=places, rate=NO_WAIT)
            assert (result.created, result.pending, result.stopped) == (3, len(places) - 3, "limit")
            assert "45029" in (result.error or "")
            assert sum(1 for r in stored(sessions) if r.ticket) == 3
            # A rerun asks once more, is refused, and stops again without harm.
            rerun = create_tickets(sessions, client, village_codes=places, rate=NO_WAIT)
            assert (rerun.created, rerun.stopped) == (0, "limit")


def test_counts_the_limit_itself_before_asking(
    sessions: sessionmaker[Session], places: list[str], api: WechatClient, wx: StandinWechat
) -> None:
    ensure(sessions, n=1, kind="wechat")
    result = create_tickets(sessions, api, village_codes=places, rate=NO_WAIT, limit=2)
    assert (result.created, result.stopped) == (2, "limit")
    assert len(qr_calls(wx)) == 2
    more = create_tickets(sessions, api, village_codes=places, rate=NO_WAIT, limit=2)
    assert more.created == 0 and len(qr_calls(wx)) == 2  # not even one call past the limit


def test_a_printed_code_never_changes(
    sessions: sessionmaker[Session], places: list[str], api: WechatClient, wx: StandinWechat
) -> None:
    ensure(sessions, n=1, kind="h5")
    before = {r.scene: (r.kind, r.content) for r in stored(sessions)}
    ensure(sessions, n=2, kind="wechat")  # poster 1 stays h5; poster 2 is a new wechat code
    create_tickets(sessions, api, village_codes=places, rate=NO_WAIT)
    ensure(sessions, n=2, kind="h5")
    after = {r.scene: (r.kind, r.content) for r in stored(sessions)}
    assert {s: after[s] for s in before} == before
    assert {after[f"{c}-2"][0] for c in places} == {"wechat"}
    assert len(qr_calls(wx)) == len(places)


def test_rate_limit_spaces_calls() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(round(s, 6))
        now[0] += s

    rate = RateLimit(4, clock=lambda: now[0], sleep=sleep)
    for _ in range(3):
        rate.wait()
    assert slept == [0.25, 0.25]
