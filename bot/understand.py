"""What a villager's message means, before any state or command sees it.

A small classifier over phrase lists kept as data (bot/data/intents.yaml). Messages are normalised first:
full-width characters become ASCII, dialect words and common homophones their standard form, and
punctuation, emoji and trailing particles go. The villager's own text is what reports store; the
normalised copy is only for matching.

The readings themselves are in bot/reading/, one file per kind; this module combines them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot import shapes
from bot.menu import MAIN_MENU
from bot.reading.choices import agreed_pick, choice_of, menu_number
from bot.reading.features import help_beside_features
from bot.reading.hardship import APPLYING, hardship, troubled
from bot.reading.normal_form import clauses, data, has, made_of, normalise, sound, trimmed, word_list
from bot.reading.report_asks import (
    TO_WHOM_FILLER,
    WANTS_TO_WHOM,
    accuses,
    asks_outright,
    asks_where_to_report,
    wants_report,
    wants_to_tell,
)
from bot.reading.smalltalk import (
    ASKED_IN_OTHER_WORDS,
    MACHINE_FAILS,
    NAVIGATION,
    NOT_UNDERSTOOD,
    PUT_THROUGH,
    SUMMON,
    TALK_TO_PERSON,
    UNSAID_MATTER,
    addressed_only,
    asks_person,
    cannot_type,
    chat_only,
    explain_me,
    navigation_word,
    new_to_it,
    only_asks_person,
    praise_only,
    smalltalk_kind,
)
from bot.reading.track_and_money import asks_money, asks_tracking, names_money
from bot.reading.wrappers import still_there, unwrapped
from bot.reading.wrongs import employer_only, guess_category, misconduct


@dataclass(frozen=True)
class Intent:
    """name: one of NAVIGATION, person, smalltalk, choice (a number), menu_item (a main-menu item named by
    its words), report, story (misconduct told), hardship, track, money, none (a question, or unknown)."""

    name: str
    norm: str = ""
    choice: int | None = None
    detail: str = ""  # the small-talk kind, a guessed category code, or "where" (where to report, asked alone)
    # An ask to report that already tells something (it becomes the report's first words); for hardship,
    # whether the message tells a trouble rather than only asking to apply.
    told: bool = False


def classify(text: str) -> Intent:
    norm = normalise(text)
    short = trimmed(norm)
    if not text.strip():
        return Intent("none", norm)
    inner = unwrapped(text)  # 你好，2号，谢谢; 12345吗 <a story>: the wrapper says nothing
    if inner is not None:
        meant = classify(inner)
        if meant.name not in ("none", "smalltalk"):
            return meant  # small talk inside small talk (好的谢谢，已了解) is the whole message's
    number = choice_of(text)
    # 886 (bye), 666 (praise): a number that is a known word of small talk is no pick.
    if number is not None and not (len(norm) >= 3 and smalltalk_kind(norm, norm) is not None):
        return Intent("choice", norm, choice=number)
    agreed = agreed_pick(text)  # 1 就这么办, 1 第一个, 你们这有几个选项 我选二
    if agreed is not None:
        return Intent("choice", norm, choice=agreed)
    named = agreed_pick(text, _MENU_LABELS)  # 2 项目的, 4 查的: a main-menu item's number and its words
    if named is not None:
        return Intent("menu_item", norm, choice=named)
    nav = navigation_word(short)
    if nav is None and navigation_word(norm) == "repeat":
        nav = "repeat"  # 你说啥 is 你说什么 once normalised, whose 么 trimming takes as a particle
    if nav is not None:
        return Intent(nav, norm)
    if shapes.leaving(text) and not misconduct(norm) and not has(shapes.unsaid(norm), word_list("report_words")):
        return Intent("cancel", norm)  # 算了 不弄了 怕惹麻烦; 电话就不留了 那算了
    joined = _joined_commands(text)
    if joined is not None:
        return Intent(joined, norm)
    if help_beside_features(text):
        return Intent("help", norm)  # 群里说你们这个能查进度 还能补充材料 咋用 帮助: how to use them, asked
    if (
        asks_person(short, norm)
        or _person_then_question(text)
        or _told_then_person(text)
        or _person_beside_question(text)
    ):
        return Intent("person", norm)
    small = smalltalk_kind(short, norm)
    if small is not None:
        return Intent("smalltalk", norm, detail=small)
    if still_there(text):
        return Intent("smalltalk", norm, detail="greet")  # 值夜班哩 你们也还在吗
    if asks_tracking(norm):
        return Intent("track", norm)
    told_wrong = misconduct(norm)
    amount = shapes.amount_asked(norm) and shapes.asks(norm)  # 残疾补贴今年涨了没有: a policy question
    # 腿压断了 包工头不给钱: unpaid wages beside a household's trouble are the household's, not a cadre's wrong.
    if hardship(norm) and (not told_wrong or employer_only(norm)) and not accuses(norm) and not amount:
        # An application alone (想申请防返贫监测) tells nothing to keep as the household's story.
        rest = norm
        for w in word_list("hardship", "applications"):
            rest = rest.replace(w, "")
        told = troubled(APPLYING.sub("", rest))
        return Intent("hardship", norm, detail="poverty_risk", told=told)
    asks_report = has(norm, word_list("report_words")) or wants_to_tell(norm) or accuses(norm)
    if told_wrong and not (asks_report and asks_outright(norm)):
        return Intent("story", norm, detail=guess_category(norm))
    if asks_report and has(norm, word_list("report_questions")) and not wants_report(norm):
        if asks_where_to_report(norm):
            return Intent("report", norm, detail="where")  # 请问在哪里检举: here, and it starts
        return Intent("none", norm)  # 怎么举报村干部: the answer says how, and offers the report
    if asks_report:
        # 我要举报 asks; 我要举报村长把低保给了他侄子 already tells: offer it as the report's text. A greeting and
        # who one is (娃们好 俺是五保户 老汉我有个事要说一哈) tell nothing of the matter (and who one is, kept in an
        # anonymous report, would name the reporter).
        rest = _SELF_INTRODUCED.sub("", norm)
        fillers = (
            *word_list("report_words"),
            *word_list("report_help"),
            *word_list("report_can"),
            *word_list("report_questions"),
            *word_list("telling", "verbs"),
            *word_list("report_filler"),
            *word_list("lead_ins"),
        )
        for w in sorted(fillers, key=len, reverse=True):
            rest = rest.replace(w, "")
        if WANTS_TO_WHOM.search(norm):
            rest = TO_WHOM_FILLER.sub("", rest)
        if has(norm, word_list("report_where_how")) and wants_report(norm) and not shapes.speaks_of_village(rest):
            # 掌柜的在外头打工 家里就我和娃 有个事想反映一下 阿么弄哩: how to report a matter not told yet, beside
            # words naming nothing of the village's: the answer is here, and the report starts.
            return Intent("report", norm, detail="where")
        # It asks outright, so it is not asked again whether to report; what it tells is kept.
        return Intent("report", norm, detail=guess_category(norm), told=len(rest) >= 6)
    if praise_only(text, norm):
        return Intent("smalltalk", norm, detail="praise")
    if shapes.cued_smalltalk(text, norm):
        return Intent("smalltalk", norm, detail="thanks")  # 谢谢啊 帮了大忙了, 辛苦了你们 大冷天的
    if chat_only(text):
        return Intent("smalltalk", norm, detail="greet")  # 你们好啊 店里歇一哈 给你们问个好
    if asks_money(norm) or names_money(short):
        return Intent("money", norm)
    menu = menu_number(short)
    if menu is not None:
        return Intent("menu_item", norm, choice=int(menu))
    sounded = _command_sounded(short)
    if sounded is not None:
        return classify(sounded)  # 转人公 is 转人工, 菜但 is 菜单
    return Intent("none", norm)


_MENU_LABELS = tuple(label for number, label in MAIN_MENU if number != "0")


# Greeting the listeners and saying who one is (孩子们好, 大家好, 我是五保户, 我是村医, 我们是三社的村民), and
# how one calls oneself after it (老汉我, 老婆子我).
_SELF_INTRODUCED = re.compile(
    r"(孩子们|大家|各位|领导|同志们?|你们|您|老师|师傅)好"
    r"|我(们)?是(本村|这个村|村里|村上)?的?[\u4e00-\u9fff]{0,4}?(户|村民|村医|医生|大夫|老师|教师|老汉|老人|党员|司机|学生|媳妇|妇女|残疾人)"
    r"|(老汉|老婆子|老头子|老婆婆|老太婆|老奶奶|老汉子)(我)?"
)


def _person_then_question(text: str) -> bool:
    """人工 我想问问抚恤金今年涨了没有, kefu 大棚有没有补贴: a first clause asking for a person, then a question;
    or then words that ask nothing yet (有没有负责的同志 我想直接问问: the question is to follow)."""
    parts = clauses(text)
    if len(parts) < 2:
        return False
    first = normalise(parts[0])
    if not asks_person(trimmed(first), first):
        return False
    rest = normalise("".join(parts[1:]))
    return shapes.asks(rest) or made_of(rest, (*_PERSON_FILLER, *_ASKING_NOTHING)) or _unsaid(rest)


def _person_beside_question(text: str) -> bool:
    """A letter's or a dialect's ask for a person with the question in clauses of its own, in any order
    (您好，我希望由工作人员答复以下问题：…能否申请创业担保贷款？请转相关负责同志。, 乡上的干部我找要哩 我的草原补贴的钱
    今年多少给 问要): greetings and thanks aside, the rest asks something (家里有残疾人 能否申请护理补贴 too: staff
    are asked to answer it). A wrong told or an ask to report beside the ask keeps its own reading."""
    # A letter's colon ends its ask (…答复以下问题：返乡大学生…) as a comma would.
    parts = [normalise(p) for c in clauses(text) for p in re.split(r"[:：]", c)]
    parts = [c for c in parts if c and smalltalk_kind(trimmed(c), c) is None]
    asked = [c for c in parts if asks_person(trimmed(c), c)]
    rest = "".join(c for c in parts if c not in asked and not made_of(c, (*_PERSON_FILLER, *_ASKING_NOTHING)))
    if not asked or len(rest) < 4:
        return False
    return shapes.asks(rest) and not misconduct(rest) and not accuses(rest) and not has(rest, word_list("report_words"))


def _told_then_person(text: str) -> bool:
    """我在西藏打工 能不能找个村上的干部跟我说说, 俺人在外地 想找个干部聊聊: a clause or two on where one is or
    why, then an ask for a person last. What comes before asks nothing and tells no wrong, trouble or matter of
    the village (those keep their own reading)."""
    parts = clauses(text)
    if not 2 <= len(parts) <= 3:
        return False
    last = normalise(parts[-1])
    if not asks_person(trimmed(last), last):
        return False
    before = normalise("".join(parts[:-1]))
    return (
        0 < len(before) <= 16
        and not shapes.asks(before)
        and not shapes.speaks_of_village(before)
        and not misconduct(before)
        and not hardship(before)
        and not troubled(before)
        and not has(before, word_list("report_words"))
    )


def _unsaid(norm: str) -> bool:
    """本人有政策问题需当面请示: a matter named, not said; the question is to follow."""
    return UNSAID_MATTER.fullmatch(norm) is not None


# Beside an ask for a person, how one wants to ask (直接, 当面): nothing asked yet.
_ASKING_NOTHING = (
    *("直接", "当面", "亲自", "单独", "问", "说", "说说", "聊聊", "就", "只", "是", "问题"),
    *("希望", "以下", "如下", "下列", "下面", "由", "的"),  # a letter's words: 我希望由工作人员答复以下问题
)


def _joined_commands(text: str) -> str | None:
    """A few clauses that are each a way around or small talk (这个咋用呀 帮助, 好的 菜单): the last way."""
    parts = clauses(text)
    if not 2 <= len(parts) <= 4:
        return None
    # 俺第一次用这个 帮助: saying one is new to the service stands beside a way around as small talk does; so does
    # why one wants a person (转人工 我打不来字), or, beside a how-to-use question, asking to be told (给俺说道说道).
    names = [_aside(normalise(part)) or classify(part).name for part in parts]
    if "help" not in names:
        names = [n if n != "explain" else classify(p).name for n, p in zip(names, parts, strict=True)]
    names = ["smalltalk" if n == "explain" else n for n in names]
    ways = [n for n in names if (n in NAVIGATION and n != "more") or n == "person"]
    if ways and all(n in (*NAVIGATION, "person", "smalltalk") for n in names):
        # 再说一遍 没看懂: the step asked for again beside not understanding it is said again, not left for help.
        helps = [normalise(part) for part, n in zip(parts, names, strict=True) if n == "help"]
        if "repeat" in ways and set(ways) <= {"repeat", "help"} and all(made_of(h, NOT_UNDERSTOOD) for h in helps):
            return "repeat"
        return ways[-1]
    return None


def _aside(norm: str) -> str | None:
    """A clause that says something beside a way around but asks nothing itself."""
    if new_to_it(norm) or cannot_type(norm) or addressed_only(norm) or _unsaid(norm):
        return "smalltalk"  # 娃娃 你叫个大人来, 我有话当面说: whom one speaks to, or a matter not yet said
    return "explain" if explain_me(norm) else None


@lru_cache(maxsize=1)
def _command_words() -> dict[str, str]:
    """The sound of every command word (navigation, a person, the main menu's words, asking to report)."""
    words = [str(w) for name in NAVIGATION for w in data()["navigation"][name]]
    words += [*word_list("person", "exact"), *word_list("report_words"), *word_list("track", "direct")]
    words += [str(w) for ws in data()["menu_words"].values() for w in ws]
    cjk = [w for w in words if len(w) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in w)]
    return {sound(w): w for w in sorted(cjk, key=len)}


