"""Clauses of a story that tell who the reporter is: a name (我叫马明, 我是五社的马老三), where the reporter lives
beside the accused (我就住他家隔壁, 我跟他住一个院), kin (我是他亲侄子, 会计是我舅舅), an office held (我以前当过
会计, 我在村委会上班) or "I am the one who…" (我就是那个被扣了低保的人). In an anonymous report they would undo the
anonymity, so the villager is asked whether to delete them (bot/intents/report/self_check.py).

The speaker must stand in the clause: someone else's relation or office is the story (他给他小舅子报了低保,
我们组长是他亲戚, 我家隔壁的老人没人管) and is never offered. A clause is read whole (with a short tail such as
所以知道), never as the start of a longer sentence. bot/safety.py drops such words beside a safety question; this
reads a whole story."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from bot.reading.normal_form import normalise

# Longer than this, a clause tells a story, not who the speaker is.
MAX_CLAUSE = 24
EVIDENCE_LEAD = "证据："
_SEPARATORS = re.compile(r"([\s,，。.!！?？;；、~～]+)")

_LEAD = r"(但|但是|可|可是|而且|因为|就是|其实|反正|说实话|实话说|还有|另外|对了)?"
_ME = r"(我|我家|咱家|我们家)"
_BOTH = r"(我们两家|我们俩家|我俩家|我们俩|我俩|我们)"
_ADV = r"(就|还|正好|刚好|恰好|本来|也|一直|从小)?"
_THEM = r"(他|她|他们|他家|她家|他们家|[一-鿿]{1,3}家)"
_PLACE = (
    r"(隔壁|对门|对面|邻居|紧邻|紧挨着|挨着|前院|后院|楼上|楼下|一个院|一个院子|一条巷|一条巷子|一条街"
    r"|同一个社|一个社|一个组|同一个组|一个庄子)"
)
_KIN = (
    r"((亲|堂|表)?(侄子|侄女|侄儿|外甥女?|儿媳妇?|媳妇|女婿|兄弟媳妇|弟媳|嫂子|兄弟|弟兄|姐妹|哥哥?|姐姐?|弟弟?"
    r"|妹妹?|叔叔?|舅舅?|姑姑?|姨妈?|伯伯?|大伯|大爸|二爸|儿子|女儿|孙子|孙女|外孙女?|小舅子|连襟)"
    r"|亲戚|本家|亲家|干亲|老丈人|丈人|公公|婆婆)"
)
# What may follow the fact in the same clause: 所以知道, 看得清楚, a particle.
_TAIL = (
    r"(的)?(关系)?(所以|才|都|也)?(知道|清楚|晓得|看见了?|看到了?|看得清楚|亲眼看见的?)?"
    r"(的)?(啊|呀|哩|嘛|呢|了|哦|噢)?"
)
# The reporter placed beside the accused or kin to him: 我就住他家隔壁, 我家跟书记家是亲家, 我是他亲侄子; the
# accused must be named (他, 书记家), or the two said together (我们两家是亲戚), or a place said with a verb (我是
# 隔壁的): 我儿子 or 我家隔壁 alone tell of the reporter's own people.
_PLACED = (
    re.compile(
        rf"{_LEAD}{_ME}{_ADV}(住|在|住在|家在|是|跟|和|与)?{_THEM}(就|也)?(住)?(在)?(是|算)?的?({_PLACE}|{_KIN}){_TAIL}"
    ),
    re.compile(rf"{_LEAD}{_BOTH}(就|也|本来)?(住|是|算)(在)?的?({_PLACE}|{_KIN}){_TAIL}"),
    re.compile(rf"{_LEAD}{_ME}{_ADV}(住|在|住在|家在|是)(在)?的?{_PLACE}{_TAIL}"),
)
# The accused kin or neighbour to the reporter: 会计是我舅舅, 他是我邻居 (never 他是我们组长).
_THEIRS = re.compile(rf"{_LEAD}(他|她|[一-鿿]{{1,4}})(还|也|本来|就)?是我(的|家的)?({_PLACE}|{_KIN}){_TAIL}")
# Posts a village has one or a few of (not 党员: a village has dozens, and it holds no post).
_OFFICES = r"(干部|支书|书记|主任|村长|会计|文书|出纳|报账员|组长|社长|委员|网格员|保洁员|护林员|协管员|监督员|小组长)"
_OFFICE = re.compile(
    rf"{_LEAD}我(以前|原来|过去|之前|也|还|现在|退休前)?(是|当过|做过|干过|当了|干了)(个|一个|好几年|多年|几年)?(的)?"
    r"(老|退休的|退下来的|原来的|以前的)?(本村的?|村上的?|村里的?|村委会?的?|乡上的?|乡里的?|镇上的?|社里的?|组里的?"
    rf"|村|乡|镇|组|社)?{_OFFICES}(的)?(啊|呀|哩|嘛|呢|了)?"
)
_WORKS_THERE = re.compile(
    rf"{_LEAD}我(以前|原来|过去|之前|也|还|现在)?在(村委会?|村部|村上|乡上|乡政府|镇政府|镇上|乡里)"
    r"(上班|工作|干活|当差|帮忙|干过|上过班)(过)?(的)?(啊|呀|哩|嘛|呢|了)?"
)
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜"
    "崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤冶祁喇鲁铁妥"
    "星李纳撒哈海"
)
_NAME = rf"((老|小|阿)?[{_SURNAMES}][一-鿿]{{1,2}}|老[{_SURNAMES}])"
# A role is not a name: 我是老党员, 我是小组长, 我是马家的媳妇 (kin, read above) or 我是贫困户.
_ROLE_END = re.compile(r"(员|户|民|众|长|记|任|计|部|人|的|家|子|娃|头|汉|婆|爷|奶|匠|师|生|工|机|手|夫|农)$")
_NAMED = re.compile(
    rf"{_LEAD}(我|本人)(叫|名叫|姓|的名字是|的名字叫|名字叫|大名叫|小名叫)(?!.*(他|她|你|别|不|没|啥|什么))"
    r"[一-鿿]{1,4}(啊|呀|哩|嘛|呢)?"
)
_IS_NAME = re.compile(
    rf"{_LEAD}(我(就)?是|本人(就)?(是)?)([一-鿿0-9]{{1,6}}(村|社|组|队|庄|湾|沟|滩)的?)?(?P<name>{_NAME})(啊|呀|哩|嘛|呢)?"
)
# "I am the one who…": 我就是那个被扣了低保的人, 我是那家被占了地的, 我就是当事人.
_THE_ONE = (
    re.compile(r"(我|我家)(就|正)是.{1,16}的(那个|那家|那户|那位)?(人|人家|老汉|老人|媳妇|娃|一家|一户)"),
    re.compile(r"(我|我家)(就|正)?是(那个|那家|那户|那位).{1,16}"),
    re.compile(r"(我|我家)(就|正|也)?是(受害人|受害者|当事人|苦主)"),
)


def tells_who(clause: str) -> bool:
    """Whether one clause tells who the speaker is (a name, a neighbour or kin of the accused, an office, the
    one it happened to)."""
    n = normalise(clause)
    if not n or len(n) > MAX_CLAUSE:
        return False
    if any(r.fullmatch(n) for r in (*_PLACED, _THEIRS, _OFFICE, _WORKS_THERE, _NAMED, *_THE_ONE)):
        return True
    named = _IS_NAME.fullmatch(n)
    return named is not None and not _ROLE_END.search(named.group("name"))


@dataclass(frozen=True)
class Told:
    part: int  # which of the story's parts (messages) holds it
    clause: str  # the villager's own words


def _pieces(part: str) -> tuple[str, list[str]]:
    """A part split into its lead (证据：) and its clauses and separators, alternating (clause first)."""
    lead = EVIDENCE_LEAD if part.startswith(EVIDENCE_LEAD) else ""
    return lead, _SEPARATORS.split(part[len(lead) :])


def found(parts: list[str]) -> list[Told]:
    """Every clause of the story (evidence lines too) that tells who the reporter is, in order."""
    told: list[Told] = []
    for i, part in enumerate(parts):
        _lead, pieces = _pieces(part)
        told += [Told(i, c) for c in pieces[0::2] if c and tells_who(c)]
    return told


def without(parts: list[str], told: list[Told]) -> list[str]:
    """The story with exactly those clauses taken out (a separator beside each goes too); a part left empty,
    or an evidence line left with its lead alone, is dropped."""
    kept: list[str] = []
    for i, part in enumerate(parts):
        gone = {t.clause for t in told if t.part == i}
        lead, pieces = _pieces(part)
        clauses = pieces[0::2]
        seps = [*pieces[1::2], ""]
        left = [(c, s) for c, s in zip(clauses, seps, strict=True) if c and c not in gone]
        text = "".join(c + s for c, s in left[:-1]) + (left[-1][0] if left else "")
        if text.strip():
            kept.append(lead + text.strip())
    return kept


def fingerprint(told: Told) -> str:
    """What the draft keeps of a clause the villager chose to keep, so it is not asked about again."""
    return hashlib.sha256(f"{told.part}\x1f{told.clause}".encode()).hexdigest()[:16]
