"""Answers shaped for a phone (issue #19 §5): the part of an entry's answer the question asks for (who
qualifies, how much, how to, whom to ask), in about 150 characters, then the source in one line and
one line offering the rest."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.offices import local_offices_line
from knowledge.schema import Entry

PARTS = ("谁能享受", "标准", "怎么办", "找谁")
SHORT_CHARS = 150
OFFER = "回复「详细」看全文，回复「办理」看怎么办"
LOCAL_CAVEAT = "具体以当地公布为准"
# What a question asks, by its words (the first that matches wins; else who qualifies).
_ASKS = (
    ("找谁", re.compile("找谁|找哪|问谁|哪个部门|哪里|哪儿|在哪|电话|热线|地址|上哪|去哪")),
    ("标准", re.compile("多少|几成|几个|几年|几月|标准|比例|啥时候|什么时候|多久|多长|多大|额度|利息|利率|每月|每年")),
    ("怎么办", re.compile("咋|怎么|怎样|如何|申请|办理|手续|流程|材料|报名|申报|补办|要带")),
)
_SENTENCE_END = re.compile(r"(?<=[。；！？])")


def asked_part(question: str) -> str:
    for part, words in _ASKS:
        if words.search(question):
            return part
    return "谁能享受"


def answer_parts(answer: str) -> dict[str, str]:
    """Label -> text of each part (a part runs until the next label: 怎么办 has numbered lines)."""
    parts: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in answer.strip().splitlines():
        line = raw.strip()
        head = line.replace(":", "：").split("：", 1)
        if len(head) == 2 and head[0] in PARTS:
            current = parts.setdefault(head[0], [])
            line = head[1].strip()
        if current is not None and line:
            current.append(line)
    return {label: "\n".join(lines) for label, lines in parts.items()}


def clipped(text: str, limit: int) -> str:
    """`text` cut at the last sentence end within `limit` characters (else at `limit`, with …)."""
    text = text.removesuffix(LOCAL_CAVEAT).rstrip("。 ") + "。" if text.endswith(LOCAL_CAVEAT) else text
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in _SENTENCE_END.split(text):
        if len(kept) + len(sentence) > limit:
            break
        kept += sentence
    return kept or text[: limit - 1] + "…"


def brief(entry: Entry, question: str, county_code: str | None = None) -> str:
    """The asked part (then the next ones while they fit) in about SHORT_CHARS characters; asked
    whom to go to, the villager's county's offices that the 找谁 part names follow it."""
    first = asked_part(question)
    return _brief(entry, first, county_code if first == "找谁" else None)


@lru_cache(maxsize=4096)
def _brief(entry: Entry, first: str, county_code: str | None) -> str:
    # Remembered by entry, asked part and county: a few thousand at most, and an answer is built on every
    # policy reply (a reloaded knowledge base brings new Entry objects, so nothing stale is served).
    parts = answer_parts(entry.answer)
    local = local_offices_line(parts.get("找谁", ""), county_code) if first == "找谁" else ""
    order = [first, *[p for p in PARTS if p != first]]
    lines: list[str] = []
    room = SHORT_CHARS
    for label in order:
        text = parts.get(label)
        if not text:
            continue
        line = f"{label}：{clipped(text.replace(chr(10), ' '), room - len(label) - 1)}"
        if lines and len(line) > room:
            break
        lines.append(line)
        room -= len(line) + 1  # and its line break
        if room < 30 or local:
            break
    if local:
        lines.append(local)
    if entry.unverified_figures:
        lines.append(LOCAL_CAVEAT)
    return "\n".join(lines)


def source_line(entry: Entry) -> str:
    """依据：《…》（number）: the first document, with single book-title marks."""
    if not entry.sources:
        return ""
    source = entry.sources[0]
    name = source.name.strip()
    name = name if name.startswith("《") else f"《{name}》"
    number = f"（{source.number}）" if source.number else ""
    more = f"等{len(entry.sources)}份文件" if len(entry.sources) > 1 else ""
    return f"依据：{name}{number}{more}"


def how_to(entry: Entry, county_code: str | None = None) -> str:
    """The 办理 reply: how to apply and whom to ask, with the offices of the villager's county."""
    parts = answer_parts(entry.answer)
    lines = [f"【{entry.title}】"]
    lines += [f"{label}：{parts[label]}" for label in ("怎么办", "找谁") if label in parts]
    local = local_offices_line(parts.get("找谁", ""), county_code)
    return "\n".join([*lines, local] if local else lines)
