"""A knowledge-base entry as the form staff fill in (issue #19 §3): plain Chinese fields, never the YAML,
an id, a topic or county code. `from_entry` fills the fields from an entry; `read_posted` reads them back
from a submitted form; `to_data` builds the entry's document (what knowledge.schema.parse_entry reads)
and knowledge.entry_yaml the YAML stored as a version. Opening an entry and saving it unchanged gives the same entry.

The answer is edited as its four parts (谁能享受/标准/怎么办/找谁); an answer that cannot be split into
them and joined back exactly (text before the first part, a half-width colon) is edited whole instead,
so nothing is ever changed behind the editor's back."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import FormData

from knowledge.check import PARTS
from knowledge.schema import ASK_KINDS, ID_RE, Entry

YES, NO = "yes", "no"
VERIFIED = {YES: "已核实", NO: "未核实"}
NATIONAL = "national"
# What an entry answers (knowledge/intent.py), as the editor reads it.
ASK_NAMES = {
    "apply": "怎么申请、怎么办理",
    "amount": "标准是多少、能给多少",
    "pays": "自己要交多少",
    "whom": "找谁、打什么电话",
    "when": "什么时候、要多久",
    "eligible": "谁能享受、够不够条件",
    "where": "在哪查、在哪公示",
    "what": "是什么、包括什么",
    "shares": "怎么分配",
    "gives": "能享受什么",
}
_LABEL = re.compile("^(" + "|".join(PARTS) + ")：")


@dataclass
class SourceRow:
    name: str = ""
    issuer: str = ""
    number: str = ""
    date: str = ""
    checked: str = ""
    verified: str = NO

    def blank(self) -> bool:
        return not any(v.strip() for v in (self.name, self.issuer, self.number, self.date, self.checked))


@dataclass
class FigureRow:
    standard: str = ""
    value: str = ""
    year: str = ""
    verified: str = NO

    def blank(self) -> bool:
        return not any(v.strip() for v in (self.standard, self.value, self.year))


@dataclass
class EntryFields:
    """What the form shows and posts; every value as typed (text), so a refused form shows it again."""

    entry_id: str = ""  # kept when editing, made by the server for a new entry; never shown
    title: str = ""
    topics: list[str] = field(default_factory=list)
    scope: str = NATIONAL
    replaces: str = ""
    reviewed: str = ""
    questions: str = ""  # one per line
    parts: list[str] | None = field(default_factory=lambda: ["" for _ in PARTS])  # None: `whole` instead
    whole: str = ""
    unverified: str = ""  # one per line
    offers_report: bool = False
    overview: bool = False
    asks: list[str] = field(default_factory=list)
    sources: list[SourceRow] = field(default_factory=list)
    figures: list[FigureRow] = field(default_factory=list)

    def ask_order(self) -> list[str]:
        """The kinds as the form lists them: the entry's own first, in its order (kept on saving)."""
        return [*self.asks, *(k for k in ASK_KINDS if k not in self.asks)]

    def rows(self) -> tuple[list[SourceRow], list[FigureRow]]:
        """The rows to show: the typed ones and one empty row of each to add to."""
        return [*self.sources, SourceRow()], [*self.figures, FigureRow()]


# -- answer ---------------------------------------------------------------------------------------------


def join_answer(parts: Sequence[str]) -> str:
    return "\n".join(f"{label}：{text}" for label, text in zip(PARTS, parts, strict=True))


def split_answer(answer: str) -> list[str] | None:
    """The answer's four parts (each the text after its label, over as many lines as it runs), or None
    when joining them back would not give the same answer."""
    parts: list[list[str]] = []
    for line in answer.split("\n"):
        found = _LABEL.match(line)
        if found and len(parts) < len(PARTS) and found[1] == PARTS[len(parts)]:
            parts.append([line[found.end() :]])
        elif parts:
            parts[-1].append(line)
        else:
            return None
    if len(parts) != len(PARTS):
        return None
    texts = ["\n".join(lines).rstrip() for lines in parts]
    return texts if join_answer(texts) == answer else None


# -- entry -> fields ------------------------------------------------------------------------------------


def from_entry(entry: Entry) -> EntryFields:
    parts = split_answer(entry.answer)
    return EntryFields(
        entry_id=entry.id,
        title=entry.title,
        topics=list(entry.topics),
        scope=entry.scope,
        replaces=entry.replaces or "",
        reviewed=entry.reviewed.isoformat(),
        questions="\n".join(entry.questions),
        parts=parts,
        whole="" if parts is not None else entry.answer,
        unverified="\n".join(entry.unverified_figures),
        offers_report=entry.offers_report,
        overview=entry.overview,
        asks=list(entry.asks),
        sources=[
            SourceRow(s.name, s.issuer, s.number or "", s.date, s.checked, YES if s.verified else NO)
            for s in entry.sources
        ],
        figures=[FigureRow(f.standard, f.value, str(f.year), YES if f.verified else NO) for f in entry.figures],
    )


def blank(today: dt.date, questions: Sequence[str] = ()) -> EntryFields:
    """A new entry's fields: today's review date and the villagers' own questions, if any."""
    return EntryFields(reviewed=today.isoformat(), questions="\n".join(questions))


