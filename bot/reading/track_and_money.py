"""Asking how a report is getting on, and asking about the village's money and projects."""

from __future__ import annotations

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


def asks_money(norm: str) -> bool:
    if has(norm, word_list("money", "direct")):
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
