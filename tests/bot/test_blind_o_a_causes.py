"""Causes found by blind dialogue set O (group a: the report's steps), fixed by general rules. Phrasings here
are not set O's.

- (a) Hesitation words said as clauses of their own (那个, 就是说, 嗯, 呃) around a pick or an answer, at any
  step: they count for nothing; 那个人 and a lone 嗯 are untouched.
- (b) A finished answer with a word to the listener after it: urging them on (就这些 快点查), putting the rest
  off (别的当面讲), or the northern 儿 (完事儿了); a remark after it (差不多就这样 名单我看过) is kept as
  story and the story is finished.
- (c) The who-step answered by a title that tells no level (书记, 主任): the story's place tells it, else
  "other or unknown" (the router lifts that like a town cadre).
- (d) Evidence held and promised for later (有收据 明天发, 截图有 等我闺女回来发): kept in words, the step passed,
  and a photo sent at the next step is still kept; one coming in a moment (等一下就发) keeps the step.
- (e) Leaving said twice or for now at a step (算了算了 今天不弄了): the report is cancelled.
- (f) Where the reporter lives beside the accused, said with a safety question (我就住他家对门 会不会被他知道):
  never stored in the report.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot import safety
from bot.intents.report.cadre import _cadre_by_words
from bot.reading.choices import pick
from bot.reading.normal_form import normalise
from bot.reading.step_answers import done_then_remark, evidence_promised, means
from bot.shapes import leaving
from storage.db import make_sessionmaker
from storage.models.cases import Case, CaseEvidence
from tests.report_support import bound_villager, image_xml

CATEGORIES = ("扶贫资金", "评定不公", "吃拿卡要", "政策没落实", "项目质量", "家庭困难", "其他")


@pytest.mark.parametrize(
    ("text", "number"),
    [("呃 就是 2", 2), ("那个 第五个 嗯", 5), ("嗯 那个 4 吧", 4), ("就是说 那个 三", 3), ("那个，那个，1。", 1)],
)
def test_a_fillers_around_a_pick_leave_the_pick(text: str, number: int) -> None:
    assert pick(text, CATEGORIES) == number, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("呃 说完了", "done"),
        ("那个 那个 没别的了 嗯", "done"),
        ("就是说 照片 没有", "skip"),
        ("嗯 那个 不留名字", "anonymous"),
        ("呃 那个 实名", "real_name"),
        ("那个 确认", "confirm"),
    ],
)
def test_a_fillers_around_a_step_answer_leave_the_answer(text: str, kind: str) -> None:
    assert means(text, kind), text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("那个人把钱拿走了", "那个人把钱拿走了"),  # 那个 inside a clause is a word, not a filler
        ("嗯", "嗯"),  # alone, still an answer
        ("就是", "就是"),
        ("嗯 嗯", "嗯嗯"),
        ("就是那个会计", "就是那个会计"),
    ],
)
def test_a_fillers_only_go_as_whole_clauses_beside_other_words(text: str, kept: str) -> None:
    assert normalise(text) == kept


def test_a_fillers_do_not_make_a_story_an_answer() -> None:
    assert not means("那个 会计 那个 把钱 拿走了", "done")
    assert pick("那个 村上 收了 三百 块钱", CATEGORIES) is None


@pytest.mark.parametrize(
    "text",
    [
        "就这些 别的没了 快点查",
        "就这么多 你们抓紧处理",
        "没了 领导赶快给查查吧",
        "就这样 别的当面讲",
        "说完了 其他的回头再说",
        "完事儿了",
        "就这点事儿",
        "就这些了 辛苦了",
    ],
)
def test_b_done_with_a_word_to_the_listener_is_done(text: str) -> None:
    assert means(text, "done"), text


@pytest.mark.parametrize(
    "text",
    ["你们赶紧查", "快点查 他还收了别人的钱", "就这 你们还没查", "儿子的低保也被扣了", "没说完 别的当面讲"],
)
def test_b_urging_or_a_story_alone_is_not_done(text: str) -> None:
    assert not means(text, "done"), text


def test_b_a_short_remark_after_done_is_kept_and_ends_the_story() -> None:
    assert done_then_remark("差不多就这样 名单我看过") == "名单我看过"
    assert done_then_remark("就这些。收据在我柜子里") == "收据在我柜子里"
    assert done_then_remark("就这些 还有他老婆也领了") is None  # 还有: not finished
    assert done_then_remark("就这些 你们能查吗") is None  # a question
    assert done_then_remark("村长收了钱 就这些") is None  # the story first


def test_b_remark_after_done_goes_into_the_report(engine: Engine) -> None:
    v = bound_villager(engine, "o-a-remark")
    v.say("3")
    v.say("1")
    v.say("村会计把危房改造补助一户扣了两千")
    reply = v.say("大概就这些 票我见过")
    assert "哪一级" in reply or "照片" in reply, reply
    if "哪一级" in reply:
        v.say("1")
    v.say("没有")
    v.say("2")
    assert "已提交" in v.say("1")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case)).one()
        assert case.description == "村会计把危房改造补助一户扣了两千\n票我见过"


STORY = "去年村上的人居环境整治 村上说没钱 主任家门口却修了新路"


@pytest.mark.parametrize(
    ("text", "story", "level"),
    [
        ("书记", STORY, 1),
        ("主任呗", STORY, 1),
        ("是书记", "镇上的书记收了钱 说是管理费", 2),
        ("书记。", "他收了钱 说是管理费", 4),
        ("主任", "", 4),
    ],
)
def test_c_a_title_without_level_is_read_from_the_story(text: str, story: str, level: int) -> None:
    assert _cadre_by_words(text, story) == level


@pytest.mark.parametrize("text", ["书记家亲戚也拿了", "不是书记", "书记主任都有份"])
def test_c_more_than_a_title_is_not_a_level(text: str) -> None:
    assert _cadre_by_words(text, STORY) is None


@pytest.mark.parametrize(
    "text",
    ["有收据 明天发", "截图有 等我闺女回来发", "合同我留着 回头给你们发", "录音录了 晚上发", "照片拍下了 回家再发"],
)
def test_d_evidence_promised_later_passes(text: str) -> None:
    assert evidence_promised(text), text


@pytest.mark.parametrize(
    "text", ["有照片 等一下就发", "没有照片 明天发", "有收据吗 明天发", "明天发", "照片明天发行不行", "村长明天发钱"]
)
def test_d_soon_asked_or_nothing_held_is_not_promised(text: str) -> None:
    assert not evidence_promised(text), text


def test_d_promised_evidence_is_kept_and_a_photo_after_it_too(engine: Engine) -> None:
    v = bound_villager(engine, "o-a-promised")
    v.say("3")
    v.say("1")
    v.say("村会计把危房改造补助一户扣了两千")
    if "哪一级" in v.say("好了"):
        v.say("1")
    reply = v.say("收条我有 明天发")
    assert "1 实名" in reply and "补充材料" in reply, reply
    photo = v.send(image_xml("o-a-promised", "promised-1"))
    assert "第 1 张照片" in photo and "1 实名" in photo, photo
    v.say("2")
    assert "已提交" in v.say("1")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case)).one()
        assert case.description.endswith("证据：收条我有 明天发")
        assert (
            len(
                s.scalars(
                    select(CaseEvidence).where(CaseEvidence.case_id == case.id, CaseEvidence.kind == "image")
                ).all()
            )
            == 1
        )


@pytest.mark.parametrize("text", ["算了算了 今天不弄了", "算了算了 先不弄了 等我收完麦子再说", "先不弄了 改天再说"])
def test_e_leaving_twice_or_for_now_leaves(text: str) -> None:
    assert leaving(text), text


def test_e_giving_up_then_a_wrong_is_not_only_leaving() -> None:
    assert not leaving("算了算了")  # one clause: read by the word lists, not this net
    assert not leaving("先不弄了 你们能不能先查一下")  # asks


def test_e_leaving_at_the_category_step_cancels(engine: Engine) -> None:
    v = bound_villager(engine, "o-a-leave")
    v.say("3")
    assert "已取消" in v.say("算了算了 今天先不弄了 等我忙完再说")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("会计扣了补助 我就住他家对门 会不会被他知道是我说的", "会计扣了补助"),
        ("俺家在书记家隔壁 他会不会报复我 他把低保给了亲戚", "他把低保给了亲戚"),
        ("我是他邻居 你们会保密吧", ""),
    ],
)
def test_f_where_the_reporter_lives_goes_with_the_safety_question(text: str, kept: str) -> None:
    assert safety.split(text) == (True, kept)


def test_f_a_neighbour_in_the_story_without_a_safety_question_stays() -> None:
    text = "村长把低保给了亲戚 他家隔壁的老人没评上"
    assert safety.split(text) == (False, text)
