"""Menu item 2 (项目公开) through the webhook: the bound village's projects and totals, paged by "更多"."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select

from storage.db import make_sessionmaker, transaction
from storage.models.cases import ReportDraft
from storage.repos.projects import ProjectRow, upsert_projects
from storage.types import utcnow
from tests.webhook_support import Sender, event_xml, make_client, text_xml
from villages.projects.load import load_demo_projects

TUGUAN = "630223106213"


@pytest.fixture
def sender(engine: Engine) -> Sender:
    client = Sender(make_client(engine))
    with transaction(make_sessionmaker(engine)) as s:
        load_demo_projects(s, now=utcnow())
    return client


def bind(sender: Sender, openid: str, code: str = TUGUAN) -> None:
    assert "欢迎" in sender.reply_text(event_xml(openid, "subscribe", f"qrscene_{code}"))


def test_menu_2_shows_the_villages_projects_and_totals_in_one_message(sender: Sender) -> None:
    bind(sender, "o-p1")
    reply = sender.reply_text(text_xml("o-p1", "2"))
    assert reply.startswith("【土观村委会 项目公开】（演示数据")
    assert "共9个项目，资金合计329.9万元" in reply
    assert "灌溉渠道维修" in reply and "52万元（以工代赈资金）" in reply
    assert "班彦" not in reply and "盘绣" not in reply  # another village's projects
    assert len(reply.encode()) <= 2048
    assert "「更多」" in reply


def test_more_continues_then_the_list_ends(sender: Sender) -> None:
    bind(sender, "o-p2")
    first = sender.reply_text(text_xml("o-p2", "2"))
    second = sender.reply_text(text_xml("o-p2", "更多"))
    assert "7. " in second and "9. " in second and "1. " not in second
    assert "「更多」" not in second and len(second.encode()) <= 2048
    names = [line.split("年 ", 1)[1] for text in (first, second) for line in text.splitlines() if ". 20" in line]
    assert len(names) == len(set(names)) == 9
    assert "最后一页" in sender.reply_text(text_xml("o-p2", "更多"))


def test_click_menu_key_shows_projects(sender: Sender) -> None:
    bind(sender, "o-p3", "630223106201")
    reply = sender.reply_text(event_xml("o-p3", "CLICK", "MENU_PROJECTS"))
    assert "班彦村委会 项目公开" in reply and "盘绣" in reply and "「更多」" not in reply


def test_unbound_villager_is_asked_to_bind_first_then_sees_projects(sender: Sender) -> None:
    reply = sender.reply_text(text_xml("o-p4", "2"))
    assert "先确定您所在的村" in reply and "项目公开】" not in reply
    choices = sender.reply_text(text_xml("o-p4", "五十镇 土观村"))
    if "序号" in choices:
        sender.reply_text(text_xml("o-p4", "1"))
    assert "土观村委会 项目公开" in sender.reply_text(text_xml("o-p4", "2"))


def test_village_without_projects_says_so(sender: Sender) -> None:
    bind(sender, "o-p5", "630203204206")
    reply = sender.reply_text(text_xml("o-p5", "2"))
    assert "还没有公开的项目信息" in reply


def test_menu_word_leaves_the_list(sender: Sender) -> None:
    bind(sender, "o-p6")
    sender.reply_text(text_xml("o-p6", "2"))
    assert "请回复数字" in sender.reply_text(text_xml("o-p6", "菜单"))
    assert "没有更多" in sender.reply_text(text_xml("o-p6", "更多"))


def test_many_long_projects_page_within_the_byte_limit(sender: Sender, engine: Engine) -> None:
    rows = [
        ProjectRow(
            village_code="630222106200",
            name=f"第{i}号" + "很长的项目名称" * 25,
            year=2020 + i % 5,
            fund_source="中央财政衔接推进乡村振兴补助资金" * 3,
            amount_yuan=Decimal("12345.67") * i,
            implementing_unit="民和回族土族自治县农业农村局" * 5,
            status="在建",
            start_date=None,
            completion_date=None,
            beneficiaries=i,
        )
        for i in range(1, 31)
    ]
    with transaction(make_sessionmaker(engine)) as s:
        upsert_projects(s, rows=rows, now=utcnow())
    bind(sender, "o-p7", "630222106200")
    seen = 0
    reply = sender.reply_text(text_xml("o-p7", "2"))
    for _ in range(40):
        assert len(reply.encode()) <= 2048
        seen += sum(1 for line in reply.splitlines() if re.match(r"[0-9]+\. 20[0-9]{2}年 ", line))
        if "「更多」" not in reply:
            break
        reply = sender.reply_text(text_xml("o-p7", "更多"))
    assert seen == 32  # 30 long ones and the 2 demo projects of this village


def test_a_projects_details_show_funds_by_source_contractor_and_acceptance(sender: Sender) -> None:
    bind(sender, "o-p8")
    sender.reply_text(text_xml("o-p8", "2"))
    road = sender.reply_text(text_xml("o-p8", "第七个"))  # on the next page: any project's number opens it
    assert "【项目 7】村内道路硬化工程（2024年）" in road
    assert "资金：86万元，来源2项：" in road
    assert "· 中央财政衔接推进乡村振兴补助资金 60万元" in road and "· 县级财政配套资金 26万元" in road
    assert "实施单位：五十镇人民政府\n" in road and "承包单位：互助县示例路桥工程有限公司（虚构）" in road
    assert "验收：已验收" in road and "开工：2024-04-10" in road and "完工：2024-09-28" in road
    assert "受益：1320人" in road and "对这个项目有疑问，回复「反映」" in road
    assert len(road.encode()) <= 2048
    built = sender.reply_text(text_xml("o-p8", "三"))
    assert "【项目 3】村卫生室设备更新" in built and "承包单位：未公开" in built and "验收：已完工，待验收" in built


def test_a_doubt_told_on_a_project_starts_a_report_that_names_it_and_keeps_the_words(
    sender: Sender, engine: Engine
) -> None:
    bind(sender, "o-p9")
    sender.reply_text(text_xml("o-p9", "2"))
    sender.reply_text(text_xml("o-p9", "7"))
    started = sender.reply_text(text_xml("o-p9", "这个路才修半年就裂了 钱花得不对"))
    assert "已把您的话记为反映内容" in started and "项目" in started
    with make_sessionmaker(engine)() as s:
        draft = s.scalars(select(ReportDraft)).one()
        parts = (draft.data or {})["parts"]
    assert parts == ["对2024年的项目“村内道路硬化工程”有疑问：这个路才修半年就裂了 钱花得不对"]


def test_on_the_list_page_a_number_beyond_the_list_is_answered_and_the_list_is_kept(sender: Sender) -> None:
    bind(sender, "o-p10")
    sender.reply_text(text_xml("o-p10", "2"))
    reply = sender.reply_text(text_xml("o-p10", "12"))
    assert "没有第 12 个项目" in reply and "「菜单」" in reply
    assert "【项目 3】" in sender.reply_text(text_xml("o-p10", "第3个"))


def test_a_question_about_money_for_a_thing_names_the_projects_of_that_thing_first(sender: Sender) -> None:
    bind(sender, "o-p11")
    road = sender.reply_text(text_xml("o-p11", "村里修路的钱去哪了"))
    assert road.startswith("和您问的有关：7. 2024年 村内道路硬化工程。") and len(road.encode()) <= 2048
    assert "【项目 7】村内道路硬化工程" in sender.reply_text(text_xml("o-p11", "7"))
    sender.reply_text(text_xml("o-p11", "菜单"))
    canal = sender.reply_text(text_xml("o-p11", "俺们村浇地的水渠花了多少钱"))
    assert canal.startswith("和您问的有关：2. 2025年 灌溉渠道维修。")
    assert "【项目 2】灌溉渠道维修" in sender.reply_text(text_xml("o-p11", "那个水渠的钱花了多少"))  # in the list
    plain = sender.reply_text(text_xml("o-p11", "村里的钱咋花的"))
    assert "和您问的有关" not in plain and "项目公开】" in plain


def test_in_the_list_a_project_named_by_its_thing_opens_and_its_details_answer_questions(sender: Sender) -> None:
    bind(sender, "o-p12")
    sender.reply_text(text_xml("o-p12", "2"))
    canal = sender.reply_text(text_xml("o-p12", "浇地那个渠是哪家公司干的"))
    assert "【项目 2】灌溉渠道维修" in canal and "承包单位：青海示例水利建设有限公司（虚构）" in canal
    again = sender.reply_text(text_xml("o-p12", "验收了没有"))
    assert "【项目 2】" in again and "验收：完工后验收" in again
    assert "低保" in sender.reply_text(text_xml("o-p12", "低保怎么申请"))  # a policy question leaves the list


def test_in_the_list_a_doubt_asks_which_project_then_one_named_by_its_thing_is_reported(
    sender: Sender, engine: Engine
) -> None:
    bind(sender, "o-p13")
    sender.reply_text(text_xml("o-p13", "2"))
    assert "对哪个项目有疑问" in sender.reply_text(text_xml("o-p13", "这些项目俺有意见"))
    started = sender.reply_text(text_xml("o-p13", "保鲜库那个工程钱对不上"))
    assert "已把您的话记为反映内容" in started
    with make_sessionmaker(engine)() as s:
        parts = (s.scalars(select(ReportDraft)).one().data or {})["parts"]
    assert parts == ["对2025年的项目“冷链保鲜库建设”有疑问：保鲜库那个工程钱对不上"]


def test_a_doubt_right_after_a_money_question_is_about_the_one_project_it_named(sender: Sender, engine: Engine) -> None:
    bind(sender, "o-p14")
    assert "和您问的有关：9. 2024年 村级光伏电站运维" in sender.reply_text(
        text_xml("o-p14", "俺想看看村上的光伏电站挣了多少钱")
    )
    started = sender.reply_text(text_xml("o-p14", "这钱咋分的有猫腻"))
    assert "已把您的话记为反映内容" in started
    with make_sessionmaker(engine)() as s:
        parts = (s.scalars(select(ReportDraft)).one().data or {})["parts"]
    assert parts == ["对2024年的项目“村级光伏电站运维”有疑问：这钱咋分的有猫腻"]
    sender.reply_text(text_xml("o-p14", "取消"))
    sender.reply_text(text_xml("o-p14", "村里修路的钱去哪了"))
    assert "请回复数字：\n1 政策咨询" in sender.reply_text(text_xml("o-p14", "返回"))  # still leaves the list
