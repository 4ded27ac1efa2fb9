"""The staff desk's whole loop in headless Chromium (#20 "Done means"), on SQLite and PostgreSQL: one case goes
received → 退回 by the department it was routed to → re-routed by the county 纪委监委 → 签收 by the new unit →
补充询问 (the villager answers in the chat, through the signed webhook) → 会办 opinions → 答复 → 办结 → rated
不满意 in the chat → 回访 and 整改 → closed again and rated 满意. At each step the case page's timeline, the
督办清单, the staff notices (queue top and the outbox rows of staff with a linked WeChat), the audit log and
the scoreboard (退单率, 重办率, 满意率 of the units and month) are read. The walk runs at 1280 px; the key pages
are read again at 390 px (nothing scrolls sideways). Screenshots: var/screenshots/desk-loop-*.png."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from cases.staff import wechat_link
from cases.timeutil import local_date
from handlers.runtime import Runtime
from storage.db import make_sessionmaker, transaction
from storage.models import OutboxMessage
from storage.models.cases import Case
from storage.models.staff import StaffUser, Unit
from storage.repos import outbox
from storage.types import utcnow
from tests.browser_support import csp_refusals, live, shot
from tests.cases_support import KEYS, VILLAGE
from tests.report_support import NUMBER_RE, Villager, file_report
from tests.staff_support import PASSWORD, load_org
from tests.webhook_support import Sender, settings_for_tests

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

LEAD = "630223:nync"  # 项目质量或进度 is routed to 农业农村局, with 住建局 and 审计局 to co-handle
NEW_LEAD = "630223:cz"
CO_STAFF = {"zj_huzhu": "630223:zj", "sj_huzhu": "630223:sj"}
LINKED = {"jw_huzhu": "o-staff-jw", "cz_huzhu": "o-staff-cz"}  # staff who linked their WeChat
STAFF_NAMES = re.compile(r"[a-z]+_huzhu")  # the display names of the fixture's accounts are their usernames
# Internal codes a staff page must not show: English words (action names, roles), unit codes, raw JSON.
INTERNAL = re.compile(r"[A-Za-z_]{3,}|\d{6}:[a-z]|[{}\"]")


def _plain(text: str) -> str:
    """`text` with the staff's display names taken out; it must then hold no internal code."""
    rest = STAFF_NAMES.sub("", text)
    assert not INTERNAL.search(rest), INTERNAL.findall(rest)
    return text


def _seed(sessions: sessionmaker[Session]) -> None:
    load_org(sessions)
    now = utcnow()
    with transaction(sessions) as s:
        digest = s.scalars(select(StaffUser.password_hash).where(StaffUser.username == "jw_huzhu")).one()
        for username, unit in CO_STAFF.items():
            s.add(
                StaffUser(
                    username=username,
                    display_name=username,
                    password_hash=digest,
                    role="department",
                    unit_code=unit,
                    active=True,
                    failed_logins=0,
                    session_epoch=0,
                    created_at=now,
                )
            )
        for username, openid in LINKED.items():
            user = s.scalars(select(StaffUser).where(StaffUser.username == username)).one()
            code = wechat_link.new_code(s, user=user, now=now)
            assert wechat_link.link_from_scan(s, scene=code.scene, openid=openid, now=now).startswith("已绑定")


