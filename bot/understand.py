"""What a villager's message means, before any state or command sees it.

A small classifier over phrase lists kept as data (bot/data/intents.yaml). Messages are normalised first:
full-width characters become ASCII, dialect words and common homophones their standard form, and
punctuation, emoji and trailing particles go. The villager's own text is what reports store; the
normalised copy is only for matching.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from bot import shapes
from knowledge.phonetic import syllables

DATA = Path(__file__).parent / "data" / "intents.yaml"

# Navigation words that every state honours (the state may act first, e.g. 返回 goes back one step).
NAVIGATION = ("menu", "back", "cancel", "restart", "help", "more")
_NUMERALS = {"零": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CHOICE = re.compile(
    r"^(?:我选|选择|选|我要|要|看|就)?第?([0-9]{1,3}|[零一二两俩三四五六七八九十]{1,3})(?:个|号|项|条|页|种|位)?(?:吧|的)?$"
)
# Anything that is neither a letter, a digit nor a CJK character: punctuation, symbols, emoji.
_NOISE = re.compile(r"[^\w\u4e00-\u9fff]+")


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


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    loaded = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _words(*path: str) -> tuple[str, ...]:
    node: Any = _data()
    for key in path:
        node = node[key]
    return tuple(str(w) for w in node)


@lru_cache(maxsize=1)
def _replacements() -> tuple[tuple[str, str], ...]:
    # Longest first, so 俺们 is read before 俺 and 尕娃 before 娃.
    pairs = {**_data()["homophones"], **_data()["dialect"]}
    return tuple(sorted(((str(k), str(v)) for k, v in pairs.items()), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=512)
def normalise(text: str) -> str:
    """The matching form of a message: NFKC, lower case, dialect and homophones read, noise removed.

    Remembered: a message and its clauses are read by several rules (the safety check, the story pieces, the
    classifier), each normalising the same text; it is a pure function of the text over word lists read once.
    """
    out = unicodedata.normalize("NFKC", text).lower()
    if out.strip() == "?":
        return "?"  # a lone question mark asks for help
    for old, new in _replacements():
        out = out.replace(old, new)
    return _NOISE.sub("", out)


def _trimmed(norm: str) -> str:
    """Without leading wants and trailing particles: 我要回主菜单啊 -> 回主菜单."""
    particles = _words("particles")
    changed = True
    while changed and norm:
        changed = False
        for p in particles:
            if norm.endswith(p) and len(norm) > len(p):
                norm, changed = norm[: -len(p)], True
        for lead in sorted(_words("lead_ins"), key=len, reverse=True):
            if norm.startswith(lead) and len(norm) > len(lead):
                norm, changed = norm[len(lead) :], True
                break
    return norm


def made_of(norm: str, phrases: tuple[str, ...]) -> bool:
    """Whether the message is nothing but these phrases, repeated or joined (算了算了, 好的谢谢)."""
    if not norm:
        return False
    ordered = sorted(phrases, key=len, reverse=True)
    reachable = [True] + [False] * len(norm)
    for i in range(len(norm)):
        if reachable[i]:
            for p in ordered:
                if p and norm.startswith(p, i):
                    reachable[i + len(p)] = True
    return reachable[len(norm)]


def _has(norm: str, words: tuple[str, ...]) -> bool:
    return any(w in norm for w in words)


def _step_forms(norm: str) -> tuple[str, ...]:
    """The message, without particles and lead-ins, and also without a leading 我 or a trailing 了/的/呢:
    我说完了 -> 说完了 -> 说完, ok了 -> ok."""
    short = _trimmed(norm)
    forms = [norm, short]
    for form in (norm, short):
        bare = form.lstrip("我那就")
        forms.append(bare)
        forms.append(bare[:-1] if len(bare) > 1 and bare[-1] in "了的呢" else bare)
    return tuple(f for f in dict.fromkeys(forms) if f)


# A short answer that there is nothing to show: a negation with at most evidence words around it
# (照片没有, 没什么证据, 没照下, 莫有).
_NEGATION = re.compile(
    r"(没有|没得|没|无|莫得|莫|木有|么得|拍不了|拍不到|拍不成|拍不着|拍不上|照不上|照不了|照不成|录不了|录不上|发不了"
    r"|以后再发|以后发|回头再发|以后补|不)"
)
_EVIDENCE_WORDS = re.compile(
    r"(手机|照相|相机|东西|嘛|照片|相片|证据|图片|图|视频|录像|录音|材料|截图|什么|任何|拍下|照下|拍|照|发|也|都|了|的|我|这个"
    r"|就算了|算了|不用了|敢|能|会|方便|好意思|想|让|到|成|着|留|下|坏了|当时|想到|想起|再|以后|回头|过后"
    r"|过|票据|单据|收据|凭证|发票|条子|票|暂时|暂|现在|目前|还|手头|手上|身边|一张|录|必要|上)"
)
# Evidence there is, but not sent now (有聊天截图 但现在发不了, 名单我可以后面补, 账本在我手上 现在不拍): the step
# is passed; it can be sent later with 补充材料.
_SENT_LATER = re.compile(
    r"(以后|后面|后头|回头|过后|之后|改天|晚点|稍后)(再|可以)?(补|发|交|拍|给)"
    r"|(现在|暂时|这会|眼下)(还)?(发不了|发不成|不发|不拍|拍不了|没法发|没法拍|不方便发|不方便拍)"
)
_NAME_WORDS = ("名字", "姓名", "真名", "名", "电话")
_NAME_GIVEN = re.compile(r"(写|留|用)上?(我|我的)的?(真)?(名字|姓名|真名|电话)")
_UNKNOWN_WANTED = re.compile(r"(不想|别|不要|不能|不让|(?<!不)怕)(让|叫|被)?(人|别人|他们|村里|村上|干部|谁).{0,4}知道")
_NOT_WANT = ("不要", "不想", "不用", "不写", "不留", "不愿", "别写", "别留", "不")
_CONFIRM_VERBS = ("提交", "交上去", "发上去", "报上去", "交了吧", "发出去", "确认")
# 交 alone, with only an ok or a 就这样 before it (好 交, 就这么交, 就这样交了).
_HAND_IN = re.compile(r"(好|行|对|嗯|可以|那|就|就这样|就这么|直接|没问题)*交(了|吧|了吧)?")
_HOLD = ("不", "别", "先别", "等", "再")


def means(text: str, kind: str) -> bool:
    """Whether a message inside a guided step is one of its answers (steps in the data): done, skip, agree,
    refuse, confirm, anonymous, real_name, edit. 说完啦, 提交吧 and 好了好了 count; a sentence that contains them does
    not. For done, a short message of nothing but closing words' characters counts too (就说这么多, 完毕).
    Beyond the word lists, each answer is also recognised by its shape (see _by_shape)."""
    words = _words("steps", kind)
    norm = normalise(text)
    if kind == "done" and _NOT_DONE.search(norm):
        return False  # 没说完, 还有
    forms = _step_forms(norm)
    for form in forms:
        if form in words or made_of(form, words) or _with_politeness(form, words):
            return True
        # 就这些了没有了: the answer's words joined by 了 / 啦 between them
        if len(form) <= 12 and _has(form, words) and made_of(form, (*words, *_JOINTS)):
            return True
    if kind == "done" and 2 <= len(norm) <= 8 and all(ch in str(_data()["steps"]["done_chars"]) for ch in norm):
        return True
    if any(_by_shape(form, kind) for form in forms):
        return True
    if kind == "done" and len(norm) <= 20 and _SUMMED_UP.fullmatch(norm):
        return True  # 以上就是我要反映的全部内容
    bare_tail = shapes.without_trailing_filler(norm)
    if bare_tail is not None and not _misconduct(norm) and means(bare_tail, kind):
        return True  # 就这么多了你们看: the answer with a word to the listener after it
    if kind in ("done", "skip", "anonymous") and len(norm) <= 12:
        bare = _SAID_FOR.sub("", norm, count=1)
        if bare and bare != norm and means(bare, kind):
            return True  # 奶奶说就这些, 嗯 没别的, 我说没了
    if kind == "skip" and len(norm) <= 24 and _SENT_LATER.search(norm) and not shapes.asks(norm):
        return True  # 有聊天截图 但现在发不了: evidence there is, sent later
    if kind == "done" and _done_among_fillers(text, norm):
        return True  # 哦呀 说完了 突及其, 信号不好 说完了: done, with only filler, thanks or an excuse beside it
    if _sounds_like(norm, words):  # 挑过 is 跳过 typed by its sound
        return True
    return _first_clause_answers(text, kind)


# After a first clause that answers, what may follow and still leave the answer standing: small talk and
# handing over (说完了 你们看着办); for "no photos", a remark that shows nothing (证据没有 村里人都知道).
_HANDING_OVER = re.compile(
    r"^(你们|您)?(看着办|处理吧|处理一下|看看|费心|帮帮忙|给查查|查一查)"
    r"|^(还有|还要)?(啥|什么|哪些)?(要|需要|得)?(填|写|问|弄|办)的?(你们|你|您)?(问|说)?(吧)?$"
    r"|^(你们|你|您)?(接着|往下|继续)?问(吧)?$|^下一步(吧)?$"
)
_SHOWS_SOMETHING = re.compile(r"有|发了|拍了|录了|照了|等下|等会|马上")


def _first_clause_answers(text: str, kind: str) -> bool:
    parts = clauses(text)
    if not 2 <= len(parts) <= 4 or len(text) > 40 or not means(parts[0], kind):
        return False
    rest = [normalise(part) for part in parts[1:]]
    if kind == "skip":
        return not any(_SHOWS_SOMETHING.search(r) for r in rest)
    if kind in ("anonymous", "real_name", "confirm", "done", "agree"):
        return all(_HANDING_OVER.search(r) or classify(r).name == "smalltalk" or means(r, kind) for r in rest)
    return False


# In front of a short step answer, fillers and whom it is said for (嗯, 对, 奶奶说, 我说, 阿奶讲): the answer
# stands (奶奶说就这些 is done, 她说没拍过 is no photos).
_SAID_FOR = re.compile(
    r"^(嗯|对|哦|噢|好|是|那|啊|唉|算了)*"
    r"(((我|我们|我的|我家)?(奶|奶奶|阿奶|爷爷|阿爷|老人|老人家|老汉|妈|爸|娘|阿妈|阿爸|阿娘|老伴|婆婆|公公|家里人"
    r"|媳妇|老婆|男人|儿子|女儿|孩子)|我|她|他|我们|他们)(说|讲)的?)?"
)
# Summing up: 以上就是我要反映的全部内容, 以上是全部情况.
_SUMMED_UP = re.compile(
    r"以上(就是|是|就|便是|为)?(我|我们)?(要|想)?(反映|说|讲|举报)?的?(全部|所有|主要|全)?的?(内容|情况|事情|问题|事)?(了)?"
)
_NOT_DONE = re.compile(r"没(说|讲|写|发)?完|还没|还有(?!(啥|什么|哪些)(要|需要|得)?(填|写|问|弄|办))|没好|等一下|等等")


# Between a step answer's words (就这些了没有了); never an answer alone.
_JOINTS = ("了", "啦", "吧", "呢")


def _sounds_like(norm: str, words: tuple[str, ...]) -> bool:
    """A short message that sounds exactly like one of the words (pinyin with near-sounds folded):
    转人公 is 转人工, 挑过 is 跳过. Only words of two syllables or more, so a lone character is never read
    as another."""
    if not 2 <= len(norm) <= 6 or not all("\u4e00" <= ch <= "\u9fff" for ch in norm):
        return False
    return _sound(norm) in _sounds(words)


def _sound(text: str) -> str:
    return " ".join(syllables(text))


@lru_cache(maxsize=64)
def _sounds(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_sound(w) for w in words if len(w) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in w))


def _with_politeness(form: str, words: tuple[str, ...], *, alone: bool = True) -> bool:
    """The answer with thanks or an ok around it (不用了谢谢, 好的麻烦了): still the answer. Unless `alone`,
    a message of nothing but politeness does not count (好的谢谢 is not a way out)."""
    polite = tuple(str(w) for kind in ("thanks", "ok", "bye") for w in _data()["smalltalk"][kind])
    return _has(form, words) and made_of(form, words + polite) and (alone or not made_of(form, polite))


# Nothing more to tell: 没有要补充的, 不补充了, 其他没有了, 暂时就这些, 先这样, 能说的就这些.
_NOTHING_MORE = re.compile(
    r"(没有?|不)(什么|要|再|别的)?(补充|要说|说)的?了?"
    r"|(其他|别的|其它)的?(都|也)?(没有?|没什么)了?"
    r"|(暂时|先|目前|现在|大概|差不多|能说的|知道的|我知道的)(就)?(说|讲)?(这些|这样|这么多|这点)(情况|事)?(了|吧)?"
    # 没有啥了, 再没了, 没有其他的了
    r"|(再|也|别的|其他的?|其它的?)?(没有?|没得|莫得)(啥|什么|其他的?|其它的?|别的)?(要说的|可说的|说的|补充的)?(了|啦)?"
    # 该说的都说了, 能讲的全讲完了, 这就是全部, 就是这么回事
    r"|(该|能|要|想|我)?(说|讲)的(都|全|全都)(说|讲)(了|完了|完)"
    r"|这(就是|是|就)?(全部|所有)(的)?(内容|情况|事情)?(了)?"
    r"|(就是|就)?这么?(个|一)?回事(儿)?(了)?"
)


# Clauses that add nothing beside a finished answer: an ok in another tongue, an excuse for the line.
_BESIDE_DONE = re.compile(
    r"(哦呀|哦|噢|嗯|好|好的|对|是|那|行|啊)+|(信号|网|网络)(不好|太差|差|不行)(得很)?|(打字|写字)(慢|太慢|不方便)"
)


def _done_among_fillers(text: str, norm: str) -> bool:
    parts = [normalise(p) for p in shapes.clauses(text)]
    parts = [p for p in parts if p]
    if not 2 <= len(parts) <= 4 or len(norm) > 24:
        return False
    finished = [p for p in parts if means(p, "done")]
    return bool(finished) and all(
        p in finished or _BESIDE_DONE.fullmatch(p) or _smalltalk(_trimmed(p), p) in ("thanks", "ok", "bye")
        for p in parts
    )


def _by_shape(norm: str, kind: str) -> bool:
    if not norm or len(norm) > 12:
        return False
    if kind == "skip":
        rest = _EVIDENCE_WORDS.sub("", norm)
        return bool(_NEGATION.search(norm)) and _NEGATION.sub("", rest) == ""
    if kind == "anonymous":
        if _UNKNOWN_WANTED.search(norm):
            return True  # 不想让人知道是我
        if any(w + "实名" in norm for w in ("不", "不要", "不用", "别")):
            return True
        if "匿名" in norm:
            return not any(w + "匿名" in norm for w in ("不", "不要", "不用", "别"))
        return any(n in norm for n in _NAME_WORDS) and any(w in norm for w in _NOT_WANT) and "实名" not in norm
    if kind == "real_name":
        if _NAME_GIVEN.search(norm) and not any(w in norm for w in ("不", "别", "没")):
            return True  # 写我名字, 留我的电话
        return "实名" in norm and not any(w in norm for w in ("不实名", "不要实名", "不用实名"))
    if kind == "confirm":
        if _HAND_IN.fullmatch(norm):
            return True
        hit = next((v for v in _CONFIRM_VERBS if v in norm), None)
        return hit is not None and not any(h + hit in norm or h + "要" + hit in norm for h in _HOLD)
    if kind == "done":
        if _NOTHING_MORE.fullmatch(norm):
            return True
        # 我说完了, 讲完啦, 就这么个事
        return (
            re.fullmatch(
                r"(都|已经|全部|全都|全)?(说|讲|写|发|打)完(了|啦)?(就这|就这些)?"
                r"|(情况|事情|事|大概|基本上?|反正)?(嗯|对)?(就是|就)?这(么)?(个|点|些|样)(事情|事|情况)?(了)?",
                norm,
            )
            is not None
        )
    return False


def chinese_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _NUMERALS.get(tens, -1) if tens else 1
        o = _NUMERALS.get(ones, -1) if ones else 0
        return t * 10 + o if t >= 0 and o >= 0 else None
    if len(text) == 1:
        return _NUMERALS.get(text)
    return None


def choice_of(text: str) -> int | None:
    """A picked number: 4, ４, 四, 第四个, 4号, 选4 -> 4; anything else None."""
    norm = normalise(text)
    match = _CHOICE.match(norm)
    return chinese_number(match.group(1)) if match else None


# A pick with words after it: 2 就是低保那个, 第二个 村上偏向自家人, 3、他天天不来.
_LEADING_CHOICE = re.compile(
    r"^(?:我选|选择|选|就)?第?([0-9]{1,2}|[一二两三四五六七八九十])(?:个|号|项|条|种)?(?:吧|的)?[\s,，。.、:：;；!！]+(\S.*)$",
    re.S,
)


def leading_choice(text: str) -> tuple[int, str] | None:
    """A number picked first and words told after it (2 就是低保那个 村上偏向自家人): the number and the
    villager's own words after it; None when the message is not such a pick."""
    match = _LEADING_CHOICE.match(unicodedata.normalize("NFKC", text).strip())
    if match is None:
        return None
    number = chinese_number(match.group(1))
    rest = match.group(2).strip()
    return (number, rest) if number is not None and rest else None


