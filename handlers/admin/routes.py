"""Every /admin route, in one list, and the one call that installs them. The Admin object (the page
kernel with the staff gate, handlers/admin/views.py) is built once, here; each route names who may open
it (the role tuples of cases.access). Every page runs through Admin.page: session, CSRF on every POST,
the roles, the error pages."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from cases.access import ADMINS, CASE_STAFF, ROLES, SUPERVISORS
from handlers.admin import (
    coordinates,
    exports,
    first_password,
    holidays,
    money,
    open311_admin,
    ops,
    organisation,
    own_password,
    posters,
    queue_page,
    scans,
    scoreboard_page,
    static_assets,
    statistics,
    users,
)
from handlers.admin.bulk_actions import BulkActions
from handlers.admin.canned import CannedPage
from handlers.admin.case_actions import CaseActions
from handlers.admin.case_page import CasePage
from handlers.admin.desk_actions import DeskActions
from handlers.admin.inquiries import Inquiries
from handlers.admin.kb_admin import KbAdmin
from handlers.admin.kb_edit import KbEditor
from handlers.admin.login import LoginPages
from handlers.admin.media import CaseMedia
from handlers.admin.my_account import MyAccount
from handlers.admin.poster_making import PosterMaking
from handlers.admin.views import Admin
from handlers.runtime import Runtime

GET, POST = ["GET"], ["POST"]
CASE = "/admin/cases/{case_id}"


async def _home(_request: Request) -> Response:
    return RedirectResponse("/admin/cases", status_code=303)


def admin_routes(admin: Admin) -> list[Route]:
    page = admin.page
    media = CaseMedia(admin)
    login, case = LoginPages(admin), CasePage(admin, media)
    actions = CaseActions(admin, case)
    desk = DeskActions(admin, case, actions)
    canned, inquiries = CannedPage(admin), Inquiries(admin)
    kb, kb_edit = KbAdmin(admin), KbEditor(admin)
    poster_pages, poster_making = posters.PosterPages(admin), PosterMaking(admin)
    runner = money.MoneyRunner(admin.keys, admin.runtime.calendar)
    me = MyAccount(admin)
    own_pw = own_password.OwnPassword(admin)
    holiday_pages = holidays.HolidayPages(admin.runtime.calendar)
    return [
        Route("/admin", _home),
        Route("/admin/static/admin.css", static_assets.css),
        Route("/admin/static/admin.js", static_assets.js),
        # signing in
        Route("/admin/login", page(login.login_get, public=True), methods=GET),
        Route("/admin/login", page(login.login_post, public=True), methods=POST),
        Route("/admin/logout", page(login.logout, first_login=True), methods=POST),
        Route("/admin/password", page(first_password.show, first_login=True), methods=GET),
        Route("/admin/password", page(first_password.save, first_login=True), methods=POST),
        # the queue and the case page
        Route("/admin/cases", page(queue_page.queue_page), methods=GET),
        Route(CASE, page(case.show, roles=CASE_STAFF), methods=GET),
        Route(f"{CASE}/action", page(actions.run, roles=CASE_STAFF), methods=POST),
        Route(f"{CASE}/reveal", page(case.reveal, roles=CASE_STAFF), methods=POST),
        Route("/admin/supervision", page(queue_page.supervision, roles=SUPERVISORS), methods=GET),
        Route("/admin/notices/read", page(queue_page.notices_read), methods=POST),
        Route("/admin/audit", page(queue_page.audit_log, roles=SUPERVISORS), methods=GET),
        # the staff member's own page: WeChat link and notice choices
        Route("/admin/me", page(me.show, roles=CASE_STAFF), methods=GET),
        Route("/admin/me/wechat", me.with_qr_code(page(me.new_code, roles=CASE_STAFF)), methods=POST),
        Route("/admin/me/wechat/unlink", page(me.unlink, roles=CASE_STAFF), methods=POST),
        Route("/admin/me/notices", page(me.save_prefs, roles=CASE_STAFF), methods=POST),
        Route(own_password.PAGE, page(own_pw.show, roles=ROLES), methods=GET),
        Route(own_password.PAGE, page(own_pw.save, roles=ROLES), methods=POST),
        # organisation
        Route("/admin/units", page(organisation.units, roles=ADMINS), methods=GET),
        Route("/admin/units", page(organisation.units_post, roles=ADMINS), methods=POST),
        Route("/admin/rules", page(organisation.rules, roles=ADMINS), methods=GET),
        Route("/admin/rules", page(organisation.rules_post, roles=ADMINS), methods=POST),
        # statistics, exports and bulk actions
        Route("/admin/stats", page(statistics.stats_page, roles=CASE_STAFF), methods=GET),
        *(Route(f"/admin/scoreboard{x}", page(fn, roles=CASE_STAFF), methods=GET) for x, fn in scoreboard_page.ROUTES),
        Route("/admin/stats.csv", page(exports.stats_export(exports.CSV), roles=CASE_STAFF), methods=GET),
        Route("/admin/cases.csv", page(exports.queue_export(exports.CSV), roles=CASE_STAFF), methods=GET),
        Route(
            "/admin/cases/bulk",
            page(BulkActions(admin.keys, admin.runtime.calendar).run, roles=CASE_STAFF),
            methods=POST,
        ),
        # the desk's other verbs
        Route(f"{CASE}/return", page(desk.return_case, roles=CASE_STAFF), methods=POST),
        Route(f"{CASE}/return/rule", page(desk.rule_return, roles=CASE_STAFF), methods=POST),
        Route(f"{CASE}/opinions/ask", page(desk.ask_opinions, roles=CASE_STAFF), methods=POST),
        Route(f"{CASE}/opinion", page(desk.give_opinion, roles=CASE_STAFF), methods=POST),
        Route(f"{CASE}/opinions/withdraw", page(desk.withdraw_opinion, roles=CASE_STAFF), methods=POST),
        Route(f"{CASE}/ask", page(desk.ask, roles=CASE_STAFF), methods=POST),
        Route(f"{CASE}/reveal/decide", page(desk.decide_reveal, roles=CASE_STAFF), methods=POST),
        # canned replies (常用语) and the case's media
        Route("/admin/canned", page(canned.page, roles=SUPERVISORS), methods=GET),
        Route("/admin/canned", page(canned.save, roles=SUPERVISORS), methods=POST),
        Route(f"{CASE}/media/{{evidence_id}}", page(media.original, roles=CASE_STAFF), methods=GET),
        Route(f"{CASE}/media/{{evidence_id}}/play", page(media.playable, roles=CASE_STAFF), methods=GET),
        # poster scans, benefit cross-checks (docs/money.md), villages and posters
        Route("/admin/scans", page(scans.scan_analytics, roles=CASE_STAFF), methods=GET),
        Route("/admin/money", page(money.money_page, roles=CASE_STAFF), methods=GET),
        Route("/admin/money/run", page(runner.run_now, roles=SUPERVISORS), methods=POST),
        Route("/admin/money/clues/{clue_id}", page(money.clue_page, roles=CASE_STAFF), methods=GET),
        Route("/admin/villages", page(poster_pages.village_list, roles=ROLES), methods=GET),
        Route("/admin/posters/create", page(poster_making.create, roles=ROLES), methods=POST),
        Route("/admin/posters/village/{code}.pdf", page(poster_pages.village_pdf, roles=ROLES), methods=GET),
        Route("/admin/posters/town/{code}.pdf", page(poster_pages.town_pdf, roles=ROLES), methods=GET),
        Route("/admin/posters/county/{code}.pdf", page(poster_pages.county_pdf, roles=ROLES), methods=GET),
        Route("/admin/posters/{scene}.{fmt}", page(poster_pages.poster_image, roles=ROLES), methods=GET),
        # inquiries (转人工) and the drafts they become
        Route("/admin/inquiries", page(inquiries.list_page, roles=CASE_STAFF), methods=GET),
        Route("/admin/inquiries/{inquiry_id}", page(inquiries.detail, roles=CASE_STAFF), methods=GET),
        Route("/admin/inquiries/{inquiry_id}/answer", page(inquiries.answer, roles=CASE_STAFF), methods=POST),
        Route("/admin/inquiries/{inquiry_id}/claim", page(inquiries.claim, roles=CASE_STAFF), methods=POST),
        Route("/admin/inquiries/{inquiry_id}/draft", page(inquiries.draft, roles=CASE_STAFF), methods=POST),
        Route("/admin/cases.xlsx", page(exports.queue_export(exports.XLSX), roles=CASE_STAFF), methods=GET),
        Route("/admin/stats.xlsx", page(exports.stats_export(exports.XLSX), roles=CASE_STAFF), methods=GET),
        # administration
        Route("/admin/users", page(users.users_page, roles=ADMINS), methods=GET),
        Route("/admin/users", page(users.users_post, roles=ADMINS), methods=POST),
        Route("/admin/account-requests", page(users.requests_page, roles=SUPERVISORS), methods=GET),
        Route("/admin/account-requests", page(users.requests_post, roles=SUPERVISORS), methods=POST),
        Route("/admin/holidays", page(holiday_pages.page, roles=ADMINS), methods=GET),
        Route("/admin/holidays", page(holiday_pages.post, roles=ADMINS), methods=POST),
        Route("/admin/ops", page(ops.ops_page, roles=ADMINS), methods=GET),
        Route("/admin/ops/retry", page(ops.ops_retry, roles=ADMINS), methods=POST),
        Route("/admin/coordinates", page(coordinates.coordinates_page, roles=ADMINS), methods=GET),
        Route("/admin/coordinates", page(coordinates.coordinates_post, roles=ADMINS), methods=POST),
        Route("/admin/kb", page(kb.page, roles=ADMINS), methods=GET),
        Route("/admin/kb/reload", page(kb.reload, roles=ADMINS), methods=POST),
        # the knowledge base's unanswered questions, browser editing and review (#19)
        Route("/admin/kb/gaps", page(kb_edit.gaps, roles=ADMINS), methods=GET),
        Route("/admin/kb/entries/new", page(kb_edit.new_form, roles=ADMINS), methods=GET),
        Route("/admin/kb/entries/edit", page(kb_edit.edit_form, roles=ADMINS), methods=GET),
        Route("/admin/kb/entries", page(kb_edit.submit, roles=ADMINS), methods=POST),
        Route("/admin/kb/entries/{entry_id}/versions", page(kb_edit.versions, roles=ADMINS), methods=GET),
        Route("/admin/kb/reviews", page(kb_edit.reviews, roles=ADMINS), methods=GET),
        Route("/admin/kb/reviews/{version_id}/approve", page(kb_edit.approve, roles=ADMINS), methods=POST),
        Route("/admin/kb/reviews/{version_id}/reject", page(kb_edit.reject, roles=ADMINS), methods=POST),
        Route("/admin/kb/versions/{version_id}/restore", page(kb_edit.restore, roles=ADMINS), methods=POST),
        # other systems' keys and event subscribers (docs/open311.md)
        Route("/admin/open311", page(open311_admin.open311_page, roles=ADMINS), methods=GET),
        Route("/admin/open311/keys", page(open311_admin.key_create, roles=ADMINS), methods=POST),
        Route("/admin/open311/keys/revoke", page(open311_admin.key_revoke, roles=ADMINS), methods=POST),
        Route("/admin/open311/subscribers", page(open311_admin.subscriber_add, roles=ADMINS), methods=POST),
        Route("/admin/open311/subscribers/remove", page(open311_admin.subscriber_remove, roles=ADMINS), methods=POST),
    ]


def install_admin(app: Any, runtime: Runtime) -> None:
    """Add every /admin route to the app."""
    app.router.routes.extend(admin_routes(Admin(runtime)))