def _command_sounded(short: str) -> str | None:
    """The command a short message sounds exactly like (a same-sound typo or a voice slip): the whole
    message (菜但 -> 菜单), or a part of two syllables or more with the rest as typed (找人公 -> 找人工)."""
    if not 2 <= len(short) <= 6 or not all("\u4e00" <= ch <= "\u9fff" for ch in short):
        return None
    words = _command_words()
    word = words.get(sound(short))
    if word is not None:
        return word if word != short else None
    for size in range(len(short) - 1, 1, -1):
        for at in range(len(short) - size + 1):
            part = short[at : at + size]
            word = words.get(sound(part))
            if word is not None and word != part:
                said = short[:at] + word + short[at + size :]
                # Only a whole command this way (找人公); a typo inside a question stays the question.
                return said if classify(said).name in (*NAVIGATION, "person") else None
    return None


# Words beside an ask for a person that carry nothing to answer (人工客服 问一下 …, 找人工 你好).
_PERSON_FILLER = (
    "问一下",
    "问问",
    "想问一下",
    "想问",
    "请问",
    "咨询一下",
    "咨询",
    "打听一下",
    "有个事",
    "有事情",
    "有事",
    "问个事",
    "问个事情",
    "有个问题",
    "我",
    "想",
    "要",
    "找",
    "你们",
    "的",
    "一下",
    "个",
    "在吗",
    "在不在",
    "帮我",
    "给我",
    "那个",
    # the ask itself (能不能让真人回复一下, 叫工作人员回答一下): nothing carried
    "能不能",
    "可不可以",
    "可以",
    "能",
    "让",
    "叫",
    "请",
    "来",
    "吗",
    "回复",
    "回答",
    "答复",
    "解答",
    "我们",
)


