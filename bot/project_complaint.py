"""A complaint about a public works project told in the villager's words (这路才修半年就裂了, 那个路修了半年就烂了
坑坑洼洼的, 水渠修了一半就停了, 包工头偷工减料): a thing that projects build and something wrong with it. It is
offered as a report naming the project, in the project list and from the main menu alike."""

from __future__ import annotations

import re

# Things that village projects build (a household's own house is not one: 房子漏雨 is a hardship).
_THING = re.compile(
    r"路|桥|渠|水管|管道|管网|自来水|吃水|水窖|水塔|大棚|广场|路灯|坝|堤|护栏|围墙|排水|水沟|硬化|水泥|柏油"
    r"|工程|项目|包工头|施工队|活动室|村委会|卫生室|厕所|圈舍|光伏|电站"
)
# What is wrong: the quality (裂/烂/坏/塌/漏/坑), left unfinished, or the builder.
_WRONG = re.compile(
    r"裂|烂|坏|塌|漏|坑|破|缝|翻浆|起皮|掉渣|不结实|质量|豆腐渣|偷工减料|糊弄|应付"
    r"|没修完|没完工|没建完|修了一半|修一半|建了一半|停工|烂尾|半拉子|不通水|不出水|不亮|用不成|用不了"
    r"|包工头|施工队.{0,6}(偷|糊|赚|亲戚|关系)"
)
# A question about a rule or how to apply is not a complaint (危房改造咋申请, 修路补贴有没有).
_ASKING = re.compile(r"咋申请|怎么申请|能不能申请|申请|补贴|政策|有没有|谁能")


def is_complaint(norm: str) -> bool:
    """Whether a message (normalised) complains about something a project built."""
    return bool(_THING.search(norm) and _WRONG.search(norm) and not _ASKING.search(norm))
