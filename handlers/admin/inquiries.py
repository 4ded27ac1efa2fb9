"""Inquiries (转人工): the policy questions the knowledge-base chat could not answer, per county.

Staff answer one: the answer is stored, the villager is told through the outbox (a kefu text, purged
once delivered; the delivery code keeps to the 48-hour window and its quota, falling back to the
template or holding the news until the villager writes), and the inquiry is marked answered with who
and when. An answered inquiry can become a knowledge-base draft: a YAML entry a maintainer downloads,
completes and adds to the entries directory; it is live only after `qingfeng kb reload`.

Who: city staff see every county; county discipline commission and department staff their county;
town staff their town's villages. The administrator sees no inquiry (its content is villagers' words,
like case content) but downloads the drafts on the knowledge-base page. Another county's inquiry is a
404 on every endpoint. Every view, answer, draft and download is audited.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import yaml
from sqlalchemy import ColumnElement, false, select, true
from sqlalchemy.orm import Session
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from cases import access
from cases.timeutil import local_date
from handlers.admin.exports import download
from handlers.kb_live import default_knowledge
from handlers.params import whole
from knowledge.loader import read_entries
from knowledge.schema import Entry
from storage.models import Inquiry, Village
from storage.models_admin import KbDraft
from storage.repos import outbox
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import Admin, Ctx

ANSWER_ROLES = ("city", "county_discipline", "department", "town")
ANSWER_MAX = 500  # with the question quoted, one kefu message stays under WeChat's 2,048 bytes
PAGE = 200
STATUS_LABELS = {"open": "待答复", "answered": "已答复"}
NOT_FOUND = "没有找到这条咨询，或您无权查看。"


def inquiry_scope(viewer: access.Viewer) -> ColumnElement[bool]:
    """The inquiries a viewer may see, as one SQL condition (like cases.access.case_scope)."""
    if viewer.role == "city":
        return true()
    if viewer.role in ("county_discipline", "department") and viewer.county_code:
        return Inquiry.village_code.like(f"{viewer.county_code}%")
    if viewer.role == "town":
        town_villages = select(Village.code).where(Village.town_code == viewer.unit_code)
        return Inquiry.village_code.in_(town_villages)
    return false()


def scoped_inquiry(session: Session, viewer: access.Viewer, raw_id: object) -> Inquiry | None:
    inquiry_id = whole(str(raw_id))
    if inquiry_id is None:
        return None
    return session.scalar(select(Inquiry).where(Inquiry.id == inquiry_id, inquiry_scope(viewer)))


def villager_message(question: str, answer: str) -> str:
    quoted = question if len(question) <= 40 else question[:40] + "…"
    return f"您咨询的问题有了人工答复：\n「{quoted}」\n{answer}\n\n回复「菜单」查看更多服务。"


def answer_inquiry(session: Session, *, inquiry: Inquiry, text: str, actor: str) -> bool:
    """Store the answer and queue it for the villager; returns whether a message was queued."""
    now = utcnow()
    inquiry.answer, inquiry.answered_by, inquiry.answered_at = text, actor, now
    inquiry.status = "answered"
    if inquiry.openid:
        outbox.enqueue(
            session,
            key=f"inquiry:{uuid.uuid4().hex}",  # the key names neither the inquiry nor the villager
            kind="kefu_text",
            payload={"text": villager_message(inquiry.question, text), "purge_on_send": True},
            openid=inquiry.openid,
            now=now,
        )
        inquiry.notified = True
    session.flush()
    return inquiry.notified


# -- knowledge-base drafts --------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def guess_topics(candidates: dict[str, Any], entries: dict[str, Entry]) -> list[str]:
    """Topics of the entries the search offered before the villager asked for a person, most common first."""
    ids = candidates.get("entries") if isinstance(candidates, dict) else None
    counts: Counter[str] = Counter()
    for entry_id in ids if isinstance(ids, list) else []:
        entry = entries.get(str(entry_id))
        if entry is not None:
            counts.update(entry.topics)
    return [topic for topic, _ in counts.most_common(3)]


def draft_yaml(*, entry_id: str, inquiry: Inquiry, county: str, topics: Sequence[str], author: str, today: date) -> str:
    """An entry in the knowledge/entries format, deliberately incomplete: one question variant and no
    sources, so `kb check` refuses it until a maintainer completes it."""
    question = " ".join(inquiry.question.split())
    title = question if len(question) <= 40 else question[:40] + "…"
    head = (
        f"# 知识库条目草稿：由转人工咨询 #{inquiry.id} 生成（{today.isoformat()}，{author}）。尚未生效。\n"
        "# 生效前请：补足至少 5 个群众问法；核对 topics（按当时的候选条目推测）；按 谁能享受 / 标准 / 怎么办 / 找谁\n"
        "# 整理答复；填写 sources（name, issuer, number, date, checked, verified）；\n"
        "# 然后放入条目目录（QF_KB_DIR，默认 knowledge/entries），运行 qingfeng kb check，再运行 qingfeng kb reload。\n"
    )
    body = yaml.dump(
        {
            "id": entry_id,
            "title": title,
            "topics": list(topics),
            "scope": county,
            "overrides": None,
            "reviewed": today,
            "offers_report": False,
            "questions": [question],
            "answer": (inquiry.answer or "").strip(),
        },
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=1000,
    )
    tail = "sources: []  # 待填写：至少一份政策文件（名称、发文机关、文号、日期、核对方式、是否已核实）\n"
    return head + body + tail


class Inquiries:
    def __init__(self, admin: Admin) -> None:
        self.admin = admin

    def _entries(self) -> dict[str, Entry]:
        directory = self.admin.runtime.settings.kb_dir
        if directory is None:
            return default_knowledge().entries
        loaded, _problems = read_entries(directory)
        return {item.entry.id: item.entry for item in loaded}

    async def list_page(self, ctx: Ctx) -> Response:
        v = ctx.viewer
        assert v is not None
        status = ctx.request.query_params.get("status", "open")
        status = status if status in ("open", "answered", "all") else "open"
        stmt = select(Inquiry).where(inquiry_scope(v)).order_by(Inquiry.id.desc()).limit(PAGE)
        if status != "all":
            stmt = stmt.where(Inquiry.status == status)
        rows = ctx.session.scalars(stmt).all()
        ctx.audit("view_inquiries", status=status)
        return ctx.render(
            "inquiries.html",
            inquiries=rows,
            state=status,
            places=_places(ctx.session, rows),
            labels=STATUS_LABELS,
        )

    def _detail(self, ctx: Ctx, inquiry: Inquiry, *, error: str | None = None, status: int = 200) -> Response:
        drafts = ctx.session.scalars(
            select(KbDraft).where(KbDraft.inquiry_id == inquiry.id).order_by(KbDraft.id.desc())
        ).all()
        entries = self._entries()
        ids = inquiry.candidates.get("entries") if isinstance(inquiry.candidates, dict) else None
        candidates = [(str(i), entries[str(i)].title if str(i) in entries else "") for i in ids or []]
        return ctx.render(
            "inquiry.html",
            status,
            q=inquiry,
            place=_places(ctx.session, [inquiry]).get(inquiry.id, ""),
            candidates=candidates,
            drafts=drafts,
            error=error,
            labels=STATUS_LABELS,
            answer_max=ANSWER_MAX,
            can_answer=ctx.viewer is not None and ctx.viewer.role in ANSWER_ROLES,
        )

    async def detail(self, ctx: Ctx) -> Response:
        assert ctx.viewer is not None
        inquiry = scoped_inquiry(ctx.session, ctx.viewer, ctx.request.path_params.get("inquiry_id"))
        if inquiry is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        ctx.audit("view_inquiry", inquiry=inquiry.id)
        return self._detail(ctx, inquiry)

    async def answer(self, ctx: Ctx) -> Response:
        v = ctx.viewer
        assert v is not None
        inquiry = scoped_inquiry(ctx.session, v, ctx.request.path_params.get("inquiry_id"))
        if inquiry is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        value = ctx.request.state.form.get("answer")
        text = value.strip() if isinstance(value, str) else ""
        if inquiry.status == "answered":
            return self._detail(ctx, inquiry, error="这条咨询已经答复过了。", status=400)
        if len(text) < 2 or len(text) > ANSWER_MAX:
            return self._detail(ctx, inquiry, error=f"请填写答复内容（2 至 {ANSWER_MAX} 字）。", status=400)
        told = answer_inquiry(ctx.session, inquiry=inquiry, text=text, actor=v.actor)
        ctx.audit("inquiry_answer", inquiry=inquiry.id, notified=told, chars=len(text))
        return RedirectResponse(f"/admin/inquiries/{inquiry.id}", status_code=303)

    async def draft(self, ctx: Ctx) -> Response:
        v = ctx.viewer
        assert v is not None
        inquiry = scoped_inquiry(ctx.session, v, ctx.request.path_params.get("inquiry_id"))
        if inquiry is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        if inquiry.status != "answered" or not inquiry.answer:
            return self._detail(ctx, inquiry, error="请先答复群众，再用答复生成知识库草稿。", status=400)
        if ctx.session.scalar(select(KbDraft.id).where(KbDraft.inquiry_id == inquiry.id).limit(1)) is not None:
            return self._detail(ctx, inquiry, error="这条咨询已经生成过草稿，请下载下面的文件。", status=400)
        county = (inquiry.village_code or "")[:6]
        if len(county) != 6:
            return self._detail(ctx, inquiry, error="这条咨询没有所属的村，无法确定适用的县。", status=400)
        entry_id = f"local-{county}-inquiry-{inquiry.id}"
        body = draft_yaml(
            entry_id=entry_id,
            inquiry=inquiry,
            county=county,
            topics=guess_topics(inquiry.candidates, self._entries()),
            author=v.username,
            today=local_date(utcnow()),
        )
        row = KbDraft(
            inquiry_id=inquiry.id,
            entry_id=entry_id,
            county_code=county,
            body=body,
            status="drafted",
            created_by=v.username,
            created_at=utcnow(),
        )
        ctx.session.add(row)
        ctx.session.flush()
        ctx.audit("inquiry_kb_draft", inquiry=inquiry.id, draft=row.id, entry_id=entry_id)
        return RedirectResponse(f"/admin/inquiries/{inquiry.id}", status_code=303)

    async def draft_download(self, ctx: Ctx) -> Response:
        v = ctx.viewer
        assert v is not None
        draft_id = whole(ctx.request.path_params.get("draft_id"))
        row = ctx.session.get(KbDraft, draft_id) if draft_id is not None else None
        # The administrator (the knowledge-base maintainer) may download any draft; staff only their scope's.
        if row is None or (v.role != "admin" and scoped_inquiry(ctx.session, v, row.inquiry_id) is None):
            return ctx.render("error.html", 404, message="没有找到这份草稿，或您无权查看。")
        ctx.audit("kb_draft_download", draft=row.id, entry_id=row.entry_id)
        return download_yaml(row)

    def routes(self) -> list[Route]:
        page = self.admin.page
        return [
            Route("/admin/inquiries", page(self.list_page, roles=ANSWER_ROLES), methods=["GET"]),
            Route("/admin/inquiries/{inquiry_id}", page(self.detail, roles=ANSWER_ROLES), methods=["GET"]),
            Route("/admin/inquiries/{inquiry_id}/answer", page(self.answer, roles=ANSWER_ROLES), methods=["POST"]),
            Route("/admin/inquiries/{inquiry_id}/draft", page(self.draft, roles=ANSWER_ROLES), methods=["POST"]),
            Route(
                "/admin/kb/drafts/{draft_id}.yaml",
                page(self.draft_download, roles=(*ANSWER_ROLES, "admin")),
                methods=["GET"],
            ),
        ]


def download_yaml(row: KbDraft) -> Response:
    response = download(row.body.encode("utf-8"), row.entry_id, "yaml", "application/x-yaml; charset=utf-8")
    # The file name must be the entry id for `kb check` to accept it: no time stamp here.
    name = f"{row.entry_id}.yaml"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _places(session: Session, rows: Sequence[Inquiry]) -> dict[int, str]:
    codes = {r.village_code for r in rows if r.village_code}
    if not codes:
        return {}
    names = {v.code: v.name for v in session.scalars(select(Village).where(Village.code.in_(codes)))}
    return {r.id: names.get(r.village_code or "", r.village_code or "") for r in rows}
