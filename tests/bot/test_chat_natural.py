"""Issue #18's symptoms, through the real webhook in safe mode, on SQLite and PostgreSQL: the chat as
villagers really talk (natural wording, navigation everywhere, projects, tracking, hardship, edits)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import Engine, func, select

from bot.reading.choices import choice_of
from bot.understand import classify
from cases.case_input import read
from storage.db import make_sessionmaker, transaction
from storage.models import Inquiry
from storage.models.cases import Case, ReportDraft
from storage.types import utcnow
from tests.cases_support import KEYS, VILLAGE
from tests.report_support import NUMBER_RE, Villager, file_report
from tests.webhook_support import Sender, make_client
from villages.projects.load import load_demo_projects

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
MENU = "请回复数字：\n1 政策咨询"
WAY_ON = "回复“转人工”请工作人员答复，回复“反映问题”向纪委监委反映。"


@pytest.fixture
def client(engine: Engine) -> Sender:
    sender = Sender(make_client(engine, identity_key=KEYS.current), safe=True)
    with transaction(make_sessionmaker(engine)) as s:
        load_demo_projects(s, now=utcnow())
    return sender


def villager(client: Sender, openid: str) -> Villager:
    v = Villager(client, openid)
    v.scan(VILLAGE)
    return v


def draft_data(engine: Engine) -> dict[str, object]:
    with make_sessionmaker(engine)() as s:
        draft = s.scalars(select(ReportDraft)).one()
        return {"step": draft.step, **dict(draft.data or {})}


def test_asking_to_report_starts_a_report_in_any_wording(client: Sender) -> None:
    for i, text in enumerate(["我要举报", "俺想举报个事", "我要投诉", "想反映个情况", "我要举包"]):
        v = villager(client, f"o-rep{i}")
        assert "请选择您要反映的问题" in v.say(text), text


def test_misconduct_told_as_a_story_is_offered_as_a_report_with_that_text(client: Sender, engine: Engine) -> None:
    v = villager(client, "o-story")
    offer = v.say("村支书把低保名额给他亲戚了")
    assert "评定不公" in offer and "回答不了" not in offer and "回复 1 开始反映" in offer
    started = v.say("1")
    assert "已把您的话记为反映内容" in started
    data = draft_data(engine)
    assert data["step"] == "description" and data["category"] == "unfair"
    assert data["parts"] == ["村支书把低保名额给他亲戚了"]


def test_a_question_about_the_villages_money_shows_its_projects(client: Sender) -> None:
    v = villager(client, "o-money")
    reply = v.say("村里修路的钱去哪了")
    assert "项目公开】" in reply and "回答不了" not in reply and "反映" in reply


@pytest.mark.parametrize("word", ["人工", "转人工", "我要找干部", "找个真人", "客服"])
def test_a_person_takes_the_question_to_staff_and_says_who_and_when(client: Sender, engine: Engine, word: str) -> None:
    v = villager(client, f"o-person-{word}")
    assert "想问什么" in v.say(word)
    handed = v.say("俺家的低保今年咋还没发")
    assert "工作人员" in handed and "工作日" in handed and "互助" in handed
    with make_sessionmaker(engine)() as s:
        assert s.scalar(select(func.count()).select_from(Inquiry)) == 1


def test_to_a_person_after_an_answer_hands_over_that_question(client: Sender, engine: Engine) -> None:
    v = villager(client, "o-person-after")
    v.say("今晚有球赛没")
    handed = v.say("转人工")
    assert "已转给" in handed
    with make_sessionmaker(engine)() as s:
        assert s.scalars(select(Inquiry.question)).one() == "今晚有球赛没"


def test_to_a_person_from_choices_says_who_and_when(client: Sender, engine: Engine) -> None:
    v = villager(client, "o-person-choices")
    reply, question = "", ""
    for question in ("补助", "钱", "办事找谁", "申请"):
        reply = v.say(question)
        if "都不是" in reply:
            break
    assert "都不是" in reply, reply
    handed = v.say("我要找真人")
    assert "互助土族自治县的工作人员" in handed and "工作日" in handed
    with make_sessionmaker(engine)() as s:
        assert s.scalars(select(Inquiry.question)).one() == question


@pytest.mark.parametrize("word", ["返回", "上一页", "菜单", "首页", "主菜单啊", "取消", "算了算了", "重新开始", "帮助"])
def test_navigation_words_at_the_top_level_are_not_searched(client: Sender, word: str) -> None:
    v = villager(client, f"o-nav-{word}")
    reply = v.say(word)
    assert MENU in reply and "回答不了" not in reply and "【" not in reply


@pytest.mark.parametrize("word", ["谢谢", "在吗", "你好", "好的", "收到", "辛苦了", "👍", "🙏🙏"])
def test_small_talk_gets_a_warm_short_answer_and_the_menu(client: Sender, word: str) -> None:
    v = villager(client, f"o-small-{word}")
    reply = v.say(word)
    assert MENU in reply and "回答不了" not in reply and len(reply) < 120


@pytest.mark.parametrize("digit", ["４", "四", "第四个", "4号"])
def test_digits_in_any_form_pick_from_the_menu(client: Sender, digit: str) -> None:
    v = villager(client, f"o-digit-{digit}")
    assert "您还没有反映过问题" in v.say(digit)


def test_the_choices_own_words_pick_it(client: Sender) -> None:
    v = villager(client, "o-words")
    assert "项目公开】" in v.say("项目公开")


def test_a_refusal_offers_a_person_and_a_report_in_one_line(client: Sender) -> None:
    v = villager(client, "o-refuse")
    reply = v.say("今晚有球赛没")
    assert WAY_ON in reply.splitlines()


def test_project_list_digits_pick_projects_and_page_both_ways(client: Sender, engine: Engine) -> None:
    v = villager(client, "o-proj")
    first = v.say("2")
    assert "「更多」" in first
    one = v.say("1")
    assert "【项目 1】" in one and "资金" in one and "实施单位" in one and "受益" in one and "政策咨询" not in one
    assert "反映" in one
    assert v.say("返回") == first
    second = v.say("更多")
    assert "7. " in second and "上一页" in second
    assert "【项目 8】" in v.say("８")
    assert v.say("上一页") == second
    assert v.say("上一页") == first
    assert MENU in v.say("返回")
    v.say("2")
    v.say("3")
    started = v.say("反映")
    assert "已把您的话记为反映内容" in started
    parts = draft_data(engine)["parts"]
    assert isinstance(parts, list) and "有疑问" in parts[0] and "项目“" in parts[0]


@pytest.mark.parametrize(
    ("text", "number", "code"),
    [
        ("630223-2026-000123 123456", "630223-2026-000123", "123456"),
        ("６３０２２３－２０２６－０００１２３，查询码：１２３４５６", "630223-2026-000123", "123456"),
        ("123456\n630223 2026 000123", "630223-2026-000123", "123456"),
        ("6302232026000123 123456", "630223-2026-000123", "123456"),
        ("630223——2026——000123  123456", "630223-2026-000123", "123456"),
        ("查询码123456 编号 630223.2026.000123", "630223-2026-000123", "123456"),
        ("6302232026000123123456", "630223-2026-000123", "123456"),
    ],
)
def test_case_numbers_and_codes_are_read_in_any_spacing_width_and_order(text: str, number: str, code: str) -> None:
    found = read(text)
    assert (found.number, found.code) == (number, code)


def test_a_number_that_does_not_fit_is_never_rewritten_and_menu_digits_leave(client: Sender) -> None:
    v = villager(client, "o-trk")
    reply = v.say("630223-2026-1 979283")
    assert "不是完整的案件编号" in reply and "197928" not in reply and "菜单" in reply
    assert "您还没有反映过问题" in v.say("4")  # the digit leaves tracking: menu item 4
    v.say("630223-2026-000001")
    assert "您还没有反映过问题" in v.say("4")


def test_a_filed_case_is_found_from_a_messy_message_and_offers_more_material(client: Sender) -> None:
    v = villager(client, "o-trk2")
    final = file_report(v)
    match = re.search(NUMBER_RE, final)
    assert match is not None
    number, code = match.groups()
    spaced = number.replace("-", " ")
    other = villager(client, "o-trk3")
    shown = other.say(f"查询码：{code}\n编号：{spaced}")
    assert number in shown and "状态" in shown and "补充材料" in shown


def test_hardship_has_its_own_script_a_required_phone_and_its_deadline(client: Sender, engine: Engine) -> None:
    v = villager(client, "o-hard")
    offer = v.say("俺家娃得了白血病 住院花了十几万 日子过不下去了")
    assert "困难" in offer and "举报" not in offer.split("\n")[0]
    started = v.say("1")
    assert "谁家" in started and "遇到的事：大病或重病" in started  # the story told it: not asked again
    assert "什么时候" in v.say("1")
    assert "几口人" in v.say("今年三月")
    assert "帮助" in v.say("五口")
    assert "为什么必须留" in v.say("看病报销和临时救助")
    assert "不能跳过" in v.say("跳过")
    summary = v.say("李四 13900001111")
    assert "核对" in summary and "白血病" in summary and "139****1111" in summary
    final = v.say("1")
    assert "工作日" in final and "上门核实" in final and "依据" in final
    number = re.search(r"编号：(\d{6}-\d{4}-\d{6})", final)
    assert number is not None
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case).where(Case.number == number.group(1))).one()
        assert case.category == "poverty_risk" and not case.anonymous and case.identity_seal is not None
        assert "白血病" in case.description and "大病或重病" in case.description and "5人" in case.description


def test_switching_between_hardship_and_misconduct_keeps_what_was_said(client: Sender, engine: Engine) -> None:
    v = villager(client, "o-switch")
    v.say("3")
    v.say("1")
    hint = v.say("我家老人瘫痪在床，家里没了收入，日子过不下去")
    assert "改为困难帮扶" in hint
    assert "已改为困难帮扶登记" in v.say("改为困难帮扶")
    data = draft_data(engine)
    assert data["category"] == "poverty_risk" and data["parts"] == ["我家老人瘫痪在床，家里没了收入，日子过不下去"]
    assert "已改为反映问题" in v.say("改为反映问题")
    v.say("2")
    assert draft_data(engine)["parts"] == ["我家老人瘫痪在床，家里没了收入，日子过不下去"]


def test_edit_keeps_the_description_and_command_words_and_scraps_are_not_stored(client: Sender, engine: Engine) -> None:
    v = villager(client, "o-edit")
    v.say("3")
    v.say("1")
    assert "不能跳过" in v.say("跳过")
    assert "看不出发生了什么" in v.say("1")
    assert "看不出发生了什么" in v.say("钱")
    assert draft_data(engine).get("parts", []) == []
    v.say("村会计把危房改造补助扣了三千块")
    v.say("好了")
    v.say("1")  # village cadre
    v.say("跳过")
    assert "核对" in v.say("2")
    v.say("修改")
    kept = v.say("2")
    assert "原来记下的" in kept and "扣了三千块" in kept
    assert "已记下" in v.say("去年腊月的事")
    summary = v.say("好了")
    assert "核对" in summary and "扣了三千块" in summary and "腊月" in summary  # not asked again


def test_classifier_reads_full_width_numerals_and_dialect() -> None:
    assert [choice_of(t) for t in ("４", "二", "第一个", "1号", "十二", "选3")] == [4, 2, 1, 1, 12, 3]
    assert classify("咋查俺反映的那个事").name == "track"
    assert classify("彩单").name == "menu"
    assert classify("谢谢🙏").name == "smalltalk"
