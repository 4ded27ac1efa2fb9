"""Asking to report: wanting to tell something, where or how to report, reporting to someone, accusing the
village or a cadre."""

from __future__ import annotations

import re

from bot.reading.normal_form import alternatives, has, made_of, word_list

# Telling someone named between (有个情况想给纪委说, 有件事要向上面反映反映).
_TELL_TO = re.compile(r"(想|要)(给|跟|和|向|对)[^说讲]{1,6}?(说|讲|谈|汇报)")


def wants_to_tell(norm: str) -> bool:
    """有个事情想给你们说说: a verb of telling and something to tell, in a short message."""
    if len(norm) > 20 or not has(norm, word_list("telling", "things")):
        return False
    return has(norm, word_list("telling", "verbs")) or _TELL_TO.search(norm) is not None


def asks_where_to_report(norm: str) -> bool:
    """Where or how to report, asked with nothing else named (请问在哪里检举, 咋反映呀): the chat is the place."""
    if not has(norm, word_list("report_where_how")):
        return False
    words = (
        *word_list("report_words"),
        *word_list("report_where_how"),
        *word_list("report_where_filler"),
        *word_list("report_filler"),
        *word_list("lead_ins"),
        *word_list("particles"),
    )
    return made_of(norm, words)


# Wanting to report to someone named between (我想向纪委监委反映, 俺要给你们举报).
WANTS_TO_WHOM = re.compile(r"(我|俺|我们)(想|要)(向|给|跟|找|到)(.{0,6}?)(反映|举报|投诉|检举)")
# What a wish to report to someone says besides the wish: nothing told (一个问题 请问应该如何操作).
TO_WHOM_FILLER = re.compile(r"向|纪委监委|纪委|监委|纪检|一个|个|请问|应该|如何|怎么|操作|办|进行|问题|事情|情况")


# A matter of one's own to report (有个事想反映一下, 有件事情要举报): wanting to report it, whatever is asked beside.
_THING_TO_REPORT = re.compile(r"(事|事情|情况)(想|要|得)(给|跟|向)?.{0,6}?(反映|举报|投诉|检举|揭发|告状)")


def wants_report(norm: str) -> bool:
    """A question that still asks to report: 我想反映一下 你看怎么弄, 怎么举报 我不会弄, 能不能匿名举报, 有个事想反映
    阿么弄哩."""
    if has(norm, word_list("report_help")) or has(norm, word_list("report_can")):
        return True
    if _THING_TO_REPORT.search(norm):
        return True
    if WANTS_TO_WHOM.search(norm):
        return True  # 我想向纪委监委反映一个问题 请问应该如何操作
    return any(
        want + how + word in norm
        for want in word_list("report_wants")
        for how in ("", "实名", "匿名")
        for word in word_list("report_words")
    )


# Asking to report against the village or a cadre (想告一下村上, 要举报村干部): a report, whatever trouble of
# the household the message also names (我是残疾人 腿没了一条 想告一下村上).
_ACCUSING = re.compile(r"(告|举报|检举|投诉|揭发|控告)(一下|一哈|下)?(我们|咱)?(村上|村里|村委|乡上|镇上|社里|队里)")


def accuses(norm: str) -> bool:
    if _ACCUSING.search(norm):
        return True
    roles = alternatives(word_list("misconduct", "roles"))
    return re.search(rf"(告|举报|检举|投诉|揭发|控告)(一下|一哈|下)?(我们|咱)?(村|乡|镇)?的?{roles}", norm) is not None


def asks_outright(norm: str) -> bool:
    """An ask to report that is not a question about reporting (我要举包, not 怎么举报村干部)."""
    return has(norm, word_list("report_words")) and (not has(norm, word_list("report_questions")) or wants_report(norm))
