"""Causes found by blind dialogue set O (group c: the hardship path), fixed by general rules.
Phrasings here are not set O's.

- (a) A pick after saying yes in any voice (哦呀 1 in Qinghai, 嗯呐 2, 要得 1, 没问题 1) or after a go-ahead verb
  (整 1, 办吧 2); a refused yes or verb (不行 1, 别整 1, 可以吗 1) is no pick. 哦呀 alone agrees at an offer.
- (b) Whose household said in words: oneself alone (我, 俺们, 是我自己的); a kin's or a named family's household
  (俺丈母娘家, 我姑那边, 老韩家的); a number first with words after it (2 我姐家); what it is not (不是俺家的).
  A parent or a child alone (我爸) may live in the same house and is asked again.
- (c) No phone said with the phone named first (手机 俺 没有, 电话嘛 莫得): told whose number will do; whose a
  number is said with 的 (阿妈的 139…) keeps 阿妈 as the name.
- (d) A story of only what any trouble says (病了, 没钱) names no kind: 遇到的是哪类事 is asked; a named illness or
  loss (尿毒症, 摔断了腿) is taken. Short of money is never a kind by itself (房子塌了 没钱修 is a disaster).
- (e) A household's trouble typed in fragments (车祸 住院 欠了 钱, 病 重 钱 没有) is offered the hardship path;
  fragments that ask (低保 发了 没有), name a policy (大病 救助 政策) or a cadre are not.
- (f) Leaving the hardship script mid-way (不登了, 不弄了 问得太多) says nothing was submitted and how to
  come back (not menu 3, which reports); a step's answer that says 不 is not leaving.
- (g) Beyond O, on the same path (set N's misses, phrasings not N's): an illness worse (病越来越重) or a household
  that cannot hold on (扛不住了), or a hand caught in a machine, is a trouble, so an application beside it keeps it.
- (h) At the hardship offer, a question back and then the yes (能给多少钱？那就登记吧) is the yes.
- (i) A yes among more told (我是他老伴 登记吧 现在下不了炕) is the yes, and the rest joins the story; a no is not.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select

from bot.hardship_story import kinds_named
from bot.intents.report.hardship import _whose_in_words
from bot.reading.choices import choice_of
from bot.reading.normal_form import normalise
from bot.reading.step_answers import means
from bot.understand import classify
from storage.db import make_sessionmaker
from storage.models.cases import Case
from tests.report_support import Villager, bound_villager

OFFER = "申请防止返贫帮扶"
WHOSE = "这是谁家的困难"
KIND = "遇到的是哪类事"
WHEN = "大概是什么时候"


def _cases(engine: Engine) -> int:
    with make_sessionmaker(engine)() as s:
        return int(s.scalar(select(func.count()).select_from(Case)) or 0)


def _newest(engine: Engine) -> Case | None:
    with make_sessionmaker(engine)() as s:
        return s.scalars(select(Case).order_by(Case.id.desc())).first()


# (a) --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("哦呀 2", 2),
        ("噢呀，1", 1),
        ("嗯呐 3", 3),
        ("要得 1", 1),
        ("没问题 2", 2),
        ("是的 1", 1),
        ("可以 2", 2),
        ("整 1", 1),
        ("整吧 2", 2),
        ("办吧 1", 1),
        ("搞 3", 3),
    ],
)
def test_a_a_pick_after_a_yes_or_a_go_ahead(text: str, number: int) -> None:
    assert choice_of(text) == number, text


@pytest.mark.parametrize("text", ["不行 1", "不是 2", "可以吗 1", "别整 1", "不办 2", "是不是1", "整不了 1", "没钱 2"])
def test_a_a_refused_yes_or_verb_is_no_pick(text: str) -> None:
    assert choice_of(text) is None, text


@pytest.mark.parametrize("text", ["哦呀", "噢呀", "得行", "没问题"])
def test_a_a_yes_alone_agrees(text: str) -> None:
    assert means(text, "agree"), text


@pytest.mark.parametrize("text", ["不行", "哦", "不登记"])
def test_a_not_a_yes(text: str) -> None:
    assert not means(text, "agree"), text


@pytest.mark.parametrize("yes", ["要得 1", "哦呀", "嗯呐，1"])
def test_a_the_offer_taken_with_a_yes_before_the_pick(engine: Engine, yes: str) -> None:
    v = bound_villager(engine, f"o-boc-a-{yes}")
    assert OFFER in v.say("俺爹瘫在炕上三年了 家里就靠俺一个人")
    assert WHOSE in v.say(yes), yes


def test_a_no_at_the_offer_still_declines(engine: Engine) -> None:
    v = bound_villager(engine, "o-boc-a-no")
    assert OFFER in v.say("俺爹瘫在炕上三年了 家里就靠俺一个人")
    assert "什么也没有提交" in v.say("不用 谢谢")


# (b) --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["我", "俺们", "是我自己的", "就俺家", "咱家的", "我自己家里", "不是别人家 是俺家"])
def test_b_ones_own_household_in_words(text: str) -> None:
    assert _whose_in_words(normalise(text)) == 1, text


@pytest.mark.parametrize(
    "text", ["俺丈母娘家", "我姑那边", "老韩家的", "隔壁冶家", "我娘家", "不是俺家的", "我表哥家", "亲家那边"]
)
def test_b_another_household_in_words(text: str) -> None:
    assert _whose_in_words(normalise(text)) == 2, text


@pytest.mark.parametrize("text", ["我爸", "我儿子", "不知道", "他们", "大家", "张三"])
def test_b_not_said_is_asked_again(text: str) -> None:
    assert _whose_in_words(normalise(text)) is None, text


def test_b_a_kin_inside_a_longer_story_does_not_say_whose() -> None:
    assert _whose_in_words(normalise("老汉去年得了脑梗 住院花了三万多 他姐家也借了钱")) is None


@pytest.mark.parametrize(
    ("answer", "whose"),
    [("俺", "本人家庭"), ("是我们自己的", "本人家庭"), ("2 我姐家", "代他人登记"), ("俺丈母娘家", "代他人登记")],
)
def test_b_whose_through_the_webhook(engine: Engine, answer: str, whose: str) -> None:
    v = bound_villager(engine, f"o-boc-b-{answer}")
    assert OFFER in v.say("房子叫洪水冲塌了 一家人没地方住")
    assert WHOSE in v.say("1")
    v.say(answer)
    v.say("上个月")
    v.say("四口")
    v.say("盖房子")
    summary = v.say("13900001234")
    assert "请核对" in summary and f"谁家：{whose}" in summary, summary


def test_b_a_parent_alone_is_asked_again(engine: Engine) -> None:
    v = bound_villager(engine, "o-boc-b-parent")
    v.say("房子叫洪水冲塌了 一家人没地方住")
    v.say("1")
    assert "请回复 1 自己家 或 2 别人家" in v.say("我爸")


# (c) --------------------------------------------------------------------------------------------------------


def _at_phone(engine: Engine, who: str) -> Villager:
    v = bound_villager(engine, who)
    v.say("羊得了病死了一大半 家里的贷款还不上")
    v.say("1")
    v.say("自己家")
    v.say("今年夏天")
    v.say("五口人")
    assert "电话" in v.say("贷款缓一缓")
    return v


@pytest.mark.parametrize("text", ["手机 俺 没有", "电话嘛 莫得", "电话号也没有的", "手机我也没得"])
def test_c_no_phone_said_with_the_phone_first(engine: Engine, text: str) -> None:
    v = _at_phone(engine, f"o-boc-c-{text}")
    reply = v.say(text)
    assert "没有手机也能登记" in reply, reply


def test_c_whose_number_with_de_keeps_the_name(engine: Engine) -> None:
    v = _at_phone(engine, "o-boc-c-de")
    summary = v.say("阿妈的 13900005678")
    assert "联系人：阿妈 139" in summary, summary


def test_c_a_number_with_no_phone_beside_it_is_kept(engine: Engine) -> None:
    v = _at_phone(engine, "o-boc-c-kept")
    summary = v.say("手机没有 侄子的 13900005678")
    assert "联系人：侄子 139" in summary, summary


def test_c_a_bare_refusal_still_says_the_step_cannot_be_skipped(engine: Engine) -> None:
    v = _at_phone(engine, "o-boc-c-skip")
    assert "这一步不能跳过" in v.say("不想留")


# (d) --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("story", ["家里 困难 病了 没钱", "老伴病着 没钱看", "我有病 日子难", "娃生病了 钱不够"])
def test_d_only_what_any_trouble_says_names_no_kind(story: str) -> None:
    assert kinds_named(story) == [], story


@pytest.mark.parametrize(
    ("story", "kinds"),
    [
        ("老伴 尿毒症 透析 没钱", ["大病或重病"]),
        ("房子塌了 没钱修", ["自然灾害"]),
        ("我病了 腿也摔断了", ["大病或重病", "意外事故"]),
        ("得了心脏病 住院", ["大病或重病"]),
        ("厂子倒闭 没收入了", ["失业或收入大减"]),
    ],
)
def test_d_a_named_kind_is_taken(story: str, kinds: list[str]) -> None:
    assert kinds_named(story) == kinds, story


def test_d_the_kind_is_asked_when_only_generic_words_were_said(engine: Engine) -> None:
    v = bound_villager(engine, "o-boc-d-ask")
    assert OFFER in v.say("老伴 病了 家里 没钱 日子 难")
    v.say("1")
    assert KIND in v.say("自己家")
    assert WHEN in v.say("1")


def test_d_a_named_illness_is_not_asked(engine: Engine) -> None:
    v = bound_villager(engine, "o-boc-d-named")
    v.say("老伴 尿毒症 透析 家里 没钱")
    assert "遇到的事：大病或重病" in v.say("1")
    assert WHEN in v.say("自己家")


# (e) --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "车祸 住院 欠了 钱",
        "病 重 钱 没有",
        "雪 太大 羊 死了 一半",
        "冰雹 庄稼 全 打了 今年 没 收成",
        "腿 断了 干不了 活",
    ],
)
def test_e_a_trouble_in_fragments_is_offered_the_hardship_path(engine: Engine, text: str) -> None:
    v = bound_villager(engine, f"o-boc-e-{text}")
    assert OFFER in v.say(text), text


@pytest.mark.parametrize(
    "text", ["低保 发了 没有", "大病 救助 政策", "医保 报销 多少", "天气 冷 路 滑", "村长 不管 房子 塌了"]
)
def test_e_fragments_that_ask_name_a_policy_or_a_cadre_are_not(engine: Engine, text: str) -> None:
    v = bound_villager(engine, f"o-boc-e-not-{text}")
    assert OFFER not in v.say(text), text


# (f) --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "leave"), [(1, "不登了"), (2, "不弄了 问得太多"), (2, "太累了 不整了"), (3, "算了 不申请了")]
)
def test_f_leaving_mid_way(engine: Engine, step: int, leave: str) -> None:
    v = bound_villager(engine, f"o-boc-f-{step}-{leave}")
    before = _cases(engine)
    v.say("老伴 病了 家里 没钱 日子 难")
    v.say("1")
    answers = ["自己家", "1"]
    for answer in answers[: step - 1]:
        v.say(answer)
    reply = v.say(leave)
    assert "以后想登记" in reply and "反映" not in reply.split("\n")[0], reply
    assert _cases(engine) == before
    assert "1 政策咨询" in v.say("菜单")


def test_f_a_step_answer_with_a_no_in_it_is_not_leaving(engine: Engine) -> None:
    v = bound_villager(engine, "o-boc-f-not")
    v.say("老伴 病了 家里 没钱 日子 难")
    v.say("1")
    v.say("自己家")
    assert WHEN in v.say("病了 不能干活")
    assert "几口人" in v.say("记不清了")


def test_f_a_report_cancelled_still_says_how_to_report_again(engine: Engine) -> None:
    v = bound_villager(engine, "o-boc-f-report")
    v.say("3")
    v.say("1")
    assert "需要时回复 3 重新反映" in v.say("不弄了")


def test_the_fragmented_hardship_is_filed_with_its_words(engine: Engine) -> None:
    v = bound_villager(engine, "o-boc-filed")
    before = _cases(engine)
    assert OFFER in v.say("病 重 钱 没有")
    v.say("哦呀 1")
    assert KIND in v.say("俺")
    v.say("1")
    v.say("去年冬天")
    v.say("三个人")
    v.say("看病报销")
    assert "请核对" in v.say("电话 俺 没有 娃他舅的 13900007777")
    assert "已提交" in v.say("整 1")
    assert _cases(engine) == before + 1
    case = _newest(engine)
    assert case is not None and "病 重 钱 没有" in case.description


# (g) Beyond O, the same path in set N's shapes (phrasings not N's) ------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["老汉的病越来越重了 家里实在扛不住了", "娃他爸胳膊叫机器绞进去了 家里熬不下去了", "俺妈病又犯了 家里撑不下去了"],
)
def test_g_an_illness_worse_or_a_household_that_cannot_hold_on_is_hardship(text: str) -> None:
    assert classify(text).name == "hardship", text


@pytest.mark.parametrize("text", ["这个机器人咋用", "村里买的机器放着不用", "撑不住就别撑了 哈哈"])
def test_g_not_hardship(text: str) -> None:
    assert classify(text).name != "hardship", text


def test_g_an_application_with_its_story_keeps_the_story(engine: Engine) -> None:
    v = bound_villager(engine, "o-boc-g-kept")
    assert OFFER in v.say("老伴的病越来越重了 家里扛不住了 想申请个救助")
    assert "已记下您说的情况" in v.say("1")


@pytest.mark.parametrize("answer", ["能给多少钱？那就登记吧", "要多久？行 1", "这个管用不 登记"])
def test_h_a_question_back_then_yes_at_the_offer(engine: Engine, answer: str) -> None:
    v = bound_villager(engine, f"o-boc-h-{answer}")
    assert OFFER in v.say("俺爹瘫在炕上三年了 家里就靠俺一个人")
    assert WHOSE in v.say(answer), answer


@pytest.mark.parametrize("answer", ["能给多少钱？不登记", "登记了村里会知道吗？算了"])
def test_h_a_question_back_then_no_is_not_yes(engine: Engine, answer: str) -> None:
    v = bound_villager(engine, f"o-boc-h-not-{answer}")
    assert OFFER in v.say("俺爹瘫在炕上三年了 家里就靠俺一个人")
    assert WHOSE not in v.say(answer), answer


def test_i_yes_among_more_told_keeps_the_words(engine: Engine) -> None:
    v = bound_villager(engine, "o-boc-i-more")
    assert OFFER in v.say("俺家老汉从房上掉下来了 腰摔坏了")
    reply = v.say("我是他老伴 登记吧 现在下不了炕 地也没人种")
    assert "已记下您说的情况" in reply and WHOSE in reply, reply
    v.say("自己家")
    v.say("上个月")
    v.say("两口")
    v.say("看病")
    assert "下不了炕" in v.say("13900003333")


def test_i_no_among_more_told_is_not_yes(engine: Engine) -> None:
    v = bound_villager(engine, "o-boc-i-no")
    assert OFFER in v.say("俺家老汉从房上掉下来了 腰摔坏了")
    assert WHOSE not in v.say("不用 登记了也没用 他自己能好")
