"""Causes of fresh set 8's misses (issue #19) and of a newcomer's walk through the chat, each fixed in general
and tested with phrasings of our own, not the eval set's, and with negatives.

- Everyday matters that share a word with a policy were answered: goods one buys (which brand, how sturdy),
  pests about the house (马蜂窝), snow or a scratch on a thing, damage a neighbour is asked to pay for, how a
  photo on a card looks, office software (表格求和). Words of everyday_cues.txt.
- A programme typed by its pinyin initials (dbh, yb, ylbx) was not read: aliases to the programme's name.
- Not seen made public (没见公示过, 没看到公示) was not read as 不公示.
- 念书 / 上学 did not reach 义务教育两免一补: the alias 幼儿园 → 学前教育 made 上幼儿园 read 上学前教育, so the
  preschool entry held 上学 in every variant; and the compulsory-education entry lacked a stage-free ask.
- 养老保险一个月多少钱 got a pick list: entries of other policies whose variants ask 一个月多少 counted as a
  crowd of rivals, though the question names its policy; now only entries of the named topics count.
- Related questions under an answer offered unrelated entries (辍学 under 危房, via the broad topic 两不愁三保障
  both list second; any search hit): now only entries of the answer's own topic or a linked one.
- A long story telling a problem was held to the agreeing entries' floor (0.6) instead of the story floor
  (0.4) when its two closest entries shared a topic: the lower floor now applies.
"""

from __future__ import annotations

import pytest

from knowledge.analyzer import Analyzer
from knowledge.base import KnowledgeBase

LEDU_VILLAGE = "630202101201"


def _kb() -> KnowledgeBase:
    return KnowledgeBase.load_default()


def _search(question: str):  # type: ignore[no-untyped-def]
    return _kb().search(question, county_code=LEDU_VILLAGE)


def _top3(question: str) -> list[str]:
    return [h.entry_id for h in _search(question).hits[:3]]


def _read(question: str) -> str:
    return Analyzer().analyse(question).text


@pytest.mark.parametrize(
    "question",
    [
        "护林员穿的靴子哪个牌子好",
        "公益岗用的铁锹要结实耐用的 去哪弄",
        "危房改造后院子里有个马蜂窝 咋弄掉",
        "搬迁房里老鼠多 咋灭",
        "光伏板上积雪了 要不要爬上去弄",
        "帮扶车间的桌子被划坏了 能修好不",
        "低保户家的驴踢伤了我的牛 让他赔他不赔",
        "残疾证上的照片太丑了",
        "wps表格咋求和",
    ],
)
def test_everyday_matters_beside_a_policy_word_stay_out(question: str) -> None:
    assert _search(question).out_of_scope


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("收割机哪个牌子有补贴", "farm-machinery-subsidy-apply"),
        ("被狗咬伤了 打疫苗能报销不", None),
        ("房顶的雪把房子压塌了 能申请救助不", None),
        ("村里的账用excel记 公示了没", None),
    ],
)
def test_the_same_words_with_a_policy_asked_stay_in(question: str, expected: str | None) -> None:
    # Negatives: a brand with a subsidy, a bite with reimbursement, snow with relief are policy questions.
    result = _search(question)
    assert not result.out_of_scope
    if expected:
        assert result.top is not None and result.top.entry_id == expected


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("家里是dbh 今年被停了", "低保户"),
        ("yb一年交多少", "医保"),
        ("ylbx交到哪一档", "养老保险"),
        ("ylj啥时候发", "养老金"),
    ],
)
def test_pinyin_initials_read_as_the_programme(text: str, word: str) -> None:
    assert word in _read(text)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("家里是dbh 今年被停了 咋回事", "dibao-refused"),
        ("yb一年交多少", "medical-insurance-contribution"),
        ("ylbx交满十五年能领多少", "elderly-pension"),
    ],
)
def test_pinyin_initials_reach_the_entry(question: str, expected: str) -> None:
    assert expected in _top3(question)


def test_other_latin_words_are_left_alone() -> None:
    # Negative: letters that are not a programme's initials stay as typed, and out of scope.
    assert "qq" in _read("我的qq号忘了")
    assert _search("我的qq号忘了").out_of_scope


