"""How the review and version pages show a knowledge-base entry (issue #19 §3): as the editor's plain
Chinese fields (kb_form.py's entry -> fields mapping and the form's labels), never its YAML, id, keys or
codes; and, for an edit of an existing entry, what it changes against the entry villagers get now, field
by field (原来 / 改为; question variants, figures and sources added and removed)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from handlers.admin.kb_form import ASK_NAMES, NATIONAL, VERIFIED, EntryFields, FigureRow, SourceRow, from_entry
from knowledge.check import PARTS
from knowledge.edits import parse_body
from knowledge.loader import TOPICS_FILE, load_topics
from knowledge.schema import Entry, SchemaError
from storage.models.kb import KbEntryVersion
from storage.models.places import County

# The form's labels (templates/kb_edit.html), in the form's order.
TITLE = "标题"
TOPICS = "主题"
SCOPE = "适用范围"
REPLACES = "替代哪个全国条目"
QUESTIONS = "群众常问的说法"
ANSWER = "答复"
UNVERIFIED = "答复里还没核实的数字"
OFFERS = "答复后提醒群众可以在这里反映"
OVERVIEW = "主要主题的总体介绍"
ASKS = "主要回答哪几类问题"
SOURCES = "依据文件"
FIGURES = "标准数字"
REVIEWED = "最后审核日期"
YES_NO = {True: "是", False: "否"}
_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


@dataclass(frozen=True)
class Names:
    """What the page says instead of a code: topic names, county names, national entries' titles."""

    topics: Mapping[str, str]
    counties: Mapping[str, str]
    titles: Mapping[str, str]


@dataclass(frozen=True)
class Shown:
    label: str
    lines: tuple[str, ...]  # each on its own line; none: 无


@dataclass(frozen=True)
class Change:
    label: str
    before: tuple[str, ...] = ()  # 原来
    after: tuple[str, ...] = ()  # 改为
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    note: str = ""

    @property
    def replaced(self) -> bool:
        return bool(self.before or self.after)


@dataclass(frozen=True)
class Card:
    """One version as a page shows it: its fields (None: unreadable) and its changes (None: nothing to
    compare it with, e.g. a new entry)."""

    fields: tuple[Shown, ...] | None
    changes: tuple[Change, ...] | None


def names(session: Session, served: Mapping[str, Entry]) -> Names:
    counties: dict[str, str] = {}
    for county in session.scalars(select(County).order_by(County.code)):
        counties.setdefault(county.code[:6], county.name)
    return Names(load_topics(TOPICS_FILE), counties, {k: e.title for k, e in served.items()})


def day(text: str) -> str:
    """2026-01-31 as 2026年1月31日, 2026-01 as 2026年1月; anything else as typed."""
    found = _DATE.match(text.strip())
    if not found:
        return text
    year, month, mday = found.groups()
    return f"{year}年{int(month)}月" + (f"{int(mday)}日" if mday else "")


def source_line(row: SourceRow) -> str:
    number = f"，{row.number}" if row.number.strip() else ""
    checked = VERIFIED.get(row.verified, "")
    return f"{row.name}（{row.issuer}{number}，{day(row.date)}）\n原文出处：{row.checked}\n核实情况：{checked}"


def figure_line(row: FigureRow) -> str:
    return f"{row.standard}：{row.value}（{row.year}年的标准，{VERIFIED.get(row.verified, '')}）"


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.split("\n") if line.strip())


def _answer(f: EntryFields) -> list[tuple[str, tuple[str, ...]]]:
    if f.parts is None:
        return [(ANSWER + "全文", (f.whole.strip(),))]
    return [(f"{ANSWER}（{label}）", (text.strip(),)) for label, text in zip(PARTS, f.parts, strict=True)]