def pick(text: str, labels: tuple[str, ...] | list[str]) -> int | None:
    """1-based index of the option the villager meant, by number or by (nearly) its own words."""
    number = choice_of(text)
    if number is not None:
        return number if 1 <= number <= len(labels) else None
    norm = _trimmed(normalise(text))
    if len(norm) < 2 or norm[0] in "不非":
        return None  # 不实名 is not 实名: a negated option is asked again, never picked
    scores = [(_label_score(norm, normalise(label)), i) for i, label in enumerate(labels, 1)]
    best, index = max(scores, default=(0.0, 0))
    tied = sum(1 for s, _ in scores if s == best)
    return index if best >= 80 and tied == 1 else None


def _label_score(norm: str, label: str) -> float:
    if not label:
        return 0.0
    if norm == label or (len(norm) >= 2 and norm in label) or (len(label) >= 2 and label in norm):
        return 100.0
    if len(norm) >= 3 and LCSseq.similarity(norm, label) >= 0.8 * len(norm):
        return 90.0  # most of what was typed, in order, is in the label (评定不公的)
    return float(fuzz.ratio(norm, label))


def menu_number(norm: str) -> str | None:
    """The main-menu item a message names by its words (项目公开 -> 2)."""
    for number, words in _data()["menu_words"].items():
        if norm in (str(w) for w in words):
            return str(number)
    return None