class Desk:
    """The app served live on the test database, a signed chat sender and one browser page."""

    def __init__(self, engine: Engine, base: str, sender: Sender, page: Any) -> None:
        self.engine, self.base, self.sender, self.page = engine, base, sender, page
        self.sessions = make_sessionmaker(engine)

    def login(self, username: str) -> None:
        page = self.page
        page.context.clear_cookies()
        page.goto(self.base + "/admin/login")
        page.fill("#username", username)
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"/admin/(cases|units)"))

    def open(self, path: str) -> str:
        self.page.goto(self.base + path)
        return str(self.page.inner_text("main"))

    def act(self, action: str, **fields: str) -> str:
        form = self.page.locator(f"form:has(input[name=action][value={action}])")
        for name, value in fields.items():
            el = form.locator(f"[name={name}]")
            if el.evaluate("e => e.tagName") == "SELECT":
                el.select_option(value)
            else:
                el.fill(value)
        form.locator("button[type=submit]").click()
        self.page.wait_for_load_state()
        return str(self.page.inner_text("#done"))

    def timeline(self) -> str:
        return _plain(str(self.page.inner_text("table.timeline")))

    def first_step(self) -> str:
        """The id of the action the case page puts first (the usual next step)."""
        return str(self.page.get_attribute("#actions form.step >> nth=0", "id"))

    def queue_notices(self) -> str:
        self.page.goto(self.base + "/admin/cases")
        card = self.page.locator("div.card:has(h2:has-text('工作提醒'))")
        return str(card.inner_text()) if card.count() else ""

    def outbox_for(self, username: str) -> list[str]:
        """The WeChat notices queued for a staff member, as "kind|text"."""
        with self.sessions() as s:
            uid = s.scalars(select(StaffUser.id).where(StaffUser.username == username)).one()
            rows = s.scalars(
                select(OutboxMessage).where(OutboxMessage.key.like(f"staff:%:{uid}")).order_by(OutboxMessage.id)
            ).all()
            return [f"{r.key.split(':')[1]}|{outbox.text_of(r)}" for r in rows]

    def villager_notices(self) -> str:
        """Every notice queued for the villager (the one reporter of this test), unsealed, joined."""
        with self.sessions() as s:
            rows = s.scalars(select(OutboxMessage).where(OutboxMessage.key.like("notice:%")).order_by(OutboxMessage.id))
            return "\n".join(outbox.text_of(r) or "" for r in rows)

    def redo_list(self) -> str:
        self.page.goto(self.base + "/admin/supervision")
        return str(self.page.inner_text("#redo"))

    def audit(self) -> str:
        self.page.goto(self.base + "/admin/audit")
        return _plain(str(self.page.inner_text("table")))

    def scoreboard_row(self, unit_name: str, month: str) -> dict[str, str]:
        """The figures of one unit's row on the scoreboard of `month`, by column heading."""
        self.page.goto(f"{self.base}/admin/scoreboard?month={month}")
        table = self.page.locator("table.scoreboard").first
        heads = [h.strip() for h in table.locator("thead th").all_inner_texts()]
        row = table.locator(f"tbody tr:has-text('{unit_name}')").first
        cells = [c.strip() for c in row.locator("th, td").all_inner_texts()]
        return dict(zip(heads, cells, strict=False))

    def scoreboard_total(self) -> dict[str, str]:
        """The whole scope's figures (the tiles) of the scoreboard page shown now."""
        tiles = self.page.locator("div.tiles div.tile")
        return {
            tiles.nth(i).locator("span").inner_text().strip(): tiles.nth(i).locator("strong").inner_text().strip()
            for i in range(tiles.count())
        }


@pytest.fixture
def desk(engine: Engine, browser: Any) -> Iterator[Desk]:
    _seed(make_sessionmaker(engine))
    from handlers.app import create_app

    runtime = Runtime.from_settings(settings_for_tests(identity_key=KEYS.current), engine=engine)
    app = create_app(runtime)
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    refused = csp_refusals(page)
    with live(app) as base:
        yield Desk(engine, base, Sender(TestClient(app), safe=True), page)
    context.close()
    assert not refused, f"the Content-Security-Policy refused: {refused}"


def _no_sideways_scroll(page: Any) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def _unit_name(desk: Desk, code: str) -> str:
    with desk.sessions() as s:
        unit = s.get(Unit, code)
        assert unit is not None
        return unit.name


def _told(lines: list[str], kind: str, number: str) -> bool:
    """Whether a WeChat notice of `kind` about case `number` is among `lines` (Desk.outbox_for)."""
    return any(line.startswith(f"{kind}|") and number in line for line in lines)


