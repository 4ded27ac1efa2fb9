"""The knowledge entry format (one YAML file per entry) as typed, validated dataclasses."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SCOPE_RE = re.compile(r"^(?:national|\d{2}|\d{6})$")
DATE_RE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
MIN_QUESTIONS = 5
MAX_TOPICS = 3
# What a question can ask for, and an entry can say it answers (`asks:`): how to apply, how much, whom to
# ask, when, who qualifies, where to look it up, what it is, how it is shared out, what it gives
# (knowledge.intent reads them).
ASK_KINDS = ("apply", "amount", "pays", "whom", "when", "eligible", "where", "what", "shares", "gives")
FIELDS = frozenset(
    {
        "id",
        "title",
        "topics",
        "scope",
        "replaces",
        "reviewed",
        "offers_report",
        "overview",
        "asks",
        "questions",
        "answer",
        "sources",
        "unverified_figures",
        "figures",
    }
)
SOURCE_FIELDS = frozenset({"name", "issuer", "number", "date", "checked", "verified"})
FIGURE_FIELDS = frozenset({"standard", "value", "year", "verified"})


class SchemaError(ValueError):
    """An entry that does not follow the format; `problems` lists every field at fault."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Source:
    name: str
    issuer: str
    date: str
    checked: str
    verified: bool
    number: str | None = None


@dataclass(frozen=True)
class Figure:
    """A figure the answer states, and the year it holds for: `standard` names what it measures, the
    same words in every entry stating it (城乡居民基础养老金全国最低标准), so kb check can see an old one."""

    standard: str
    value: str
    year: int
    verified: bool


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    topics: tuple[str, ...]
    scope: str
    questions: tuple[str, ...]
    answer: str
    sources: tuple[Source, ...]
    reviewed: dt.date
    # A local entry adds to the national ones; it hides one only when it names it here on purpose.
    replaces: str | None = None
    offers_report: bool = False
    unverified_figures: tuple[str, ...] = ()
    # The entry a question naming only its first topic's policy term gets (低保 -> 低保咋申请, not
    # 低保被取消): at most one per topic.
    overview: bool = False
    figures: tuple[Figure, ...] = ()
    # What the entry answers (ASK_KINDS), when its title does not say it well enough: between entries
    # of one topic, a question asking one of these (危房鉴定找谁: whom) leans to the entry listing it.
    asks: tuple[str, ...] = ()

    @property
    def is_local(self) -> bool:
        return self.scope != "national"


class _Fields:
    """Reads typed fields from a mapping, collecting problems instead of stopping at the first."""

    def __init__(self, data: dict[str, Any], where: str) -> None:
        self.data = data
        self.where = where
        self.problems: list[str] = []

    def bad(self, message: str) -> None:
        self.problems.append(f"{self.where}{message}")

    def text(self, key: str, *, required: bool = True) -> str:
        value = self.data.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.bad(f"`{key}` must be a non-empty string")
            return ""
        return value.strip()

    def flag(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            self.bad(f"`{key}` must be true or false")
            return default
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.bad(f"`{key}` must be a list of non-empty strings")
            return ()
        return tuple(v.strip() for v in value)

    def date_text(self, key: str) -> str:
        value = self.data.get(key)
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str) and DATE_RE.match(value):
            return value
        self.bad(f"`{key}` must be a date YYYY-MM-DD or YYYY-MM")
        return ""


def parse_source(data: object, index: int) -> tuple[Source | None, list[str]]:
    where = f"sources[{index}]: "
    if not isinstance(data, dict):
        return None, [f"{where}must be a mapping"]
    fields = _Fields(data, where)
    for key in sorted(set(data) - SOURCE_FIELDS):
        fields.bad(f"unknown field `{key}`")
    number = data.get("number")
    if number is not None and not isinstance(number, str):
        fields.bad("`number` must be a string")
        number = None
    if "verified" not in data:
        fields.bad("`verified` is missing")
    source = Source(
        name=fields.text("name"),
        issuer=fields.text("issuer"),
        date=fields.date_text("date"),
        checked=fields.text("checked"),
        verified=fields.flag("verified", False),
        number=number or None,
    )
    return (None if fields.problems else source), fields.problems