def guess_category(norm: str) -> str:
    if (any(w.search(norm) for w in _EXTORTION) and not _ASKING.search(norm)) or _gift_for(norm):
        return "conduct"  # money asked for a service is 吃拿卡要, whatever else the story names
    best, best_code = 0, "other"
    for entry in _data()["category_guess"]:
        score = sum(1 for w in entry["words"] if str(w) in norm)
        if score > best:
            best, best_code = score, str(entry["code"])
    return best_code


_BETWEEN_PARTICLES = re.compile(r"[呢啊呀吧嘛哈](?=.)")


def _navigation(short: str) -> str | None:
    forms = (short, short.lstrip("我那就"))  # 我不弄了退出 is 不弄了 and 退出
    for name in NAVIGATION:
        words = _words("navigation", name)
        if any(f and (f in words or made_of(f, words) or _with_politeness(f, words, alone=False)) for f in forms):
            return name
    # 这个阿么用呢 帮助一哈: help asked twice with a particle between.
    bare = _BETWEEN_PARTICLES.sub("", short)
    if bare != short and made_of(bare, _words("navigation", "help")):
        return "help"
    return None


def _smalltalk(short: str, norm: str) -> str | None:
    if not norm:
        return "emoji"
    for kind, words in _data()["smalltalk"].items():
        if made_of(short, tuple(str(w) for w in words)) or made_of(norm, tuple(str(w) for w in words)):
            return str(kind)
    every = tuple(str(w) for words in _data()["smalltalk"].values() for w in words)
    if made_of(short, every):
        return "ok"
    # 谢谢领导, 你们辛苦了, 谢谢你们 你们也辛苦了, 收到了: small talk with whom it addresses and the small
    # words between (也, 了, 真), but never the addressee or those words alone.
    addressees = _words("addressees")
    fillers = _words("smalltalk_fillers")
    for form in (short, norm):
        if made_of(form, every + addressees + fillers) and not made_of(form, addressees + fillers):
            for kind, words in _data()["smalltalk"].items():
                if _has(form, tuple(str(w) for w in words if len(str(w)) >= 2)):
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


def _praise(text: str, norm: str) -> bool:
    """Every clause laughter, small talk or praise of the service, and at least one praise: nothing else told.
    No wrong, trouble, ask to report or question may be inside (classify checks those first)."""
    if not norm or len(norm) > 40:
        return False
    parts = [normalise(part) for part in clauses(text)]
    praised = False
    for part in (p for p in parts if p):
        if _praise_clause(part):
            praised = True
        elif not (_LAUGH.fullmatch(part) or _smalltalk(_trimmed(part), part) is not None):
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


def _person(short: str, norm: str) -> bool:
    if short in _words("person", "exact") or _has(norm, _words("person", "contains")):
        return True
    if _ANYONE_TO_ANSWER.match(norm):
        return True
    if len(norm) <= 15 and _SUMMON.search(norm) and not _has(norm, _words("report_words")):
        return not _misconduct(norm)  # 支书把钱拿走了 叫领导来看: a story, offered as a report
    summoned = _SUMMON.search(norm)
    if summoned and len(norm) <= 24 and _SUMMON_TAIL.fullmatch(norm[summoned.end() :]):
        return True  # 您好 请问能否请一位工作人员答复我的问题: a polite ask, its question to follow
    # A short message naming a person at all (客服在吗我要找人工); a long one is a question that mentions it,
    # and 找领导举报 asks to report.
    return len(norm) <= 15 and _has(norm, _words("person", "short")) and not _has(norm, _words("report_words"))


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
    "有事",
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


def carried_question(text: str) -> bool:
    """Whether an ask for a person carries the question (or the story) itself: 人工客服 问一下 俺娘的高龄补贴咋停了.
    The person words and the words that ask nothing yet are taken away; what is left must say something that is
    not itself a way around, small talk or a bare ask to report."""
    norm = normalise(text)
    person_words = (*_words("person", "exact"), *_words("person", "contains"), *_words("person", "short"))
    rest = norm
    for w in sorted(person_words, key=len, reverse=True):
        rest = rest.replace(w, " ")
    every_small = tuple(str(w) for ws in _data()["smalltalk"].values() for w in ws)
    kept = []
    for part in rest.split():
        if made_of(part, (*_PERSON_FILLER, *every_small, *_words("particles"), *_words("lead_ins"))):
            continue
        kept.append(part)
    said = "".join(kept)
    if len(said) < 4:
        return False
    meant = classify(said)
    if meant.name in (*NAVIGATION, "smalltalk", "choice", "menu_item", "person"):
        return False
    return not (meant.name == "report" and not meant.told)