def test_one_case_through_the_whole_desk_loop(desk: Desk) -> None:
    page = desk.page
    v = Villager(desk.sender, "o-desk-loop")
    v.scan(VILLAGE)
    filed = file_report(v, category="5", text="村里新修的水渠不到一年就塌了")
    number = re.search(NUMBER_RE, filed).group(1)  # type: ignore[union-attr]
    with desk.sessions() as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        cid, month = case.id, f"{local_date(case.created_at):%Y-%m}"
        assert case.route_unit == LEAD, case.route_unit_name
    lead, new_lead = _unit_name(desk, LEAD), _unit_name(desk, NEW_LEAD)
    case_path = f"/admin/cases/{cid}"

    # Received: on the routed department's queue; the case page leads with 签收, and 退回 is offered.
    desk.login("nync_huzhu")
    assert number in page.inner_text("main")
    assert f"新案件：案件 {number}" in desk.queue_notices()  # no WeChat linked: the queue's top tells it
    assert desk.outbox_for("nync_huzhu") == []
    desk.open(case_path)
    assert desk.first_step() == "step-accept" and page.locator("#step-return_case").count() == 1
    assert "由互助土族自治县农业农村局（乡村振兴局）牵头办理" in desk.timeline()
    shot(page, "desk-loop-received")

    # 退回 by the department, with a reason: the county 纪委监委 hears of it at the top of its queue and on
    # WeChat; the scoreboard counts the return against the department.
    assert "已退回" in desk.act("return_case", reason="水渠工程由住建局立项、财政局拨款，不属于本局职责")
    assert "不属于本局职责" in desk.timeline()
    desk.login("jw_huzhu")
    assert f"退回：案件 {number} 被{lead}退回" in desk.queue_notices()
    assert _told(desk.outbox_for("jw_huzhu"), "returned", number)
    shot(page, "desk-loop-queue-returned")
    returned = desk.scoreboard_row(lead, month)
    assert returned["收到件数"] == "1" and returned["退单率"] == "100.0%", returned

    # The county 纪委监委 re-routes it to 财政局 (the first step on its page), which hears of it on WeChat.
    desk.open(case_path)
    assert desk.first_step() == "step-rule_return"
    assert "改派" in desk.act("rule_return", decision="reroute", to_unit=NEW_LEAD, reason="工程款由财政局拨付，请核查")
    timeline = desk.timeline()
    assert "处理退回" in timeline and f"改派{new_lead}" in timeline
    assert _told(desk.outbox_for("cz_huzhu"), "new_case", number)
    shot(page, "desk-loop-rerouted")
    assert number not in desk.redo_list()  # handled in time: not on the 督办清单
    left, got = desk.scoreboard_row(lead, month), desk.scoreboard_row(new_lead, month)
    assert left["收到件数"] == "0" and left["退单率"] == "100.0%", left  # the return stays with the department
    assert got["收到件数"] == "1" and got["退单率"] == "0.0%" and got["满意率"] == "—", got
    log = desk.audit()
    assert f"退回\t{number}" in log and f"处理退回\t{number}" in log

    # 签收 by the new unit, then 补充询问: the villager answers in the chat and the unit hears of it.
    desk.login("cz_huzhu")
    assert f"新案件：案件 {number}（项目质量或进度问题），办理单位：{new_lead}" in desk.queue_notices()
    desk.open(case_path)
    assert desk.first_step() == "step-accept"
    assert desk.act("accept").startswith("已受理")
    assert "转给群众" in desk.act("ask_reporter", question="请问是哪一段水渠、哪个社？")
    assert "请问是哪一段水渠、哪个社？" in desk.villager_notices()  # relayed without showing who they are
    assert "已补充" in v.say("三社到五社那一段，去年秋天修的")
    v.say("好了")
    assert _told(desk.outbox_for("cz_huzhu"), "reporter_reply", number)
    assert f"群众已回复：案件 {number}" in desk.queue_notices()
    desk.open(case_path)
    assert "三社到五社那一段，去年秋天修的" in page.inner_text("main")
    timeline = desk.timeline()
    assert "询问群众" in timeline and "群众补充材料" in timeline
    shot(page, "desk-loop-asked")

    # 会办: the co-handling units are told at the top of their queues; the case shows whose opinions are in.
    assert "收齐后才能办结" in desk.act("ask_opinions")
    assert "尚未提交" in page.inner_text("#opinions") and page.locator("#step-close").count() == 0
    for who in CO_STAFF:
        desk.login(who)
        assert f"会办：案件 {number} 请您的单位提出书面会办意见" in desk.queue_notices()
        desk.open(case_path)
        assert "已提交" in desk.act("give_opinion", text="经核实，水渠验收资料不全，建议返工")
    desk.login("cz_huzhu")
    desk.open(case_path)
    assert "尚未提交" not in page.inner_text("#opinions")
    assert "会办意见" in desk.timeline()
    shot(page, "desk-loop-opinions")

    # 答复 → 办结; the internal opinion stays staff-only.
    assert desk.first_step() == "step-reply"
    assert desk.act("reply", text="已核实，施工单位将于本月返工修复。").startswith("已答复")
    assert desk.first_step() == "step-close"
    done = desk.act("close", finding="查实", resolution="施工单位已返工修复水渠。", internal="约谈施工单位负责人。")
    assert done.startswith(f"案件 {number} 已办结")
    assert "内部意见（群众看不到）" in desk.timeline()
    told = desk.villager_notices()
    assert "施工单位已返工修复水渠。" in told and "约谈施工单位负责人" not in told
    shot(page, "desk-loop-closed")
    desk.login("jw_huzhu")
    closed = desk.scoreboard_row(new_lead, month)
    assert closed["解决率"] == "100.0%" and closed["重办率"] == "0.0%" and closed["满意率"] == "—", closed
    assert number not in desk.redo_list()

    # The villager rates 不满意 in the chat, with a reason: the case is reopened, on the 督办清单 with the
    # reason, and the unit is told (督办) on WeChat; 重办率 and 满意率 move.
    assert "不满意的原因" in v.say("不满意")
    assert "已重新交办" in v.say("返工只修了一半，下雨还是漏水")
    redo = desk.redo_list()
    assert number in redo and "返工只修了一半" in redo and "待回访" in redo and new_lead in redo
    shot(page, "desk-loop-supervision")
    assert _told(desk.outbox_for("cz_huzhu"), "supervise", number)
    after_redo = desk.scoreboard_row(new_lead, month)
    assert after_redo["重办率"] == "100.0%" and after_redo["满意率"] == "0.0%", after_redo
    assert after_redo["解决率"] == "—", after_redo  # reopened: not closed in the month any more
    shot(page, "desk-loop-scoreboard-redo")

    # 回访 and 整改 by the unit, then closed again; the villager rates 满意 and the loop leaves the list.
    desk.login("cz_huzhu")
    assert f"督办：案件 {number}" in desk.queue_notices()
    desk.open(case_path)
    assert "返工只修了一半" in page.inner_text("#rectification")
    assert desk.first_step() == "step-accept"
    page.set_viewport_size({"width": 390, "height": 844})  # a town or department cadre on a phone
    _no_sideways_scroll(page)
    shot(page, "desk-loop-rectification-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    desk.act("accept")
    assert desk.first_step() == "step-phone_rating"
    assert "已登记回访" in desk.act("phone_rating", rating="4", note="电话联系群众：同意再次返工后复查")
    assert desk.first_step() == "step-rectify"
    assert "整改结果" in desk.act("rectify", outcome="施工单位再次返工，经复查不再漏水")
    assert "已结束" in page.inner_text("#rectification")
    desk.act("reply", text="水渠已再次返工，经复查不再漏水。")
    assert desk.act("close", finding="查实", resolution="水渠已返工修好。").startswith(f"案件 {number} 已办结")
    timeline = desk.timeline()
    for step in ("退回", "处理退回", "询问群众", "会办意见", "差评回访", "整改结果"):
        assert step in timeline, step
    shot(page, "desk-loop-rectified")
    assert "感谢您的评价（满意）" in v.say("满意")
    with desk.sessions() as s:
        assert s.get(Case, cid).rating == 2  # type: ignore[union-attr]  # ratings.Rating.SATISFIED
    desk.open(case_path)
    assert re.search(r"群众评价\s+满意", page.inner_text("main"))
    desk.login("jw_huzhu")
    assert number not in desk.redo_list()
    final = desk.scoreboard_row(new_lead, month)
    assert final["满意率"] == "100.0%" and final["重办率"] == "100.0%" and final["解决率"] == "100.0%", final
    county = desk.scoreboard_total()  # one return in two dispatches (received, then re-routed)
    assert county["收到件数"] == "1" and county["退单率"] == "50.0%" and county["重办率"] == "100.0%", county
    shot(page, "desk-loop-scoreboard-after")

    # The audit log reads each step in Chinese with the case number.
    log = desk.audit()
    for step in ("退回", "处理退回", "询问群众", "会办意见", "回访", "整改", "办结"):
        assert f"{step}" in log and number in log, step
    # The WeChat notices name the case, its category and unit, never what the villager wrote.
    for who in LINKED:
        for line in desk.outbox_for(who):
            assert "水渠" not in line and "三社" not in line and "漏水" not in line, line

    # The key pages at a phone's width: nothing scrolls sideways.
    page.set_viewport_size({"width": 390, "height": 844})
    for path, name in (
        (case_path, "case"),
        ("/admin/cases", "queue"),
        ("/admin/supervision", "supervision"),
        (f"/admin/scoreboard?month={month}", "scoreboard"),
        ("/admin/audit", "audit"),
    ):
        desk.open(path)
        _no_sideways_scroll(page)
        shot(page, f"desk-loop-{name}-phone")
