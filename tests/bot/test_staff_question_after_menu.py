"""A staff question (询问群众) survives 菜单: a free text typed afterwards is offered as the answer; 1 adds it
to the case, 2 goes on with it as a new message, and a question answered is not offered again."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from tests.cases.handling.test_staff_desk import _chat_case, _client
from tests.cases_support import VILLAGE
from tests.handlers.admin.test_admin_pages import login
from tests.report_support import NUMBER_RE, Villager, file_report

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
OFFER = "这段话是回答吗？"


def _ask(engine: Engine, tmp_path: Path, openid: str) -> tuple[TestClient, Villager, str, int]:
    c = _client(engine, tmp_path)
    v, number, cid = _chat_case(c, engine, openid)
    token = login(c, "jw_huzhu")
    asked = c.post(f"/admin/cases/{cid}/ask", data={"csrf": token, "question": "请问是哪一户、哪个社？"})
    assert asked.status_code == 200
    return c, v, number, cid


def _case_page(c: TestClient, cid: int) -> str:
    login(c, "jw_huzhu")
    page: str = c.get(f"/admin/cases/{cid}").text
    return page


def test_an_answer_after_the_menu_is_offered_and_attached(engine: Engine, tmp_path: Path) -> None:
    c, v, number, cid = _ask(engine, tmp_path, "o-ask-menu")
    v.say("菜单")
    offered = v.say("是三社的王家，补助还没发")
    assert OFFER in offered and number in offered and "听起来您要反映问题" not in offered
    added = v.say("1")
    assert f"已补充到编号 {number}" in added
    assert "已补充" in v.say("他家有三口人")  # still adding, as after a direct answer
    assert "补充完成" in v.say("好了")
    page = _case_page(c, cid)
    assert "是三社的王家，补助还没发" in page and "他家有三口人" in page
    v.say("菜单")
    later = v.say("村里的路灯坏了好几个月了没人修")
    assert OFFER not in later  # the question was answered: nothing offered again


def test_not_an_answer_goes_on_as_the_message_it_was(engine: Engine, tmp_path: Path) -> None:
    c, v, _number, cid = _ask(engine, tmp_path, "o-ask-new")
    v.say("菜单")
    story = "村干部把低保给了自己的亲戚"
    assert OFFER in v.say(story)
    reply = v.say("2")
    assert "听起来您要反映问题" in reply and OFFER not in reply  # the text is read as if just typed
    assert story in reply or "回复 1 开始反映" in reply
    assert story not in _case_page(c, cid)  # not added to the case asked about


def test_menu_words_and_commands_are_not_taken_for_an_answer(engine: Engine, tmp_path: Path) -> None:
    _c, v, _number, _cid = _ask(engine, tmp_path, "o-ask-words")
    v.say("菜单")
    for word in ("菜单", "1", "查询进度"):
        assert OFFER not in v.say(word)
        v.say("菜单")
    assert OFFER in v.say("王家在三社")
    assert "回复 1 是" in v.say("什么意思")  # neither yes nor no: asked again, the text still held
    assert "已补充到编号" in v.say("是")


def test_an_answer_right_after_a_lookup_by_number_and_code_is_offered_too(engine: Engine, tmp_path: Path) -> None:
    _c, v, number, _cid = _ask(engine, tmp_path, "o-ask-lookup")
    other = Villager(v.sender, "o-ask-lookup-other")
    other.scan(VILLAGE)
    filed = re.search(NUMBER_RE, file_report(other))
    assert filed
    v.say("菜单")
    assert "状态" in v.say(f"{filed.group(1)} {filed.group(2)}")  # another case, shown by number and code
    offered = v.say("是三社的王家，补助还没发")
    assert OFFER in offered and number in offered
