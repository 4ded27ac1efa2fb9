"""The knowledge-base checker's problems (knowledge/check.py, knowledge/schema.py) in plain Chinese for the
administrator: each names the entry by its title and the file the maintainer edits, and the field by its
Chinese name; entry ids, field keys and topic codes are never shown. A message no rule knows becomes a
general sentence, never the checker's English."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

from handlers.admin.kb_review_text import (
    ANSWER,
    ASKS,
    FIGURES,
    OVERVIEW,
    QUESTIONS,
    REPLACES,
    REVIEWED,
    SCOPE,
    SOURCES,
    TITLE,
    TOPICS,
    UNVERIFIED,
)
from knowledge.check import LOCAL_CAVEAT

# Each field by the label the editing form gives it (templates/kb_edit.html; kb_review_text.py names the
# same labels), so the maintainer finds the box to fix.
FIELDS = {
    "id": "编号",
    "title": TITLE,
    "topics": TOPICS,
    "scope": SCOPE,
    "replaces": REPLACES,
    "reviewed": REVIEWED,
    "questions": QUESTIONS,
    "answer": ANSWER,
    "asks": ASKS,
    "sources": SOURCES,
    "figures": FIGURES,
    "offers_report": "答复后提醒群众：遇到这类问题可以在这里反映",
    "unverified_figures": UNVERIFIED,
    "overview": OVERVIEW,
    "name": "文件名称",
    "issuer": "发文机关",
    "number": "文号",
    "date": "发文日期",
    "checked": "在哪读到的原文",
    "verified": "核实情况",
    "standard": "哪一项标准",
    "value": "数字",
    "year": "哪一年的标准",
}
GENERAL = "有一处不符合条目格式，请对照条目说明修改，或请技术人员运行条目检查查看详情。"

Titles = Mapping[str, str]  # entry id -> title
Rule = tuple[re.Pattern[str], Callable[[re.Match[str], Titles], str]]


def _field(key: str) -> str:
    return f"“{FIELDS[key]}”" if key in FIELDS else "某一栏"


Q, A = f"“{QUESTIONS}”", f"“{ANSWER}”"


def _entry(entry_id: str, titles: Titles) -> str:
    title = titles.get(entry_id)
    return f"条目“{title}”" if title else "另一个条目"


def _file(text: str) -> str:
    return Path(text.strip()).name


_RULES: list[Rule] = [
    (re.compile(r"invalid YAML"), lambda m, t: "文件格式有误，无法读取（请检查缩进、冒号和引号）。"),
    (re.compile(r"not a directory"), lambda m, t: "条目文件夹不存在。"),
    (re.compile(r"id '.*' differs from the file name"), lambda m, t: "编号与文件名不一致。"),
    (re.compile(r"unknown topics"), lambda m, t: f"“{TOPICS}”不在主题列表中。"),
    (re.compile(r"^missing sources"), lambda m, t: f"缺少“{SOURCES}”：至少引用一份文件。"),
    (
        re.compile(r"answer has (\d+) characters \(at most (\d+)\)"),
        lambda m, t: f"{A}有 {m[1]} 个字，最多 {m[2]} 个字。",
    ),
    (
        re.compile(r"related questions needs \d+ bytes"),
        lambda m, t: f"{A}加上相关问题超出了一条消息的长度，请缩短{A}。",
    ),
    (
        re.compile(r"must have the four parts"),
        lambda m, t: f"{A}须依次包含“谁能享受：”“标准：”“怎么办：”“找谁：”四部分。",
    ),
    (
        re.compile(r"unverified figures must end with"),
        lambda m, t: f"填了“{UNVERIFIED}”，{A}结尾须写“{LOCAL_CAVEAT}”。",
    ),
    (re.compile(r"not under its first topic's folder"), lambda m, t: "文件没有放在第一个主题的文件夹里。"),
    (re.compile(r"duplicate id .* \(also (.+)\)$"), lambda m, t: f"编号与文件 {_file(m[1])} 重复。"),
    (re.compile(r"replaces unknown entry"), lambda m, t: f"“{REPLACES}”选的条目不存在。"),
    (
        re.compile(r"nearly the same questions as national entry '([^']*)'"),
        lambda m, t: f"{Q}与全国{_entry(m[1], t)}几乎相同：请改写成本县群众的说法，或在“{REPLACES}”选它。",
    ),
    (
        re.compile(r"question '(.*)' is also a question of '([^']*)'$"),
        lambda m, t: f"{Q}中的“{m[1]}”与{_entry(m[2], t)}重复。",
    ),
    (
        re.compile(r"a second overview of '.*' \(also '([^']*)'\)"),
        lambda m, t: f"同一主题已有{_entry(m[1], t)}勾选了“{OVERVIEW}”。",
    ),
    (
        re.compile(r"^(.*) (\S+) holds for (\d+), but '([^']*)' states the (\d+) standard"),
        lambda m, t: f"“{m[1]}”还是 {m[3]} 年的标准，{_entry(m[4], t)}已写 {m[5]} 年的标准，请更新数字。",
    ),
    (re.compile(r"the document must be a mapping"), lambda m, t: "文件内容格式有误。"),
    (re.compile(r"unknown field `\w+`"), lambda m, t: "有条目格式之外的字段，请删去。"),
    (re.compile(r"`(\w+)` must be a non-empty string"), lambda m, t: f"{_field(m[1])}不能为空。"),
    (re.compile(r"`(\w+)` must be true or false"), lambda m, t: f"{_field(m[1])}只能填是或否。"),
    (re.compile(r"`(\w+)` must be a list of non-empty"), lambda m, t: f"{_field(m[1])}应逐条列出，每条不能为空。"),
    (re.compile(r"`(\w+)` must be a date"), lambda m, t: f"{_field(m[1])}应为日期，如 2026-01-31。"),
    (re.compile(r"`id` must be lowercase"), lambda m, t: "编号只能用小写英文字母和连字符。"),
    (re.compile(r"`topics` must hold (\d+) to (\d+)"), lambda m, t: f"主题应有 {m[1]} 到 {m[2]} 个。"),
    (re.compile(r"`scope` must be"), lambda m, t: f"“{SCOPE}”应为全国，或一个省、县。"),
    (re.compile(r"`replaces` must be an entry id"), lambda m, t: f"“{REPLACES}”填写有误。"),
    (re.compile(r"`replaces` is only for local entries"), lambda m, t: f"只有地方条目才能填“{REPLACES}”。"),
    (
        re.compile(r"`questions` needs at least (\d+) variants \(has (\d+)\)"),
        lambda m, t: f"{Q}至少要有 {m[1]} 种，现在只有 {m[2]} 种。",
    ),
    (re.compile(r"`asks` lists unknown kinds"), lambda m, t: f"“{ASKS}”中有不认识的项。"),
    (re.compile(r"`asks` lists a kind twice"), lambda m, t: f"“{ASKS}”中有重复的项。"),
    (re.compile(r"`sources` is missing"), lambda m, t: f"缺少“{SOURCES}”：至少引用一份文件。"),
    (re.compile(r"`figures` must be a list"), lambda m, t: f"“{FIGURES}”应逐条列出。"),
    (re.compile(r"`(\w+)` must be a string"), lambda m, t: f"{_field(m[1])}应为文字。"),
    (re.compile(r"`(\w+)` is missing"), lambda m, t: f"缺少{_field(m[1])}。"),
    (re.compile(r"`year` must be the year"), lambda m, t: f"{_field('year')}应为该数字适用的年份，如 2026。"),
    (re.compile(r"`value` must be the figure"), lambda m, t: f"{_field('value')}应与{A}中写的一致。"),
    (re.compile(r"must be a mapping"), lambda m, t: "格式有误。"),
]
_PART = re.compile(r"^(sources|figures)\[(\d+)\]: (.*)$")


def sentence(message: str, titles: Titles) -> str:
    """One checker message as a Chinese sentence (without the entry or file it concerns)."""
    part = _PART.match(message)
    if part:
        which = SOURCES if part[1] == "sources" else FIGURES
        return f"第 {int(part[2]) + 1} 个{which}：{sentence(part[3], titles)}"
    for pattern, say in _RULES:
        found = pattern.search(message)
        if found:
            return say(found, titles)
    return GENERAL


def explain(path: Path, message: str, titles: Titles, directory: Path) -> str:
    """`message` about the file at `path`, for the administrator: the entry's title (when the file could be
    read) and the file's name within the knowledge base, then the sentence."""
    try:
        shown = path.relative_to(directory).as_posix()
    except ValueError:
        shown = path.name
    title = titles.get(path.stem)
    where = f"条目“{title}”（文件 {shown}）" if title else f"文件 {shown}"
    return f"{where}：{sentence(message, titles)}"
