"""The service's features named beside an ask for help (群里说你们这个能查进度 还能补充材料 咋用 帮助): how to use them
is asked, and help explains each; none of them is wanted now."""

from __future__ import annotations

from bot.reading.normal_form import clauses, has, made_of, normalise, trimmed, word_list
from bot.reading.smalltalk import navigation_word

# What the service does, by the words villagers hear it called.
_FEATURES = (
    "查询进度",
    "查进度",
    "进度",
    "查案件",
    "查案子",
    "查结果",
    "补充材料",
    "补充证据",
    "补材料",
    "补充",
    "反映问题",
    "反映",
    "举报",
    "投诉",
    "问政策",
    "政策咨询",
    "咨询政策",
    "查政策",
    "看项目",
    "查项目",
    "项目公开",
    "村务公开",
    "财务公开",
    "看账",
    "转人工",
    "找人工",
)
# Asking to report, named alone beside 怎么用 (反映问题怎么用), is how to report: the answer says how and offers it.
_REPORTING = ("反映问题", "反映", "举报", "投诉")
# Who said it can, what it is, that it can, and the small words between features.
_AROUND = (
    "群里说",
    "群里",
    "听说",
    "听人说",
    "听别人说",
    "人家说",
    "别人说",
    "大家说",
    "他们说",
    "村里说",
    "村上说",
    "村里人说",
    "有人说",
    "说",
    "你们",
    "你",
    "这个",
    "这",
    "的",
    "公众号",
    "小程序",
    "东西",
    "能",
    "能够",
    "可以",
    "会",
    "还",
    "也",
    "都",
    "帮",
    "我们",
    "人",
    "和",
    "跟",
    "以及",
    "还有",
    "问题",
    "材料",
    "一下",
    "吗",
    "是吧",
    "对吧",
    "是不是",
    "呢",
    "啊",
    "呀",
)


def names_features(norm: str) -> bool:
    """A clause that only names what the service can do (你们这个能查进度, 还能补充材料)."""
    return has(norm, _FEATURES) and made_of(norm, _FEATURES + _AROUND)


def _asks_help(norm: str) -> bool:
    return bool(norm) and navigation_word(trimmed(norm)) == "help"


def help_beside_features(text: str) -> bool:
    """Help asked beside the features named, and nothing else said: clauses each a feature named or help, at least
    one of each (查进度 帮助, 听说能问政策 还能看项目 怎么用), or one clause of features ending in how to use them
    (能查进度还能补充材料咋用). A case number, a story or a question of one's own is none of these."""
    parts = [normalise(c) for c in clauses(text)]
    parts = [p for p in parts if p]
    if not has("".join(parts), tuple(f for f in _FEATURES if f not in _REPORTING)):
        return False
    if len(parts) >= 2:
        helped = [p for p in parts if _asks_help(p)]
        return bool(helped) and len(helped) < len(parts) and all(_asks_help(p) or names_features(p) for p in parts)
    if len(parts) == 1:
        norm = parts[0]
        for word in sorted(word_list("navigation", "help"), key=len, reverse=True):
            if len(word) >= 2 and norm.endswith(word) and len(norm) > len(word):
                return names_features(norm[: -len(word)])
    return False
