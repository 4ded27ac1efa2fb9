"""The villager's reply text: plain Chinese that fits in one WeChat message (2,048 bytes UTF-8)."""

from __future__ import annotations

from collections.abc import Sequence

MAX_REPLY_BYTES = 2048
MAX_ANSWER_CHARS = 500
REPORT_HINT = "回复「反映」反映问题"
HANDOFF = "都不是 → 转人工"
OUT_OF_SCOPE = (
    "这个问题我回答不了。清风能帮您：\n"
    "· 政策咨询：问帮扶、低保、医保、上学、住房等政策\n"
    "· 项目公开：看本村的项目和资金\n"
    "· 反映问题：反映身边的腐败和作风问题\n"
    "· 查询进度：看反映的问题办到哪一步了\n"
    "回复「菜单」查看全部功能。"
)


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def fits(text: str) -> bool:
    return utf8_len(text) <= MAX_REPLY_BYTES


def numbered(items: Sequence[str], start: int = 1) -> list[str]:
    return [f"{n}. {item}" for n, item in enumerate(items, start)]


def compose_answer(title: str, answer: str, related: Sequence[str], *, offers_report: bool) -> str:
    """Title, answer, numbered related questions, and the report hint when the entry offers it."""
    text = f"【{title}】\n{answer.strip()}"
    if related:
        text += "\n\n您可能还想问（回复数字）：\n" + "\n".join(numbered(related))
    if offers_report:
        text += f"\n\n{REPORT_HINT}"
    return text


def answer_text(title: str, answer: str, related: Sequence[str], *, offers_report: bool) -> str:
    """compose_answer, dropping related questions (last first) until it fits in one message."""
    for count in range(len(related), -1, -1):
        text = compose_answer(title, answer, related[:count], offers_report=offers_report)
        if fits(text):
            return text
    tail = f"\n\n{REPORT_HINT}" if offers_report else ""
    return _truncate(f"【{title}】\n{answer.strip()}", MAX_REPLY_BYTES - utf8_len(tail)) + tail


def choices_text(titles: Sequence[str]) -> str:
    lines = ["没有找到完全对应的答案。您想问的是哪一个？请回复数字：", *numbered(titles)]
    lines.append(f"{len(titles) + 1}. {HANDOFF}")
    return "\n".join(lines)


def out_of_scope_text() -> str:
    return OUT_OF_SCOPE


def _truncate(text: str, limit: int) -> str:
    suffix = "……"
    if utf8_len(text) <= limit:
        return text
    cut = text.encode("utf-8")[: max(0, limit - utf8_len(suffix))]
    return cut.decode("utf-8", errors="ignore") + suffix
