"""A knowledge-base entry drafted from a staff answer to a villager's question (an inquiry).

The draft is in the entries format but deliberately incomplete, one question variant and no sources,
so `kb check` refuses it until a maintainer completes it; it is live only after `kb reload`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from knowledge.entry_yaml import entry_yaml
from knowledge.schema import Entry


def guess_topics(candidates: dict[str, Any], entries: Mapping[str, Entry]) -> list[str]:
    """Topics of the entries the search offered before the villager asked for a person, most common first."""
    ids = candidates.get("entries") if isinstance(candidates, dict) else None
    counts: Counter[str] = Counter()
    for entry_id in ids if isinstance(ids, list) else []:
        entry = entries.get(str(entry_id))
        if entry is not None:
            counts.update(entry.topics)
    return [topic for topic, _ in counts.most_common(3)]


def draft_yaml(
    *,
    entry_id: str,
    source: str,
    question: str,
    answer: str,
    county: str,
    topics: Sequence[str],
    author: str,
    today: date,
) -> str:
    """The draft's YAML; `source` names where it came from (e.g. 转人工咨询 #12) in its header comment."""
    question = " ".join(question.split())
    title = question if len(question) <= 40 else question[:40] + "…"
    head = (
        f"# 知识库条目草稿：由{source}生成（{today.isoformat()}，{author}）。尚未生效。\n"
        "# 生效前请：补足至少 5 个群众问法；核对 topics（按当时的候选条目推测）；按 谁能享受 / 标准 / 怎么办 / 找谁\n"
        "# 整理答复；填写 sources（name, issuer, number, date, checked, verified）；\n"
        "# 然后放入条目目录（QF_KB_DIR，默认 knowledge/entries），运行 qingfeng kb check，再运行 qingfeng kb reload。\n"
    )
    body = entry_yaml(
        {
            "id": entry_id,
            "title": title,
            "topics": list(topics),
            "scope": county,
            "replaces": None,
            "reviewed": today,
            "offers_report": False,
            "questions": [question],
            "answer": answer.strip(),
        },
        width=1000,
    )
    tail = "sources: []  # 待填写：至少一份政策文件（名称、发文机关、文号、日期、核对方式、是否已核实）\n"
    return head + body + tail
