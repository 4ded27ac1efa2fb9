"""`kb check`: everything that must hold before the knowledge base is served."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from knowledge.loader import (
    ENTRIES_DIR,
    TOPICS_FILE,
    LoadedEntry,
    LoadProblem,
    load_topics,
    merged,
    read_entries,
)
from knowledge.normalise import normalise
from knowledge.offices import OFFICES_DIR, check_offices
from knowledge.reply import MAX_ANSWER_CHARS, MAX_REPLY_BYTES, compose_answer, fits, utf8_len
from knowledge.schema import Entry

PARTS = ("谁能享受", "标准", "怎么办", "找谁")
LOCAL_CAVEAT = "具体以当地公布为准"
RELATED_SHOWN = 3
REVIEW_EVERY_DAYS = 365
SHADOW_SIMILARITY = 90  # rapidfuzz ratio at which two question variants are near-identical


@dataclass(frozen=True)
class UnverifiedFigure:
    entry_id: str
    figure: str
    path: Path


@dataclass
class CheckReport:
    entries: int = 0
    problems: list[LoadProblem] = field(default_factory=list)
    unverified: list[UnverifiedFigure] = field(default_factory=list)
    warnings: list[LoadProblem] = field(default_factory=list)  # shown, but the entries are served

    @property
    def ok(self) -> bool:
        return not self.problems


def answer_parts(answer: str) -> list[str]:
    """The labels that open the answer's lines, in order (谁能享受：... -> 谁能享受)."""
    labels = []
    for line in answer.splitlines():
        head = line.strip().replace(":", "：").split("：", 1)
        if len(head) == 2 and head[0] in PARTS:
            labels.append(head[0])
    return labels


def check_entry(entry: Entry, topics: set[str], longest_titles: list[str]) -> list[str]:
    problems: list[str] = []
    unknown = [t for t in entry.topics if t not in topics]
    if unknown:
        problems.append(f"unknown topics: {', '.join(unknown)}")
    if not entry.sources:
        problems.append("missing sources")
    if len(entry.answer) > MAX_ANSWER_CHARS:
        problems.append(f"answer has {len(entry.answer)} characters (at most {MAX_ANSWER_CHARS})")
    related = [t for t in longest_titles if t != entry.title][:RELATED_SHOWN]
    full = compose_answer(entry.title, entry.answer, related, offers_report=entry.offers_report)
    if not fits(full):
        problems.append(
            f"the answer with {RELATED_SHOWN} related questions needs {utf8_len(full)} bytes: "
            f"it must fit in one message ({MAX_REPLY_BYTES} bytes)"
        )
    if answer_parts(entry.answer) != list(PARTS):
        problems.append("the answer must have the four parts 谁能享受：/标准：/怎么办：/找谁：, in order")
    if entry.unverified_figures and not entry.answer.rstrip().rstrip("。.").endswith(LOCAL_CAVEAT):
        problems.append(f"an answer with unverified figures must end with {LOCAL_CAVEAT}")
    return problems


def check_cross(loaded: list[LoadedEntry]) -> list[LoadProblem]:
    """Duplicate ids, `replaces` that point nowhere, local entries that would hide a national one without
    saying so, and question variants repeated across entries (allowed between a local entry and the entry
    it replaces)."""
    problems: list[LoadProblem] = []
    by_id: dict[str, LoadedEntry] = {}
    for item in loaded:
        if item.entry.id in by_id:
            problems.append(
                LoadProblem(item.path, f"duplicate id {item.entry.id!r} (also {by_id[item.entry.id].path})")
            )
        by_id.setdefault(item.entry.id, item)
    for item in loaded:
        target = item.entry.replaces
        if target is not None and target not in by_id:
            problems.append(LoadProblem(item.path, f"replaces unknown entry {target!r}"))
    problems.extend(check_shadows(loaded))
    owners: dict[str, list[LoadedEntry]] = defaultdict(list)
    for item in loaded:
        for variant in {normalise(q) for q in (*item.entry.questions,)}:
            owners[variant].append(item)
    for variant, items in sorted(owners.items()):
        for other in items[1:]:
            first = items[0].entry
            pair = {first.replaces, other.entry.replaces}
            if first.id in pair or other.entry.id in pair:
                continue
            problems.append(LoadProblem(other.path, f"question {variant!r} is also a question of {first.id!r}"))
    overview: dict[tuple[str, str], LoadedEntry] = {}
    for item in loaded:
        if item.entry.overview and item.entry.topics:
            key = (item.entry.scope, item.entry.topics[0])
            if key in overview:
                problems.append(
                    LoadProblem(item.path, f"a second overview of {key[1]!r} (also {overview[key].entry.id!r})")
                )
            overview.setdefault(key, item)
    return problems