def _carries_nothing(clause: str) -> bool:
    """One clause of several beside an ask for a person that carries no question of its own."""
    norm = normalise(clause)
    if not norm or _aside(norm) == "smalltalk" or (MACHINE_FAILS.search(norm) and len(norm) <= 16):
        return True
    meant = classify(clause).name
    return meant == "smalltalk" or (meant == "person" and not carried_question(clause))


def carried_question(text: str) -> bool:
    """Whether an ask for a person carries the question (or the story) itself: 人工客服 问一下 俺娘的高龄补贴咋停了.
    The person words and the words that ask nothing yet are taken away; what is left must say something that is
    not itself a way around, small talk or a bare ask to report."""
    if _told_then_person(text):
        return carried_question(clauses(text)[-1])  # 我在西藏打工: where one is carries no question
    # 有没有负责的同志 我想直接问问: a clause that only asks for a person is taken away whole; so is, among several,
    # one that asks for a person and carries nothing itself, small talk, or why one wants a person
    # (整个真人来唠唠呗 这机器人说话贼磨叽, 转人工 我打不来字, 尊敬的领导 请工作人员答复 不胜感激).
    parts = [c for c in clauses(text) if not only_asks_person(trimmed(normalise(c)))]
    if len(parts) > 1:
        parts = [c for c in parts if not _carries_nothing(c)]
    norm = normalise(" ".join(parts))
    if only_asks_person(trimmed(norm)):
        return False  # 真人 在不在 回个话: the ask's words spread over clauses
    person_words = (*word_list("person", "exact"), *word_list("person", "contains"), *word_list("person", "short"))
    # 跟人工说话 机器说的我听不懂, 整个真人来唠唠: the ask's own words carry nothing.
    rest = MACHINE_FAILS.sub(" ", TALK_TO_PERSON.sub(" ", SUMMON.sub(" ", PUT_THROUGH.sub(" ", norm))))
    rest = ASKED_IN_OTHER_WORDS.sub(" ", rest)
    for w in sorted(person_words, key=len, reverse=True):
        rest = rest.replace(w, " ")
    every_small = tuple(str(w) for ws in data()["smalltalk"].values() for w in ws)
    kept = []
    for part in rest.split():
        if made_of(
            part, (*_PERSON_FILLER, *_ASKING_NOTHING, *every_small, *word_list("particles"), *word_list("lead_ins"))
        ) or _unsaid(part):
            continue
        kept.append(part)
    said = "".join(kept)
    if len(said) < 4:
        return False
    meant = classify(said)
    if meant.name in (*NAVIGATION, "smalltalk", "choice", "menu_item", "person"):
        return False
    return not (meant.name == "report" and not meant.told)
