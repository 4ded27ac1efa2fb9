"""A 转人工 inquiry's answer as a new entry (issue #19 §3): the staff who answered it hand it to the
knowledge base (/admin/inquiries/<id>/draft stores the hand-over, a KbDraft), and a maintainer opens the
new entry form filled from it (/admin/kb/entries/new?draft=<id>): the villager's question as the title
and the first of 群众常问的说法, the staff answer as the answer (in its four parts when it has them,
else whole), the inquiry's county as 适用范围 and a topic only when one fits (knowledge/inquiry_drafts.py).
It is then checked, stored and reviewed like every other entry: nothing is downloaded."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session
from starlette.requests import Request

from cases.access import Viewer
from handlers.admin.kb_form import EntryFields, blank, split_answer
from handlers.web.params import whole
from knowledge.base import KnowledgeBase
from knowledge.inquiry_drafts import draft_title, fitting_topics
from storage.models import Inquiry
from storage.models.kb import KbDraft

# The note as the form opens: the villager's own words become a public entry, so anything that could tell
# who asked (a name, a phone, where they live, their kin) is to be taken out first.
FROM_INQUIRY = "由转人工咨询的答复写成。条目会公开给所有群众：提问人的姓名、电话、住址、亲属等能认出人的话，请先删去。"


def scoped_draft(session: Session, draft_id: int | None, viewer: Viewer) -> KbDraft | None:
    """The hand-over `draft_id` if the viewer may see it: a county's account only its county's (as an
    inquiry of another county is a 404), the city's every one."""
    draft = session.get(KbDraft, draft_id) if draft_id is not None else None
    if draft is None or (viewer.county_code is not None and draft.county_code != viewer.county_code[:6]):
        return None
    return draft


def draft_fields(
    session: Session, draft_id: int, viewer: Viewer, kb: KnowledgeBase, today: dt.date
) -> EntryFields | None:
    """The new entry's fields from the hand-over `draft_id`, or None when there is no such answered one
    the viewer may see."""
    draft = scoped_draft(session, draft_id, viewer)
    inquiry = session.get(Inquiry, draft.inquiry_id) if draft is not None else None
    if draft is None or inquiry is None or not inquiry.answer:
        return None
    question = " ".join(inquiry.question.split())
    fields = blank(today, [question])
    fields.title = draft_title(question)
    fields.scope = draft.county_code
    fields.topics = fitting_topics(kb, question, draft.county_code)
    answer = inquiry.answer.strip().replace("\r\n", "\n")
    parts = split_answer(answer)
    if parts is not None:
        fields.parts = parts
    else:  # a plain reply: edited whole, for the maintainer to arrange into 谁能享受/标准/怎么办/找谁
        fields.parts, fields.whole = None, answer
    return fields


def draft_of(request: Request) -> int | None:
    """The hand-over the form was opened from: ?draft= when it opens, the hidden field when it is posted."""
    value = request.query_params.get("draft")
    if value is None and request.method == "POST":
        value = request.state.form.get("draft")
    return whole(value)


def mark_written(session: Session, draft_id: int | None, viewer: Viewer) -> None:
    """The hand-over's entry has been submitted for review: the knowledge-base page says so."""
    draft = scoped_draft(session, draft_id, viewer)
    if draft is not None and draft.status == "drafted":
        draft.status = "written"