def shadowed(local: Entry, national: Entry) -> bool:
    """The local entry asks mostly what the national one asks, in nearly its words: villagers of that
    county would get one of two near-twins, usually the local one, and lose the national answer."""
    if local.replaces == national.id or not set(local.topics) & set(national.topics):
        return False
    theirs = [normalise(q) for q in national.questions]
    twins = sum(
        1
        for q in local.questions
        if process.extractOne(normalise(q), theirs, scorer=fuzz.ratio, score_cutoff=SHADOW_SIMILARITY)
    )
    return twins * 2 >= len(local.questions)


def check_shadows(loaded: list[LoadedEntry]) -> list[LoadProblem]:
    national = [item.entry for item in loaded if not item.entry.is_local]
    problems = []
    for item in loaded:
        if not item.entry.is_local:
            continue
        for other in national:
            if shadowed(item.entry, other):
                problems.append(
                    LoadProblem(
                        item.path,
                        f"nearly the same questions as national entry {other.id!r}: rewrite them for the county, "
                        f"or write `replaces: {other.id}` if it is meant to hide that entry here",
                    )
                )
    return problems


def check_freshness(loaded: list[LoadedEntry], today: dt.date) -> tuple[list[LoadProblem], list[LoadProblem]]:
    """(problems, warnings): a figure older than a newer one of the same standard elsewhere in the
    knowledge base fails; an entry not reviewed for REVIEW_EVERY_DAYS is a warning."""
    newest: dict[str, tuple[int, str]] = {}
    for item in loaded:
        for figure in item.entry.figures:
            if figure.year > newest.get(figure.standard, (0, ""))[0]:
                newest[figure.standard] = (figure.year, item.entry.id)
    problems = []
    for item in loaded:
        for figure in item.entry.figures:
            year, holder = newest[figure.standard]
            if figure.year < year:
                problems.append(
                    LoadProblem(
                        item.path,
                        f"{figure.standard} {figure.value} holds for {figure.year}, but {holder!r} states "
                        f"the {year} standard: update the figure",
                    )
                )
    stale = today - dt.timedelta(days=REVIEW_EVERY_DAYS)
    warnings = [
        LoadProblem(item.path, f"not reviewed since {item.entry.reviewed.isoformat()} (over 12 months)")
        for item in loaded
        if item.entry.reviewed < stale
    ]
    return problems, warnings


def longest_titles(loaded: Sequence[LoadedEntry]) -> list[str]:
    """The titles that make the longest related-question lines (an answer must fit with them)."""
    return sorted((item.entry.title for item in loaded), key=utf8_len, reverse=True)[: RELATED_SHOWN + 1]


def check(
    directory: Path = ENTRIES_DIR,
    topics_file: Path = TOPICS_FILE,
    *,
    today: dt.date | None = None,
    edits: Sequence[Entry] = (),
    offices_dir: Path = OFFICES_DIR,
) -> CheckReport:
    """kb check over the directory's entries, with `edits` (approved in the browser) in place of theirs,
    and the county offices of 找谁 (knowledge/county_offices)."""
    loaded, problems = read_entries(directory)
    loaded = merged(loaded, edits)
    topics = set(load_topics(topics_file))
    report = CheckReport(entries=len(loaded), problems=list(problems))
    longest = longest_titles(loaded)
    for item in loaded:
        entry = item.entry
        report.problems.extend(LoadProblem(item.path, m) for m in check_entry(entry, topics, longest))
        if entry.topics and item.path.parent.name != entry.topics[0] and item.path.parent != directory:
            report.problems.append(
                LoadProblem(item.path, f"file is not under its first topic's folder {entry.topics[0]!r}")
            )
        report.unverified.extend(UnverifiedFigure(entry.id, f, item.path) for f in entry.unverified_figures)
    report.problems.extend(check_cross(loaded))
    stale_figures, report.warnings = check_freshness(loaded, today or dt.date.today())
    report.problems.extend(stale_figures)
    report.problems.extend(check_offices(offices_dir))
    return report