# A named role that takes, sells, spends or hands out what is not theirs: 书记把残疾人的补贴领了自己花了;
# or makes someone a beneficiary: 社长把他儿媳妇弄成低保户了.
_TAKING = re.compile(
    r"把.{0,24}?(领|卖|花|拿|占|扣|吞|私|换|送|给了|给他|给她|分给|分了|弄走|拉走|挪|借给|借走|借出去|弄成|评成|报成|定成|整成|搞成|弄上|报上"
    r"|停了|停掉|取消|刷了|刷掉|撤了|砍了|去掉|划掉)"
)
# What was taken, told the other way round: 钱叫包工头和村干部分了, 补助让会计领走了.
_TAKEN_BY = re.compile(r"(叫|让|被)[^把，。]{0,12}?(分|拿|领|花|吞|占|卖|贪|揣|挪)(了|走|掉|光|完)")
# Bought or built with public money: 书记的车是用扶贫款买的.
_BOUGHT_WITH = re.compile(r"用.{0,8}?(款|钱|资金|补助|补贴|经费)(买|盖|修|装|还|请|办)")
# Seldom there: 驻村书记一个月来一次, 来了就拍个照走了.
_ABSENT = re.compile(
    r"(一个?月|一年|半年|几个月|一个?星期|一个?礼拜|一季度)(才|就|只)?(来|回|露面|下来)(一|两|二|三)?(次|趟|回)"
    r"|拍个?照(片)?就?走"
)
# Buying votes: 选举的时候书记给每家发了二百块钱 (no role needed).
_VOTE_BUYING = re.compile(
    r"(选举|选票|投票|换届|选村).{0,14}?(发|给|送)了?.{0,6}?(钱|块|元|东西|礼|烟|酒|面|油|米|肉|红包|卡)"
)
# Visitors fed on the village: 乡上的人来检查 村上又杀羊又喝酒.
_HOSTING = re.compile(r"(检查|接待|来人|下乡|来村).{0,12}?(杀羊|宰羊|喝酒|吃饭|吃喝|招待|请客)")
# A record that says one thing while the truth is another: 账上写着每户都通了 其实一半人家还在挑水.
_FALSE_RECORD = re.compile(
    r"(账上|账本上|牌子上|公示上|公示的|名单上|表上|单子上|本子上|上报的|报上去的)(写|记|报|说)?(着|的|了)?"
    r".{0,24}?(其实|实际上|实际|根本|可是只|但是只)"
)
# What a role reports or posts, against what was given: 村会计报的是每天一个鸡蛋 娃们一个礼拜才吃上一回,
# 公示说投资四十万 实际就铺了一层水泥 (a role or the village named beside it; see _misconduct).
_REPORTED_VS_GIVEN = re.compile(
    r"(报的是|报上去的是|上报的是|写的是|公示说|公示的是|公示是|账上是)"
    r"(.{1,24}?(其实|实际上|实际|根本没|结果)"
    r"|.{1,30}?(才|只|就|光)(吃|给|发|领|拿|有|铺|修|见|到|得|分|栽|种|建|盖|装|用|花))"
)
# A cadre eating or drinking on the village's money: 每回吃饭都是村上掏钱.
_FEASTING = re.compile(
    r"(吃|喝|饭|酒|烟).{0,12}?(村上|村里|村委会?|集体|公家|公款|上面)(的)?(掏|出|付|报|买单|结账|花|拿)"
    r"|(村上|村里|村委会?|集体|公家|公款)(掏钱|出钱|买单|报销|结账).{0,8}?(吃|喝|饭|酒)"
)
# Collective property sold, rented or contracted out, and the money not in the accounts: 集体的羊卖了三万多
# 账上一分都没有, 村里的草场租出去了 钱不知道去哪了.
_ASSET_GONE = re.compile(
    r"(集体|村集体|公家|合作社|村上|村里|村委会?|社里|队里)的.{0,10}?(卖|租|承包|转让|变卖|处理|包)(了|掉|出去|给)"
    r".{0,24}?(账上|账里|账面|钱|款).{0,6}?(没|一分|一毛|不见|不公开|不知道|去哪|哪去)"
)
# Money from land or assets that never reached the villagers (a role or the village named beside it):
# 租金一年一万多 俺们一分没拿到, 征地补偿款到现在一分都没见着.
_PROCEEDS_KEPT = re.compile(
    r"(租金|租子|租地的钱|流转费|流转金|征地款|征地的钱|补偿款|补偿费|卖的钱|卖羊的钱|分红)"
    r".{0,12}?(一分|一毛|一点|半分|啥)?(钱)?(都|也)?(没|不)(拿到|见到|见着|见过|给|分|发|到手|拿上|领到|给过)"
)
# Works accepted, or a paper signed, after a meal or a gift: 验收的时候乡上的人喝了一顿酒就签字了.
_SIGNED_AFTER_TREAT = re.compile(
    r"(验收|检查|签字|盖章|评审|审核|把关|检测)的?(时候|时)?.{0,12}?(吃|喝|酒|饭|红包|烟|礼|好处)"
    r".{0,8}?(就|才|然后)(签|过|通过|验收|盖章|合格|批|放行)"
)
# The village itself taking what is the villager's: 村上把俺家宅基地占了, 村里把地划给他兄弟了.
_VILLAGE = ("村上", "村里", "社里", "队里", "组里", "乡上", "镇上", "上面", "集体", "合作社")
_VILLAGE_TAKING = re.compile(
    r"(村上|村里|社里|队里|组里|乡上|镇上|上面)把.{0,16}?(占了|占去|卖了|卖掉|收走|拿走|收回去|划给|分给|给了他|给了她|吞了|私分)"
)
# An employer who ran off without paying wages is no cadre (老板跑了 工钱也没给): that is a household's
# trouble unless a cadre is named beside it.
_EMPLOYERS = ("包工头", "施工队", "工头", "老板")
_WAGES = re.compile(r"工钱|工资|薪|血汗钱|打工|务工")
# Wrongs that need no named role: money asked for a service (办个证要收二百块 / 不给钱就不办), a benefit
# signed for or drawn in one's name by someone else (签字不是我签的 / 我没领到 村上说领了).
_NUMBER = r"[0-9零一二两三四五六七八九十百千万]+"
_EXTORTION = (
    re.compile(r"不(给|交|送|拿)(钱|礼|烟|酒|好处)?.{0,3}就(不|没法|办不|不给)(办|给|批|签|盖|开|弄|管|发)"),
    re.compile(r"(办|开|盖|批|签|上户|落户|领).{0,10}(要|得|收|让交|让拿)(收|交|给|拿)?.{0,3}" + _NUMBER + "(块|元)"),
    # 要先交五十块才给办: money demanded before the paperwork
    re.compile(
        r"(要|得|让|叫)先?(交|给|拿|出)" + _NUMBER + ".{0,3}(块|元|钱).{0,3}(才|再)(给|能|肯)?(办|批|签|盖|开|弄|发|报)"
    ),
)
# A meal or a gift before a benefit is put forward or a paper signed: 请村干部吃饭 送了两条烟才给报上去; and
# the other way round, 不送的就报不上. Counted only beside a named role or a benefit (see _gift_for).
_GIFTS = (
    re.compile(
        r"(请|送|给|塞|拿|提)了?.{0,8}?(吃饭|吃喝|喝酒|烟|酒|礼|红包|好处|东西)"
        r".{0,8}?(才|之后才|以后才)(给|能|肯|让|算)?(办|报|批|评|签|盖|开|上|弄|落实|发|给)"
    ),
    re.compile(
        r"不(送|请|给|塞|拿|提)[^就]{0,8}?(就?(办|报|批|评|弄|上|签|办理)不(上|成|了|下来|到)"
        r"|就(给)?(没了|没有了|停了|取消了?|拿掉了?|划掉了?|不给了|不给办))"
    ),
)
# 不交医保就不给报销吗 asks about a rule; the same words told flat tell of a wrong.
_ASKING = re.compile(r"(吗|么|嘛)$|会不会|是不是|是否|能不能|可不可以|要不要|多少|几(十|百|千|万)?(块|元)")
# A role that cuts what is paid out, by any amount: 从工资里扣二十, 每次都扣一点.
_DEDUCTING = re.compile(r"扣.{0,4}?(了|掉|走|下|钱|点|" + _NUMBER + ")")
_SIGNED_FOR = (
    re.compile(r"(不是|没有?)我(签|按)的|签字不是我|签名不是我|手印不是我|冒(签|领|名)"),
    re.compile(r"没(领|拿|收|见)(到|着|过).{0,14}说.{0,6}(领|发|给)(了|过)"),
    # the other order: 村上说给了俺家 俺家根本没见着牛
    re.compile(r"说.{0,6}(领|发|给)(了|过).{0,14}没(领|拿|收|见|看)(到|着|过|见)"),
)