@pytest.mark.parametrize("question", ["修水渠花的钱一直没看到公示", "村里的项目从没见过公示 找谁"])
def test_not_seen_made_public_reads_as_not_public(question: str) -> None:
    assert "不公示" in _read(question)
    assert _top3(question)[0] == "fund-disclosure-missing"


def test_asking_whether_it_was_made_public_is_left_as_written() -> None:
    # Negative: 公示了没有 asks; it tells nothing missing.
    assert "不公示" not in _read("项目公示了没有")


@pytest.mark.parametrize("question", ["两个娃娃都在念书 有啥补助没", "娃在读书 国家给啥补贴", "孩子上学有补助吗"])
def test_going_to_school_offers_compulsory_education(question: str) -> None:
    assert "compulsory-education-aid-two-free" in _top3(question)


def test_going_to_kindergarten_is_not_going_to_school() -> None:
    assert "上学" not in _read("娃明年上幼儿园")


@pytest.mark.parametrize("question", ["娃上幼儿园有补助吗", "孩子明年上幼儿园 保教费免不免"])
def test_kindergarten_still_reaches_preschool(question: str) -> None:
    # Negative: the kindergarten questions keep their entry.
    assert _top3(question)[0] == "high-school-aid-preschool"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("居民养老保险一个月给多少钱", "elderly-pension"),
        ("农村养老保险一个月能拿多少钱", "elderly-pension"),
        ("低保一个月多少钱", "dibao-apply"),
    ],
)
def test_a_named_policy_asked_per_month_is_answered(question: str, expected: str) -> None:
    result = _search(question)
    assert result.confident
    assert result.top is not None and result.top.entry_id == expected


def test_per_month_with_no_policy_named_is_still_a_choice() -> None:
    # Negative: 一个月多少钱 alone names nothing; many entries answer it.
    assert not _search("一个月多少钱").confident


def _linked(a_topics: tuple[str, ...] | list[str], b_topics: tuple[str, ...] | list[str]) -> bool:
    return a_topics[0] in b_topics or b_topics[0] in a_topics


def test_related_questions_are_of_the_answers_topic_or_a_linked_one() -> None:
    kb = _kb()
    for entry in kb.entries.values():
        result = kb.search(entry.questions[0], county_code=LEDU_VILLAGE)
        for other in kb.related(entry, result, LEDU_VILLAGE):
            assert _linked(entry.topics, other.topics), (entry.id, other.id)


@pytest.mark.parametrize(
    ("question", "answer", "unrelated"),
    [
        ("房子裂缝了 危房改造咋申请", "dangerous-housing-apply", "compulsory-education-aid-dropout"),
        ("冰雹把青稞打了 农业保险咋理赔", "agricultural-insurance-claim", "children-orphan-allowance"),
    ],
)
def test_related_questions_leave_out_unrelated_entries(question: str, answer: str, unrelated: str) -> None:
    asked = _kb().ask(question, county_code=LEDU_VILLAGE)
    assert asked.entry is not None and asked.entry.id == answer
    assert unrelated not in asked.related_ids
    # Negative: the answer's own siblings are still offered.
    assert asked.related_ids
    assert all(_linked(asked.entry.topics, _kb().entries[i].topics) for i in asked.related_ids)


def test_a_story_whose_closest_entries_agree_keeps_the_story_floor() -> None:
    # A long story telling a problem (a child whose father died and mother remarried) whose two closest entries
    # share a topic (孤儿, 留守儿童) was held to the higher floor of agreeing entries and refused.
    result = _search("我教过的一个娃 爸爸没了妈妈改嫁走了 跟着奶奶过 这种娃能算无人抚养吗")
    assert not result.out_of_scope
    assert result.top is not None and result.top.entry_id == "children-orphan-allowance"


@pytest.mark.parametrize(
    "question",
    [
        "我手机屏幕摔碎了 修了两次都不行 店里老板也不管 气死我了 这咋办",
        "昨天跟媳妇吵了一架 她回娘家了一直不回来 打电话也不接 咋办",
    ],
)
def test_an_everyday_story_telling_a_problem_stays_out(question: str) -> None:
    assert _search(question).out_of_scope
