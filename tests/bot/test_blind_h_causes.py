"""Causes found by blind dialogue set H, as general rules. Phrasings here are not set H's.

- A step answered in its own words: at "more to add?", a short reply of finishing sense with fillers or whom it
  is said for in front (嗯, 对, 奶奶说, 我说) is done, and so is summing up (以上就是…的全部内容); at "photos?", a
  short negation with what was not taken (没拍过, 手头没有票据, 暂时还没有) is no photos. A reply telling a wrong
  stays story text.
- At the name step, asking after all to stay anonymous (名字还是不留了 匿名吧) makes the report anonymous.
- Wrongs in shapes the lists did not name: a role's same-sound typo (会机 = 会计), lending out public money, what
  a role reports or posts against what was given (报的是 … 才 …, 公示说 … 实际 …), a cadre's kin counted
  (支书家的两个闺女), a benefit still reported for a dead person.
- Asking outright to report against the village or a cadre is a report, whatever trouble the household also
  names; 我要实名反映 asks to report even inside a question about how.
- 有没有…干部能回答我 asks for a person; 查一下 alone asks to look up a report.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.reading.step_answers import means
from bot.understand import carried_question, classify
from tests.report_support import bound_villager

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.mark.parametrize(
    "text",
    [
        "阿爷说就这些",
        "嗯 没有别的了",
        "我说没了",
        "对 情况就是这样",
        "以上是全部情况",
        "事情就这样",
        "她讲没别的了",
        "嗯嗯 先这些",
    ],
)
def test_finishing_words_with_fillers_are_done(text: str) -> None:
    assert means(text, "done"), text


@pytest.mark.parametrize("text", ["奶奶说村长把钱拿了", "以上说的村长还打过人", "她说还有一个事", "奶奶说会计没给钱"])
def test_a_wrong_told_after_a_filler_is_not_done(text: str) -> None:
    assert not means(text, "done"), text


@pytest.mark.parametrize(
    "text", ["没拍过照片", "手头没有票据", "暂时还没有", "她说没拍过", "现在还没有照片", "莫有单据"]
)
def test_a_short_negation_is_no_photos(text: str) -> None:
    assert means(text, "skip"), text


@pytest.mark.parametrize("text", ["还有照片", "有票据 等下发", "村长打人的视频有"])
def test_something_to_show_is_not_skipped(text: str) -> None:
    assert not means(text, "skip"), text


@pytest.mark.parametrize(
    "text",
    [
        "俺们村的会机把扶贫款借给他小舅子了",
        "村里的文书把合作社的钱借出去了 一直没还",
        "我们村的汇计把低保名额给了他侄子",
        "社长报的是每户五百 到手才发了二百",
        "村上公示说投资二十万 实际就栽了几棵树",
        "支书家的两个闺女都当上护林员了",
        "老汉过世两年了 他的养老金村上还在报",
    ],
)
def test_wrongs_in_new_shapes_are_report_stories(text: str) -> None:
    said = classify(text)
    assert said.name == "story", (text, said)
    assert said.detail != "poverty_risk"


@pytest.mark.parametrize(
    "text",
    [
        "低保报的是多少 才能领",
        "营养餐报的是一天几个鸡蛋",
        "公示说的是哪些人 才能领补贴吗",
        "村长说的是下个月就发",
        "村上报了名单 就发了补助",
    ],
)
def test_the_same_words_without_a_wrong_stay_questions(text: str) -> None:
    assert classify(text).name not in ("story", "report"), text


@pytest.mark.parametrize(
    "text",
    [
        "我是低保户 腰摔坏了 想举报村上",
        "腿断了干不了活 要告一下村长",
        "我是党员 应该咋举报 我想匿名举报",
        "我是退休干部 按规矩该咋反映 我要实名举报",
    ],
)
def test_asking_outright_to_report_is_a_report(text: str) -> None:
    assert classify(text).name == "report", text


@pytest.mark.parametrize("text", ["我腿断了 想反映一下家里的困难", "家里老人瘫痪了 日子过不下去 想反映一下"])
def test_a_household_trouble_to_tell_stays_hardship(text: str) -> None:
    assert classify(text).name == "hardship", text


@pytest.mark.parametrize("text", ["有没有县上的领导能回复一下", "有没有人能回答我", "有没有个工作人员能说话"])
def test_asking_whether_someone_can_answer_asks_for_a_person(text: str) -> None:
    assert classify(text).name == "person", text


@pytest.mark.parametrize("text", ["有没有低保", "有没有人管", "有没有补助能领"])
def test_other_have_you_questions_are_not_a_person(text: str) -> None:
    assert classify(text).name != "person", text


@pytest.mark.parametrize("text", ["查一下", "帮我查查", "查一哈"])
def test_a_bare_look_up_asks_for_tracking(text: str) -> None:
    said = classify(text)
    assert (said.name, said.choice) == ("menu_item", 4), text


@pytest.mark.parametrize("text", ["查一下低保政策", "查一下村里的项目"])
def test_a_look_up_naming_something_else_is_not_tracking(text: str) -> None:
    said = classify(text)
    assert not (said.name == "menu_item" and said.choice == 4), text


def test_a_report_story_goes_through_steps_answered_in_own_words(engine: Engine) -> None:
    v = bound_villager(engine, "o-bh-own-words")
    assert "开始反映" in v.say("老汉过世两年了 他的养老金村上还在报 钱不知道谁拿了")
    assert "已把您的话记为反映内容" in v.say("1")
    assert "哪一级" in v.say("阿爷说就这些")
    assert "照片" in v.say("1")
    assert "匿名" in v.say("手头没有票据")
    assert "姓名" in v.say("1")
    reply = v.say("名字还是别留了 匿名吧")
    assert "请核对" in reply and "匿名" in reply


def test_a_bare_look_up_then_the_number_and_code_with_chinese_punctuation(engine: Engine) -> None:
    v = bound_villager(engine, "o-bh-look-up")
    assert "编号" in v.say("查一下")
    reply = v.say("编号：630223-2026-999999；查询码：123456")
    assert "没有找到完全对应的答案" not in reply


@pytest.mark.parametrize(
    "text",
    [
        "该说的都说了",
        "没有其他的了",
        "再没了",
        "就是这么回事",
        "这就是全部",
        "全部说完了",
        "先说这么多",
        "我阿妈说就这样",
    ],
)
def test_more_ways_of_finishing_are_done(text: str) -> None:
    assert means(text, "done"), text


@pytest.mark.parametrize("text", ["没有钱了", "没有低保", "我说的都是真的", "村长说没钱", "他说没有这回事"])
def test_short_tellings_with_a_negation_are_not_done(text: str) -> None:
    assert not means(text, "done"), text


@pytest.mark.parametrize("text", ["拍不上", "没必要", "没录", "算了不发了"])
def test_more_ways_of_no_photos(text: str) -> None:
    assert means(text, "skip"), text


@pytest.mark.parametrize("text", ["算了不留了", "还是匿名", "名字就不写了"])
def test_staying_anonymous_in_own_words(text: str) -> None:
    assert means(text, "anonymous"), text


@pytest.mark.parametrize("text", ["实名", "留我名字", "不匿名", "算了"])
def test_not_anonymous(text: str) -> None:
    assert not means(text, "anonymous"), text


@pytest.mark.parametrize(
    ("answer", "level"),
    [
        ("村上的", "村干部"),
        ("就是社长", "村干部"),
        ("乡上的人", "乡镇干部"),
        ("县里的部门", "县级部门干部"),
        ("说不清", "其他或不清楚"),
    ],
)
def test_the_cadre_step_answered_in_own_words(engine: Engine, answer: str, level: str) -> None:
    v = bound_villager(engine, f"o-bh-level-{answer}")
    v.say("我要举报")
    v.say("1")
    v.say("扶贫款叫人拿走了 一分没发到户里")
    assert "哪一级" in v.say("好了")
    assert "照片" in v.say(answer)
    v.say("没有")
    reply = v.say("匿名")
    assert f"反映对象：{level}" in reply, reply


def test_a_cadre_step_answer_that_names_no_level_is_asked_again(engine: Engine) -> None:
    v = bound_villager(engine, "o-bh-level-none")
    v.say("我要举报")
    v.say("1")
    v.say("扶贫款叫人拿走了 一分没发到户里")
    v.say("好了")
    assert "哪一级" in v.say("不是村上的")


@pytest.mark.parametrize("text", ["就这样交了", "好 交", "没毛病", "就这么交"])
def test_handing_in_in_own_words_confirms(text: str) -> None:
    assert means(text, "confirm"), text


@pytest.mark.parametrize("text", ["先别交", "不交", "交钱的事还没说"])
def test_holding_back_does_not_confirm(text: str) -> None:
    assert not means(text, "confirm"), text


@pytest.mark.parametrize("text", ["能不能让乡上的干部给我回个话", "让领导给我打个电话"])
def test_asking_a_cadre_to_call_back_asks_for_a_person(text: str) -> None:
    assert classify(text).name == "person", text


def test_telling_of_having_gone_to_a_cadre_is_not_asking_for_one() -> None:
    assert classify("找乡上的干部说了没用").name != "person"


@pytest.mark.parametrize(
    "text",
    [
        "支书在会上说 谁家不签字就把低保停了",
        "村上报了三十户的奖补 实际只发了十户",
        "村里打的井一半不出水 钱倒是全花完了",
        "俺们社的保洁员从来不扫地 工资照拿",
        "村上收了每户两百的自来水钱 到现在都没装",
        "办残疾证 村文书说要先给三百块跑腿费",
        "慰问的米和油 村上都分给自己人了",
        "名单上那户早就搬到县城了 低保还在领",
        "换届前村长挨家挨户送了米和油",
        "俺的养老金卡在会计手里攥着 每回只给一半",
    ],
)
def test_more_wrongs_by_shape_are_report_stories(text: str) -> None:
    said = classify(text)
    assert said.name == "story", (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "不签字的话会不会把低保停了",
        "工资照领吗",
        "搬到县城了还能领低保吗",
        "办残疾证要交费吗",
        "商店收了钱也没给东西",
        "低保卡丢了咋办",
        "村上报了二十户 批了几户",
    ],
)
def test_the_same_shapes_asked_or_without_a_cadre_stay_apart(text: str) -> None:
    assert classify(text).name not in ("story", "report"), text


@pytest.mark.parametrize("text", ["能不能让真人回复一下", "叫工作人员回答一下", "能不能找个干部来回答"])
def test_an_ask_for_a_person_alone_carries_no_question(text: str) -> None:
    assert classify(text).name == "person" and not carried_question(text), text


@pytest.mark.parametrize("text", ["人工客服 低保咋申请", "找客服 我家的补贴咋没到"])
def test_an_ask_for_a_person_with_a_question_carries_it(text: str) -> None:
    assert carried_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "低保户都是支书一个人说了算 从来不评议",
        "咱村的养殖大棚盖好了就一直空着",
        "会计叫俺们在空白的单子上按手印",
        "包村干部来了大半年 谁都没见过他",
        "村里的收支好几年没公示过",
        "卫生室看个感冒 每回多收十块",
        "慰问的被子村上发了又收回去了",
        "别人家都是一户五千 我家只给了两千",
        "村上招保洁员 一个岗位要送三千块",
        "今年的光伏分红 俺家的名额被人顶替了",
        "专干让我们都说家里一年挣三万",
        "社长拉沙子把村里的草场挖坏了",
        "俺爹瘫在床上两年了 我出不去打工",
    ],
)
def test_third_batch_of_shapes(text: str) -> None:
    said = classify(text)
    assert said.name in ("story", "hardship"), (text, said)
    assert (said.name == "hardship") == ("瘫" in text), (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "低保名单是谁定的",
        "空白表格在哪下载",
        "村里的账什么时候公开",
        "我家名字写错了 咋改",
        "人家都是怎么申请的",
        "洪水把路冲毁了",
        "监测户是谁定的",
    ],
)
def test_third_batch_asked_or_plain_stay_apart(text: str) -> None:
    assert classify(text).name not in ("story", "report"), text


@pytest.mark.parametrize("text", ["机器人回答不了 换个人", "换个人吧", "我要跟你们负责的说", "有没有值班的"])
def test_more_asks_for_a_person(text: str) -> None:
    assert classify(text).name == "person", text


def test_a_new_cadre_put_in_is_not_an_ask_for_a_person() -> None:
    assert classify("村上换个人当会计了").name != "person"


@pytest.mark.parametrize(
    "text", ["我那个案子到哪一步了", "我的编号忘了 能查吗", "反映的问题到哪一步了", "我举报的事啥情况了"]
)
def test_more_tracking_asks(text: str) -> None:
    assert classify(text).name == "track", text


@pytest.mark.parametrize("text", ["之前的低保政策现在什么情况", "低保申请到哪一步了"])
def test_other_status_questions_are_not_tracking(text: str) -> None:
    assert classify(text).name != "track", text


@pytest.mark.parametrize("text", ["我上回报的那个事 村长知道了 来找我麻烦", "自从反映了以后 社长处处给俺穿小鞋"])
def test_trouble_after_reporting_is_a_story(text: str) -> None:
    said = classify(text)
    assert said.name == "story" or (said.name == "report" and said.told), (text, said)


@pytest.mark.parametrize(("text", "kind"), [("留个电话", "real_name"), ("我不想留", "anonymous")])
def test_identity_in_own_words(text: str, kind: str) -> None:
    assert means(text, kind), text