def parse_figure(data: object, index: int) -> tuple[Figure | None, list[str]]:
    where = f"figures[{index}]: "
    if not isinstance(data, dict):
        return None, [f"{where}must be a mapping"]
    fields = _Fields(data, where)
    for key in sorted(set(data) - FIGURE_FIELDS):
        fields.bad(f"unknown field `{key}`")
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
        fields.bad("`year` must be the year the figure holds for (e.g. 2026)")
        year = 0
    if "verified" not in data:
        fields.bad("`verified` is missing")
    figure = Figure(fields.text("standard"), str(data.get("value", "")).strip(), year, fields.flag("verified", False))
    if not figure.value:
        fields.bad("`value` must be the figure as the answer states it")
    return (None if fields.problems else figure), fields.problems


def parse_entry(data: object) -> Entry:
    """Validate one entry document; raise SchemaError listing every problem found."""
    if not isinstance(data, dict):
        raise SchemaError(["the document must be a mapping"])
    fields = _Fields(data, "")
    for key in sorted(set(data) - FIELDS):
        fields.bad(f"unknown field `{key}`")
    entry_id = fields.text("id")
    if entry_id and not ID_RE.match(entry_id):
        fields.bad("`id` must be lowercase ascii words joined by hyphens")
    topics = fields.texts("topics")
    if not 1 <= len(topics) <= MAX_TOPICS:
        fields.bad(f"`topics` must hold 1 to {MAX_TOPICS} codes")
    scope = str(data.get("scope", ""))
    if not SCOPE_RE.match(scope):
        fields.bad("`scope` must be national, a 2-digit province or a 6-digit county code")
    replaces = data.get("replaces")
    if replaces is not None and not (isinstance(replaces, str) and ID_RE.match(replaces)):
        fields.bad("`replaces` must be an entry id or null")
        replaces = None
    if replaces is not None and scope == "national":
        fields.bad("`replaces` is only for local entries")
    reviewed = data.get("reviewed")
    if not isinstance(reviewed, dt.date):
        fields.bad("`reviewed` must be a date YYYY-MM-DD")
        reviewed = dt.date.min
    questions = fields.texts("questions")
    if len(questions) < MIN_QUESTIONS:
        fields.bad(f"`questions` needs at least {MIN_QUESTIONS} variants (has {len(questions)})")
    asked = fields.texts("asks")
    unknown = sorted(set(asked) - set(ASK_KINDS))
    if unknown:
        fields.bad(f"`asks` lists unknown kinds {unknown}: use {', '.join(ASK_KINDS)}")
    if len(set(asked)) != len(asked):
        fields.bad("`asks` lists a kind twice")
    raw_sources = data.get("sources")
    sources: list[Source] = []
    if not isinstance(raw_sources, list) or not raw_sources:
        fields.bad("`sources` is missing: cite at least one document")
    else:
        for index, raw in enumerate(raw_sources):
            source, problems = parse_source(raw, index)
            fields.problems.extend(problems)
            if source is not None:
                sources.append(source)
    figures: list[Figure] = []
    raw_figures = data.get("figures") or []
    if not isinstance(raw_figures, list):
        fields.bad("`figures` must be a list")
        raw_figures = []
    for index, raw in enumerate(raw_figures):
        figure, problems = parse_figure(raw, index)
        fields.problems.extend(problems)
        if figure is not None:
            figures.append(figure)
    entry = Entry(
        id=entry_id,
        title=fields.text("title"),
        topics=topics,
        scope=scope,
        questions=questions,
        answer=fields.text("answer"),
        sources=tuple(sources),
        reviewed=reviewed,
        replaces=replaces,
        offers_report=fields.flag("offers_report", False),
        unverified_figures=fields.texts("unverified_figures"),
        overview=fields.flag("overview", False),
        figures=tuple(figures),
        asks=asked,
    )
    if fields.problems:
        raise SchemaError(fields.problems)
    return entry
