"""Safety nets that read a message by its shape, not by its words (issue #18: every blind set missed 10-15% on
new words for the same classes). Each net is guarded so a real question stays a question:

- `asks`: whether a message asks anything at all (a question word or particle, 有没有, …没有 at the end, ？);
- `flat_statement`: a told thing of some length that asks nothing (offered as a report when the policy search
  has no confident answer);
- `cued_smalltalk`: a short message whose every clause carries a thanks, greeting, praise or care cue;
- `leaving`: a first clause that leaves (算了 不弄了 怕惹麻烦), or a last one after a reason (电话就不留了 那算了);
- `without_trailing_filler`: a step answer with a trailing word to the listener (就这么多了 你们看);
- `amount_asked`: a question about a benefit's amount or its change (涨了没有, 今年多少).

Pure functions of the normalised text: no data base, no long lists."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ASKING = re.compile(
    # 这么, 那么, 多么 ask nothing (家里人也是这么说的)
    r"[?？]|吗|呢|(?<![这那多])么|嘛|咋|怎|啥|什么|多少|(?<![前这好那头])几(个|块|号|月|年|岁|天|点|时|口|亩|分|钱|$)|哪|谁|能不能|能否|可不可以|可以不|行不行|是不是|有没有|会不会|算不算"
    r"|要不要|该不该|对不对|给不给|(?<!反而)(?<!根本)(?<!从来)(?<!一直)(?<![却也都还就再])没有$|不$|如何|为何|为啥|该找|该去|应该找|应该去|(找|去|问).{1,4}还是.{1,4}$|请问|问问|问一下|想问|咨询|了解一下|打听"
)
# What a told thing speaks of: the village, a cadre, money, a project, a benefit.
_ABOUT = re.compile(
    r"村|社|组长|队长|书记|主任|干部|镇上|乡上|乡里|镇里|领导|会计|支书|老板"
    r"|钱|款|补助|补贴|资金|租金|工资|账|收入|低保|救助|名额|名单|抚恤|养老金|分红|报销"
    r"|项目|工程|修|路|桥|渠|房|改造|大棚|护栏|自来水"
)
_CLAUSE = re.compile(r"[\s,，。.!！?？;；、~～]+")
_CUE = re.compile(
    r"谢|辛苦|你好|您好|麻烦(你|您)|帮了?大忙|好人|大冷天|大热天|保重|注意身体|受累|费心|感恩|早上好|晚上好|下午好"
)
_CUE_CLAUSE_MAX = 8
# Said once or twice (算了算了), now or for now (先不弄了, 今天就不弄了).
_LEAVE = re.compile(
    # a sigh before (哎呀算了), a particle after (算了嘛, 不弄了呀): still leaving
    r"^(?:(哎呀呀|哎呀|唉呀|哎哟|哎呦|唉哟|哎|唉|嗨|咳|啊呀)?(?:那|我|就|还是|先|暂时|暂且|今天|今儿|这会儿?|这次|这回|要不|干脆)*"
    r"(算了|不弄了|不反映了|不登记了|不举报了"
    r"|不办了|不说了|不整了|不搞了|拉倒|退出|取消|不要了|不用了|不填了|不登了)(吧|了|啊|嘛|呀|啦|哈|哦)*)+$"
)
# One leaving word, said once or again, with only particles after it (算了算了, 算了吧): no lead-in, no second word.
_ONE_WORD_ALONE = re.compile(
    r"^(算了|不弄了|不反映了|不登记了|不举报了|不办了|不说了|不整了|不搞了|拉倒|退出|取消|不要了|不用了|不填了|不登了)"
    r"(?:吧|了|啊|嘛|呀|啦|哈|哦)*(?:\1(?:吧|了|啊|嘛|呀|啦|哈|哦)*)*$"
)
# The listener addressed after the answer (说完了家人们, 没了 兄弟们, 好了老师) is a word to the listener too.
_FILLER_TAIL = re.compile(
    r"(你们?|您|领导们?|同志们?|家人们|亲们|兄弟们?|姐妹们|朋友们|大家|各位|老师们?|师傅们?|大哥|大姐|阿姨|叔叔"
    # a kin word said to the listener (就这些了阿姐, 没了阿哥, 说完了大爷)
    r"|阿姐|阿哥|阿妈|阿爸|阿奶|阿爷|阿娘|阿舅|阿姨们|姐姐|哥哥|大叔|大爷|大妈|大娘|老乡|老乡们)(给|帮)?(看|看看|看着办|瞧瞧|定|处理|管|管管|查|查查|做主|办|弄)?(一下|一哈|下)?(吧|啊|呀|哈)?$"
)
_AMOUNT = re.compile(
    r"涨了?没有?|涨没涨|涨了吗|涨不涨|提高了?没有?|多少钱|今年多少|一个月多少|一年多少|领多少|发多少|给多少|标准是?多少"
    # 一个月有多少, 每年能领多少: a period, then how much.
    r"|(一个|每个?)月(能|有|给|发|领|补)?多少|(一|每)年(能|有|给|发|领|补)?多少"
)


def clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(unicodedata.normalize("NFKC", text)) if c]


def asks(norm: str) -> bool:
    return _ASKING.search(norm) is not None


def flat_statement(norm: str, *, least: int = 10, about: bool = True) -> bool:
    """A told thing about the village, a cadre, money, a project or a benefit that asks nothing (`about`: and
    speaks of one of those)."""
    return len(norm) >= least and not asks(norm) and (not about or _ABOUT.search(norm) is not None)


def speaks_of_village(norm: str) -> bool:
    """Whether a message speaks of the village, a cadre, money, a project or a benefit at all."""
    return _ABOUT.search(norm) is not None


def cued_smalltalk(text: str, norm: str) -> bool:
    """谢谢啊 帮了大忙了, 辛苦了你们 大冷天的: short, nothing asked, every clause carrying a cue. A clause of
    emoji alone (辛苦了 大冷天的 👍) is no clause."""
    parts = [p for p in clauses(text) if re.search(r"[\w\u4e00-\u9fff]", p)]
    if not parts or len(norm) > 24 or asks(norm) or re.search(r"\d", norm):
        return False
    return all(_CUE.search(p) is not None and len(p) <= _CUE_CLAUSE_MAX for p in parts) or (
        _CUE.search(parts[0]) is not None
        and all(len(p) <= 5 and re.search(r"天|的|了|啊|呀", p) for p in parts[1:])
        and not _ABOUT.search("".join(parts[1:]))
    )


def leaving(text: str) -> bool:
    """算了 不弄了 怕惹麻烦: the first clause leaves; 电话就不留了 那算了: the last clause leaves after a short
    reason. Whether a wrong is told beside it is the caller's to check. A hesitation before (emm, 等一哈, 嗯)
    is no clause, an emoji parts clauses (算了😂先不举报了), and one clause of leaving words alone leaves
    (算了算了先不举报了)."""
    parts = [p for p in (_HESITATION.sub("", c) for c in clauses(_SYMBOLS.sub(" ", text))) if p]
    if len(parts) == 1:  # one leaving word alone (算了算了, 不弄了吧) is the word lists' to read, not this net's
        return _LEAVE.match(parts[0]) is not None and _ONE_WORD_ALONE.match(text.strip()) is None
    if len(parts) < 2:
        return False
    if _LEAVE.match(parts[0]) and all(_PUT_OFF.search(p) for p in parts[1:]):
        return True  # 算了 我先问问娃他爸再说: leaving for now, whatever is asked of someone else first
    if asks("".join(p for p in parts if not _LEAVE.match(p))):  # 算了嘛: a particle in a leaving asks nothing
        return False
    if _LEAVE.match(parts[0]):
        return True
    return _LEAVE.match(parts[-1]) is not None and all(len(p) <= 8 for p in parts[:-1])


# A hesitation said before the words (emm, 嗯嗯, 等一哈, 等等): no clause of its own.
_HESITATION = re.compile(
    r"^(?:e+m+|m+|嗯+|呃+|额+|唔+|啊+(?!呀)|哦+|噢+|哈哈+|呵呵+|等一下|等一哈|等下|等等|等会儿?|稍等|慢着|那个)+"
)
# Emoji and other symbols: they part clauses as a space does.
_SYMBOLS = re.compile(r"[^\w\s\u3000-\u303f\uff00-\uffef]+")


# Putting it off: 我先问问他再说, 等他回来再弄, 过两天再登记, 以后再说吧.
_PUT_OFF = re.compile(
    r"(先|等|回头|改天|以后|过两天|过几天|明天|下回|下次).{0,12}(再说|再弄|再办|再登记|再来|再联系|再反映|再讲)(吧|了|啊|哈)?$"
)


def unsaid(norm: str) -> str:
    """The message without what it says it stops doing (不反映了, 不举报了): 算了 不反映了 asks no report."""
    return re.sub(r"不(想|再|要)?(反映|举报|投诉|登记|告)了?", "", norm)


# Told one thing, paid or recorded another: 说早发了 卡上根本没有; 租金八万 账上只记了三万.
_TOLD_VS_PAID = re.compile(
    r"(说|报|公示|记|写).{0,14}(了|过|是).{0,18}(根本没有|没有收到|没收到|没见|没到|看不到|一分都没|一分也没|只有|只记|才给|才发)"
)


@lru_cache(maxsize=4096)  # asked of every text at the main menu
def told_vs_paid(norm: str) -> bool:
    return not asks(norm) and _TOLD_VS_PAID.search(norm) is not None


def without_trailing_filler(norm: str) -> str | None:
    """就这么多了你们看 -> 就这么多了: what is left of a short step answer without a word to the listener."""
    if len(norm) > 16:
        return None
    bare = _FILLER_TAIL.sub("", norm)
    return bare if bare and bare != norm else None


def amount_asked(norm: str) -> bool:
    """A question about a benefit's amount or its change: 抚恤金今年涨了没有, 残疾补贴今年多少."""
    return _AMOUNT.search(norm) is not None
