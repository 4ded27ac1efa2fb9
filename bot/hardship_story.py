"""What a household's story already tells the hardship script: the kinds of trouble, roughly when, how many
people, the help asked for. A step the story answers is not asked again; its answer shows in the summary,
where the villager can change it. Also the check of a typed "when": a bare number is not a time."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.reading.choices import chinese_number
from bot.report_prompts import TROUBLES, description_of
from cases.intake.report_drafts import DraftData

_N = r"(?:[0-9]{1,2}|[一二两三四五六七八九十]{1,3})"
_YEAR = r"(?:今年|去年|前年|[0-9]{4}年|[零〇一二三四五六七八九]{4}年)"
_MONTH = r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3}|正|腊)月(?:份)?(?:初|底|中旬|上旬|下旬)?"
_WHEN = re.compile(
    rf"{_YEAR}(?:{_MONTH}|年初|年底|春天|夏天|秋天|冬天)?"
    rf"|(?<![0-9一二三四五六七八九十个])(?:{_MONTH})"
    r"|上个?月|这个月|本月|上个?星期|上周|上礼拜|前几天|前些天|前段时间|最近|昨天|前天|年初|年底|春节前后?"
    rf"|{_N}(?:个)?(?:多)?(?:月|年|天|周|星期|礼拜)(?:前|以前|之前|了)"
)
_PEOPLE = re.compile(rf"(?:一家|全家|家里|家中|我家|俺家)(?:有|共|一共|总共)?({_N})(?:口人|口|个人)|({_N})口人")
_HELP = re.compile(r"(?:想申请|申请|希望|需要|想要|想找|盼着|求求?)[^，。,.!！？?；;\s]{2,30}")
# Words that show an answer says a time (大概, 那阵子, 好久了 …), not a bare number or a stray word.
_TIME_MARK = re.compile(
    r"[年月日号天周星期礼拜前后久初底春夏秋冬节时候阵早晚刚才昨今去上]|最近|以来|一直|不清楚|不知道|记不清|记得"
    r"|从小|生下来|出生|一辈子|多年"
)
_BARE = re.compile(r"[0-9一二两三四五六七八九十百零〇]+[.、个]?")
_FIRST_TROUBLE_OTHER = "其他"
# Someone registering another household: 替他报个返贫监测, 帮隔壁老人登记, 替我们社里一个老阿爷反映
# (帮/替/给/为 + whom, then a verb of registering); 给老人看病 is the villager's own household.
_FOR_OTHERS = re.compile(
    r"(?:替|帮|给|为)(?:他|她|人家|邻居|隔壁|老人|老汉|老阿爷|老阿奶|阿奶|阿爷|奶奶|爷爷|一个|一户|这户|那户|我们社|社里|村里|孤)"
    r"[^，。,.!！？?；;]{0,12}?(?:报|登记|申请|反映|问问|求)"
)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


# Words a story may use for a kind beyond the kind's own list.
_EXTRA_TROUBLE_WORDS = {
    "大病或重病": ("症", "中风", "白血", "脑梗", "心脏"),
    "自然灾害": ("旱", "雹"),
    "失业或收入大减": ("没了工作", "工作没了", "丢了工作", "下岗", "干不了活", "没收入", "没了收入"),
}


@lru_cache(maxsize=1)
def _trouble_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    # One pattern per kind: read on every message at the main menu, where a loop over the words cost ~30 us.
    kinds = ((label, [w for w in (*words, *_EXTRA_TROUBLE_WORDS.get(label, ())) if w]) for label, words in TROUBLES)
    return tuple(
        (label, re.compile("|".join(map(re.escape, words))))
        for label, words in kinds
        if label != _FIRST_TROUBLE_OTHER and words
    )


def troubles_told(story: str) -> list[str]:
    """The kinds of trouble the words name (several may apply); 其他 is never read from a story."""
    return list(_troubles_in(story))


@lru_cache(maxsize=4096)
def _troubles_in(story: str) -> tuple[str, ...]:
    # Read on every message at the main menu, and villagers send the same few over and over (issue #23).
    said = _norm(story).replace(" ", "")
    return tuple(label for label, pattern in _trouble_patterns() if pattern.search(said))


# Words any household in trouble says, which name no kind of trouble by themselves: ill (病了, 生病, 有病),
# short of money (没钱, 钱不够). A story of only these (家里 困难 病了 没钱) leaves 遇到的是哪类事 to be asked;
# a named illness (尿毒症, 白血病, 心脏病, 住院) or a named loss (没收入, 失业) is taken from the story.
_SHORT_OF_MONEY = re.compile(r"没钱|没有钱|钱不够|没啥钱|缺钱")
_GENERIC_ILL = re.compile(
    r"(?<![血脏尿大重性慢精神传染看治])(生|有|得|害|闹)?(了)?(点|个)?(小)?病(了|着|啦|倒了|倒)?(?![人房床号])"
)


def kinds_named(story: str) -> list[str]:
    """The kinds of trouble the story names by more than the words any trouble says (病了, 没钱): for these the
    script does not ask 遇到的是哪类事. Empty when only such words are there. Short of money is never a kind
    (房子塌了 没钱修 is a disaster); being ill is one beside a kind named (我病了 干不了活)."""
    said = _SHORT_OF_MONEY.sub("", _norm(story).replace(" ", ""))
    return troubles_told(said) if troubles_told(_GENERIC_ILL.sub("", said)) else []


def household_told(story: str) -> str | None:
    """ "other" when the story registers someone else's household; None when it does not say."""
    return "other" if _FOR_OTHERS.search(_norm(story).replace(" ", "")) else None


def when_told(story: str) -> str | None:
    match = _WHEN.search(_norm(story).replace(" ", ""))
    return match.group(0) if match else None


def people_told(story: str) -> int | None:
    match = _PEOPLE.search(_norm(story).replace(" ", ""))
    if match is None:
        return None
    number = chinese_number(match.group(1) or match.group(2))
    return number if number is not None and 1 <= number <= 30 else None


def help_told(story: str) -> str | None:
    match = _HELP.search(_norm(story))
    return match.group(0)[:200] if match else None


def fill_from_story(data: DraftData) -> list[str]:
    """Fill the steps the story answers and that are not answered yet; the lines say what was taken."""
    story = description_of(data)
    if not story.strip():
        return []
    taken: list[str] = []
    if "household" not in data and (household := household_told(story)) is not None:
        data["household"] = household
        taken.append("谁家：别人家（替他们登记）")
    if "troubles" not in data and (troubles := kinds_named(story)):
        data["troubles"] = troubles
        taken.append("遇到的事：" + "、".join(troubles))
    if "when" not in data and (when := when_told(story)):
        data["when"] = when
        taken.append("时间：" + when)
    if "people" not in data and (people := people_told(story)) is not None:
        data["people"] = people
        taken.append(f"家里人数：{people} 人")
    if "help" not in data and (wanted := help_told(story)):
        data["help"] = wanted
        taken.append("想要的帮助：" + wanted)
    return taken


def taken_text(taken: list[str]) -> str:
    if not taken:
        return ""
    return "从您说的话里已经记下：\n" + "\n".join(taken) + "\n这些不再问了；不对的，最后核对时可以改。"


def when_answer(text: str) -> str | None:
    """A typed "when" kept as said, or None when it does not say a time (a bare "2" is not a date)."""
    said = _norm(text)
    if not said or _BARE.fullmatch(said.replace(" ", "")) or not _TIME_MARK.search(said):
        return None
    return said[:200]


def is_bare_number(text: str) -> bool:
    return bool(_BARE.fullmatch(_norm(text).replace(" ", "")))
