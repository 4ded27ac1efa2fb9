"""A complaint about a project (#18 §3): in the project list or details it starts a report naming the project
and keeping the words; from the main menu it is offered as a report, with the village's matching projects."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.project_complaint import is_complaint
from bot.reading.normal_form import normalise
from storage.db import make_sessionmaker, transaction
from storage.models.cases import ReportDraft
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


def _bind(sender: Sender, openid: str) -> None:
    assert "欢迎" in sender.reply_text(event_xml(openid, "subscribe", f"qrscene_{TUGUAN}"))


@pytest.mark.parametrize(
    "text",
    [
        "这路才修半年就裂了",
        "那个路修了半年就烂了 坑坑洼洼的",
        "水渠修了一半就停了",
        "路灯坏了好几个月",
        "包工头偷工减料",
    ],
)
def test_complaints_about_what_a_project_built(text: str) -> None:
    assert is_complaint(normalise(text))


@pytest.mark.parametrize("text", ["房子漏雨 冬天没煤烧", "我家房子塌了", "危房改造咋申请", "修路的钱去哪了"])
def test_a_households_trouble_or_a_question_is_not_a_project_complaint(text: str) -> None:
    assert not is_complaint(normalise(text))


def _parts(engine: Engine) -> list[str]:
    with make_sessionmaker(engine)() as s:
        draft = s.scalars(select(ReportDraft)).one()
        return list((draft.data or {})["parts"])


def test_in_the_details_a_complaint_starts_a_report_naming_the_project(sender: Sender, engine: Engine) -> None:
    _bind(sender, "o-cs-p1")
    sender.reply_text(text_xml("o-cs-p1", "2"))
    sender.reply_text(text_xml("o-cs-p1", "7"))
    started = sender.reply_text(text_xml("o-cs-p1", "那个路修了半年就烂了 坑坑洼洼的"))
    assert "已把您的话记为反映内容" in started and "项目质量或进度问题" in started
    assert _parts(engine) == ["对2024年的项目“村内道路硬化工程”有疑问：那个路修了半年就烂了 坑坑洼洼的"]


def test_in_the_list_a_complaint_about_the_one_road_names_it(sender: Sender, engine: Engine) -> None:
    _bind(sender, "o-cs-p2")
    sender.reply_text(text_xml("o-cs-p2", "2"))
    started = sender.reply_text(text_xml("o-cs-p2", "这路才修半年就裂了"))
    assert "已把您的话记为反映内容" in started
    assert _parts(engine) == ["对2024年的项目“村内道路硬化工程”有疑问：这路才修半年就裂了"]


def test_from_the_main_menu_a_complaint_is_offered_as_a_report(sender: Sender, engine: Engine) -> None:
    _bind(sender, "o-cs-p3")
    offered = sender.reply_text(text_xml("o-cs-p3", "这路才修半年就裂了"))
    assert "回答不了" not in offered and "回复 1 开始反映" in offered and "项目质量或进度问题" in offered
    assert "村内道路硬化工程" in offered
    assert "已把您的话记为反映内容" in sender.reply_text(text_xml("o-cs-p3", "1"))
    assert _parts(engine) == ["对2024年的项目“村内道路硬化工程”有疑问：这路才修半年就裂了"]
