"""The scoreboard page and its downloads over HTTP (#20 §4), on SQLite and PostgreSQL: the figures of the
hand-counted cases as percentages, each role's scope (another county's units never appear, a picked unit
outside the scope reads as the whole scope), the definitions and the weights on the page, the .xlsx with
a frozen header, real dates and numbers, the A4 PDF; audited in Chinese; bad input never a 500."""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine, select

from cases import ratings
from config import fonts
from config.fonts import cjk_font_path
from storage.db import make_sessionmaker
from storage.models.staff import AuditEntry
from tests.cases.reading.test_scoreboard import hand_counted
from tests.cases_support import KEYS
from tests.conftest import IN_CI
from tests.handlers.admin.test_admin_pages import login
from tests.webhook_support import make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_the_scoreboard_page_and_its_files_in_each_scope(engine: Engine) -> None:
    c = make_client(engine, identity_key=KEYS.current)
    sessions = make_sessionmaker(engine)
    hand_counted(sessions)
    login(c, "jw_huzhu")
    page = c.get("/admin/scoreboard?month=2026-03")
    assert page.status_code == 200
    text = page.text
    assert "单位考评" in text and "2026年3月" in text and "乐都" not in text
    assert "50.0%" in text and "33.3%" in text and "排名靠后" in text  # the 纪委's 签收及时率, 按期办结率; flagged
    assert ratings.WEIGHTS_TEXT in text and "解决率" in text and "异常增多提示" in text
    assert "<svg" in text and "<script>" not in text and "view_scoreboard" not in text
    assert "33.3%" in c.get("/admin/scoreboard?month=2026-03&unit=630223:jw").text
    ledu_unit = c.get("/admin/scoreboard?month=2026-03&unit=630202:jw")
    assert ledu_unit.status_code == 200 and "乐都" not in ledu_unit.text
    for bad in ("month=2026-13&unit=x", "unit=%3Cscript%3E", "unit=" + "9" * 500, "month=9999-99"):
        assert c.get(f"/admin/scoreboard?{bad}").status_code == 200
    assert c.get("/admin/scoreboard?month=%00").status_code == 400  # the app refuses NUL in any query
    book = load_workbook(io.BytesIO(c.get("/admin/scoreboard.xlsx?month=2026-03").content))
    units = book["2026-03 单位"]
    assert units.freeze_panes == "B2" and units["A1"].value == "名次"
    header = [cell.value for cell in units[1]]
    by_name = {row[1]: row for row in units.iter_rows(min_row=2, values_only=True)}
    jw = by_name["互助土族自治县纪委监委"]
    assert (
        jw[header.index("签收及时率")] == 0.5 and units.cell(2, header.index("签收及时率") + 1).number_format == "0.0%"
    )
    assert units.column_dimensions["B"].width >= 10
    trend = book["近十二个月"]
    assert isinstance(trend["A2"].value, datetime) and trend["A13"].value == datetime(2026, 3, 1)
    assert trend.freeze_panes == "B2" and book["口径"]["A2"].value == "收到件数"
    pdf = c.get("/admin/scoreboard.pdf?month=2026-03")
    assert (
        pdf.status_code == 200 and pdf.content.startswith(b"%PDF") and pdf.headers["content-type"] == "application/pdf"
    )
    assert b"/MediaBox [ 0 0 595.2756 841.8898 ]" in pdf.content
    # With a Chinese TrueType font on the machine its subset is embedded; else the CID font is only named.
    assert (b"/FontFile2" in pdf.content) if cjk_font_path() else (b"STSong-Light" in pdf.content)
    with sessions() as s:
        actions = [a.action for a in s.scalars(select(AuditEntry).where(AuditEntry.action.like("%scoreboard")))]
    assert actions.count("view_scoreboard") >= 2 and actions.count("export_scoreboard") == 2
    audit = c.get("/admin/audit").text
    assert "查看单位考评" in audit and "导出单位考评" in audit and "月份：2026-03" in audit
    assert "单位：互助土族自治县纪委监委" in audit and "已不存在" not in audit

    login(c, "jw_ledu")
    ledu = c.get("/admin/scoreboard?month=2026-03").text
    assert "互助" not in re.sub(r"<header>.*?</header>", "", ledu, flags=re.S) and "100.0%" in ledu
    login(c, "nync_huzhu")
    mine = c.get("/admin/scoreboard?month=2026-03&unit=630223:jw").text
    assert "纪委监委" not in re.sub(r"<header>.*?</header>", "", mine, flags=re.S)
    login(c, "admin")
    assert c.get("/admin/scoreboard").status_code == 403


def test_a_long_unit_name_wraps_in_the_pdf_and_keeps_its_end() -> None:
    from handlers.admin.scoreboard_files import _wrap

    name = "互助土族自治县农业农村局（乡村振兴局）（靠后）"
    lines = _wrap(name, 132.0, 7.0)
    assert len(lines) == 2 and "".join(lines) == name and lines[-1].endswith("（靠后）")
    assert _wrap("五十镇人民政府", 132.0, 7.0) == ["五十镇人民政府"]


def _report(text: str) -> bytes:
    from handlers.admin.scoreboard_files import _Pdf

    out = io.BytesIO()
    pdf = _Pdf(out, "通报")
    pdf.line(text, 11)
    pdf.table(["名次", "单位"], [["1", "互助土族自治县农业农村局（乡村振兴局）"]], [20.0, 135.0])
    pdf.c.save()
    return out.getvalue()


def test_the_report_embeds_the_chinese_truetype_font_when_the_machine_has_it() -> None:
    if cjk_font_path() is None:
        reason = "no Chinese TrueType font here (install fonts-wqy-microhei)"
        if IN_CI:
            pytest.fail(reason + "; .ci/run installs it")
        pytest.skip(reason)
    content = _report("互助土族自治县2026年3月办理情况通报")
    assert content.count(b"/FontFile2") == 1 and b"+WenQuanYiMicroHei" in content
    assert b"STSong-Light" not in content


def test_without_a_truetype_font_the_report_names_stsong_light(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "CJK_FONT_CANDIDATES", (Path("/nonexistent/wqy-microhei.ttc"),))
    content = _report("互助土族自治县2026年3月办理情况通报")
    assert b"STSong-Light" in content and b"/FontFile2" not in content