def add_questions(fields: EntryFields, questions: Sequence[str]) -> None:
    """Villagers' questions (from the unanswered ones) put first, those the entry lacks."""
    have = set(lines(fields.questions))
    added = [q for q in questions if q not in have]
    fields.questions = "\n".join([*added, *lines(fields.questions)])


# -- posted form -> fields ------------------------------------------------------------------------------


def _text(value: object) -> str:
    return str(value or "").replace("\r\n", "\n").replace("\r", "\n")


def _column(form: FormData, key: str, size: int) -> list[str]:
    got = [_text(v) for v in form.getlist(key)]
    return got + [""] * (size - len(got))


def read_posted(form: FormData) -> EntryFields:
    """The fields as submitted (a browser posts a textarea's lines with \\r\\n: read as \\n)."""
    names = form.getlist("source_name")
    src = {k: _column(form, f"source_{k}", len(names)) for k in ("name", "issuer", "number", "date", "checked")}
    src_ok = _column(form, "source_verified", len(names))
    standards = form.getlist("figure_standard")
    fig = {k: _column(form, f"figure_{k}", len(standards)) for k in ("standard", "value", "year")}
    fig_ok = _column(form, "figure_verified", len(standards))
    parts: list[str] | None
    if form.get("answer_whole") is not None:
        parts, whole = None, _text(form.get("answer_whole"))
    else:
        parts, whole = _column(form, "part", len(PARTS))[: len(PARTS)], ""
    sources = [
        SourceRow(src["name"][i], src["issuer"][i], src["number"][i], src["date"][i], src["checked"][i], src_ok[i])
        for i in range(len(names))
    ]
    figures = [FigureRow(fig["standard"][i], fig["value"][i], fig["year"][i], fig_ok[i]) for i in range(len(standards))]
    return EntryFields(
        entry_id=_text(form.get("entry")).strip(),
        title=_text(form.get("title")),
        topics=[t for t in (_text(v).strip() for v in form.getlist("topic")) if t],
        scope=_text(form.get("scope")).strip() or NATIONAL,
        replaces=_text(form.get("replaces")).strip(),
        reviewed=_text(form.get("reviewed")).strip(),
        questions=_text(form.get("questions")),
        parts=parts,
        whole=whole,
        unverified=_text(form.get("unverified")),
        offers_report=form.get("offers_report") is not None,
        overview=form.get("overview") is not None,
        asks=[k for k in (_text(v) for v in form.getlist("asks")) if k],
        sources=[s for s in sources if not s.blank()],
        figures=[f for f in figures if not f.blank()],
    )


# -- fields -> entry ------------------------------------------------------------------------------------


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def new_id(fields: EntryFields, taken: set[str]) -> str:
    """A new entry's id: its first topic (and county), and a short digest of its title; never typed."""
    topic = fields.topics[0] if fields.topics and ID_RE.match(fields.topics[0]) else "entry"
    base = topic if fields.scope == NATIONAL or not fields.scope.isdigit() else f"{topic}-{fields.scope}"
    base += "-" + hashlib.sha256(fields.title.strip().encode()).hexdigest()[:6]
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _date(text: str) -> object:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return text  # the schema says what is wrong with it


def _year(text: str) -> object:
    text = text.strip()
    return int(text) if text.isdigit() and len(text) == 4 else text


def to_data(fields: EntryFields, entry_id: str) -> tuple[dict[str, Any], list[str]]:
    """The entry's document, and what the form itself finds wrong (in Chinese); the schema and kb check's
    rules are applied to the document afterwards."""
    problems: list[str] = []
    if len(set(fields.topics)) != len(fields.topics):
        problems.append("同一个主题选了两次，请去掉重复的。")
    if fields.parts is not None:
        problems += [
            f"答复的“{label}”一段不能空着。" for label, t in zip(PARTS, fields.parts, strict=True) if not t.strip()
        ]
        answer = join_answer([t.rstrip() for t in fields.parts])
    else:
        answer = fields.whole.strip()
    for row in fields.sources:
        if row.verified not in VERIFIED:
            problems.append("依据文件的核实情况只能选“已核实”或“未核实”。")
    data: dict[str, Any] = {
        "id": entry_id,
        "title": fields.title.strip(),
        "topics": list(fields.topics),
        "scope": fields.scope,
        "replaces": fields.replaces or None,
        "reviewed": _date(fields.reviewed),
        "offers_report": fields.offers_report,
        "overview": fields.overview,
    }
    if fields.asks:
        data["asks"] = list(fields.asks)
    data["questions"] = lines(fields.questions)
    data["answer"] = answer + "\n"
    data["sources"] = []
    for s in fields.sources:
        source: dict[str, Any] = {"name": s.name.strip(), "issuer": s.issuer.strip()}
        if s.number.strip():
            source["number"] = s.number.strip()
        source["date"] = _date(s.date.strip())
        source.update(checked=s.checked.strip(), verified=s.verified == YES)
        data["sources"].append(source)
    if fields.figures:
        data["figures"] = [
            {
                "standard": f.standard.strip(),
                "value": f.value.strip(),
                "year": _year(f.year),
                "verified": f.verified == YES,
            }
            for f in fields.figures
        ]
    data["unverified_figures"] = lines(fields.unverified)
    return data, problems
