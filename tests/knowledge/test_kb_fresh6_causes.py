"""Causes of fresh set 6's misses (issue #19), each fixed in general and tested with phrasings of our own,
not the eval set's, and with negatives.

Refused although the best entry was right: a programme named by the money it pays (高龄的钱, 救急的钱),
reimbursement said as 门诊报, and money promised against money received (说补三万 到手两万 剩下的哪去了),
which tells a problem and is public money even when no programme is named."""

from __future__ import annotations

import pytest

from knowledge.analyzer import describes_trouble
from knowledge.base import KnowledgeBase
from knowledge.story import tells_shortfall

LEDU_VILLAGE = "630202101201"


def _search(question: str):  # type: ignore[no-untyped-def]
    return KnowledgeBase.load_default().search(question, county_code=LEDU_VILLAGE)


def _top(question: str) -> str | None:
    top = _search(question).top
    return top.entry_id if top else None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("我妈九十了 那个高龄的钱一个月给多少", "elderly-age-allowance"),
        (
            "家里男人突然走了 办丧事一分钱没有 有没有救急的钱",
            {"temporary-assistance-urgent", "temporary-assistance-apply"},
        ),
        ("糖尿病的药天天吃 门诊能报不", {"chronic-disease-two-diseases", "chronic-disease-basics"}),
    ],
)
def test_a_programme_named_by_its_money_is_answered(question: str, expected: str | set[str]) -> None:
    result = _search(question)
    assert not result.out_of_scope
    wanted = {expected} if isinstance(expected, str) else expected
    assert _top(question) in wanted


@pytest.mark.parametrize("question", ["高龄产妇生娃有危险不", "门诊几点开门", "借给他的钱哪去了"])
def test_the_same_words_elsewhere_stay_out_of_scope(question: str) -> None:
    # Negatives: 高龄 of a mother, a clinic's hours, a private loan gone: none is public support.
    assert _search(question).out_of_scope


@pytest.mark.parametrize("text", ["补助说给两万 剩下的哪去了", "村里的钱都跑哪去了", "其余的钱去哪了"])
def test_money_gone_missing_tells_a_problem(text: str) -> None:
    assert describes_trouble(text)


@pytest.mark.parametrize("text", ["剩下的钱还有啥办法", "钱打到哪个卡上", "你去哪了"])
def test_asking_where_to_or_what_is_left_tells_none(text: str) -> None:
    assert not describes_trouble(text)


def test_two_sums_and_a_problem_tell_a_shortfall() -> None:
    assert tells_shortfall("说补三万 到手两万 剩下的哪去了", True)
    # Negatives: two sums told without a problem; one sum with one.
    assert not tells_shortfall("买车花了三万 修车又花了两万", False)
    assert not tells_shortfall("话费咋又扣了二十块", True)


@pytest.mark.parametrize(
    "question", ["房子改造说给三万 到手才两万 剩下的跑哪去了", "旧房改造说补三万块 我这就来了两万 剩下的去哪了"]
)
def test_a_renovation_paid_short_is_not_refused(question: str) -> None:
    result = _search(question)
    assert not result.out_of_scope
    assert _top(question) in {"dangerous-housing-refused", "micro-corruption-kickback"}


def test_a_private_loss_with_two_sums_stays_out_of_scope() -> None:
    # Negative: a problem and two sums, but a stolen phone and wallet, nothing public.
    assert _search("手机被偷了 里面有两千块 钱包里还有五百块").out_of_scope


# A programme named in few of its entry's words: a question naming its policy (养猪, 低保户) whose other words
# (村里, 找谁, 多少) are in many entries left that policy's entries out of the ten weighed at all.


def test_a_named_programme_is_weighed_though_its_entries_share_few_words() -> None:
    assert _top("俺妈圈里养着两头猪 听村里说养猪给奖补 一头能补多少 跟谁报") == "industry-support-subsidy"


def test_pigs_counted_are_not_heard_as_the_village_team() -> None:
    # 五头猪 村里: 猪村 sounds like 驻村 (the resident work team), which the repair must leave alone.
    from knowledge.base import KnowledgeBase as _KB

    analyser = _KB.load_default().engine.analyzer
    assert "驻村" not in analyser.analyse("养了五头猪 村里说有补助").text
    assert "驻村工作队" in analyser.analyse("朱村干部来了没").terms  # a slip elsewhere is still repaired


@pytest.mark.parametrize(
    "question", ["养猪的饲料哪家便宜", "养羊的羊得了病咋治", "养牛场的牛拉稀咋治", "养羊的饲料哪里便宜"]
)
def test_raising_animals_as_a_trade_stays_out_of_scope(question: str) -> None:
    # Negatives: feed prices and animal illness name 养猪/养羊/养牛 but ask nothing of a programme.
    assert _search(question).out_of_scope


