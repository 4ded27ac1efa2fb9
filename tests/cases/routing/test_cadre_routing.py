"""Conflict of interest without holes (#15, finding 1): a report or inquiry naming a village or town
cadre never reaches the town, in every category and channel, and the town's counts do not betray it."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from cases import access
from cases.handling.inquiries import accused_level, inquiry_scope
from cases.routing import cadres
from cases.staff.accounts import create_user
from storage.db import make_engine, make_sessionmaker, transaction
from storage.migrate import alembic_config, upgrade
from storage.models import Inquiry
from storage.models.cases import Case
from storage.models.staff import CaseRouting, StaffUser
from storage.repos import inquiries as inquiry_repo
from storage.repos.scans import reports_by_village
from storage.types import utcnow
from tests.cases_support import KEYS, VILLAGE, report, submit_once
from tests.conftest import pg_engine_for, postgres_base_url
from tests.h5_support import csrf_of, h5_client, hidden
from tests.report_support import NUMBER_RE, Villager
from tests.staff_support import PASSWORD, load_org
from tests.webhook_support import Sender, make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TOWN = "630223106000"  # 五十镇人民政府, the town of VILLAGE
COUNTY_JW = "630223:jw"
CITY_JW = "6302:jw"

# How villagers name cadres, filed under the category they would pick. The issue's own examples first.
ACCUSING: list[tuple[str, str]] = [
    ("other", "镇领导收了好处费"),
    ("other", "五十镇的书记偏心自己亲戚"),
    ("other", "包村领导只在村里吃喝"),
    ("other", "村长把救济粮卖了"),
    ("other", "村两委干部虚报冒领"),
    ("other", "社长克扣补助款"),
    ("other", "村妇联主任冒领低保"),
    ("other", "支书把集体的地租给了他小舅子"),
    ("other", "我们村主任天天打麻将不办事"),
    ("other", "王书记逢年过节要我们送礼"),
    ("other", "李主任说不给钱就不盖章"),
    ("other", "组长把修路的钱装进了自己口袋"),
    ("other", "队长分地的时候给自己多分了两亩"),
    ("other", "村会计账目从来不公开"),
    ("other", "文书帮他亲戚多报了人口"),
    ("other", "驻村干部一个月来一次，来了就喝酒"),
    ("other", "第一书记把帮扶羊给了自己熟人"),
    ("other", "工作队的人收了我们的钱"),
    ("other", "网格员登记的时候故意漏了我家"),
    ("other", "监委会主任从来不监督，跟书记穿一条裤子"),
    ("other", "镇长的车天天停在饭馆门口"),
    ("other", "乡长的亲戚承包了我们村的工程"),
    ("other", "镇上的干部下来检查都要吃饭"),
    ("other", "副镇长让我们签假的验收单"),
    ("other", "镇政府的人把我们的补偿款扣下了"),
    ("other", "管事的说钱已经发完了，可我们一分没拿到"),
    ("other", "当官的都是一伙的"),
    ("other", "村里的领导把树砍了卖钱"),
    ("other", "村委会私自把草场租出去了"),
    ("other", "县里的领导来了也不管"),
    ("other", "农业农村局的局长收了合作社的钱"),
    ("other", "帮扶干部冒名领了我家的补贴"),
    ("other", "老支书的儿子当了低保户"),
    ("other", "治保主任打人"),
    ("other", "妇女主任把计生补助截了一半"),
    ("other", "生产队长卖了集体的草料"),
    ("other", "乡里的干部把危房改造名额给了亲戚"),
    ("policy", "低保名单里全是村干部的亲戚"),
    ("policy", "包村干部说我家不符合条件，其实是没送礼"),
    ("project", "村里修的路是村长的侄子包的，质量很差"),
    ("project", "镇里负责人验收的时候收了施工队的烟酒"),
    ("poverty_risk", "家里遭了灾，村干部不给报监测户"),
    ("other", "小组长收了每户两百元才给登记"),
    ("other", "村监委主任跟村长是亲戚"),
]

# Everyday problems that name nobody: they stay with the town, as before.
PLAIN = [
    "路灯坏了",
    "垃圾没人收",
    "村口的路灯坏了两个月没人修",
    "镇政府门口的路坑坑洼洼",
    "自来水三天没来了",
    "村里的广场舞声音太大",
    "河边的护栏倒了，孩子上学很危险",
    "班车一天只有一趟，希望多开几趟",
]


def test_the_corpus_is_large_enough_and_every_phrasing_names_a_cadre() -> None:
    assert len(ACCUSING) >= 40
    missed = [text for _, text in ACCUSING if cadres.strongest(text) is None]
    assert missed == []
    assert [text for text in PLAIN if cadres.mentions(text)] == []


@pytest.mark.parametrize(
    ("text", "level", "word"),
    [
        ("五十镇的书记偏心", "town", "镇的书记"),
        ("土观村的书记偏心", "village", "村的书记"),
        ("县里的干部", "county", "县里的干部"),
        ("包村领导只在村里吃喝", "town", "包村领导"),
        ("王书记要好处", "unknown", "王书记"),
        ("村长和镇长都收了钱", "town", "镇长"),  # the higher level decides
        ("局长的亲戚", "county", "局长"),
    ],
)
def test_levels_come_from_titles_or_the_place_before_a_role(text: str, level: str, word: str) -> None:
    named = cadres.strongest(text)
    assert named is not None and (named.level, named.word) == (level, word)


def _route(sessions: sessionmaker[Session], case_id: int) -> tuple[Case, CaseRouting]:
    with sessions() as s:
        case, routing = s.get(Case, case_id), s.get(CaseRouting, case_id)
        assert case is not None and routing is not None
        return case, routing


def _town_viewer(session: Session) -> access.Viewer:
    user = create_user(
        session, username="wushi", role="town", unit_code=TOWN, display_name="五十镇", password=PASSWORD, now=utcnow()
    )
    return access.viewer_for(session, user)


def test_no_phrasing_naming_a_cadre_reaches_the_town_and_plain_ones_still_do(sessions: sessionmaker[Session]) -> None:
    load_org(sessions, users=False)
    accusing = {
        text: submit_once(sessions, report(None, category=cat, cadre_level=None, description=text), f"a{i}").case_id
        for i, (cat, text) in enumerate(ACCUSING)
    }
    plain = {
        text: submit_once(sessions, report(None, category="other", cadre_level=None, description=text), f"p{i}").case_id
        for i, text in enumerate(PLAIN)
    }
    reached_town = [t for t, cid in accusing.items() if _route(sessions, cid)[0].route_unit == TOWN]
    unflagged = [t for t, cid in accusing.items() if not _route(sessions, cid)[1].conflict]
    assert reached_town == [] and unflagged == []
    assert all(_route(sessions, cid)[0].route_unit == TOWN for cid in plain.values())
    assert not any(_route(sessions, cid)[1].conflict for cid in plain.values())
    county = _route(sessions, accusing["县里的领导来了也不管"])[0]
    assert county.route_unit == CITY_JW  # county cadres: the city's commission
    case, routing = _route(sessions, accusing["五十镇的书记偏心自己亲戚"])
    assert case.route_unit == COUNTY_JW and "镇的书记" in case.route_reason
    assert routing.conflict_reason is not None and "按回避原则交" in routing.conflict_reason
    with transaction(sessions) as s:
        town = _town_viewer(s)
        visible = set(s.scalars(select(Case.id).where(access.case_scope(town))))
    assert visible == set(plain.values())


@pytest.mark.parametrize(("level", "unit"), [("village", COUNTY_JW), ("town", COUNTY_JW), ("unknown", COUNTY_JW)])
def test_an_explicit_answer_routes_every_category_and_is_kept(
    sessions: sessionmaker[Session], level: str, unit: str
) -> None:
    load_org(sessions, users=False)
    done = submit_once(sessions, report(None, category="other", cadre_level=level, description="补助款不知去向"), "k")
    case, routing = _route(sessions, done.case_id)
    assert (case.cadre_level, case.route_unit, routing.conflict) == (level, unit, True)
    assert "群众选择的反映对象" in case.route_reason


def test_county_answer_goes_to_the_city_even_without_rules(sessions: sessionmaker[Session]) -> None:
    from tests.cases_support import load_registry

    load_registry(sessions)  # no units, no rules: the default route
    done = submit_once(sessions, report(None, category="other", cadre_level="county", description="补助款去向"), "k")
    case, routing = _route(sessions, done.case_id)
    assert case.route_unit == CITY_JW and routing.conflict and "回避" in case.route_reason


def test_h5_keeps_the_chosen_level_under_any_category(engine: Engine, tmp_path: Path) -> None:
    c = h5_client(engine, tmp_path / "media")
    base = f"/v/{VILLAGE}/report"
    form = c.get(base)
    key = re.search(r'name="key" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    data = {
        "csrf": csrf_of(form.text),
        "key": key,
        "step": "preview",
        "category": "other",
        "cadre_level": "town",
        "description": "补助款不知去向",
        "anonymous": "1",
    }
    page = c.post(base, data=data)
    assert page.status_code == 200 and "乡镇干部" in page.text
    submitted: dict[str, list[str]] = {}
    for name, value in hidden(page.text):
        submitted.setdefault(name, []).append(value)
    submitted["step"] = ["submit"]
    assert "已收到您的反映" in c.post(base, data=submitted).text
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case)).one()
    assert (case.cadre_level, case.route_unit) == ("town", COUNTY_JW)


def _villager(engine: Engine, openid: str) -> Villager:
    v = Villager(Sender(make_client(engine, identity_key=KEYS.current), safe=True), openid)
    v.scan(VILLAGE)
    return v


def test_chat_asks_who_when_a_category_7_report_names_a_cadre(engine: Engine) -> None:
    load_org(make_sessionmaker(engine), users=False)
    v = _villager(engine, "o-coi")
    v.say("3")
    v.say("7")
    v.say("镇领导收了好处费")
    asked = v.say("好了")
    assert "提到了“镇领导”" in asked and "哪一级的干部" in asked
    v.say("2")  # 乡镇干部
    v.say("跳过")
    v.say("2")
    number = re.search(NUMBER_RE, v.say("1")).group(1)  # type: ignore[union-attr]
    plain = _villager(engine, "o-plain")
    plain.say("3")
    plain.say("7")
    plain.say("路灯坏了")
    assert "如有证据" in plain.say("好了")  # names nobody: no question
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
    assert (case.cadre_level, case.route_unit) == ("town", COUNTY_JW)


def test_case_page_says_why_the_case_avoided_the_town(engine: Engine) -> None:
    c = make_client(engine, identity_key=KEYS.current)
    sessions = make_sessionmaker(engine)
    load_org(sessions)
    done = submit_once(sessions, report(None, category="other", cadre_level=None, description="社长克扣补助款"), "k")
    c.cookies.clear()
    page = c.get("/admin/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    c.post("/admin/login", data={"csrf": token, "username": "jw_huzhu", "password": PASSWORD})
    body = c.get(f"/admin/cases/{done.case_id}").text
    assert "回避原因" in body and "反映涉及村干部（反映内容提到“社长”），按回避原则交" in body


def _inquiry(session: Session, question: str) -> Inquiry:
    return inquiry_repo.record(
        session,
        openid=None,
        village_code=VILLAGE,
        question=question,
        candidates={},
        now=utcnow(),
        accused_level=accused_level(question),
    )


def test_inquiries_naming_cadres_are_for_the_discipline_commission_only(sessions: sessionmaker[Session]) -> None:
    load_org(sessions)
    with transaction(sessions) as s:
        accusing = _inquiry(s, "村支书把我的低保停了，这合规吗？").id
        plain = _inquiry(s, "临时救助怎么申请？").id
        town = _town_viewer(s)
        viewers = {u.username: access.viewer_for(s, u) for u in s.scalars(select(StaffUser))}

        def seen(viewer: access.Viewer) -> set[int]:
            return set(s.scalars(select(Inquiry.id).where(inquiry_scope(viewer))))

        assert seen(town) == {plain}
        assert seen(viewers["nync_huzhu"]) == {plain}
        assert seen(viewers["jw_huzhu"]) == seen(viewers["city"]) == {accusing, plain}


def test_chat_handoff_screens_the_question(engine: Engine) -> None:
    v = _villager(engine, "o-ask")
    reply = v.say("村干部 补助")
    handoff = next(line.split(".")[0] for line in reply.splitlines() if "都不是" in line)
    assert "工作人员" in v.say(handoff)
    with make_sessionmaker(engine)() as s:
        (row,) = s.scalars(select(Inquiry)).all()
    assert (row.question, row.accused_level) == ("村干部 补助", "village")


def test_town_report_counts_leave_out_cases_it_may_not_see(sessions: sessionmaker[Session]) -> None:
    load_org(sessions, users=False)
    submit_once(sessions, report(None, category="other", cadre_level=None, description="路灯坏了"), "k1")
    submit_once(sessions, report(None, category="other", cadre_level=None, description="村长把救济粮卖了"), "k2")
    since = utcnow().replace(year=2000)
    with transaction(sessions) as s:
        town = _town_viewer(s)
        jw = access.Viewer(0, "jw", "county_discipline", COUNTY_JW, "纪委监委", "630223")
        assert reports_by_village(s, since=since, scope=access.case_scope(town)) == {VILLAGE: {"chat": 1}}
        assert reports_by_village(s, since=since, scope=access.case_scope(jw)) == {VILLAGE: {"chat": 2}}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def fresh_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database of its own (the shared one is at head): sqlite file or a throw-away schema."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
        yield engine
        engine.dispose()
        return
    schema = f"qf_m13_{uuid.uuid4().hex[:8]}"
    admin = make_engine(postgres_base_url(), pool_size=1)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:
        admin.dispose()
        pytest.skip(f"PostgreSQL not reachable: {type(exc).__name__}")
    engine = pg_engine_for(postgres_base_url(), schema)
    yield engine
    engine.dispose()
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def test_migration_0013_screens_stored_inquiries_and_downgrades(fresh_engine: Engine) -> None:
    upgrade(fresh_engine, "0012")
    insert = text(
        "INSERT INTO inquiries (question, candidates, status, created_at, notified) VALUES (:q, '{}', 'open', :t, :n)"
    )
    with fresh_engine.begin() as conn:
        for question in ("支书把低保给了亲戚怎么办", "临时救助怎么申请"):
            conn.execute(insert, {"q": question, "t": utcnow(), "n": False})
    upgrade(fresh_engine)
    with fresh_engine.connect() as conn:
        rows: dict[str, str | None] = dict(conn.execute(text("SELECT question, accused_level FROM inquiries")).all())
    assert rows == {"支书把低保给了亲戚怎么办": "unknown", "临时救助怎么申请": None}
    cfg = alembic_config()
    with fresh_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0012")
    assert "accused_level" not in {c["name"] for c in inspect(fresh_engine).get_columns("inquiries")}


def test_hardship_goes_to_the_bureau_with_the_town_assisting_unless_cadres_are_named(
    sessions: sessionmaker[Session],
) -> None:
    from storage.models.staff import CaseCoUnit

    load_org(sessions, users=False)
    plain = submit_once(
        sessions,
        report(None, category="poverty_risk", cadre_level=None, description="家里老人得了大病，看病欠了债"),
        "h1",
    )
    named = submit_once(
        sessions,
        report(None, category="poverty_risk", cadre_level=None, description="家里困难，村书记不给报监测户"),
        "h2",
    )
    with transaction(sessions) as s:
        co = {
            cid: set(s.scalars(select(CaseCoUnit.unit_code).where(CaseCoUnit.case_id == cid)))
            for cid in (plain.case_id, named.case_id)
        }
        routed = {cid: s.get(Case, cid) for cid in co}
        reasons = {cid: c.route_reason for cid, c in routed.items() if c is not None}
        town = _town_viewer(s)
        visible = set(s.scalars(select(Case.id).where(access.case_scope(town))))
    assert co[plain.case_id] == {"630223:mz", TOWN} and "五十镇" in reasons[plain.case_id]
    assert TOWN not in co[named.case_id]  # a named cadre: the town is not told
    assert plain.case_id in visible and named.case_id not in visible


def test_a_supplement_naming_a_cadre_takes_the_case_away_from_the_town(sessions: sessionmaker[Session]) -> None:
    from cases.handling import case_steps
    from storage.models.cases import CaseEvent
    from storage.models.staff import CaseCoUnit

    load_org(sessions, users=False)
    filed = submit_once(
        sessions,
        report(None, category="poverty_risk", cadre_level=None, description="家里老人得了大病，看病欠了债"),
        "h3",
    )
    with transaction(sessions) as s:
        case = s.get(Case, filed.case_id)
        assert case is not None
        case_steps.add_text(s, case=case, text="补充一下：家里老人住院了，还要买药", now=utcnow())
        assert filed.case_id in set(s.scalars(select(Case.id).where(access.case_scope(_town_viewer(s)))))
        case_steps.add_text(s, case=case, text="村支书说我家不够条件，不给报", now=utcnow())
    with transaction(sessions) as s:
        co = set(s.scalars(select(CaseCoUnit.unit_code).where(CaseCoUnit.case_id == filed.case_id)))
        routing = s.get(CaseRouting, filed.case_id)
        visible = set(s.scalars(select(Case.id).where(access.case_scope(_town_viewer(s)))))
        notes = list(s.scalars(select(CaseEvent.reason).where(CaseEvent.case_id == filed.case_id)))
    assert TOWN not in co and "630223:mz" in co  # the bureau keeps helping; the town is off the case
    assert routing is not None and routing.conflict and "村支书" in (routing.conflict_reason or "")
    assert filed.case_id not in visible
    assert any("按回避原则乡镇不再参与此案" in (n or "") for n in notes)