# Paid for no work, beside a benefit or a job (护林员一天都没上过山 工资照领); never when asked.
_PAID_IDLE = re.compile(r"(工资|补贴|补助|钱|工钱|低保).{0,2}?(照领|照拿|照发|照样领|照样拿|白领|白拿|空领)")
# More wrongs by shape, each counted beside a role or the village and never when asked (see _misconduct):
_SHAPED_WRONGS = (
    # a threat: 谁家不同意拆迁就取消低保
    re.compile(r"不(同意|签字|签|配合|投|听话|听|搬|拆|去|选).{0,8}?就(取消|停|扣|不给|收回|划掉|拿掉|去掉)"),
    # claimed for but not given: 村上报了二十户 实际发了八户, 钱倒是全报了
    re.compile(r"报了.{0,12}?(实际|其实|实际上)(只|才|就)?(发|给|到|修|有|批)"),
    re.compile(r"(钱|款|资金)(倒是|倒|却|可|都)(全|都|全都)?(报|领|拿|花)(了|走|完)"),
    # collected and not done: 收了每户三百块的修路钱 路到现在没修
    re.compile(r"收了.{0,12}?(钱|块|元|费).{0,14}?(到现在|至今|一直|还|也)(都|也)?(没|不)(修|弄|办|建|给|退|见|装|动)"),
    # a fee for a service: 说要先交五百块手续费
    re.compile(r"(要|得|让|叫)(先)?(交|给|拿|出).{0,6}?(手续费|跑腿费|辛苦费|加急费|茶水费|服务费|打点费|疏通费)"),
    # handed to their own: 救灾面粉村上都分给自己人了
    re.compile(r"(分给|给了|发给|留给|分了给)(了)?(自己人|自家人|关系户|干部家|他们自己|他自己家|他们家亲戚)"),
    # a villager's card held: 残疾补贴卡在书记手里
    re.compile(r"(卡|存折|折子|一卡通|社保卡)(在|被|叫|让)?.{0,6}?(手里|手上|拿着|攥着|扣着|收走|保管着)"),
    # decided or kept by one person: 名单都是村主任一个人定的, 钱都是理事长一个人管
    re.compile(r"(一个人|一人|自己)(定|说了算|管|拍板|决定|做主|把持)"),
    # works built and left idle: 扶贫车间建好了一直锁着门
    re.compile(
        r"(建好|修好|盖好|建成|修成|盖成|买回来)(了|以后|之后)?.{0,8}?(一直|从来|就)?"
        r"(锁着|闲着|空着|荒着|没用过|没用|没开过|没开|没人用|扔着|放着)"
    ),
    # a signature on a blank form: 让俺在空白表上签字
    re.compile(r"空白.{0,4}?(签|按手印|盖章)|(签|按手印).{0,4}?空白"),
    # never seen: 第一书记来了一年 村里人都没见过他
    re.compile(r"(都|从来|从|谁都|一次都|一回都)(没|没有)(见过|见着|见到|看到过)(他|她|人|面|人影)"),
    # the accounts never made public: 村上的账三年没公开过了
    re.compile(r"(账|账目|财务|村务|收支).{0,8}?(没|不|从来没|从没)(公开|公示|贴出来)过"),
    # given then taken back: 村上发下来一头 过了一个月又收回去了, 拍完照就把米和油又拉走了
    re.compile(r"(发|给|分|送)(下来|了|来).{0,14}?(又|就)(收回|收走|拿走|要回|拉走|拿回)"),
    # kept from a list: 俺家的名字被划掉了
    re.compile(r"(名字|名额|户|名)(被|叫|让)?.{0,6}?(划掉|删了|删掉|去掉|拿掉|顶替|换成|换掉)"),
    # villagers told what to say: 让俺们统一说一年收入两万 其实没那么多
    re.compile(r"(让|叫|教|要求).{0,6}?(统一|都)(说|讲|填|写|报|口径)"),
    # the land or river ruined: 把村里的河道挖得乱七八糟
    re.compile(r"把.{0,12}?(挖|毁|破坏|糟蹋|污染)(得|坏|了|掉)"),
)
# Wrongs that need no role, told flat: 每针多收二十块, 一个名额要交两千块, 人家都是一亩八千 俺家只给了三千.
_TOLD_WRONGS = (
    re.compile(r"多(收|要|拿|扣)了?.{0,3}?" + _NUMBER + r"(块|元|钱)"),
    re.compile(r"(名额|岗位|位子|指标).{0,6}?(要|得)(交|给|花|拿|送).{0,4}?" + _NUMBER + r"(块|元|万)?"),
    re.compile(
        r"(人家|别人|别家|其他人|其他家)(都|家)?(是|给|发|拿|领).{0,12}?(我家|我们家|我)(只|才|就)(给|发|拿|有|领)(了)?"
    ),
)