@pytest.mark.parametrize("question", ["医保交的钱能便宜点不", "养牛买饲料有补贴没"])
def test_cheaper_or_feed_beside_a_programme_stays_in_scope(question: str) -> None:
    assert not _search(question).out_of_scope


# Taken into the monitoring of households at risk, said loosely (纳进监测, 纳到监测里头), and what it gives
# asked as 给些什么.


def test_taken_into_monitoring_said_loosely_is_the_monitoring() -> None:
    assert _top("家里那口子病倒了 花了好几万 能不能把俺家纳进监测") in {
        "return-monitoring-apply",
        "return-monitoring-support-exit",
    }
    assert _top("纳到监测里头以后 有啥帮扶") == "return-monitoring-support-exit"


def test_water_quality_monitoring_is_not_the_household_monitoring() -> None:
    # Negative: 监测 of water is the drinking-water entry's.
    assert _top("水质监测多久一次") == "drinking-water-standard"


@pytest.mark.parametrize("text", ["评上以后给些什么帮扶", "给点什么好处"])
def test_what_it_gives_asked_with_some(text: str) -> None:
    from knowledge.intent import asks

    assert "gives" in asks(text)


@pytest.mark.parametrize("text", ["饮水安全报修典话多少"])
def test_the_ask_words_heard_by_sound_still_read_a_phone_number(text: str) -> None:
    # Negative: 给些什么 must not take 典 (dian) from 电 when the ask words are read by sound.
    from knowledge.intent import asks

    assert asks(text) == {"whom"}


def test_giving_money_asked_yes_or_no_asks_no_kind() -> None:
    from knowledge.intent import asks

    assert "gives" not in asks("给些钱不")


# A gap: a household's members changing (a bride's 户口 moving in, a birth, a death) and its 低保.


@pytest.mark.parametrize(
    "question", ["儿子娶了媳妇 户口迁到我家了 我家是低保户 她能不能加进来", "闺女嫁到外村 户口迁过去了 俺家低保要变吗"]
)
def test_a_household_changing_is_the_dibao_application(question: str) -> None:
    assert _top(question) == "dibao-apply"


def test_the_dibao_answer_says_to_report_a_household_change() -> None:
    entry = KnowledgeBase.load_default().entries["dibao-apply"]
    assert "重新核定" in entry.answer


# A long story whose question names no programme, only that it is one (这事政府管不管, 有没有啥扶持): the question
# alone scattered over unrelated entries; the story tells which programme, and its own best entries now count.


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("俺孙子十四了 不上学了 跟人去工地搬砖 老师来家里劝了几回 这事政府管不管", "compulsory-education-aid-dropout"),
        ("闺女初二 不想上学了 天天在家里玩手机 老师也打电话了 这个国家有人管不", "compulsory-education-aid-dropout"),
        ("俺想在快手上卖自家的蜂蜜 拍了好多视频 没几个人看 有没有啥扶持", "consumption-support-ecommerce"),
    ],
)
def test_a_story_tells_the_programme_its_question_does_not_name(question: str, expected: str) -> None:
    assert _top(question) == expected


def test_a_story_whose_question_names_its_programme_is_answered_by_the_question() -> None:
    # Negative: the question names 低保; the accident and its costs are only what happened.
    assert _top("俺男人去年出车祸 花了好多钱 家里没收入了 低保能不能申请") == "dibao-apply"


def test_an_everyday_story_asking_nothing_of_a_programme_stays_out_of_scope() -> None:
    assert _search("今天赶集买了两只鸡 回来路上下雨了 这个咋办").out_of_scope


# Named by what it is loosely called: 种地的钱 is the farmland subsidy (as 种地补贴 already was); a list never
# posted on the wall (墙上没贴, 没贴出来) is not made public; parking at a hospital is everyday.


@pytest.mark.parametrize(
    ("question", "expected"),
    [("种地的钱今年还没打到卡上", "farmland-subsidy-not-received"), ("种地的钱一亩给多少", "farmland-subsidy-basics")],
)
def test_the_farmland_subsidy_called_the_money_for_farming(question: str, expected: str) -> None:
    assert _top(question) == expected


def test_a_list_never_posted_is_not_made_public() -> None:
    from knowledge.aliases import default_aliases

    assert "不公示" in default_aliases().rewrite("村里的账墙上没贴")
    assert _top("低保名单没贴出来 咋回事") == "fund-disclosure-missing"


@pytest.mark.parametrize("question", ["乡卫生院门口能停车不", "医院停车收费多少"])
def test_parking_at_a_hospital_stays_out_of_scope(question: str) -> None:
    assert _search(question).out_of_scope


def test_parking_money_pocketed_by_a_cadre_stays_in_scope() -> None:
    # Negative: beside a cadre's wrong, parking does not make the question everyday.
    assert not _search("村里停车场收的钱 村干部揣自己兜里了 能举报不").out_of_scope
