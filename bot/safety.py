"""Questions about the reporter's own safety (能不能匿名, 会不会被村里知道, 会不会被报复, 保密吗, 谁能看到):
they are answered with what the service really keeps (docs/security.md), never stored as a report's content,
and the step that was asked follows. A clause is read on its own, so a story with a question beside it keeps
the story (村会计扣了补助 能不能匿名)."""

from __future__ import annotations

import re

from bot.reading.normal_form import clauses, normalise

# Asking: a question word or a trailing 不/没 (能匿名不).
_ASK = re.compile(
    r"吗|么|嘛|能不能|可不可以|可以不|行不行|能不|是不是|有没有|怎么|能否|是否|会不会|谁能|谁会|谁可以|谁看|哪些人|不$|没$"
)
_FEAR = re.compile(r"怕|担心|害怕|敢不敢|不敢")
_ANONYMOUS = re.compile(r"匿名|不留名|不留名字|不报名字|不说名字")
_SECRET = re.compile(r"保密|泄露|泄密|外传|传出去|透露")
# 会不会被他整嘛, 怕被人收拾: the same done to the reporter, said with 被 at the clause's end (整 reads as 弄;
# 路被他弄坏了 is a story)
_REVENGE = re.compile(
    r"报复|穿小鞋|找麻烦|找我麻烦|整我|收拾我|记恨"
    r"|被(他|他们|人|人家|村上|干部)?(整|弄|收拾|打击)(了)?(吗|嘛|么|呢|啊|呀|吧|哩)?$"
)
_KNOWN = re.compile(r"知道|晓得|看到|看见|看得到|看得见|看得着|查到|查出|认出|发现")
# Whose knowing is feared: the reporter named (是我, 我的名字), by whom (被…, 村里, 干部), or who can see.
_WHO = re.compile(
    r"是我|我的|我举报|我反映|我告|举报人|反映人|举报的人|反映的人|名字|身份|被|谁能|谁会|谁可以|谁看|哪些人"
    r"|村里|村上|村委|干部|书记|主任|社长|乡里|镇上"
    # who would be let know (会不会让学校知道, 会让他知道吗, 别让单位晓得)
    r"|(会|不会|别|不要|可别)(让|叫)"
)
# Harm to the reporter's own people from reporting (会不会影响孩子, 举报了会不会影响我家): a safety question;
# 有车会不会影响低保 asks a policy.
_HARMED = re.compile(
    r"(会不会|会|不会|怕|担心)(影响|连累|牵连|耽误)(到)?(我|俺|孩子|娃|小孩|家里人?|家人|我们|俺们|我家|俺家|家长)"
    r"(家|家里|家里人|家人|孩子|娃)?的?(上学|读书|工作|前途|生活|以后|将来)?(吗|嘛|么|呢|啊|吧|呀|不)?$"
    r"|(反映|举报|告(?!诉)|投诉|说出来).{0,6}(影响|连累|牵连)"
)
# Telling on the reporter (你们会不会告诉支书是我说的, 会不会把我的名字说给村上): asked, it is a safety question.
_TOLD_ON = re.compile(
    r"(告诉|说给|讲给|透露给|传给|捅给|漏给)(了)?(?!我).{0,6}(是我|我的名字|我的电话|我反映|我举报|我告|我说|谁说|谁反映|谁举报)"
    r"|(我的名字|我的电话|我的身份|是我)(说给|告诉|透露给|讲给|传给|捅给|漏给)"
)
# Asking to be reassured (你们会保密吧, 不会被报复吧); 保密吧 or 匿名吧 alone is an answer, not a question.
_SURELY = re.compile(r"(会|能|要|得)(给我|帮我|替我)?(保密|保护).{0,4}吧$|不会.{1,10}吧$")
_TO_US = re.compile(r"你|您|别|不要|不会")
# The reporter's own wish not to be known (俺不想让村里人知道), beside a safety question: taken with it.
_UNKNOWN_WISHED = re.compile(r"^(我|我们)?(不想|不愿意?|不要|别|不能)(让|叫|被)?.{0,6}(知道|晓得)(是我)?$")
# Who the reporter is, beside a safety question: where they stand to the accused (但我就住他家隔壁, 我是他邻居,
# 俺家在会计家对门), kin (我是他亲侄子, 我们两家是亲戚), an office held (我是老村干部, 我以前当过会计) or a name
# (我叫马明). It would tell who reported, so it is taken out with the question and never stored. The speaker must
# be the one standing in it: 我们组长是他亲戚 tells of someone else and stays.
_PLACE_OR_KIN = (
    r"(隔壁|对门|对面|邻居|紧挨着|挨着|前院|后院|楼上|楼下|一个院|一条巷|同一个社|亲戚|本家|亲家|干亲"
    r"|(亲|堂|表)?(侄子|侄女|外甥女?|儿媳妇?|媳妇|女婿|兄弟媳妇|弟媳|嫂子|兄弟|弟兄|姐妹|哥|姐|弟|妹|叔|舅|姑|姨))"
)
_SELF_PLACED = re.compile(
    r"^(但|但是|可|可是|而且|因为|就是|其实)?(我|俺|我家|俺家|咱家|我们家|俺们家|我们两家|俺们两家)"
    r"(就|还|正好|刚好|恰好|本来)?(住|在|是|住在|家在|跟|和)?(他|她|他们|他家|她家|他们家|[一-鿿]{1,3}家)?(是|算)?的?"
    + _PLACE_OR_KIN
)
_SELF_OFFICE = re.compile(
    r"^(但|但是|可|可是|而且|因为|其实)?(我|俺)(以前|原来|过去|之前|也|还)?(是|当过|做过|干过)(个|一个)?"
    r"(老|退休的|退下来的|原来的|以前的)?(村|乡|镇|组|社)?(干部|支书|书记|主任|村长|会计|文书|组长|社长|委员|党员|网格员)"
)
_SELF_NAMED = re.compile(r"^(我|俺)(叫|名叫|姓|的名字是|的名字叫|名字叫)[一-鿿]{1,4}$")


