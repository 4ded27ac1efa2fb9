"""A household's trouble told, or an ask to be taken into the monitoring and helped."""

from __future__ import annotations

import re

from bot.reading.normal_form import has, word_list
from bot.reading.question_shapes import ASKING_TAIL

# How a policy term is decided or what it means (防返贫监测户是咋认定的, 低保户是怎么评的): a question.
_DEFINED_ASKED = re.compile(
    r"(怎么|如何|怎样|什么样|啥样|咋)(样)?(个)?(认定|评定|确定|界定|识别|认|评|定|划|选|算|纳入|退出)"
    r"|什么意思|啥意思|指什么|指的是|是什么人|是啥人|哪些人(能|可以|算)"
)


def hardship(norm: str) -> bool:
    """A household's trouble, named with the household or with a plea for help (冰雹把庄稼打了 能给点帮助不),
    or an application for the monitoring and help itself (想申请防返贫监测)."""
    if has(norm, word_list("hardship", "policy_markers")):
        return False
    if _DEFINED_ASKED.search(norm) and not has(norm, word_list("hardship", "pleas")):
        return False
    if applies(norm):
        return True
    if _REPORT_ASKED_LAST.search(norm):
        return False  # 我是在西宁上学的学生 替家里写几句 我要反映: the ask to report comes last
    pleads = has(norm, word_list("hardship", "pleas"))
    if not pleads and (ASKING_TAIL.search(norm) or _RULE_ASKED.search(norm)):
        return False  # 墙裂了 算不算住房安全没保障: a question about the rules, answered as one
    whose = has(norm, word_list("hardship", "household")) or pleads
    return (troubled(norm) and whose) or has(norm, word_list("hardship", "alone"))


_REPORT_ASKED_LAST = re.compile(r"(我|俺|我们)(要|想)(反映|举报|投诉)(一下|个事|个问题)?$")
_RULE_ASKED = re.compile(r"算不算|能不能办|能办|去哪|哪里办|找谁办|够不够|符合|条件")


# Asking to apply in one's own words: 我想给家里申请个帮扶, 替他报个返贫监测, 申请一下救助.
APPLYING = re.compile(r"(申请|报|登记|办)(个|一个|一下|下|点)?(困难)?(帮扶|救助|救济|返贫监测|防返贫|监测户|困难户)")


def applies(norm: str) -> bool:
    """Asking to be taken into the monitoring or helped, which tells no trouble yet (想申请防返贫监测)."""
    if has(norm, word_list("hardship", "policy_markers")) or _DEFINED_ASKED.search(norm):
        return False
    return has(norm, word_list("hardship", "applications")) or APPLYING.search(norm) is not None


# A part of the body, and what a tool, a stone or a machine does to it.
_BODY = r"(手|脚|腿|胳膊|胳臂|指头|手指头?|脚指头?|脚趾头?|腰|眼睛|眼|腿脚|手掌|手腕|脚腕)"
_HURT = r"(锯|砸|轧|压|切|剁|铡|割|砍|夹|绞|咬|炸|撞|烧|烫|顶|踢|碾|扎|砸断|压断|轧断|夹断|切掉|剁掉|锯掉)"
# Troubles told in a shape rather than a listed word: 把腰摔坏了, 干不成活了, 一分钱没挣下.
_TROUBLE_SHAPES = re.compile(
    r"(摔|砸|碰|撞|压|扭|烧|烫|夹|轧)(坏|断|伤|残|瘸|折|瞎)"
    r"|(干|做|打|下|种)不(成|了|动|上)(活|工|地)|(养|供|交|看|治|上)不起|养不活"
    r"|(羊|牛|猪|鸡|马|驴|庄稼|粮食|洋芋|麦子|菜).{0,6}?(病死|冻死|死了|烂|毁了|没了|被.{0,4}?吃|叫.{0,4}?吃)"
    r"|(没|没有)(挣|赚)(下|到|上|着)?(钱|一分)?|(挣|赚)不(下|到|上|着)(钱)?|一分钱(都|也)?(没|不)(挣|赚|收入|进)"
    r"|(眼睛|耳朵|腿|腰|手)(看不见|听不见|瞎|聋|坏|断|不行|废)"
    r"|(房子|房屋|屋子|住的屋)(被|叫|让)?.{0,3}?(塌|倒|裂|漏)"  # 房子雨下塌了一半
    r"|收成(都|全)?(没了|没有了|毁了|绝了)|颗粒无收"  # 冰蛋子把洋芋全打了 一年的收成都没了
    # Caught in a machine at work (把手绞到机器里了, 胳膊叫机器卷进去了).
    r"|(绞|卷|轧|夹|搅)(到|进|在)?.{0,3}机器|机器.{0,4}(绞|卷|轧|夹|搅)"
    # An illness worse, a household that cannot hold on (娃的病又重了, 家里实在撑不住了, 熬不下去).
    r"|病(又|更|越来越|一天比一天)?(重|严重|厉害|加重|犯了)|(撑|扛|顶|熬|挺)不(住|下去|过去)"
    # Hurt at work and unable to work (手叫电锯锯了, 腿让石头砸断了, 三个指头没了, 活干不成了, 重活再也干不动了).
    rf"|{_BODY}(被|叫|让|给).{{0,5}}?{_HURT}|{_BODY}{_HURT}(断|掉|伤|烂|坏|没|残|折|瘸)"
    rf"|{_BODY}(没了|没有了|断了|掉了|废了|残了|瘸了|折了)"
    r"|(活|工|地|农活|重活|庄稼活)(也|都|就|再|再也|一点也|一点都)?(干|做|打|种)不(成|了|动|上)"
)


def troubled(norm: str) -> bool:
    return has(norm, word_list("hardship", "troubles")) or _TROUBLE_SHAPES.search(norm) is not None
