"""Causes found by blind dialogue set M (part a: report steps, the start, safety), fixed by general rules.
Phrasings here are not set M's.

- (a) Done at the 'more' step with particles inside (就这些哩 没了) or a word to the listeners after it (好了兄弟们,
  没有了 各位领导), or beside vouching for what was said (我保证句句属实 就这些).
- (b) No evidence with the why first (单据村上没给 没有, 手机摔坏了 拍不了); a photo promised for later (到家了再拍,
  明天再拍, 现在还没拍); a passbook is a paper that can be shown (折子能拿给你们看).
- (c) Same-sound and measure-word forms of the report verbs: 要反应 is 要反映, 告一状 and 投个诉 are 告状 and 投诉.
- (d) Owning to a wrong pick after 不对 or 不是 (不是 点错了) goes back.
- (e) A greeting and who one is beside an ask to report (大家好 我是低保户 有件事情想反映一下) tell nothing, so
  nothing is kept (who one is would name an anonymous reporter) and the category is asked.
- (f) Safety: asking not to be told on (你们可别告诉社长是我说的) is a safety question; the reporter's own wish
  not to be known beside one (我不想让人知道) goes with it, never kept; a fear that is the whole message (怕举报了
  村长给我穿小鞋 怎么办) is answered, not offered as a story; a story with a secrecy question is offered without
  the question.
- (g) A household's short story at the hardship script's story step that names a kind of trouble (老伴中风了
  没人管) goes on to the next question.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot import safety
from bot.reading.step_answers import evidence_in_words, means
from bot.understand import classify
from storage.db import make_sessionmaker
from storage.models.cases import Case
from tests.report_support import Villager, bound_villager


@pytest.mark.parametrize(
    "text", ["就这些哩 没了", "没了呢 就这样", "好了兄弟们", "没有了 各位领导", "就这些老师", "我保证句句属实 就这些"]
)
def test_a_done_with_particles_listeners_or_vouching(text: str) -> None:
    assert means(text, "done"), text


@pytest.mark.parametrize("text", ["说哩", "是哩", "还有哩", "兄弟们", "家人们 还有", "以上属实", "没说完呢 兄弟们"])
def test_a_not_done(text: str) -> None:
    assert not means(text, "done"), text


@pytest.mark.parametrize(
    "text", ["单据村上没给 没有", "手机摔坏了 拍不了", "大棚的照片到家了再拍", "明天再拍给你们", "现在还没拍"]
)
def test_b_no_evidence_now(text: str) -> None:
    assert means(text, "skip"), text


@pytest.mark.parametrize(
    "text",
    [
        "村长把补助款拿走了 没有",
        "证据在哪 没有",
        "他们不给 不知道",
        "等会拍",
        "照片现在发",
        "有照片 马上发",
        "去年的养老补贴到现在没发 问了乡上说没钱",
    ],
)
def test_b_more_story_a_question_or_a_photo_coming_is_not_skipping(text: str) -> None:
    assert not means(text, "skip"), text


@pytest.mark.parametrize("text", ["折子能拿给你们看", "有存折", "银行流水都在我手上"])
def test_b_a_passbook_is_evidence_in_words(text: str) -> None:
    assert evidence_in_words(text), text


@pytest.mark.parametrize("text", ["存折可以拍吗", "没有存折", "存折丢了"])
def test_b_a_passbook_asked_or_missing_is_not(text: str) -> None:
    assert not evidence_in_words(text), text


@pytest.mark.parametrize("text", ["嗯要反应", "我想投个诉", "俺要告他一状"])
def test_c_report_verbs_by_sound_or_with_a_measure_word(text: str) -> None:
    assert classify(text).name == "report", text


def test_c_how_and_a_measure_word_starts_the_report_here() -> None:
    meant = classify("咋反映呀 俺想告一状")
    assert (meant.name, meant.detail) == ("report", "where")


@pytest.mark.parametrize("text", ["打了疫苗有反应", "吃了药反应大不大"])
def test_c_a_reaction_is_no_report(text: str) -> None:
    assert classify(text).name != "report", text


@pytest.mark.parametrize(("text", "way"), [("不是 点错了", "back"), ("不对 按错了 取消", "cancel")])
def test_d_a_wrong_pick_after_no(text: str, way: str) -> None:
    assert classify(text).name == way, text


@pytest.mark.parametrize("text", ["不对", "不是", "不对 村长错了"])
def test_d_no_alone_is_no_wrong_pick(text: str) -> None:
    assert classify(text).name not in ("back", "cancel"), text


@pytest.mark.parametrize(
    "text", ["大家好 我是低保户 有件事情想反映一下", "我是村里的老师 想举报个事", "领导好 老头子我要投诉"]
)
def test_e_greeting_and_who_one_is_tell_nothing(text: str) -> None:
    meant = classify(text)
    assert meant.name == "report" and not meant.told, text


@pytest.mark.parametrize(
    "text", ["大家好 我是低保户 我要举报会计把我家的低保扣了一半", "我是党员 我要反映村里修路偷工减料"]
)
def test_e_a_wrong_beside_them_is_still_kept(text: str) -> None:
    meant = classify(text)
    assert meant.name == "story" or (meant.name == "report" and meant.told), text


def test_e_nothing_is_kept_and_the_category_is_asked(engine: Engine) -> None:
    v = bound_villager(engine, "o-bm-a-intro")
    reply = v.say("大家好 我是低保户 有件事情想反映一下")
    assert "问题类别" in reply and "已记下" not in reply and "记为反映内容" not in reply


@pytest.mark.parametrize(
    "text", ["你们可别告诉社长是我说的", "会不会把我的名字透露给村上", "你们不会告诉村长是谁反映的吧"]
)
def test_f_not_being_told_on_is_a_safety_question(text: str) -> None:
    assert safety.split(text) == (True, ""), text


@pytest.mark.parametrize("text", ["书记告诉我低保停了 是不是真的", "他告诉会计是我说的 会计就来骂我"])
def test_f_someone_telling_in_a_story_is_not(text: str) -> None:
    assert not safety.split(text)[0], text


def test_f_the_own_wish_goes_with_the_question() -> None:
    assert safety.split("村会计每户收了两百 能保密吗 我不想让人知道") == (True, "村会计每户收了两百")


def test_f_a_wish_in_the_story_without_a_question_stays() -> None:
    assert safety.split("他偷偷拿走的 不想让村里人知道") == (False, "他偷偷拿走的 不想让村里人知道")


def _newest(engine: Engine) -> Case | None:
    with make_sessionmaker(engine)() as s:
        return s.scalars(select(Case).order_by(Case.id.desc())).first()


def test_f_a_fear_alone_is_answered_not_offered_as_a_story(engine: Engine) -> None:
    v = bound_villager(engine, "o-bm-a-fear")
    reply = v.say("怕举报了村长给我穿小鞋 怎么办")
    assert "安全问题" in reply and "听起来您要反映问题" not in reply
    assert "问题类别" in v.say("那我还是举报吧")


def test_f_a_story_with_a_secrecy_question_keeps_only_the_story(engine: Engine) -> None:
    v = bound_villager(engine, "o-bm-a-secret")
    reply = v.say("社长收了每家三百块的水费 到现在没通水 你们会保密吧 我不想让人知道")
    assert "安全问题" in reply and "听起来您要反映问题" in reply
    v.say("1")
    for text in ("好了", "1", "没有", "2", "1"):
        reply = v.say(text)
    assert "已提交" in reply
    case = _newest(engine)
    assert case is not None and "水费" in case.description
    assert "保密" not in case.description and "不想让人知道" not in case.description


def test_f_told_on_at_the_offer_is_answered_and_the_offer_stands(engine: Engine) -> None:
    v = bound_villager(engine, "o-bm-a-offer")
    assert "听起来您要反映问题" in v.say("会计他女婿占了公益岗 从来不上班 工资照拿")
    reply = v.say("你们可别告诉会计是我说的")
    assert "安全问题" in reply and "回复 1 开始反映" in reply
    started = v.say("好 反映")
    assert "记为反映内容" in started or "哪一级" in started


def _steps(v: Villager, texts: tuple[str, ...]) -> str:
    reply = ""
    for text in texts:
        reply = v.say(text)
    return reply


def test_a_b_a_report_through_the_webhook(engine: Engine) -> None:
    v = bound_villager(engine, "o-bm-a-steps")
    _steps(v, ("3", "3", "乡上收了每个养殖户八百块的防疫费 一次也没来打过针"))
    assert "哪一级" in v.say("就这些哩 兄弟们")
    assert "照片" in v.say("2")
    assert "匿名" in v.say("单据乡上没给 没有")
    assert "核对" in v.say("2")
    assert "已提交" in v.say("1")
    case = _newest(engine)
    assert case is not None and case.anonymous and "防疫费" in case.description
    assert "兄弟们" not in case.description and "单据" not in case.description


def test_b_a_passbook_at_the_evidence_step_is_kept_as_evidence(engine: Engine) -> None:
    v = bound_villager(engine, "o-bm-a-passbook")
    _steps(v, ("3", "4", "老娘的残疾补贴两年没打到卡上 文书说早发了", "好了", "1"))
    reply = v.say("折子能拿给你们看 现在没拍")
    assert "证据情况" in reply and "匿名" in reply


def test_g_a_short_story_naming_the_trouble_goes_on(engine: Engine) -> None:
    v = bound_villager(engine, "o-bm-a-hardship")
    _steps(v, ("3", "6"))
    assert "简单说说" in v.say("1")
    reply = v.say("老伴中风了 没人管")
    assert "还有要补充" not in reply and "已记下家里的情况" in reply


def test_g_a_short_story_naming_no_trouble_waits(engine: Engine) -> None:
    v = bound_villager(engine, "o-bm-a-hardship-short")
    _steps(v, ("3", "6", "1"))
    reply = v.say("日子不好过")
    assert "还有要补充" in reply or "说完" in reply
