"""What a staff password must not be: short, common, trivial (one or two characters repeated, a run along
the keyboard, the alphabet or the digits), all digits (a phone number or a birthday), or the username.

A staff account opens reports about cadres, so its password is the one thing between a guesser and the
reporters; the login throttle slows guessing but cannot help against the first guesses of a list.
"""

from __future__ import annotations

import itertools
import re

MIN_LENGTH = 10
# Runs people type: rows of a QWERTY keyboard, its columns, the alphabet and the digits.
_RUNS = (
    "1234567890-=",
    "!@#$%^&*()_+",
    "qwertyuiop[]",
    "asdfghjkl;'",
    "zxcvbnm,./",
    "abcdefghijklmnopqrstuvwxyz",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/",
    "zaq1xsw2cde3vfr4bgt5nhy6mju7",
)
# Words that make a password common whatever digits or signs are put around them. Chinese users add
# pinyin ones (woaini, wodemima, mima) and the service's own name.
_COMMON_WORDS = frozenset(
    {
        "password", "passw0rd", "p@ssw0rd", "p@ssword", "admin", "administrator", "root", "qwerty", "iloveyou",
        "welcome", "letmein", "monkey", "dragon", "football", "baseball", "master", "superman", "sunshine",
        "princess", "trustno1", "abc", "test", "guest", "user", "changeme", "secret", "default", "login",
        "woaini", "wodemima", "mima", "aini", "zhongguo", "china", "qingfeng", "haidong", "huzhu", "jiwei",
        "qingfengadmin",
    }
)  # fmt: skip
_EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")


def password_problem(password: str, username: str = "") -> str | None:
    """A plain Chinese reason the password is refused, or None when it may be used."""
    if len(password) < MIN_LENGTH:
        return f"密码至少 {MIN_LENGTH} 位"
    lowered = password.lower()
    if lowered.isdigit():
        return "密码不能全是数字（手机号、生日容易被猜到），请加上字母"
    name = username.strip().lower()
    if len(name) >= 3 and name in lowered:
        return "密码不能包含用户名"
    if len(set(lowered)) < 4:
        return "密码太简单（重复的字符太多），请换一个"
    core = _EDGES.sub("", lowered)
    if core in _COMMON_WORDS or _repeats(core):
        return "这个密码太常见，很容易被猜到，请换一个"
    if _longest_run(lowered) >= len(lowered) - 2:
        return "密码不能是键盘或字母、数字的连续排列，请换一个"
    return None


def _repeats(core: str) -> bool:
    """`passwordpassword`, `qwerqwerqwer`: one piece said again and again."""
    return any(
        len(core) % size == 0 and core[:size] * (len(core) // size) == core for size in range(1, len(core) // 2 + 1)
    )


def _longest_run(text: str) -> int:
    """The most characters of `text` in a row that follow one of the runs, forwards or backwards."""
    best = 0
    for run in _RUNS:
        for seq in (run, run[::-1]):
            length = 1
            for prev, cur in itertools.pairwise(text):
                i = seq.find(prev)
                length = length + 1 if i >= 0 and i + 1 < len(seq) and seq[i + 1] == cur else 1
                best = max(best, length)
    return max(best, 1 if text else 0)
