"""Asking how a report is getting on, and asking about the village's money and projects."""

from __future__ import annotations

import re

from bot.reading.normal_form import has, made_of, word_list

# Longer messages naming a report and 怎么样了 are more often a story (…不知道后来怎么样了) than a tracking ask.
_SINCE_MAX = 14


def lost_number(norm: str) -> bool:
    """The case number or query code lost or forgotten: 不记得编号了, 查询码找不到了 (not a household's 户号)."""
    return (
        has(norm, word_list("track", "lost_what"))
        and has(norm, word_list("track", "lost"))
        and not has(norm, word_list("track", "not_lost"))
    )


def asks_tracking(norm: str) -> bool:
    if has(norm, word_list("track", "direct")) or lost_number(norm):
        return True
    if len(norm) <= _SINCE_MAX and has(norm, word_list("track", "reported")) and has(norm, word_list("track", "since")):
        return True  # 举报怎么样了, 投诉有结果了吗
    return has(norm, word_list("track", "past")) and has(norm, word_list("track", "status"))


_MONEY_SHOWN = ("发了多少", "花了多少", "能看", "看看", "看一下", "公开", "明细", "账目", "还剩", "到位了")


# What the village builds, what it cost, and how much, in any order or in fragments (村 修路 钱 多少 看 要,
# 渠 修 钱 多少: the verb after the thing, as in Tibetan order; 水渠花了多少钱, 那个桥 投资 多少): the village's
# own project money. A household's payment beside it (修路占地补偿多少钱, 修路工钱一天多少) is another question.
_PROJECT_THING = re.compile(
    r"修.{0,3}?(路|桥|渠)|(路|桥|渠).{0,3}?修|桥|水渠|渠道|水窖|项目|工程|自来水|饮水|硬化|路灯|广场|打井|机井|通村路"
)
_PROJECT_COST = re.compile(r"钱|资金|款|经费|投资|投了|花了|造价|预算")
_HOW_MUCH = re.compile(r"多少|几万|几十万|几百万|几千")
_OWN_PAY = re.compile(
    r"补|赔|贷|工钱|工资|工价|水费|电费|费用|一天|一个月|每月|一年|一亩|每亩|每户|每人|一个人|我家|占地|租金|报销"
)


def asks_project_cost(norm: str) -> bool:
    return (
        bool(_PROJECT_THING.search(norm) and _PROJECT_COST.search(norm) and _HOW_MUCH.search(norm))
        and not _OWN_PAY.search(norm)
        and not has(norm, word_list("hardship", "policy_markers"))
    )


def asks_money(norm: str) -> bool:
    if has(norm, word_list("money", "direct")) or asks_project_cost(norm):
        return True
    if has(norm, word_list("money", "things")) and has(norm, _MONEY_SHOWN):
        return not has(norm, word_list("hardship", "policy_markers"))  # 补助发了多少 能看吗
    return (
        has(norm, word_list("money", "place"))
        and has(norm, word_list("money", "things"))
        and has(norm, word_list("money", "asks"))
    )


def names_money(short: str) -> bool:
    """A short message naming the village's money or projects and nothing else: 村上的项目, 咱村的钱."""
    place, things = word_list("money", "place"), word_list("money", "things")
    if len(short) > 12 or not (has(short, place) and has(short, things)):
        return False
    return made_of(short, (*place, *things, *word_list("money", "joiners")))