def shown(entry: Entry, said: Names) -> tuple[Shown, ...]:
    """The entry's fields in the form's order, every code said in words."""
    f = from_entry(entry)
    topics = "、".join(said.topics.get(t, "（主题列表中没有的主题）") for t in f.topics)
    scope = "全国" if f.scope == NATIONAL else said.counties.get(f.scope, "（未登记的地区）")
    replaces = said.titles.get(f.replaces, "（已不在的条目）") if f.replaces else "不替代"
    rows: list[tuple[str, tuple[str, ...]]] = [
        (TITLE, (f.title,)),
        (TOPICS, (topics,)),
        (SCOPE, (scope,)),
        (REPLACES, (replaces,)),
        (QUESTIONS, _lines(f.questions)),
        *_answer(f),
        (UNVERIFIED, _lines(f.unverified)),
        (OFFERS, (YES_NO[f.offers_report],)),
        (OVERVIEW, (YES_NO[f.overview],)),
        (ASKS, tuple(ASK_NAMES.get(k, "（其他）") for k in f.asks)),
        (SOURCES, tuple(source_line(s) for s in f.sources)),
        (FIGURES, tuple(figure_line(g) for g in f.figures)),
        (REVIEWED, (day(f.reviewed),)),
    ]
    return tuple(Shown(label, lines) for label, lines in rows)


def _listed(label: str, old: Sequence[str], new: Sequence[str]) -> list[Change]:
    added = tuple(x for x in new if x not in old)
    removed = tuple(x for x in old if x not in new)
    if added or removed:
        return [Change(label, added=added, removed=removed)]
    if list(old) != list(new):
        return [Change(label, note="只调整了先后顺序")]
    return []


def _rows(label: str, old: Mapping[str, str], new: Mapping[str, str]) -> list[Change]:
    """Rows matched by what they are (a source's name, a figure's standard): one changed in place is 原来 /
    改为; the others added or removed."""
    changed = [
        Change(f"{label}（{key}）", (old[key],), (new[key],)) for key in new if key in old and old[key] != new[key]
    ]
    return changed + _listed(
        label, [v for k, v in old.items() if k not in new], [v for k, v in new.items() if k not in old]
    )


def _keyed(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Rows by what they are; a second row of the same name keeps its own key (第 2 份), never lost."""
    keyed: dict[str, str] = {}
    for key, line in pairs:
        n, unique = 1, key
        while unique in keyed:
            n += 1
            unique = f"{key}（第 {n} 份）"
        keyed[unique] = line
    return keyed


def changes(old: Entry, new: Entry, said: Names) -> tuple[Change, ...]:
    """What `new` changes against `old`, field by field in the form's order."""
    before = {s.label: s.lines for s in shown(old, said)}
    after = {s.label: s.lines for s in shown(new, said)}
    was, now = from_entry(old), from_entry(new)
    found: list[Change] = []
    for label in dict.fromkeys([*before, *after]):
        a, b = before.get(label, ()), after.get(label, ())
        if a == b:
            continue
        if label in (QUESTIONS, UNVERIFIED, ASKS):
            found += _listed(label, a, b)
        elif label == SOURCES:
            found += _rows(
                label,
                _keyed((s.name, source_line(s)) for s in was.sources),
                _keyed((s.name, source_line(s)) for s in now.sources),
            )
        elif label == FIGURES:
            found += _rows(
                label,
                _keyed((g.standard, figure_line(g)) for g in was.figures),
                _keyed((g.standard, figure_line(g)) for g in now.figures),
            )
        else:
            found.append(Change(label, a, b))
    return tuple(found)


def _entry(version: KbEntryVersion) -> Entry | None:
    try:
        return parse_body(version.body)
    except SchemaError:
        return None


def review_cards(session: Session, pending: Sequence[KbEntryVersion], served: Mapping[str, Entry]) -> dict[int, Card]:
    """Each pending version's fields, and its changes against the entry served now (None: a new entry)."""
    said = names(session, served)
    cards: dict[int, Card] = {}
    for version in pending:
        entry, live = _entry(version), served.get(version.entry_id)
        cards[version.id] = Card(
            shown(entry, said) if entry is not None else None,
            changes(live, entry, said) if entry is not None and live is not None else None,
        )
    return cards


def history_cards(session: Session, versions: Sequence[KbEntryVersion], served: Mapping[str, Entry]) -> dict[int, Card]:
    """Each version (newest first) with its changes against the one written before it."""
    said = names(session, served)
    entries = [_entry(v) for v in versions]
    cards: dict[int, Card] = {}
    for i, (version, entry) in enumerate(zip(versions, entries, strict=True)):
        older = entries[i + 1] if i + 1 < len(entries) else None
        cards[version.id] = Card(
            shown(entry, said) if entry is not None else None,
            changes(older, entry, said) if entry is not None and older is not None else None,
        )
    return cards
