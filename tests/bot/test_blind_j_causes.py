"""Causes found by blind dialogue set J, fixed by general rules. Phrasings here are not set J's.

- (a) Thanks, praise of the policy (党/政府/国家/政策), Tibetan thanks (突及其) and 在没在 are small talk.
- (b) How-to-use and 帮助 with a particle between is help.
- (c) At the MORE step, a finished answer beside only filler, thanks or an excuse (信号不好) is done.
- (d) Common pinyin words read as their Chinese for matching (jubao, cunzhang, qinqi).
- (e) Money demanded before a benefit's paperwork (要先交…才给办) is a cadre's wrong, not hardship.
- (f) Asking for a cadre who knows the policy is asking for a person.
- (g) 有回信没 tracks; a question back about the number while tracking is answered and tracking goes on.
- (h) A doubt told flat after a project's detail (活干得太差了 钱花得不明不白) is a report on that project.
- (i) A house fallen in told with the household (房子雨下塌了一半), even with 能不能帮 asked, is hardship.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.reading.normal_form import normalise
from bot.reading.step_answers import means
from bot.understand import classify
from storage.db import make_sessionmaker, transaction
from storage.types import utcnow
from tests.report_support import bound_villager
from tests.webhook_support import Sender, event_xml, make_client, text_xml
from villages.projects.load import load_demo_projects

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.mark.parametrize(
    "text", ["多谢你们 国家的政策好得很", "图吉切 辛苦了", "在没在", "有人在没", "感谢政府 谢谢你们", "政府好得很 谢谢"]
)
def test_a_thanks_praise_and_are_you_there_are_small_talk(text: str) -> None:
    assert classify(text).name == "smalltalk", text


@pytest.mark.parametrize("text", ["政策好得很 就是村上不给发", "国家的政策好不好", "政策好得很 村上书记把钱拿了"])
def test_a_praise_beside_a_wrong_or_a_question_is_not_small_talk(text: str) -> None:
    assert classify(text).name != "smalltalk", text


def test_b_how_to_use_and_help_with_a_particle_between_is_help() -> None:
    assert classify("这个咋用呢 帮助一下").name == "help"
    assert classify("这个补助咋用呢").name != "help"


@pytest.mark.parametrize("text", ["嗯 说完了 谢谢你们", "网不好 说完了", "哦呀 说完了 突及其"])
def test_c_done_beside_filler_thanks_or_an_excuse_is_done(text: str) -> None:
    assert means(text, "done"), text


@pytest.mark.parametrize("text", ["说完了 还有一个事", "信号不好 村长把钱拿了", "哦呀 书记拿了钱 说完了"])
def test_c_done_beside_more_story_is_not_done(text: str) -> None:
    assert not means(text, "done"), text


def test_d_pinyin_words_are_read_as_chinese_for_matching() -> None:
    assert "举报" in normalise("我想jubao")
    told = classify("shuji把dibao给了他qinqi 我家没评上")
    assert told.name == "story" and "书记" in told.norm and "亲戚" in told.norm


def test_e_money_demanded_before_paperwork_is_a_wrong() -> None:
    told = "替我奶奶说一下 她是残疾人 村上办低保 组长说得先交一百块才给办"
    assert classify(told).name == "story"
    assert classify("办残疾证要先交五十块钱才给办吗").name != "story"  # asked, not told


def test_f_a_cadre_who_knows_the_policy_is_a_person() -> None:
    assert classify("能不能找个懂政策的领导跟我说说").name == "person"


def test_g_any_news_tracks() -> None:
    assert classify("上回那个事有答复没").name == "track"
    assert classify("上回反映的事有回信没有").name == "track"


def test_g_a_question_back_about_the_number_is_answered_while_tracking(engine: Engine) -> None:
    v = bound_villager(engine, "jfix-g-1")
    v.say("查进度")
    looks = v.say("查询码是啥？编号是哪个")
    assert "630223-2026-000123" in looks and "6 位数字" in looks, looks
    wrong = v.say("630223-2026-999999 123456")  # still tracking: the number and code are checked
    assert "编号或查询码不对" in wrong, wrong
    other = v.say("低保怎么申请")  # not about the number: leaves tracking as before
    assert "查询码是 6 位数字" not in other, other


def test_h_a_doubt_told_after_a_project_detail_is_a_report_on_that_project(engine: Engine) -> None:
    sender = Sender(make_client(engine), safe=True)
    with transaction(make_sessionmaker(engine)) as s:
        load_demo_projects(s, now=utcnow())
    openid = "jfix-h-1"
    assert "欢迎" in sender.reply_text(event_xml(openid, "subscribe", "qrscene_630223106213"))
    sender.reply_text(text_xml(openid, "村里的项目"))
    sender.reply_text(text_xml(openid, "1"))
    reply = sender.reply_text(text_xml(openid, "这活做得太差了 钱也乱花"))
    assert "项目质量或进度问题" in reply and "扶贫资金被截留" not in reply, reply


@pytest.mark.parametrize("text", ["我家的房子叫雪压塌了半边 能不能帮一下", "俺们家屋子让雨泡裂了 住不成了"])
def test_i_a_house_fallen_in_told_with_the_household_is_hardship(text: str) -> None:
    assert classify(text).name == "hardship", text


def test_i_a_new_building_cracked_is_not_hardship() -> None:
    assert classify("村上新修的房子才一年就裂了").name != "hardship"