def _misconduct(norm: str) -> bool:
    """A story naming a cadre doing wrong. It wins over hardship: such a story must never be offered the
    hardship path (which is never anonymous and goes to the town)."""
    if _has(norm, _words("misconduct", "strong")):
        return True
    if any(w.search(norm) for w in _SIGNED_FOR) or _FALSE_RECORD.search(norm) or _VOTE_BUYING.search(norm):
        return True
    if (
        _REPORTED_VS_GIVEN.search(norm)
        and _has(norm, (*_words("misconduct", "roles"), *_VILLAGE))
        and not (_ASKING.search(norm) or _ASKING_TAIL.search(norm) or _WHY_OR_WHEN.search(norm))
    ):
        return True
    if _HOSTING.search(norm) and _has(norm, ("村上", "村里", "集体", "公家", "村委", "公款")):
        return True
    if _ASKING.search(norm) or _ASKING_TAIL.search(norm):
        pass
    elif _ASSET_GONE.search(norm) or _SIGNED_AFTER_TREAT.search(norm) or _VILLAGE_TAKING.search(norm):
        return True
    if any(w.search(norm) for w in _EXTORTION) and not _ASKING.search(norm):
        return True
    if _gift_for(norm) or _benefit_wrong(norm):
        return True
    roles = _words("misconduct", "roles")
    if (
        any(w.search(norm) for w in _SHAPED_WRONGS)
        and _has(norm, (*roles, *_VILLAGE, "村委", "我们村", "咱村", "本村", "扶贫", "项目"))
        and not (_ASKING.search(norm) or _ASKING_TAIL.search(norm) or _WHY_OR_WHEN.search(norm))
    ):
        return True
    if _PAID_IDLE.search(norm) and not (_ASKING.search(norm) or _ASKING_TAIL.search(norm)):
        return True
    if any(w.search(norm) for w in _TOLD_WRONGS) and not (
        _ASKING.search(norm) or _ASKING_TAIL.search(norm) or _WHY_OR_WHEN.search(norm)
    ):
        return True
    if _PROCEEDS_KEPT.search(norm) and not _ASKING.search(norm) and _has(norm, (*roles, *_VILLAGE)):
        return True
    if not _has(norm, roles) or _wages_owed(norm):
        return False
    if _DEDUCTING.search(norm) or _FEASTING.search(norm) or _TAKEN_BY.search(norm):
        return True
    if (_BOUGHT_WITH.search(norm) or _ABSENT.search(norm)) and not _ASKING.search(norm):
        return True
    return _has(norm, _words("misconduct", "acts")) or _TAKING.search(norm) is not None


def _wages_owed(norm: str) -> bool:
    """Unpaid wages with only an employer named (老板跑了 工钱也没给): not a cadre's wrong."""
    if not _WAGES.search(norm) or not _has(norm, _EMPLOYERS):
        return False
    rest = norm
    for w in _EMPLOYERS:
        rest = rest.replace(w, "")
    return not _has(rest, _words("misconduct", "roles"))


def _gift_for(norm: str) -> bool:
    """A meal or a gift the villager had to give for a benefit or a paper (送了两条烟才给报上去), told flat."""
    if not any(w.search(norm) for w in _GIFTS) or _ASKING.search(norm) or _ASKING_TAIL.search(norm):
        return False
    return _has(norm, _words("misconduct", "roles")) or _has(norm, _words("benefit_wrongs", "benefits"))


