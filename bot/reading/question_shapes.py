"""Shapes of a question: a message told flat tells; the same words asked ask about a rule."""

from __future__ import annotations

import re

# 不交医保就不给报销吗 asks about a rule; the same words told flat tell of a wrong.
ASKING = re.compile(r"(吗|么|嘛)$|会不会|是不是|是否|能不能|可不可以|要不要|多少|几(十|百|千|万)?(块|元)")
# 低保咋还没发, 补贴什么时候到: asking why or when, for the person or the policy answer.
WHY_OR_WHEN = re.compile(r"怎么|为什么|为啥|什么时候|啥时候|何时|几时")
# 有车能吃低保不, 他家这样的算不算: a question ending in its negation.
ASKING_TAIL = re.compile(r"(能|可以|会|该|算|行|有|是).{0,12}(?<![都也])(不|没|没有)$")
