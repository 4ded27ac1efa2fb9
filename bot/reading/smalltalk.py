"""Ways around and small talk: navigation words, thanks and greetings, praise of the service, and asking
for a person."""

from __future__ import annotations

import re

from bot.reading.normal_form import clauses, data, has, made_of, normalise, trimmed, with_politeness, word_list
from bot.reading.wrongs import misconduct

# Navigation words that every state honours (the state may act first, e.g. 返回 goes back one step).
NAVIGATION = ("menu", "back", "cancel", "restart", "help", "more")

_BETWEEN_PARTICLES = re.compile(r"[呢啊呀吧嘛哈](?=.)")


def navigation_word(short: str) -> str | None:
    forms = (short, short.lstrip("我那就"))  # 我不弄了退出 is 不弄了 and 退出
    for name in NAVIGATION:
        words = word_list("navigation", name)
        if any(f and (f in words or made_of(f, words) or with_politeness(f, words, alone=False)) for f in forms):
            return name
    # 这个阿么用呢 帮助一哈: help asked twice with a particle between.
    bare = _BETWEEN_PARTICLES.sub("", short)
    if bare != short and made_of(bare, word_list("navigation", "help")):
        return "help"
    return None


def smalltalk_kind(short: str, norm: str) -> str | None:
    if not norm:
        return "emoji"
    for kind, words in data()["smalltalk"].items():
        if made_of(short, tuple(str(w) for w in words)) or made_of(norm, tuple(str(w) for w in words)):
            return str(kind)
    every = tuple(str(w) for words in data()["smalltalk"].values() for w in words)
    if made_of(short, every):
        return "ok"
    # 谢谢领导, 你们辛苦了, 谢谢你们 你们也辛苦了, 收到了: small talk with whom it addresses and the small
    # words between (也, 了, 真), but never the addressee or those words alone.
    addressees = word_list("addressees")
    fillers = word_list("smalltalk_fillers")
    for form in (short, norm):
        if made_of(form, every + addressees + fillers) and not made_of(form, addressees + fillers):
            for kind, words in data()["smalltalk"].items():
                if has(form, tuple(str(w) for w in words if len(str(w)) >= 2)):
                    return str(kind)
            return "ok"
    return None


# Praise, a joke or laughter about the service (哈哈 你们这个还挺好使 比村上的大喇叭强): small talk.
_LAUGH = re.compile(r"(哈|呵|嘿|嘻|h){2,}|笑死|太逗|逗死")
_PRAISE = re.compile(
    r"好使|好用|方便(?!面)|不错|点赞|厉害|给力|靠谱|管用|实用|省事|挺好|真好|很好|太好了|真棒|挺棒|太棒|好棒|牛逼|真牛|太牛|挺牛|赞|666|强多了|聪明|灵得很"
    r"|比.{1,12}?(强|好|方便|管用|省事|快|灵)|好得很|好得太|太好|真好|就是好|越来越好"
)
_NOT_PRAISE = re.compile(r"(不|没|没有|不太|不怎么|一点也不|一点都不)(好使|好用|方便|管用|实用|省事|灵|行|强|快)")
# Whom or what praise speaks of, and the small words around it: what may stand beside the praise words.
_PRAISED = re.compile(
    r"你们|你|这个|这东西|这玩意儿?|清风|公众号|小程序|系统|软件|程序|服务|机器人|东西|还|挺|真|太|很|蛮|比较|也|都"
    r"|的|了|啊|呀|哈|用着|用起来|确实|实在|真是|是|就是|比以前|以前|现在"
    r"|共产党|党和政府|党|政府|国家|政策|习主席|总书记|日子"
)
_QUESTIONED = re.compile(r"吗$|么$|嘛$|怎么|什么|多少|哪|谁|能不能|可不可以|为什么|咋|几|是不是|有没有")


def _praise_clause(norm: str) -> bool:
    if not _PRAISE.search(norm) or _NOT_PRAISE.search(norm) or _QUESTIONED.search(norm):
        return False
    rest = _PRAISE.sub("", norm)
    return len(_PRAISED.sub("", rest)) <= 2 or re.search(r"比.{1,12}?(强|好|方便|管用|省事|快|灵)", norm) is not None


def praise_only(text: str, norm: str) -> bool:
    """Every clause laughter, small talk or praise of the service, and at least one praise: nothing else told.
    No wrong, trouble, ask to report or question may be inside (classify checks those first)."""
    if not norm or len(norm) > 40:
        return False
    parts = [normalise(part) for part in clauses(text)]
    praised = False
    for part in (p for p in parts if p):
        if _praise_clause(part):
            praised = True
        elif not (_LAUGH.fullmatch(part) or smalltalk_kind(trimmed(part), part) is not None):
            return False
    return praised


# Calling someone to answer: 叫个干部来回答一下, 让工作人员回复, 来个人说说.
# A bare 人 only with a measure word (叫个懂政策的人来): 请人看病 is not asking for a person.
_SUMMON = re.compile(
    r"(叫|找|让|请|派|来)(你们的?|(乡上|镇上|县上|县里|乡里|上面)的?)?"
    r"((个|一个|位|一位)?(懂.{0,4}?的)?(干部|领导|工作人员|真人|人工|客服)|(个|一个|位|一位).{0,5}?人)(来|过来)?(给我|跟我|和我)?"
    r"(回答|回复|答复|解答|说话|说|接|处理|看|问|出来|回个话|回话|打电话|打个电话|$)(?!了|过)"
)


# Asking whether a person is there to answer: 有没有乡上的干部能回答我, 有没有人能回复一下.
# What may follow a polite summons and leave it an ask for a person (…答复我的问题？).
_SUMMON_TAIL = re.compile(r"(一下)?(我|我们)?的?(问题|事|事情)?(一下)?(吗|呢|吧|可以吗|行吗)?")
_ANYONE_TO_ANSWER = re.compile(
    r"^有没有(个|一个|位|一位)?.{0,4}?(干部|领导|工作人员|真人|人工|客服|人|懂的人)"
    r"(能|可以|来|会)?(回答|回复|答复|解答|说话)(一下)?(我|我们)?$"
)


def asks_person(short: str, norm: str) -> bool:
    if short in word_list("person", "exact") or has(norm, word_list("person", "contains")):
        return True
    if _ANYONE_TO_ANSWER.match(norm):
        return True
    if len(norm) <= 15 and _SUMMON.search(norm) and not has(norm, word_list("report_words")):
        return not misconduct(norm)  # 支书把钱拿走了 叫领导来看: a story, offered as a report
    summoned = _SUMMON.search(norm)
    if summoned and len(norm) <= 24 and _SUMMON_TAIL.fullmatch(norm[summoned.end() :]):
        return True  # 您好 请问能否请一位工作人员答复我的问题: a polite ask, its question to follow
    # A short message naming a person at all (客服在吗我要找人工); a long one is a question that mentions it,
    # and 找领导举报 asks to report.
    return len(norm) <= 15 and has(norm, word_list("person", "short")) and not has(norm, word_list("report_words"))