def _alternatives(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@lru_cache(maxsize=1)
def _benefit_shapes() -> tuple[re.Pattern[str], ...]:
    """How a story about a benefit tells a wrong, with no act from the lists (see benefit_wrongs in the data)."""
    roles = _alternatives(_words("misconduct", "roles"))
    kin = _alternatives(_words("benefit_wrongs", "kin"))
    well_off = _alternatives(_words("benefit_wrongs", "well_off"))
    agents = _alternatives((*_words("benefit_wrongs", "agents"), *_words("misconduct", "roles")))
    drawn = r"(?:吃着|领着|拿着|吃上|评上|评成|评了|享受|当上|吃的|领的|是)"
    return (
        # a cadre's relative: 支书的侄子, 村长他小舅子家, 支书让他儿子当了护林员
        re.compile(rf"{roles}[^我]{{0,3}}?(?:的|他|她|他们|家)?(?:的|家)?(?:[两三四五六几]个)?{kin}"),
        # the one who draws it is a cadre, or a cadre's kin: 钱她侄子领着 侄子就是村文书
        re.compile(rf"{kin}(?:就是|是|当着|当的|在当|当)(?:村上|村里|咱村|我们村|社里|乡上)?的?{roles}"),
        # by connections: 低保都是有关系的人吃
        re.compile(r"有关系|靠关系|看关系|托关系|找关系|走关系|沾亲带故"),
        # several in one household: 他们家有三个低保
        re.compile(r"(?:他|她|人家)(?:们)?家?.{0,4}?(?:有|吃|领|占)了?(?:两|三|四|五|好几|几)(?:个|份)"),
        # taken for another use: 扶贫款 村里拿去还了以前的账
        re.compile(rf"{agents}.{{0,4}}?(?:拿去|拿走|挪去|挪走|用去|拿来|花了)"),
        # withheld for long: 危房改造的钱到现在没下来
        re.compile(
            r"(?:到现在|至今|一直|好几年|几年|两年|三年|半年|好久|多少年)(?:了)?(?:都|也|还)?"
            r"(?:没|不|没有)(?:下来|发|给|到|兑现|落实)"
        ),
        # a dead person still paid: 死了三年了 低保钱还有人在领
        re.compile(
            r"(?:死了|去世|过世|不在了|死人|殁了"
            r"|(?:人|老人|老汉|阿奶|阿爷|奶奶|爷爷|爹|娘|老伴)(?:都|已经|早就|早都|早)?(?:没了|走了|不在了))"
            r".{0,16}?(?:还|仍|照样|一直|继续|有人)(?:一直|照样|还|有人|在|是){0,3}(?:领|吃|拿|享受|发|取|报)"
        ),
        # someone well off drawing it: 有楼房有车 还吃着低保
        re.compile(rf"{well_off}.{{0,20}}?{drawn}|{drawn}.{{0,20}}?{well_off}"),
        # kept from a list: 俺家的名字被划掉了, 名额被人顶替了
        re.compile(r"(名字|名额|户|名)(被|叫|让)?.{0,6}?(划掉|删了|删掉|去掉|拿掉|顶替|换成|换掉)"),
        # moved away and still drawing it: 早就搬到西宁了 还在领
        re.compile(
            r"(搬走|搬到|搬去|迁走|迁到|去了外地|在外地|出去打工).{0,10}?(还|照样|仍|一直)(在|是)?(领|吃|拿|享受)"
        ),
        # paid twice
        re.compile(r"两份|双份|重复(?:领|享受|发|吃)|领了两(?:次|回|遍)|两头(?:领|吃)"),
        # taken by someone else: 有人在领, 被别人领走了
        re.compile(
            r"(?<!没)(?:有人|别人|被人|让人|外人|人家)"
            r"(?:(?:在|还在|一直在)(?:领|拿|吃|占|取)|(?:给|替|冒|偷偷|都)?(?:领|拿|吃|占|顶|取)(?:了|走|着|去|掉|钱))"
        ),
        # a job or a contract handed to someone's kin: 营养餐让他亲戚承包了
        re.compile(rf"(?:让|给|叫|包给|交给)了?(?:他|她|自己)(?:的|家)?{kin}.{{0,3}}?(?:承包|包|供|送|中标|揽|干|当)"),
        # a cadre drawing it: 养老金还在发 是村会计在领
        re.compile(rf"(?:是|被|让|叫|都是){roles}(?:在|一直|还|偷偷|自己|给){{0,2}}(?:领|取|拿|花|用)"),
        # withheld: 村上扣了两年了
        re.compile(rf"{agents}.{{0,6}}?(?:扣|截|克扣|卡|压)(?:了|下|走|掉|住|着)"),
        # not paid while others were: 去问就说没下来 别人家的都下来了
        re.compile(
            r"(?:没|不)(?:给|发|评|批|下来|到|领).{0,14}?(?:别人|人家|其他人|别的人|别家)家?的?.{0,4}?(?:都|全|倒)"
        ),
        re.compile(r"(?:别人|人家|其他人|别家)家?的?(?:都|全)(?:有|发|领|评|下来|批|到).{0,14}?我.{0,6}?(?:没|不给)"),
    )


# 低保咋还没发, 补贴什么时候到: asking why or when, for the person or the policy answer.
_WHY_OR_WHEN = re.compile(r"怎么|为什么|为啥|什么时候|啥时候|何时|几时")
# 有车能吃低保不, 他家这样的算不算: a question ending in its negation.
_ASKING_TAIL = re.compile(r"(能|可以|会|该|算|行|有|是).{0,12}(?<![都也])(不|没|没有)$")


def _benefit_wrong(norm: str) -> bool:
    """A benefit drawn wrongly, told as a story about the benefit (支书的侄子…还吃着低保)."""
    if not _has(norm, _words("benefit_wrongs", "benefits")) or "申请" in norm:
        return False
    if _ASKING.search(norm) or _ASKING_TAIL.search(norm) or _WHY_OR_WHEN.search(norm):
        return False
    well_off = _alternatives(_words("benefit_wrongs", "well_off"))
    told = re.sub(rf"(?:没有|没|不是|不){well_off}", "", norm)  # 我家没有车 is not someone well off
    return any(shape.search(told) for shape in _benefit_shapes())


# How a policy term is decided or what it means (防返贫监测户是咋认定的, 低保户是怎么评的): a question.
_DEFINED_ASKED = re.compile(
    r"(怎么|如何|怎样|什么样|啥样|咋)(样)?(个)?(认定|评定|确定|界定|识别|认|评|定|划|选|算|纳入|退出)"
    r"|什么意思|啥意思|指什么|指的是|是什么人|是啥人|哪些人(能|可以|算)"
)


def _hardship(norm: str) -> bool:
    """A household's trouble, named with the household or with a plea for help (冰雹把庄稼打了 能给点帮助不),
    or an application for the monitoring and help itself (想申请防返贫监测)."""
    if _has(norm, _words("hardship", "policy_markers")):
        return False
    if _DEFINED_ASKED.search(norm) and not _has(norm, _words("hardship", "pleas")):
        return False
    if _applies(norm):
        return True
    if _REPORT_ASKED_LAST.search(norm):
        return False  # 我是在西宁上学的学生 替家里写几句 我要反映: the ask to report comes last
    pleads = _has(norm, _words("hardship", "pleas"))
    if not pleads and (_ASKING_TAIL.search(norm) or _RULE_ASKED.search(norm)):
        return False  # 墙裂了 算不算住房安全没保障: a question about the rules, answered as one
    whose = _has(norm, _words("hardship", "household")) or pleads
    return (_troubled(norm) and whose) or _has(norm, _words("hardship", "alone"))


_REPORT_ASKED_LAST = re.compile(r"(我|俺|我们)(要|想)(反映|举报|投诉)(一下|个事|个问题)?$")
_RULE_ASKED = re.compile(r"算不算|能不能办|能办|去哪|哪里办|找谁办|够不够|符合|条件")


# Asking to apply in one's own words: 我想给家里申请个帮扶, 替他报个返贫监测, 申请一下救助.
_APPLYING = re.compile(r"(申请|报|登记|办)(个|一个|一下|下|点)?(困难)?(帮扶|救助|救济|返贫监测|防返贫|监测户|困难户)")


def _applies(norm: str) -> bool:
    """Asking to be taken into the monitoring or helped, which tells no trouble yet (想申请防返贫监测)."""
    if _has(norm, _words("hardship", "policy_markers")) or _DEFINED_ASKED.search(norm):
        return False
    return _has(norm, _words("hardship", "applications")) or _APPLYING.search(norm) is not None


# Troubles told in a shape rather than a listed word: 把腰摔坏了, 干不成活了, 一分钱没挣下.
_TROUBLE_SHAPES = re.compile(
    r"(摔|砸|碰|撞|压|扭|烧|烫|夹|轧)(坏|断|伤|残|瘸|折|瞎)"
    r"|(干|做|打|下|种)不(成|了|动|上)(活|工|地)|(养|供|交|看|治|上)不起|养不活"
    r"|(羊|牛|猪|鸡|马|驴|庄稼|粮食|洋芋|麦子|菜).{0,6}?(病死|冻死|死了|烂|毁了|没了|被.{0,4}?吃|叫.{0,4}?吃)"
    r"|(没|没有)(挣|赚)(下|到|上|着)?(钱|一分)?|(挣|赚)不(下|到|上|着)(钱)?|一分钱(都|也)?(没|不)(挣|赚|收入|进)"
    r"|(眼睛|耳朵|腿|腰|手)(看不见|听不见|瞎|聋|坏|断|不行|废)"
    r"|(房子|房屋|屋子|住的屋)(被|叫|让)?.{0,3}?(塌|倒|裂|漏)"  # 房子雨下塌了一半
    r"|收成(都|全)?(没了|没有了|毁了|绝了)|颗粒无收"  # 冰蛋子把洋芋全打了 一年的收成都没了
)


def _troubled(norm: str) -> bool:
    return _has(norm, _words("hardship", "troubles")) or _TROUBLE_SHAPES.search(norm) is not None


# Longer messages naming a report and 怎么样了 are more often a story (…不知道后来怎么样了) than a tracking ask.
_SINCE_MAX = 14


def _track(norm: str) -> bool:
    if _has(norm, _words("track", "direct")):
        return True
    if len(norm) <= _SINCE_MAX and _has(norm, _words("track", "reported")) and _has(norm, _words("track", "since")):
        return True  # 举报怎么样了, 投诉有结果了吗
    return _has(norm, _words("track", "past")) and _has(norm, _words("track", "status"))


_MONEY_SHOWN = ("发了多少", "花了多少", "能看", "看看", "看一下", "公开", "明细", "账目", "还剩", "到位了")


def _money(norm: str) -> bool:
    if _has(norm, _words("money", "direct")):
        return True
    if _has(norm, _words("money", "things")) and _has(norm, _MONEY_SHOWN):
        return not _has(norm, _words("hardship", "policy_markers"))  # 补助发了多少 能看吗
    return (
        _has(norm, _words("money", "place"))
        and _has(norm, _words("money", "things"))
        and _has(norm, _words("money", "asks"))
    )


# Telling someone named between (有个情况想给纪委说, 有件事要向上面反映反映).
_TELL_TO = re.compile(r"(想|要)(给|跟|和|向|对)[^说讲]{1,6}?(说|讲|谈|汇报)")


def _telling(norm: str) -> bool:
    """有个事情想给你们说说: a verb of telling and something to tell, in a short message."""
    if len(norm) > 20 or not _has(norm, _words("telling", "things")):
        return False
    return _has(norm, _words("telling", "verbs")) or _TELL_TO.search(norm) is not None


def _where_to_report(norm: str) -> bool:
    """Where or how to report, asked with nothing else named (请问在哪里检举, 咋反映呀): the chat is the place."""
    if not _has(norm, _words("report_where_how")):
        return False
    words = (
        *_words("report_words"),
        *_words("report_where_how"),
        *_words("report_where_filler"),
        *_words("report_filler"),
        *_words("lead_ins"),
        *_words("particles"),
    )
    return made_of(norm, words)


# Wanting to report to someone named between (我想向纪委监委反映, 俺要给你们举报).
_WANTS_TO_WHOM = re.compile(r"(我|俺|我们)(想|要)(向|给|跟|找|到)(.{0,6}?)(反映|举报|投诉|检举)")
# What a wish to report to someone says besides the wish: nothing told (一个问题 请问应该如何操作).
_TO_WHOM_FILLER = re.compile(r"向|纪委监委|纪委|监委|纪检|一个|个|请问|应该|如何|怎么|操作|办|进行|问题|事情|情况")


def _wants_report(norm: str) -> bool:
    """A question that still asks to report: 我想反映一下 你看怎么弄, 怎么举报 我不会弄, 能不能匿名举报."""
    if _has(norm, _words("report_help")) or _has(norm, _words("report_can")):
        return True
    if _WANTS_TO_WHOM.search(norm):
        return True  # 我想向纪委监委反映一个问题 请问应该如何操作
    return any(
        want + how + word in norm
        for want in _words("report_wants")
        for how in ("", "实名", "匿名")
        for word in _words("report_words")
    )


def classify(text: str) -> Intent:
    norm = normalise(text)
    short = _trimmed(norm)
    if not text.strip():
        return Intent("none", norm)
    number = choice_of(text)
    if number is not None:
        return Intent("choice", norm, choice=number)
    nav = _navigation(short)
    if nav is not None:
        return Intent(nav, norm)
    if shapes.leaving(text) and not _misconduct(norm) and not _has(shapes.unsaid(norm), _words("report_words")):
        return Intent("cancel", norm)  # 算了 不弄了 怕惹麻烦; 电话就不留了 那算了
    joined = _joined_commands(text)
    if joined is not None:
        return Intent(joined, norm)
    if _person(short, norm) or _person_then_question(text):
        return Intent("person", norm)
    small = _smalltalk(short, norm)
    if small is not None:
        return Intent("smalltalk", norm, detail=small)
    if _track(norm):
        return Intent("track", norm)
    told_wrong = _misconduct(norm)
    amount = shapes.amount_asked(norm) and shapes.asks(norm)  # 残疾补贴今年涨了没有: a policy question
    # 腿压断了 包工头不给钱: unpaid wages beside a household's trouble are the household's, not a cadre's wrong.
    if _hardship(norm) and (not told_wrong or _employer_only(norm)) and not _accuses(norm) and not amount:
        # An application alone (想申请防返贫监测) tells nothing to keep as the household's story.
        rest = norm
        for w in _words("hardship", "applications"):
            rest = rest.replace(w, "")
        told = _troubled(_APPLYING.sub("", rest))
        return Intent("hardship", norm, detail="poverty_risk", told=told)
    asks_report = _has(norm, _words("report_words")) or _telling(norm) or _accuses(norm)
    if told_wrong and not (asks_report and _outright(norm)):
        return Intent("story", norm, detail=guess_category(norm))
    if asks_report and _has(norm, _words("report_questions")) and not _wants_report(norm):
        if _where_to_report(norm):
            return Intent("report", norm, detail="where")  # 请问在哪里检举: here, and it starts
        return Intent("none", norm)  # 怎么举报村干部: the answer says how, and offers the report
    if asks_report:
        # 我要举报 asks; 我要举报村长把低保给了他侄子 already tells: offer it as the report's text.
        rest = norm
        fillers = (
            *_words("report_words"),
            *_words("report_help"),
            *_words("report_can"),
            *_words("report_questions"),
            *_words("telling", "verbs"),
            *_words("report_filler"),
            *_words("lead_ins"),
        )
        for w in sorted(fillers, key=len, reverse=True):
            rest = rest.replace(w, "")
        if _WANTS_TO_WHOM.search(norm):
            rest = _TO_WHOM_FILLER.sub("", rest)
        # It asks outright, so it is not asked again whether to report; what it tells is kept.
        return Intent("report", norm, detail=guess_category(norm), told=len(rest) >= 6)
    if _praise(text, norm):
        return Intent("smalltalk", norm, detail="praise")
    if shapes.cued_smalltalk(text, norm):
        return Intent("smalltalk", norm, detail="thanks")  # 谢谢啊 帮了大忙了, 辛苦了你们 大冷天的
    if _money(norm) or _money_named(short):
        return Intent("money", norm)
    menu = menu_number(short)
    if menu is not None:
        return Intent("menu_item", norm, choice=int(menu))
    sounded = _command_sounded(short)
    if sounded is not None:
        return classify(sounded)  # 转人公 is 转人工, 菜但 is 菜单
    return Intent("none", norm)


# Asking to report against the village or a cadre (想告一下村上, 要举报村干部): a report, whatever trouble of
# the household the message also names (我是残疾人 腿没了一条 想告一下村上).
_ACCUSING = re.compile(r"(告|举报|检举|投诉|揭发|控告)(一下|一哈|下)?(我们|咱)?(村上|村里|村委|乡上|镇上|社里|队里)")


def _accuses(norm: str) -> bool:
    if _ACCUSING.search(norm):
        return True
    roles = _alternatives(_words("misconduct", "roles"))
    return re.search(rf"(告|举报|检举|投诉|揭发|控告)(一下|一哈|下)?(我们|咱)?(村|乡|镇)?的?{roles}", norm) is not None


def _outright(norm: str) -> bool:
    """An ask to report that is not a question about reporting (我要举包, not 怎么举报村干部)."""
    return _has(norm, _words("report_words")) and (not _has(norm, _words("report_questions")) or _wants_report(norm))


def _employer_only(norm: str) -> bool:
    """The only ones a story names doing wrong are an employer (包工头, 老板), about wages."""
    roles = [r for r in _words("misconduct", "roles") if r in norm]
    return bool(roles) and all(r in _EMPLOYERS for r in roles) and re.search(r"工钱|工资|钱", norm) is not None


def _person_then_question(text: str) -> bool:
    """人工 我想问问抚恤金今年涨了没有, kefu 大棚有没有补贴: a first clause asking for a person, then a question."""
    parts = clauses(text)
    if len(parts) < 2:
        return False
    first = normalise(parts[0])
    if not _person(_trimmed(first), first):
        return False
    return shapes.asks(normalise("".join(parts[1:])))


def _joined_commands(text: str) -> str | None:
    """A few clauses that are each a way around or small talk (这个咋用呀 帮助, 好的 菜单): the last way."""
    parts = clauses(text)
    if not 2 <= len(parts) <= 4:
        return None
    names = [classify(part).name for part in parts]
    ways = [n for n in names if (n in NAVIGATION and n != "more") or n == "person"]
    if ways and all(n in (*NAVIGATION, "person", "smalltalk") for n in names):
        return ways[-1]
    return None


def _money_named(short: str) -> bool:
    """A short message naming the village's money or projects and nothing else: 村上的项目, 咱村的钱."""
    place, things = _words("money", "place"), _words("money", "things")
    if len(short) > 12 or not (_has(short, place) and _has(short, things)):
        return False
    return made_of(short, (*place, *things, *_words("money", "joiners")))


@lru_cache(maxsize=1)
def _command_words() -> dict[str, str]:
    """The sound of every command word (navigation, a person, the main menu's words, asking to report)."""
    words = [str(w) for name in NAVIGATION for w in _data()["navigation"][name]]
    words += [*_words("person", "exact"), *_words("report_words"), *_words("track", "direct")]
    words += [str(w) for ws in _data()["menu_words"].values() for w in ws]
    cjk = [w for w in words if len(w) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in w)]
    return {_sound(w): w for w in sorted(cjk, key=len)}


def _command_sounded(short: str) -> str | None:
    """The command a short message sounds exactly like (a same-sound typo or a voice slip): the whole
    message (菜但 -> 菜单), or a part of two syllables or more with the rest as typed (找人公 -> 找人工)."""
    if not 2 <= len(short) <= 6 or not all("\u4e00" <= ch <= "\u9fff" for ch in short):
        return None
    words = _command_words()
    word = words.get(_sound(short))
    if word is not None:
        return word if word != short else None
    for size in range(len(short) - 1, 1, -1):
        for at in range(len(short) - size + 1):
            part = short[at : at + size]
            word = words.get(_sound(part))
            if word is not None and word != part:
                said = short[:at] + word + short[at + size :]
                # Only a whole command this way (找人公); a typo inside a question stays the question.
                return said if classify(said).name in (*NAVIGATION, "person") else None
    return None


def clauses(text: str) -> list[str]:
    """The message's clauses, split at spaces and punctuation: 电话不留 算了不弄了 -> 电话不留, 算了不弄了."""
    return [c for c in re.split(r"[\s,，。.!！?？;；、~～]+", unicodedata.normalize("NFKC", text)) if c]
