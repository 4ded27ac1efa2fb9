"""The H5 page in headless Chromium on a phone-sized screen (390×844): policy search, a report with a
photo and the browser's location, a form posted twice, tracking and rating. Screenshots go to
var/screenshots/h5-*.png. In CI (CI=true) a browser suite that cannot run fails instead of skipping."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from cases.handling import case_steps
from storage.db import make_sessionmaker, transaction
from storage.models import ScanDaily
from storage.models.cases import Case, CaseEvidence
from storage.types import utcnow
from tests.browser_support import csp_refusals, served_app
from tests.browser_support import shot as screenshot
from tests.cases_support import KEYS, VILLAGE
from tests.h5_support import seed, write_png

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]
PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36"
)
HOME = (36.8352, 101.9521)  # near 土观村, WGS-84


class Site:
    def __init__(self, engine: Engine, base: str) -> None:
        self.engine, self.base = engine, base
        self.sessions = make_sessionmaker(engine)

    def cases(self) -> list[Case]:
        with self.sessions() as s:
            return list(s.scalars(select(Case).order_by(Case.id)))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    tmp = tmp_path_factory.mktemp("h5-browser")
    with served_app(tmp, seed, media_dir=tmp / "media") as srv:
        yield Site(srv.engine, srv.base)


@pytest.fixture
def page(browser: Any, site: Site) -> Iterator[Any]:
    context = browser.new_context(
        locale="zh-CN",
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        user_agent=PHONE_UA,
        geolocation={"latitude": HOME[0], "longitude": HOME[1], "accuracy": 25},
        permissions=["geolocation"],
    )
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    refused = csp_refusals(pg)
    yield pg
    context.close()
    assert not refused, f"the Content-Security-Policy refused: {refused}"


def shot(page: Any, name: str) -> None:
    screenshot(page, f"h5-{name}")


def fill_report(
    page: Any, site: Site, *, photo: Path | None = None, text: str = "村会计把我家的危房改造补助扣了 3000 元"
) -> None:
    page.goto(f"{site.base}/v/{VILLAGE}")
    page.click("text=我要反映")
    page.wait_for_url(re.compile(r"/report$"))
    page.select_option("#category", "funds")
    page.select_option("#cadre_level", "village")
    page.fill("#description", text)
    if photo is not None:
        page.set_input_files("#photos", str(photo))
        page.wait_for_selector("#previews img")
    page.click("#locate")
    # A locator, not wait_for_function: the page's Content-Security-Policy forbids the eval that one uses.
    page.locator("#loc-status", has_text="已获取位置").wait_for()
    assert page.input_value("#lat") != ""


def test_policy_search_on_a_phone(page: Any, site: Site) -> None:
    page.goto(f"{site.base}/v/{VILLAGE}")
    assert "土观村委会" in page.inner_text("h1") and "五十镇" in page.inner_text("h1")
    assert "土观村巷道硬化工程" in page.inner_text("#projects")
    shot(page, "home")
    page.fill("#q", "低保怎么申请")
    page.click("#policy button[type=submit]")
    page.wait_for_url(re.compile(r"/search\?q="))
    answer = page.inner_text(".answer")
    assert "低保" in answer and "没有找到相关政策" not in answer
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    shot(page, "search")
    with site.sessions() as s:
        assert s.scalars(select(ScanDaily.count).where(ScanDaily.scene == VILLAGE, ScanDaily.channel == "h5")).one()


def test_report_with_a_photo_and_location_posted_twice_gives_one_case(page: Any, site: Site, tmp_path: Path) -> None:
    before = len(site.cases())
    fill_report(page, site, photo=write_png(tmp_path / "wall.png"))
    shot(page, "report-form")
    page.click("button[value=preview]")
    assert "请核对后提交" in page.inner_text("main") and "1 张" in page.inner_text("main")
    shot(page, "confirm")
    posted = dict(
        page.eval_on_selector_all("#confirm-form input[type=hidden]", "els => els.map(e => [e.name, e.value])")
    )
    posted["step"] = "submit"
    page.click("#submit")
    page.wait_for_selector("#case-number")
    number, code = page.inner_text("#case-number"), page.inner_text("#query-code")
    assert re.fullmatch(r"630223-\d{4}-\d{6}", number) and re.fullmatch(r"\d{6}", code)
    assert "告知是否受理" in page.inner_text("main")
    shot(page, "done")
    # The same form body again (a resubmit after going back, a flaky network retrying the POST).
    again = page.request.post(f"{site.base}/v/{VILLAGE}/report", form=posted)
    assert again.status == 200 and "已经提交过了" in again.text()
    assert f'id="case-number">{number}<' in again.text() and f'id="query-code">{code}<' in again.text()
    cases = site.cases()
    assert len(cases) == before + 1
    case = cases[-1]
    assert case.number == number and case.channel == "h5"
    assert case.location_datum == "wgs84" and abs((case.lat or 0) - HOME[0]) < 1e-4
    with site.sessions() as s:
        (ev,) = s.scalars(select(CaseEvidence).where(CaseEvidence.case_id == case.id)).all()
    assert ev.download_status == "stored" and ev.content_type == "image/png"


def test_the_cadre_select_starts_on_choose_and_says_unknown_is_an_answer(page: Any, site: Site) -> None:
    before = len(site.cases())
    page.goto(f"{site.base}/v/{VILLAGE}/report")
    assert page.eval_on_selector("#cadre_level", "s => s.options[s.selectedIndex].text") == "请选择"
    assert "不清楚就选“其他或不清楚”" in page.inner_text("label[for=cadre_level]")
    page.select_option("#category", "funds")
    page.fill("#description", "村会计把我家的危房改造补助扣了 3000 元")
    page.click("button[value=preview]")
    problems = page.inner_text("[role=alert]")
    assert "请选择被反映人是哪一级干部，不清楚就选“其他或不清楚”" in problems
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "report-cadre-missing")
    page.select_option("#cadre_level", "unknown")  # 其他或不清楚, as the chat takes 不清楚
    page.click("button[value=preview]")
    assert "请核对后提交" in page.inner_text("main") and "其他或不清楚" in page.inner_text("main")
    page.click("#submit")
    page.wait_for_selector("#case-number")
    assert len(site.cases()) == before + 1 and site.cases()[-1].cadre_level == "unknown"


def test_a_double_click_on_submit_makes_one_case(page: Any, site: Site) -> None:
    before = len(site.cases())
    fill_report(page, site, text="村干部优亲厚友，把低保给了自己亲戚")
    page.click("button[value=preview]")
    page.dblclick("#submit")
    page.wait_for_selector("#case-number")
    page.wait_for_load_state("networkidle")
    assert len(site.cases()) == before + 1


def test_tracking_and_rating_on_a_phone(page: Any, site: Site) -> None:
    fill_report(page, site, text="扶贫项目的水渠修了一半就停工了")
    page.click("button[value=preview]")
    page.click("#submit")
    page.wait_for_selector("#case-number")
    number, code = page.inner_text("#case-number"), page.inner_text("#query-code")
    page.click("main a.button[href$='/track']")
    page.fill("#number", number)
    page.fill("#code", code)
    page.click("#track-form button[type=submit]")
    assert number in page.inner_text("h2") and "还没有答复" in page.inner_text("main")
    with transaction(site.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        now = utcnow()
        case_steps.accept(s, case=case, actor="staff", keys=KEYS, now=now)
        case_steps.public_reply(s, case=case, text="已到现场核查，施工队下周复工。", actor="staff", keys=KEYS, now=now)
        case_steps.close(
            s, case=case, finding="查实", resolution="已责令复工，月底前完工。", actor="staff", keys=KEYS, now=now
        )
    page.goto(f"{site.base}/v/{VILLAGE}/track")
    page.fill("#number", number)
    page.fill("#code", code)
    page.click("#track-form button[type=submit]")
    body = page.inner_text("main")
    assert "已到现场核查" in body and "已责令复工" in body and "请评价办理结果" in body
    shot(page, "track")
    page.check("input[name=rating][value='3']")
    page.click("#rate-form button[type=submit]")
    assert "感谢您的评价（基本满意）" in page.inner_text("main")
    shot(page, "rated")
    with site.sessions() as s:
        assert s.scalars(select(Case.rating).where(Case.number == number)).one() == 3


def test_tracking_with_spaces_and_full_width_digits_on_a_phone(page: Any, site: Site) -> None:
    fill_report(page, site, text="村里的道路硬化工程偷工减料")
    page.click("button[value=preview]")
    page.click("#submit")
    page.wait_for_selector("#case-number")
    number, code = page.inner_text("#case-number"), page.inner_text("#query-code")
    short = number[:-1].replace("-", " ")  # a digit missing: named back, the field keeps the text
    page.goto(f"{site.base}/v/{VILLAGE}/track")
    page.fill("#number", short)
    page.fill("#code", code)
    page.click("#track-form button[type=submit]")
    assert "不是完整的案件编号" in page.inner_text("main") and page.input_value("#number") == short
    wide = number.translate(str.maketrans("0123456789-", "０１２３４５６７８９ "))
    page.fill("#number", wide)
    page.fill("#code", code.translate(str.maketrans("0123456789", "０１２３４５６７８９")))
    page.click("#track-form button[type=submit]")
    assert number in page.inner_text("h2") and "还没有答复" in page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "track-typed")


def test_an_unknown_code_shows_the_village_search(page: Any, site: Site) -> None:
    response = page.goto(f"{site.base}/v/630223999999")
    assert response is not None and response.status == 404
    page.fill("#village-q", "土观")
    page.click("main button[type=submit]")
    page.click(f"a[href='/v/{VILLAGE}']")
    assert "土观村委会" in page.inner_text("h1")
