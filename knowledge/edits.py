"""Entries written in the browser (issue #19): a YAML body checked with kb check's rules as form
validation, served over the entries directory's entry of the same id once a second person approved it."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence

import yaml

from knowledge.check import check_cross, check_entry, check_freshness, longest_titles
from knowledge.loader import LoadedEntry, as_loaded, merged
from knowledge.schema import Entry, SchemaError, parse_entry

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN = re.compile(r"[\w\u3000-\u303f\uff01-\uff5e ]+")  # words, CJK punctuation, spaces


def parse_body(body: str) -> Entry:
    """The entry a YAML body holds; SchemaError lists every problem (bad YAML is one)."""
    try:
        data = yaml.load(body, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise SchemaError([f"YAML 格式不对：{exc}"]) from exc
    except (ValueError, OverflowError) as exc:  # a scalar YAML types but cannot build: 2026-13-45, 5,000 digits
        raise SchemaError([f"有一个值无法识别（日期或数字写错了？）：{str(exc)[:80]}"]) from exc
    return parse_entry(data)


def validate(
    body: str, loaded: Sequence[LoadedEntry], topics: set[str], today: dt.date
) -> tuple[Entry | None, list[str]]:
    """(the entry, []) when `body` would pass kb check among the entries being served; else the problems."""
    try:
        entry = parse_body(body)
    except SchemaError as exc:
        return None, exc.problems
    everything = merged(loaded, [entry])
    problems = check_entry(entry, topics, longest_titles(everything))
    here = as_loaded(entry).path
    cross = check_cross(everything) + check_freshness(everything, today)[0]
    problems += [p.message for p in cross if p.path == here or repr(entry.id) in p.message]
    return (None if problems else entry), problems


def template(entry_id: str, questions: Sequence[str], today: dt.date) -> str:
    """A new entry's starting YAML, with the villagers' own questions as its first variants."""
    lines = [
        f"id: {entry_id}",
        "title: 写一句村民会问的话",
        "topics:",
        "- 填主题代码",
        "scope: national",
        f"reviewed: {today.isoformat()}",
        "questions:",
        *[f"- {yaml_scalar(q)}" for q in questions],
        "answer: |",
        "  谁能享受：",
        "  标准：",
        "  怎么办：",
        "  找谁：",
        "sources:",
        "- name: 《文件名称》",
        "  issuer: 发文机关",
        "  number: 文号",
        "  date: 2026-01-01",
        "  checked: 在哪里读到原文、核对了哪几条",
        "  verified: false",
        "unverified_figures: []",
    ]
    return "\n".join(lines) + "\n"


def yaml_scalar(question: str) -> str:
    """A question as a YAML scalar: plain when it is only words and spaces, else double-quoted (a
    JSON string is a valid YAML one)."""
    text = " ".join(question.split())
    if _PLAIN.fullmatch(text) and not text[:1].isdigit():
        return text
    return json.dumps(text, ensure_ascii=False)
