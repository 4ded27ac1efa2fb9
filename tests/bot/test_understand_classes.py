"""The classes of wording the classifier reads by shape, not by list (issue #18, after the blind run):
misconduct that names a cadre wins over hardship, asks to report inside questions, done / skip / yes /
anonymous / confirm answers with dialect and particles, exits, small talk with whom it addresses.
Every phrasing here is new (none is in the blind part of the dialogue corpus)."""

from __future__ import annotations

import pytest

from bot.reading.step_answers import means
from bot.understand import classify

# A named role doing wrong, some with hardship words in them too: never the hardship path.
MISCONDUCT = [
    "我们组长把困难户的救济粮领了拿回他家了",
    "村会计把俺爹的残疾补贴领走了 俺爹看病都没钱",
    "书纪把低保户的钱扣了自己用了",
    "村长和包工头合伙把修路的水泥卖掉了",
    "社长把给病人的临时救助分给他亲戚了",
    "支书把搬迁指标换了钱",
    "驻村第一书计天天不来 俺家老人病了也没人管",  # a cadre who never comes, beside a household's trouble
    "村干部给他亲戚评了贫困户 俺家娃有病却评不上",
]


@pytest.mark.parametrize("text", MISCONDUCT)
def test_a_story_naming_a_cadre_doing_wrong_is_never_hardship(text: str) -> None:
    intent = classify(text)
    assert intent.name == "story", (text, intent)


@pytest.mark.parametrize(
    "text",
    [
        "俺爹中风了瘫在床上 家里就俺一个劳力",
        "地里的苞谷遭了冰雹 全家一年白干了还欠着化肥钱",
        "儿子在工地摔断了腿 包工头跑了 医药费还不上",
        "我们隔壁的老爷爷一个人住 冬天没人管",
    ],
)
def test_hardship_stories_without_a_cadre_doing_wrong_are_hardship(text: str) -> None:
    assert classify(text).name == "hardship", text


@pytest.mark.parametrize(
    "text",
    [
        "怎么投诉呀 我不会弄 你帮我",
        "有个情况想跟你们讲讲",
        "能不能匿名反映",
        "你好 我想举报一下我们村的事 怎么弄",
        "举爆",
    ],
)
def test_asks_to_report_in_questions_and_telling_start_a_report(text: str) -> None:
    assert classify(text).name == "report", text


def test_how_to_report_alone_is_still_a_question() -> None:
    assert classify("怎么举报村干部？").name == "none"


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("done", "俺说完了"),
        ("done", "没啥别的了"),
        ("done", "就这么个情况"),
        ("done", "ok啦"),
        ("done", "讲完了"),
        ("skip", "证据没有"),
        ("skip", "啥照片也没有"),
        ("skip", "没拍下"),
        ("skip", "莫得照片"),
        ("anonymous", "匿名就行"),
        ("anonymous", "名字就不写了"),
        ("anonymous", "不想写名字"),
        ("real_name", "实名吧"),
        ("confirm", "２ 提交"),
        ("confirm", "就这么提交吧"),
        ("confirm", "帮我交上去"),
        ("agree", "要的"),
        ("agree", "对着的"),
        ("agree", "是的是的"),
    ],
)
def test_step_answers_are_read_by_their_class(kind: str, text: str) -> None:
    assert means(text, kind), (kind, text)


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("anonymous", "不要匿名"),
        ("anonymous", "实名"),
        ("real_name", "不实名"),
        ("confirm", "先别提交"),
        ("skip", "有照片"),
        ("done", "还没说完"),
    ],
)
def test_negated_answers_are_not_taken(kind: str, text: str) -> None:
    assert not means(text, kind), (kind, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("我不整了 取消", "cancel"),
        ("回到首页", "menu"),
        ("返回主页", "menu"),
        ("能不能叫个干部给我回电话", "person"),
        ("我想跟人说 不跟机器说", "person"),
        ("谢谢你们领导", "smalltalk"),
        ("辛苦您了🙏", "smalltalk"),
        ("呵呵", "smalltalk"),
        ("不好意思 打扰了", "smalltalk"),
        ("村里的补贴发了多少 能看看吗", "money"),
    ],
)
def test_exits_people_small_talk_and_money_by_class(text: str, name: str) -> None:
    assert classify(text).name == name, (text, classify(text))


def test_addressees_alone_are_not_small_talk() -> None:
    assert classify("领导").name != "smalltalk"


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("skip", "不用了谢谢"),
        ("skip", "手机拍不了"),
        ("agree", "好的麻烦了"),
        ("done", "我讲完咯"),
        ("anonymous", "不要实名"),
        ("confirm", "好 就这样"),
    ],
)
def test_answers_with_politeness_or_particles_around_them(kind: str, text: str) -> None:
    assert means(text, kind), (kind, text)


@pytest.mark.parametrize(
    ("text", "name"), [("不反映了 谢谢", "cancel"), ("退出去", "cancel"), ("俺有个事要说", "report")]
)
def test_exits_with_thanks_and_telling_in_few_words(text: str, name: str) -> None:
    assert classify(text).name == name, (text, classify(text))


def test_thanks_alone_is_no_way_out() -> None:
    assert classify("好的谢谢").name == "smalltalk"
