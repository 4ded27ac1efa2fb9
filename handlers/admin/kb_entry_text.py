"""How the knowledge-base editing pages name things for staff: an entry by its title, a person by name and
unit, a checker's problem as a plain sentence (never an id, a login or the YAML reader's English)."""

from __future__ import annotations

import re

import yaml
from sqlalchemy.orm import Session

from handlers.admin.desk_text import actor_names
from handlers.admin.kb_problems import sentence


def title_of(body: str) -> str:
    """An entry's title from its YAML, for headings (the id is never shown)."""
    try:
        data = yaml.safe_load(body)
    except (yaml.YAMLError, ValueError, OverflowError):
        data = None
    title = data.get("title") if isinstance(data, dict) else None
    return title.strip() if isinstance(title, str) and title.strip() else "未命名的条目"


def people(session: Session, usernames: list[str]) -> dict[str, str]:
    """Each login name as the page shows it: the person's name and unit (desk_text.actor_names)."""
    names = actor_names(session, {f"staff:{u}" for u in usernames})
    return {u: names.get(f"staff:{u}", "工作人员") for u in usernames}


def plain(problem: str, titles: dict[str, str]) -> str:
    if not re.search(r"[A-Za-z]", problem):  # already a sentence for staff (e.g. 内容太长)
        return problem
    # parse_body's own sentences are Chinese but carry the YAML reader's English detail
    if problem.startswith("YAML 格式不对"):
        return "内容格式有误，无法读取（请检查缩进、冒号和引号）。"
    if problem.startswith("有一个值无法识别"):
        return "有一个值无法识别（日期或数字写错了？）。"
    return sentence(problem, titles)
