"""Causes found by blind dialogue set D, as general rules: where or how to report asked with nothing else
named starts the report (the chat is the place); 一哈 is 一下 and telling someone named between (想给纪委说)
asks to report; the Hui and Salar words for died (无常, 归真, 交了口唤) and the one drawing a benefit being a cadre
(侄子就是村文书); a meal or a gift before a benefit is put forward; a story sent in pieces over several
messages; a project complaint that also asks where the money went; greetings of Haidong's peoples (色俩目,
扎西德勒). Phrasings here are not set D's."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.reading.step_answers import means
from bot.understand import classify
from storage.db import make_sessionmaker, transaction
from storage.models.cases import ReportDraft
from storage.types import utcnow
from tests.webhook_support import Sender, event_xml, make_client, text_xml
from villages.projects.load import load_demo_projects

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TUGUAN = "630223106213"


@pytest.mark.parametrize(
    "text", ["请问在哪能举报", "咋投诉哩", "去哪里反映呀", "怎么检举", "您好 我想咨询一下怎么举报"]
)
def test_where_or_how_to_report_alone_starts_the_report(text: str) -> None:
    said = classify(text)
    assert (said.name, said.detail, said.told) == ("report", "where", False)


@pytest.mark.parametrize("text", ["在哪举报村干部", "举报电话是多少", "互助县在哪反映问题", "怎么举报乡干部"])
def test_where_to_report_naming_more_stays_a_question(text: str) -> None:
    assert classify(text).name == "none"


@pytest.mark.parametrize(
    "text", ["有个问题想说一哈", "有个情况要向上面汇报", "有件事想对你们领导讲", "有个事想和你们唠一哈"]
)
def test_telling_in_dialect_or_to_someone_named_asks_to_report(text: str) -> None:
    assert classify(text).name == "report"


@pytest.mark.parametrize(
    "text",
    [
        "我们庄子的马阿爷归真两年了 养老金还有人在领",
        "他爹交了口唤一年多了 低保还照样发着",
        "韩家阿奶无常了 残疾补贴还在发",
        "养老金一直是她儿子领着 她儿子是村主任",
        "老人走了好几年了 低保还在领",
        "人都没了两年了 养老金还在发",
    ],
)
def test_a_benefit_paid_after_a_death_or_drawn_by_a_cadre_is_a_story(text: str) -> None:
    assert classify(text).name == "story"


def test_a_death_in_dialect_is_a_households_trouble() -> None:
    assert classify("我阿奶无常了 家里就剩我一个人 没人照顾").name == "hardship"


@pytest.mark.parametrize(
    "text",
    [
        "想评贫困户得先给支书送两瓶酒才给评",
        "不请村长吃顿饭就批不下来",
        "给文书塞了二百块红包才给盖章",
        "逢年过节得给书记送东西 不送低保就没了",
    ],
)
def test_a_meal_or_gift_for_a_benefit_is_a_wrong_of_conduct(text: str) -> None:
    said = classify(text)
    assert (said.name, said.detail) == ("story", "conduct")


@pytest.mark.parametrize("text", ["送礼才能评上低保吗", "给孙子买了东西才给他过的生日", "人走了还能领养老金吗"])
def test_a_question_or_a_gift_without_a_role_or_benefit_is_not_a_story(text: str) -> None:
    assert classify(text).name != "story"


@pytest.mark.parametrize("text", ["赛俩目", "色兰 在吗", "扎西德勒", "赛拜努 你好"])
def test_greetings_of_haidongs_peoples_are_small_talk(text: str) -> None:
    said = classify(text)
    assert (said.name, said.detail) == ("smalltalk", "greet")


@pytest.fixture
def sender(engine: Engine) -> Sender:
    client = Sender(make_client(engine), safe=True)
    with transaction(make_sessionmaker(engine)) as s:
        load_demo_projects(s, now=utcnow())
    return client


def _bound(sender: Sender, openid: str) -> str:
    assert "欢迎" in sender.reply_text(event_xml(openid, "subscribe", f"qrscene_{TUGUAN}"))
    return openid


def _parts(engine: Engine) -> list[str]:
    with make_sessionmaker(engine)() as s:
        draft = s.scalars(select(ReportDraft)).one()
        return list((draft.data or {})["parts"])


def test_where_to_report_is_answered_here_and_the_report_starts(sender: Sender) -> None:
    openid = _bound(sender, "o-bd-where")
    reply = sender.reply_text(text_xml(openid, "请问在哪能举报"))
    assert "在这里就能反映" in reply and "哪一类" in reply


def test_a_story_sent_in_pieces_is_offered_as_one(sender: Sender, engine: Engine) -> None:
    openid = _bound(sender, "o-bd-pieces")
    for piece in ("支书", "把低保名额"):
        assert "开始反映" not in sender.reply_text(text_xml(openid, piece))
    offered = sender.reply_text(text_xml(openid, "给了他侄子"))
    assert "回复 1 开始反映" in offered
    assert "已把您的话记为反映内容" in sender.reply_text(text_xml(openid, "1"))
    assert _parts(engine) == ["支书 把低保名额 给了他侄子"]


def test_pieces_of_a_question_stay_questions(sender: Sender) -> None:
    openid = _bound(sender, "o-bd-question-pieces")
    sender.reply_text(text_xml(openid, "低保"))
    assert "开始反映" not in sender.reply_text(text_xml(openid, "咋申请"))


def test_a_project_left_half_done_with_the_money_gone_is_offered_as_a_report(sender: Sender, engine: Engine) -> None:
    openid = _bound(sender, "o-bd-canal")
    text = "我们村修的那个灌溉渠 修了一半就停了 钱也不知道去哪了"
    assert classify(text).name == "money"
    offered = sender.reply_text(text_xml(openid, text))
    assert "灌溉渠道维修" in offered and "回复 1 开始反映" in offered and "项目质量或进度问题" in offered
    sender.reply_text(text_xml(openid, "1"))
    assert _parts(engine) == [f"对2025年的项目“灌溉渠道维修”有疑问：{text}"]


def test_asking_how_the_projects_are_still_lists_them(sender: Sender) -> None:
    openid = _bound(sender, "o-bd-projects-asked")
    reply = sender.reply_text(text_xml(openid, "村里的项目质量咋样"))
    assert "项目公开】" in reply and "开始反映" not in reply


def test_a_last_piece_that_tells_a_wrong_alone_keeps_the_pieces_before(sender: Sender, engine: Engine) -> None:
    openid = _bound(sender, "o-bd-last-piece")
    for piece in ("高龄补贴", "我阿奶的"):
        sender.reply_text(text_xml(openid, piece))
    offered = sender.reply_text(text_xml(openid, "叫会计领走了"))
    assert "回复 1 开始反映" in offered and "扶贫资金" in offered
    sender.reply_text(text_xml(openid, "1"))
    assert _parts(engine) == ["高龄补贴 我阿奶的 叫会计领走了"]


def test_where_to_report_anonymously_starts_the_report(sender: Sender) -> None:
    openid = _bound(sender, "o-bd-where-anonymous")
    reply = sender.reply_text(text_xml(openid, "在哪里可以匿名举报"))
    assert "可以匿名" in reply and "哪一类" in reply


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("有个事想给你们谝一哈", "report"),
        ("想喧一哈 村上的事情", "report"),
        ("没麻达", "smalltalk"),
        ("攒劲得很", "smalltalk"),
        ("阿大住院了 家里没收入了", "hardship"),
    ],
)
def test_more_qinghai_words_are_read(text: str, name: str) -> None:
    assert classify(text).name == name


@pytest.mark.parametrize("text", ["嗯就是这个事情", "对 就这么个情况"])
def test_thats_the_matter_closes_the_story(text: str) -> None:
    assert means(text, "done")


def test_a_households_trouble_in_pieces_keeps_whose_it_is(sender: Sender, engine: Engine) -> None:
    openid = _bound(sender, "o-bd-hardship-pieces")
    sender.reply_text(text_xml(openid, "我爸"))
    offered = sender.reply_text(text_xml(openid, "住院了 家里没钱"))
    assert "登记困难情况" in offered
    sender.reply_text(text_xml(openid, "1"))
    assert _parts(engine) == ["我爸 住院了 家里没钱"]