def _self_told(clause: str) -> bool:
    n = normalise(clause)
    return len(clause) <= MAX_CLAUSE and any(r.match(n) for r in (_SELF_PLACED, _SELF_OFFICE, _SELF_NAMED))


# Every safety question names one of these; the whole message's matching form holds each clause's.
_TOPIC = re.compile("|".join(p.pattern for p in (_ANONYMOUS, _SECRET, _REVENGE, _KNOWN, _TOLD_ON, _HARMED)))
# The anonymous choice with only a particle after it (匿名嘛, 那就匿名呀, 不留名字嘛): said, not asked.
_CHOSEN = re.compile(r"(那|就|那就|还是|我|我要|要|选|我选)*(匿名|不留名|不留名字)(的|吧)?(嘛|呀|啦|哈|哦|噢|嘞|哩)+")
# A clause longer than this is a story, even with a question word in it.
MAX_CLAUSE = 24

ANSWER = (
    "先说您关心的安全问题：\n"
    "· 选匿名，案件上不记您的姓名和电话，办案的工作人员只看到反映的事，看不到是谁反映的。\n"
    "· 反映的问题不会交给被反映的人和他所在的单位办（反映村干部的，不交给本乡镇）。\n"
    "· 选实名，姓名电话加密保存，只有纪委监委经审批才能查看，每次查看都有记录。\n"
    "· 内容里不要写自己的名字，也别写只有您知道的细节。"
)
HARDSHIP_ANSWER = (
    "先说您关心的问题：困难帮扶登记不是匿名的，要留电话，村镇干部才能上门核实。"
    "电话只给负责帮扶的县里部门和乡镇干部看，每次查看都有记录；说到干部问题的，电话加密，他们看不到。\n"
    "想匿名反映干部的问题，请回复“改为反映问题”。"
)


def is_safety_question(clause: str, *, fear: bool = True) -> bool:
    """One clause (or a short message) asking whether the reporter can be known, traced or punished. A fear
    said flat (怕被打击报复) counts only when `fear`: inside a longer message it may be part of the story
    (村民都怕他报复)."""
    n = normalise(clause)
    if not n or len(n) > MAX_CLAUSE:
        return False
    if _CHOSEN.fullmatch(n) and not re.search(r"[?？]", clause):
        return False  # 匿名嘛, 就匿名呀: the choice said with a particle, an answer (a question asks 能匿名嘛)
    asked = bool(_ASK.search(n) or _SURELY.search(n))
    feared = fear and bool(_FEAR.search(n))
    if _ANONYMOUS.search(n) and asked:
        return True
    if (_SECRET.search(n) or _REVENGE.search(n)) and (asked or feared):
        return True
    if _HARMED.search(n) and (asked or feared):
        return True
    if _TOLD_ON.search(n) and (asked or _TO_US.search(n)):
        return True  # 你们别告诉村长是我说的: asked of the service, not told of someone else
    return bool(_KNOWN.search(n) and _WHO.search(n) and (asked or feared))


def split(text: str) -> tuple[bool, str]:
    """Whether the message asks about safety, and what is left once those clauses are taken out (the
    villager's own words, with their spaces)."""
    if not _TOPIC.search(normalise(text)):
        return False, text  # most messages: no clause can ask about safety without one of these words
    said = clauses(text)
    asked = [c for c in said if is_safety_question(c, fear=len(said) == 1)]
    if not asked:
        return (True, "") if is_safety_question(text, fear=len(said) <= 1) else (False, text)
    asked += [c for c in said if c not in asked and _UNKNOWN_WISHED.match(normalise(c))]
    asked += [c for c in said if c not in asked and _self_told(c)]
    return True, " ".join(c for c in said if c not in asked)
