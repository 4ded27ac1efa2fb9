"""Shared pieces of the blind dialogue sets (tests/dialogue_blind_c.py to _g): the cues a villager recognises
in each step's prompt (`a|b`: either word in the last reply), the helpers that answer a report's and the
hardship script's later steps when they are asked, and the maker of a set's held-out dialogues. A set whose
cue differs from these keeps its own value locally.
"""

from __future__ import annotations

from typing import Protocol

from tests.dialogue_corpus import Dialogue, Turn

# What each step of a report would ask about, as the villager recognises it.
ASKCAT = "类别|哪一类|哪类|哪方面|哪种问题"
TELL = "经过|说说|讲讲|具体|发生|什么事|啥事"
MORE = "好了|说完|补充|还有"
WHO = "哪一级|干部"
PIC = "照片|证据|图片"
NAMEQ = "匿名|实名"
NAMEGIVE = "姓名|名字|称呼"
CHECK = "核对|提交"
# Asked of an anonymous report whose words could tell who sent it (added after most sets were written).
SELF = "认出您"
OFFER = "听起来|开始反映"
EXAMPLE = "例如|比如|多说|详细|具体"
# The hardship script.
HOFFER = "登记困难|在这里登记|防止返贫|要不要登记"
WHOSE = "谁家"
HWHAT = "经过|说说|讲讲|发生了|怎么回事"
HKIND = "哪类|哪种|哪一类|类型|遇到的是"
HWHEN = "什么时候|啥时候|多久|哪一年|时间"
HPEOPLE = "几口|几个人|多少人|人口"
HHELP = "什么帮助|啥帮助|哪些帮助|什么帮扶|需要什么|帮什么|希望"
HPHONE = "电话|手机"
HCHECK = CHECK
# Elsewhere.
MENUQ = "政策咨询"
ASKQ = "说说|想问|什么事|一条消息|问题"
TRACKQ = "编号|查询码"
LIST = "序号"


def rest(
    more: str = "好了",
    who: str = "{opt:村干部}",
    pic: str = "没有",
    name: str = "{opt:匿名}",
    check: str = "{opt:提交}",
    give: str | None = None,
    who_cue: str = WHO,
    self_told: str = "{opt:保留}",
) -> tuple[Turn, ...]:
    """A report's later steps, each answered in this villager's words if it is asked; `give` is the name
    and phone a villager reporting under their own name sends when asked; `who_cue` is the cue of the
    step asking which level of cadre is accused, for a set that recognises it otherwise; `self_told` answers
    the question whether to cut words that could tell who the reporter is."""
    given: tuple[Turn, ...] = ((NAMEGIVE, give),) if give is not None else ()
    # The question whether to cut self-identifying clauses came after most sets were written: a villager
    # asked it keeps the words, so what the set's writer expected stored stays the test.
    return ((MORE, more), (who_cue, who), (PIC, pic), (NAMEQ, name), *given, (SELF, self_told), (CHECK, check))


def help_asked(
    whose: str, kind: str, when: str, people: str, wanted: str, phone: str, check: str = "{opt:提交}"
) -> tuple[Turn, ...]:
    """The hardship script's steps after the offer, each answered if it is asked."""
    return (
        (WHOSE, whose),
        (HKIND, kind),
        (HWHEN, when),
        (HPEOPLE, people),
        (HHELP, wanted),
        (HPHONE, phone),
        (HCHECK, check),
    )


class DialogueMaker(Protocol):
    """Makes one held-out dialogue of a set, its name prefixed with the set's own prefix."""

    def __call__(self, name: str, intent: str, outcome: str, *turns: Turn) -> Dialogue: ...


def held_out(prefix: str) -> DialogueMaker:
    """The maker of a blind set's dialogues, named `<prefix>-<name>` and held out of tuning."""

    def make(name: str, intent: str, outcome: str, *turns: Turn) -> Dialogue:
        return Dialogue(name=f"{prefix}-{name}", intent=intent, outcome=outcome, turns=tuple(turns), held_out=True)

    return make
