"""The whole loop on a laptop, in headless Chromium: `qingfeng setup` and `qingfeng serve` in dev (which
starts the WeChat API stand-in), the dev phone asks a policy question and files a report with a photo and
a location, the demo discipline user accepts, answers and closes it in /admin, and the phone shows each
notice and takes the rating. At desktop and phone widths. Screenshots go to var/screenshots/devphone-*."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from cases.staff.accounts import DEMO_PASSWORD
from storage.db import make_engine, make_sessionmaker
from storage.models.cases import Case, CaseEvidence
from tests.browser_support import csp_refusals, free_port
from tests.browser_support import shot as screenshot
from tests.h5_support import write_png

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]
QF = [sys.executable, "-m", "handlers.cli.main"]
VILLAGE = "630223106213"  # 土观村, the README's tour village
HOME = (36.8352, 101.9521)
WIDTHS: dict[str, dict[str, Any]] = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True},
}


class Server:
    def __init__(self, base: str, db: str, log: Path) -> None:
        self.base, self.db, self.log = base, db, log


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("devphone")
    db = f"sqlite:///{tmp / 'qf.db'}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("QF_")}
    env.update(QF_ENV="dev", QF_DATABASE_URL=db, QF_MEDIA_DIR=str(tmp / "media"))
    subprocess.run([*QF, "setup"], env=env, check=True, capture_output=True, timeout=180)
    port = free_port()
    log = tmp / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [*QF, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env, stdout=out, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "qingfeng serve did not become healthy"
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        yield Server(base, db, log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(params=list(WIDTHS))
def width(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def context(browser: Any, width: str) -> Iterator[Any]:
    ctx = browser.new_context(
        locale="zh-CN",
        geolocation={"latitude": HOME[0], "longitude": HOME[1], "accuracy": 25},
        permissions=["geolocation"],
        **WIDTHS[width],
    )
    ctx.set_default_timeout(20_000)
    yield ctx
    ctx.close()


def lines(page: Any, kind: str) -> list[str]:
    return list(page.eval_on_selector_all(f"#chat li.line.{kind} .text", "els => els.map(e => e.textContent)"))


def wait_for_line(page: Any, kind: str, contains: str, timeout: int = 20_000) -> str:
    # Locators, not wait_for_function: the page's Content-Security-Policy forbids the eval that one uses.
    line = page.locator(f"#chat li.line.{kind} .text", has_text=contains).first
    line.wait_for(timeout=timeout)
    return str(line.text_content())


def wait_for_reply(page: Any, before: int) -> str:
    """The passive reply numbered `before` (0-based), once it is shown."""
    line = page.locator("#chat li.line.reply .text").nth(before)
    line.wait_for()
    return str(line.text_content())


def say(page: Any, text: str) -> str:
    """Type `text` into the phone and return the passive reply it gets."""
    before = len(lines(page, "reply"))
    page.fill("#text", text)
    page.press("#text", "Enter")
    return wait_for_reply(page, before)


def admin_act(page: Any, action: str, **fields: str) -> None:
    form = page.locator(f"form:has(input[name=action][value={action}])")
    for name, value in fields.items():
        el = form.locator(f"[name={name}]")
        if el.evaluate("e => e.tagName") == "SELECT":
            el.select_option(value)
        else:
            el.fill(value)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()


def test_landing_page_leads_to_the_phone_the_admin_and_a_village(server: Server, context: Any, width: str) -> None:
    page = context.new_page()
    refused = csp_refusals(page)
    page.goto(server.base + "/")
    assert "清风" in page.inner_text("h1")
    assert "huzhu_jw" in page.inner_text("#admin") and DEMO_PASSWORD in page.inner_text("#admin")
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]["viewport"]["width"]
    screenshot(page, f"devphone-landing-{width}")
    page.click("#h5 a")
    page.wait_for_url(re.compile(rf"/v/{VILLAGE}$"))
    assert "土观村" in page.inner_text("h1")
    page.goto(server.base + "/")
    page.click("text=打开开发手机")
    page.wait_for_url(re.compile(r"/dev/phone$"))
    assert page.is_visible("#find")
    assert refused == []


def test_ask_report_staff_reply_and_rating_through_the_dev_phone(
    server: Server, context: Any, width: str, tmp_path: Path
) -> None:
    phone = context.new_page()
    refused = csp_refusals(phone)
    if width == "phone":
        # A poster's scene opens the phone already scanned into the village.
        phone.goto(f"{server.base}/dev/phone?scene={VILLAGE}")
    else:
        phone.goto(f"{server.base}/dev/phone")
        phone.fill("#find", "土观")
        phone.press("#find", "Enter")
        phone.click(f"button.village-choice[data-code='{VILLAGE}']")
    assert "土观村" in wait_for_line(phone, "reply", "欢迎")
    assert "土观村" in phone.inner_text("#village")

    answer = say(phone, "低保怎么申请")
    assert "低保" in answer and "没有找到" not in answer

    say(phone, "菜单")
    assert "反映的问题" in say(phone, "3")
    say(phone, "1")
    say(phone, "村会计把我家的危房改造补助扣了 3000 元")
    assert "哪一级的干部" in say(phone, "好了")
    assert "照片" in say(phone, "1")
    before = len(lines(phone, "reply"))
    phone.set_input_files("#photo", str(write_png(tmp_path / "wall.png")))
    assert "第 1 张照片" in wait_for_reply(phone, before)
    phone.click("#locate")
    assert "位置已收到" in wait_for_reply(phone, before + 1)
    assert "姓名和电话" in say(phone, "好了")
    assert "请核对" in say(phone, "2")
    filed = say(phone, "1")
    number = re.search(r"案件编号：(\S+)", filed).group(1)  # type: ignore[union-attr]
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]["viewport"]["width"]
    screenshot(phone, f"devphone-filed-{width}")

    staff = context.new_page()
    staff_refused = csp_refusals(staff)
    staff.goto(server.base + "/admin/login")
    staff.fill("#username", "huzhu_jw")
    staff.fill("#password", DEMO_PASSWORD)
    staff.click("button[type=submit]")
    staff.wait_for_url(re.compile(r"/admin/cases"))
    staff.click(f"text={number}")
    staff.wait_for_url(re.compile(r"/admin/cases/\d+$"))
    admin_act(staff, "accept")
    assert "已受理" in wait_for_line(phone, "kefu", number)

    reply = f"经核查，村会计扣留补助属实，已责令退还。（{width}）"
    admin_act(staff, "reply", text=reply)
    wait_for_line(phone, "kefu", reply)

    admin_act(staff, "close", finding="查实", resolution="已退还 3000 元。")
    prompt = wait_for_line(phone, "kefu", "已办结")
    assert "请回复数字评价" in prompt
    assert "感谢您的评价（满意）" in say(phone, "2")
    screenshot(phone, f"devphone-rated-{width}")

    sessions = make_sessionmaker(make_engine(server.db))
    with sessions() as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        assert case.rating == 2
        photos = list(
            s.scalars(
                select(CaseEvidence.download_status).where(
                    CaseEvidence.case_id == case.id, CaseEvidence.kind == "image"
                )
            )
        )
    assert photos == ["stored"]  # downloaded from the stand-in by the worker, as from WeChat
    assert refused == [] and staff_refused == []
