"""The knowledge base for its maintainers, in the browser (issue #19 §3):

- /admin/kb/gaps: what villagers asked that got a refusal or a 都不是 (text only, never who), grouped by
  similarity with counts and examples, each group marked covered once the served knowledge base answers
  it; and how often each entry and topic answered in the last 30 days.
- /admin/kb/entries/new and /edit: an entry as a form of plain Chinese fields (kb_form.py: never its YAML,
  id or codes), built into the entry and checked with kb check's rules (a problem is shown in Chinese
  beside the form with everything typed kept, nothing stored); a valid one is stored as a pending version.
- /admin/kb/reviews and the versions (kb_review.py): a second administrator (never the author) approves
  it, shown as the same fields with what it changes; every version is kept and can be restored. Every
  step is audited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.responses import RedirectResponse, Response

from cases.timeutil import local_date
from handlers.admin.kb_entries import may_edit
from handlers.admin.kb_entry_text import plain
from handlers.admin.kb_form import (
    ASK_NAMES,
    NATIONAL,
    VERIFIED,
    EntryFields,
    FigureRow,
    SourceRow,
    add_questions,
    blank,
    from_entry,
    new_id,
    read_posted,
    to_data,
)
from handlers.admin.kb_from_inquiry import FROM_INQUIRY, draft_fields, draft_of, mark_written
from handlers.admin.kb_review import MAX_NOTE, KbReviews
from handlers.admin.views import Admin, StaffCtx
from handlers.jobs.kb_live import entries_dir, live_edits
from knowledge.base import KnowledgeBase
from knowledge.check import PARTS
from knowledge.edits import parse_body, validate
from knowledge.entry_yaml import entry_yaml
from knowledge.gaps import Group, group_questions
from knowledge.loader import TOPICS_FILE, load_entries, load_topics, merged, read_entries
from knowledge.schema import ID_RE, Entry, SchemaError
from storage.models.kb import KbEntryVersion
from storage.models.places import County
from storage.repos import kb_maintenance, kb_state
from storage.types import utcnow

GAP_DAYS = 90
HIT_DAYS = 30
OWN_COUNTY = "适用范围只能选本县。"
FROM_HAND_OVER = "由群众提问转来的新条目"
MAX_BODY = 20_000  # characters of an entry's YAML (a full entry is about 3,000)


@dataclass(frozen=True)
class GapRow:
    group: Group
    covered: str  # 已覆盖：title / 给出选项 / ""


class KbEditor(KbReviews):
    def __init__(self, admin: Admin) -> None:
        self.admin = admin
        self._served: tuple[tuple[int, tuple[int, ...]], KnowledgeBase] | None = None

    # -- what is served ---------------------------------------------------------------------------

    def knowledge(self, session: Session) -> KnowledgeBase:
        """The knowledge base as villagers get it now (directory + live versions), rebuilt when either moves."""
        live = kb_maintenance.live(session)
        key = (kb_state.get_version(session), tuple(v.id for v in live))
        if self._served is None or self._served[0] != key:
            edits = [parse_body(v.body) for v in live]
            self._served = (key, KnowledgeBase(load_entries(entries_dir(self.admin.runtime), edits)))
        return self._served[1]

    def current_body(self, session: Session, entry_id: str) -> str | None:
        """The YAML a maintainer edits: the live browser version, else the entries directory's file."""
        for version in kb_maintenance.versions_of(session, entry_id):
            if version.status == "live":
                return version.body
        loaded, _ = read_entries(entries_dir(self.admin.runtime))
        for item in loaded:
            if item.entry.id == entry_id:
                return item.path.read_text(encoding="utf-8")
        return None

    # -- gaps ---------------------------------------------------------------------------------------

    async def gaps(self, ctx: StaffCtx) -> Response:
        since = utcnow() - dt.timedelta(days=GAP_DAYS)
        rows = kb_maintenance.unanswered_since(ctx.session, since)
        kb = self.knowledge(ctx.session)
        listing = []
        for group in group_questions((r.text, r.county_code) for r in rows):
            answer = kb.ask(group.question, county_code=group.county)
            covered = ""
            if answer.kind == "answer" and answer.entry is not None:
                covered = f"已覆盖：{answer.entry.title}"
            elif answer.kind == "choices":
                covered = "给出选项：" + "、".join(e.title for e in answer.choices)
            listing.append(GapRow(group, covered))
        hits = kb_maintenance.hits_since(ctx.session, local_date(utcnow()) - dt.timedelta(days=HIT_DAYS))
        topics = load_topics(TOPICS_FILE)
        by_topic: dict[str, int] = {}
        for entry_id, count in hits.items():
            entry = kb.entries.get(entry_id)
            for topic in entry.topics if entry is not None else ():
                by_topic[topic] = by_topic.get(topic, 0) + count
        entry_hits = sorted(((c, kb.entries[i]) for i, c in hits.items() if i in kb.entries), key=lambda p: -p[0])
        return ctx.render(
            "kb_gaps.html",
            listing=listing,
            days=GAP_DAYS,
            hit_days=HIT_DAYS,
            entry_hits=entry_hits,
            topic_hits=sorted(((c, topics.get(t, t)) for t, c in by_topic.items()), key=lambda p: -p[0]),
            new_link=lambda g: "/admin/kb/entries/new?" + urlencode([("q", q) for q in g.examples]),
            edit_link=lambda g, entry_id: (
                "/admin/kb/entries/edit?" + urlencode([("id", entry_id), *[("q", q) for q in g.examples]])
            ),
            suggestion=lambda g: _suggested(kb, g),
        )

    # -- editing ------------------------------------------------------------------------------------

    async def new_form(self, ctx: StaffCtx) -> Response:
        if "draft" in ctx.request.query_params:  # from a 转人工 inquiry's answer (kb_from_inquiry.py)
            draft = draft_of(ctx.request) or 0
            found = draft_fields(ctx.session, draft, ctx.viewer, self.knowledge(ctx.session), local_date(utcnow()))
            if found is None:
                return ctx.render("error.html", 404, message="没有这份草稿。")
            return self.form(ctx, found, note=FROM_INQUIRY)
        questions = _questions(ctx)
        fields = blank(local_date(utcnow()), questions)
        return self.form(ctx, fields, note="回答群众的问题：" + "；".join(questions[:3]) if questions else "")

    async def edit_form(self, ctx: StaffCtx) -> Response:
        entry_id = ctx.request.query_params.get("id", "")[:64]
        body = self.current_body(ctx.session, entry_id)
        if body is None or not self.in_scope(ctx, entry_id):
            return ctx.render("error.html", 404, message="没有这个条目。")
        try:
            fields = from_entry(parse_body(body))
        except SchemaError:
            return ctx.render("error.html", 404, message="这个条目的内容无法读取，请技术人员检查。")
        extra = _questions(ctx)
        if extra:
            add_questions(fields, extra)
        return self.form(ctx, fields, note="补充群众问法" if extra else "")

    def form(
        self,
        ctx: StaffCtx,
        fields: EntryFields,
        *,
        problems: list[str] | None = None,
        note: str = "",
        status: int = 200,
    ) -> Response:
        """The entry's fields in the form; a changed entry is headed by its title as served (never its id)."""
        served = self.knowledge(ctx.session).entries
        editing = ""
        if fields.entry_id:
            current = served.get(fields.entry_id)
            editing = current.title if current is not None else fields.title.strip() or "未命名的条目"
        topics = load_topics(TOPICS_FILE)
        counties = _counties(ctx.session)
        nationals = sorted(
            ((e.id, e.title) for e in served.values() if not e.is_local and e.id != fields.entry_id),
            key=lambda pair: pair[1],
        )
        sources, figures = fields.rows()
        return ctx.render(
            "kb_edit.html",
            status,
            f=fields,
            sources=sources,
            figures=figures,
            parts=PARTS,
            problems=problems or [],
            editing=editing,
            note=note,
            topics=_with_unknown(topics, fields.topics, "（主题列表中没有的主题）"),
            scopes=_with_unknown({NATIONAL: "全国", **counties}, [fields.scope], "（未登记的地区）"),
            nationals=_with_unknown(dict(nationals), [fields.replaces] if fields.replaces else [], "（已不在的条目）"),
            ask_names=ASK_NAMES,
            verified=VERIFIED,
            draft=draft_of(ctx.request),
        )

    async def submit(self, ctx: StaffCtx) -> Response:
        form = ctx.request.state.form
        fields = read_posted(form)
        note = str(form.get("note") or "").strip()[:MAX_NOTE]
        if fields.entry_id and not (ID_RE.match(fields.entry_id) and self.in_scope(ctx, fields.entry_id)):
            return ctx.render("error.html", 404, message="没有这个条目。")
        more = str(form.get("more") or "")
        if more in ("source", "figure"):  # one more empty row to fill in; nothing checked or stored
            if more == "source":
                fields.sources.append(SourceRow())
            else:
                fields.figures.append(FigureRow())
            return self.form(ctx, fields, note=note)
        entry_id = fields.entry_id or new_id(fields, self.taken(ctx.session))
        data, problems = to_data(fields, entry_id)
        body = entry_yaml(data)
        if len(body) > MAX_BODY:
            return self.form(ctx, fields, problems=[f"内容太长（最多 {MAX_BODY} 字）。"], note=note, status=413)
        entry, checked = self.validated(ctx.session, body)
        if entry is None or problems:
            said = problems + [p for p in self.said(ctx.session, checked) if p not in problems]
            return self.form(ctx, fields, problems=said, note=note, status=400)
        if not may_edit(ctx.viewer, entry):  # a county's account writes its own county's entries only
            return self.form(ctx, fields, problems=[OWN_COUNTY], note=note, status=403)
        reviewed = self.knowledge(ctx.session).entries.get(entry.id)
        version = kb_maintenance.submit(
            ctx.session, entry_id=entry.id, body=body, author=ctx.viewer.username, now=utcnow(), note=note or None
        )
        # The audit row is kept for good: a title not yet reviewed may still be a villager's own words (a
        # hand-over's draft), so it is stored only once approved (kb_review.approve); until then the row
        # names the entry as served or says what it is.
        title = reviewed.title if reviewed is not None else _unreviewed(draft_of(ctx.request), entry)
        ctx.audit("kb_entry_submitted", entry=entry.id, title=title, version=version.id)
        mark_written(ctx.session, draft_of(ctx.request), ctx.viewer)
        return RedirectResponse(f"/admin/kb/reviews?submitted={version.id}", status_code=303)

    def taken(self, session: Session) -> set[str]:
        """The ids a new entry must not get: every served entry's and every version's."""
        return set(self.knowledge(session).entries) | set(session.scalars(select(KbEntryVersion.entry_id).distinct()))

    def said(self, session: Session, problems: list[str]) -> list[str]:
        """The checker's problems in plain Chinese, other entries named by title (kb_problems.py)."""
        if not problems:
            return []
        titles = {e.id: e.title for e in self.knowledge(session).entries.values()}
        return [plain(p, titles) for p in problems]

    def validated(self, session: Session, body: str) -> tuple[Entry | None, list[str]]:
        """kb check's rules, among the entries being served (the directory and the live versions)."""
        loaded, _ = read_entries(entries_dir(self.admin.runtime))
        served = merged(loaded, live_edits(session))
        return validate(body, served, set(load_topics(TOPICS_FILE)), local_date(utcnow()))


def _unreviewed(draft: int | None, entry: Entry) -> str:
    """The audit row's words for a new entry not yet reviewed: never a hand-over's title."""
    return FROM_HAND_OVER if draft is not None else entry.title


def _questions(ctx: StaffCtx) -> list[str]:
    return [q.strip()[:200] for q in ctx.request.query_params.getlist("q") if q.strip()][:10]


def _counties(session: Session) -> dict[str, str]:
    """County code (6 digits, as an entry's scope) -> its name, for the 适用范围 choice."""
    found: dict[str, str] = {}
    for county in session.scalars(select(County).order_by(County.code)):
        found.setdefault(county.code[:6], county.name)
    return found


def _with_unknown(choices: dict[str, str], values: list[str], name: str) -> dict[str, str]:
    """The choices, and each value the entry has that they lack (kept, named in words, never by its code)."""
    return {**choices, **{v: name for v in values if v and v not in choices}}


def _suggested(kb: KnowledgeBase, group: Group) -> Entry | None:
    """The entry the search ranks first for the group's question, to extend instead of writing a new one."""
    result = kb.search(group.question, county_code=group.county)
    return kb.entries.get(result.hits[0].entry_id) if result.hits else None
