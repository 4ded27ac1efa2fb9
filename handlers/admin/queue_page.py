"""The staff's lists: the case queue (/admin/cases, with the unread notices and bulk actions' form), the
supervision list (督办清单), marking notices read, and the audit log. Every read is scoped by cases.access and
the case lists are audited."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from starlette.responses import RedirectResponse, Response

from cases import access, lifecycle
from cases.categories import categories
from cases.handling import desk_verbs, rectification, triage
from cases.reading import queue
from handlers.admin.audit_text import audit_rows
from handlers.admin.filter_choices import filter_options, transfer_targets
from handlers.admin.form_fields import places
from handlers.admin.inquiries import late_lines
from storage.models.cases import Case
from storage.models.staff import AuditEntry, CaseRouting, StaffNotice
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import StaffCtx

PAGE = 50  # bench/queue.py measures this page size
NOTICES_SHOWN = 3  # unread notices shown above the queue; the rest fold under 还有 N 条提醒
NOTICES_LISTED = 20  # unread notices listed at most (shown and folded)
_ID = re.compile(r"[0-9]{1,18}")  # ASCII digits only (str.isdigit takes ² too)


async def queue_page(ctx: StaffCtx) -> Response:
    v = ctx.viewer
    if v.role == "admin":
        return RedirectResponse("/admin/units", status_code=303)
    filters = queue.parse(ctx.request.query_params)
    now = utcnow()
    rows = ctx.session.scalars(queue.page_statement(v, filters, now=now, limit=PAGE + 1)).all()
    more = queue.cursor_of(filters, rows[PAGE - 1]) if len(rows) > PAGE else None
    unread = (StaffNotice.user_id == v.user_id, StaffNotice.read_at.is_(None))
    notices = ctx.session.scalars(
        select(StaffNotice).where(*unread).order_by(StaffNotice.id.desc()).limit(NOTICES_LISTED)
    ).all()
    unread_count = (
        len(notices)
        if len(notices) < NOTICES_LISTED
        else ctx.session.scalar(select(func.count()).select_from(StaffNotice).where(*unread)) or 0
    )
    ctx.audit("view_queue", filters=filters.params())
    return ctx.render(
        "queue.html",
        cases=rows[:PAGE],
        filters=filters,
        more=more,
        categories=categories(),
        notices=notices[:NOTICES_SHOWN],
        notices_folded=notices[NOTICES_SHOWN:],
        notices_unlisted=unread_count - len(notices),
        places=places(ctx.session, rows),
        now=now,
        options=filter_options(ctx.session, v, filters),
        sorts=queue.SORTS,
        bulk_units=transfer_targets(ctx.session, v),
        bulk=ctx.request.query_params.get("bulk", "")[:200],
    )


async def supervision(ctx: StaffCtx) -> Response:
    v = ctx.viewer
    now = utcnow()
    open_states = sorted(lifecycle.OPEN_STATES)
    base = select(Case).where(access.case_scope(v), Case.status.in_(open_states))
    overdue = ctx.session.scalars(
        base.join(CaseRouting, CaseRouting.case_id == Case.id)
        .where(CaseRouting.overdue_at.is_not(None))
        .order_by(Case.resolve_due)
        .limit(200)
    ).all()
    soon = ctx.session.scalars(
        base.where(Case.resolve_due >= now, Case.resolve_due < now + triage.DUE_SOON)
        .order_by(Case.resolve_due)
        .limit(200)
    ).all()
    pending_ext = ctx.session.scalars(
        base.join(CaseRouting, CaseRouting.case_id == Case.id).where(CaseRouting.extension_days.is_not(None)).limit(200)
    ).all()
    reopened = ctx.session.scalars(
        base.where(Case.status == lifecycle.REOPENED).order_by(Case.resolve_due).limit(200)
    ).all()
    loops = rectification.open_loops(ctx.session, access.case_scope(v))
    redo = desk_verbs.dissatisfied(ctx.session, list(reopened), loops)
    late_inquiries = late_lines(ctx.session, v, now)
    ctx.audit("view_supervision")
    return ctx.render(
        "supervision.html",
        redo=redo,
        overdue=overdue,
        soon=soon,
        pending_ext=pending_ext,
        late_inquiries=late_inquiries,
        places=places(ctx.session, [*overdue, *soon, *pending_ext, *reopened, *(c for c, _ in loops)]),
        now=now,
    )


async def notices_read(ctx: StaffCtx) -> Response:
    """Marks read only the notices the queue listed (their ids come with the form): one that arrived after
    the page was shown stays unread."""
    form = ctx.request.state.form
    ids = {int(x) for x in form.getlist("notice") if isinstance(x, str) and _ID.fullmatch(x)}
    if not ids:
        return RedirectResponse("/admin/cases", status_code=303)
    for n in ctx.session.scalars(
        select(StaffNotice).where(
            StaffNotice.user_id == ctx.viewer.user_id, StaffNotice.read_at.is_(None), StaffNotice.id.in_(ids)
        )
    ):
        n.read_at = utcnow()
    return RedirectResponse("/admin/cases", status_code=303)


async def audit_log(ctx: StaffCtx) -> Response:
    rows = ctx.session.scalars(
        select(AuditEntry).where(access.audit_scope(ctx.viewer)).order_by(AuditEntry.id.desc()).limit(300)
    ).all()
    return ctx.render("audit.html", rows=audit_rows(ctx.session, rows))
