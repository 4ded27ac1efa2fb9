"""Causes found by blind dialogue set N (part a: the report's 'more' step), fixed by general rules.
Phrasings here are not set N's.

- (a) Done told with a reporting verb (报告完毕, 反映完了, 交代完了), or by two speaking as one (我们两个都讲完了).
- (b) Done with a reason for being short run on: busy, or due elsewhere (好了 地里还忙着呢, 没了 我还得去放羊).
- (c) Done after asking back (还要说啥？没有了, 你们还想知道啥？就这些): short questions that tell nothing, then the
  answer. A question about the case itself is the story, and a 'not finished' after a question is not done.
- (d) A pick with a filler before it (嗯，4) or said last after a few words on who types (我替俺爹打字 选第4个);
  never a pick refused (不选4) nor one after a story or a number (村长拿了2袋化肥 选4).
- (e) Help asked at a step with a how-question before it (这怎么弄呢 帮助一下): help, not a story.
- (f) At an offer, asking for it to be written down (帮我记下来, 对 给我记上) is agreeing; 别记上 is not.
- (g) Evidence in words with the paper named first and then who holds it (欠条我家里有, 合同俺有 今天没带):
  told, not the story; 欠条没有 and a question about it are not.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.reading.choices import pick
from bot.reading.step_answers import evidence_in_words, means
from bot.understand import classify
from storage.db import make_sessionmaker
from storage.models.cases import Case
from tests.report_support import bound_villager


@pytest.mark.parametrize("text", ["报告完毕", "反映完了。", "交代完毕", "我们两个都讲完了", "俺俩都说完了"])
def test_a_done_with_a_reporting_verb_or_two_speakers(text: str) -> None:
    assert means(text, "done"), text


@pytest.mark.parametrize("text", ["报告", "汇报一下", "我要反映", "他们都没说完", "反映的事还没完"])
def test_a_not_done(text: str) -> None:
    assert not means(text, "done"), text


@pytest.mark.parametrize("text", ["好了 地里还忙着呢", "没了 我还得去放羊", "就这些 手上有活", "说完了 俺得回厂里"])
def test_b_done_with_busy_beside_it(text: str) -> None:
    assert means(text, "done"), text


@pytest.mark.parametrize("text", ["地里还忙着呢", "没说完 我还得去放羊", "好了 书记家还占着地呢", "忙着哩"])
def test_b_busy_alone_or_more_story_is_not_done(text: str) -> None:
    assert not means(text, "done"), text


@pytest.mark.parametrize("text", ["还要说啥？没有了", "你们还想知道啥？就这些", "说够了没？够了"])
def test_c_done_after_asking_back(text: str) -> None:
    assert means(text, "done"), text


@pytest.mark.parametrize("text", ["会计扣钱你们管不管？没了", "还要说啥？还没说完", "还有啥？有", "还要说啥？"])
def test_c_a_question_about_the_case_or_not_finished_is_not_done(text: str) -> None:
    assert not means(text, "done"), text


def _newest(engine: Engine) -> Case | None:
    with make_sessionmaker(engine)() as s:
        return s.scalars(select(Case).order_by(Case.id.desc())).first()


def test_a_b_c_done_forms_through_the_webhook(engine: Engine) -> None:
    for who, done in (
        ("o-bn-a-verb", "报告完毕。"),
        ("o-bn-a-busy", "好了 地里还忙着呢"),
        ("o-bn-a-ask", "还要说啥？没有了"),
    ):
        v = bound_villager(engine, who)
        v.say("3")
        v.say("1")
        v.say("村会计把今年的种粮补贴扣了一半 说是交了管理费")
        assert "哪一级" in v.say(done), done
        assert "照片" in v.say("1")
        assert "匿名" in v.say("没有")
        assert "核对" in v.say("2")
        assert "已提交" in v.say("1")
        case = _newest(engine)
        assert case is not None and "管理费" in case.description
        assert done.rstrip("。") not in case.description and "地里" not in case.description


def test_c_more_story_after_a_question_is_kept(engine: Engine) -> None:
    v = bound_villager(engine, "o-bn-a-more")
    v.say("3")
    v.say("1")
    v.say("村会计把今年的种粮补贴扣了一半")
    reply = v.say("会计扣钱你们管不管？没了")
    assert "已记下" in reply and "哪一级" not in reply


_SEVEN = [str(n) for n in range(1, 8)]


@pytest.mark.parametrize("text", ["嗯，4", "好 4", "我替俺爹打字 选第4个", "娃替我打的 我选4"])
def test_d_a_pick_with_a_filler_or_said_last(text: str) -> None:
    assert pick(text, _SEVEN) == 4, text


@pytest.mark.parametrize(
    "text", ["不选4", "我替俺爹打字 别选第4个", "村长拿了2袋化肥 选4", "社长把低保给了他亲戚家的人 选4", "嗯"]
)
def test_d_no_pick(text: str) -> None:
    assert pick(text, _SEVEN) is None, text


@pytest.mark.parametrize("text", ["这怎么弄呢 帮助一下", "这咋用哩？帮助"])
def test_e_help_after_a_how_question(text: str) -> None:
    assert classify(text).name == "help", text


@pytest.mark.parametrize("text", ["这咋弄哩 社长收钱了", "补贴咋领哩 帮助"])
def test_e_a_question_of_substance_is_not_help(text: str) -> None:
    assert classify(text).name != "help", text


def test_d_e_the_category_step_through_the_webhook(engine: Engine) -> None:
    v = bound_villager(engine, "o-bn-a-pick")
    v.say("3")
    assert "可以帮您" in v.say("这怎么弄呢 帮助一下")
    assert "问题类别" in v.say("3")
    reply = v.say("我替俺爹打字 选第3个")
    assert "您选择了" in reply and "吃拿卡要" in reply
    v.say("支书收了俺家五百块钱才给办低保")
    v.say("好了")
    v.say("1")
    v.say("没有")
    v.say("2")
    assert "已提交" in v.say("1")
    case = _newest(engine)
    assert case is not None and "打字" not in case.description and "俺爹" not in case.description


@pytest.mark.parametrize("text", ["帮我记下来", "是哩 给我记上吧", "记上"])
def test_f_asking_it_written_down_agrees(text: str) -> None:
    assert means(text, "agree"), text


@pytest.mark.parametrize("text", ["别记上", "不要记下来", "对 会计记下了名字"])
def test_f_not_agreeing(text: str) -> None:
    assert not means(text, "agree"), text


def test_f_the_offer_through_the_webhook(engine: Engine) -> None:
    v = bound_villager(engine, "o-bn-a-offer")
    assert "开始反映" in v.say("俺家的退耕还林补助叫村会计领走了 俺一分都没拿到")
    reply = v.say("是哩 帮我记下来")
    assert "记为反映内容" in reply


@pytest.mark.parametrize("text", ["欠条我家里有", "合同俺有 今天没带", "单子俺们都有着"])
def test_g_the_paper_first_then_who_holds_it(text: str) -> None:
    assert evidence_in_words(text), text


@pytest.mark.parametrize("text", ["欠条没有", "合同俺没有", "收条有没有用", "单子你们有吗"])
def test_g_no_paper_or_a_question(text: str) -> None:
    assert not evidence_in_words(text), text
