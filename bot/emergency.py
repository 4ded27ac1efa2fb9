"""Someone in danger right now (poisoning, a fire, someone badly hurt, a child missing, someone who wants to die):
whatever the villager is doing in the chat, the reply first says to call 120 / 119 / 110 at once, then goes on
as usual. Read by shape: an urgent-harm word, not in a past story (去年着火了) and not a policy question
(农药补贴, 火灾保险怎么买) unless the message also says it is happening now (中毒了咋办)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

CALL_NOW = "如果有人正在危险中，请马上打电话：急救 120，火警 119，报警 110。\n\n"

_URGENT = re.compile(
    # poisoning
    r"中毒|喝了?农药|喝了?药水|吃了?(老鼠药|耗子药|农药)|误服|误食"
    # fire
    r"|(?<![打点不])着火|失火|起火|火灾|烧起来|房子烧了|家里烧了"
    # someone badly hurt
    r"|重伤|伤得(很|太|好)?(重|厉害)|昏迷|不省人事|晕过去|晕倒|没气了|没有?呼吸|流了?(好多|很多|一地)的?血|大出血"
    r"|被车撞|车祸|摔得(很|太)?(重|厉害)|骨头断|砸伤|淹水里|掉(进|到)?(河|水|井)里|溺水|触电|电打了"
    # a child missing
    r"|(孩子|娃娃|娃|小孩|儿子|女儿|孙子|孙女|老人)(又|也|突然)?(丢了|不见了|找不到了|走丢|失踪)|走失"
    # someone who wants to die, or threatens to kill
    r"|想死|不想活|活不下去|寻死|自杀|轻生|跳河|跳楼|上吊|寻短见|一死了之|不活了|要杀(了|人)|杀了我"
)
# A question about a policy, a benefit or prevention, which names the harm without it happening.
_POLICY = re.compile(r"补贴|补助|保险|赔偿|政策|报销|救助|申请|资金|标准|知识|宣传|培训|演练|预防|防火|防溺水")
# Said to be happening now: these turn a policy-sounding message back into an emergency.
_NOW = re.compile(r"正在|快|现在|刚才|刚刚|咋办|怎么办|救命|急|赶紧|马上")
# A story of the past (a hardship or a report told later): nobody is in danger this minute.
_PAST = re.compile(
    r"去年|前年|以前|那年|年前|个?月前|上个?月|之前|当年|小时候|那时候|多年|几年|后遗症|瘫痪"
    r"|昨|前天|前些天|前几天|前段|人没事|住院|医院|手术|看病|出车祸|烧光|烧了|烧没|没地方住|住在|欠|借|花了|收入|债"
    r"|(车祸|中毒|火灾|着火|失火|受伤|重伤|昏迷|摔)(以|之)?后"
)


@lru_cache(maxsize=4096)  # asked of every text in every state
def urgent(text: str) -> bool:
    said = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if not _URGENT.search(said) or _PAST.search(said):
        return False
    return not _POLICY.search(said) or bool(_NOW.search(said))
