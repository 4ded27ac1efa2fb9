"""Wires the inquiry pages, the .xlsx exports and the administration pages (users, holiday calendar,
village coordinates, knowledge base) into the app, each page through Admin.page (session, CSRF on
every POST, roles, a 503 page on a database outage)."""

from __future__ import annotations

from typing import Any

from handlers.admin import coordinates, exports, holidays, ops, users
from handlers.admin.inquiries import Inquiries
from handlers.admin.kb_admin import KbAdmin
from handlers.admin.views import Admin
from handlers.runtime import Runtime


def install_management(app: Any, runtime: Runtime) -> None:
    admin = Admin(runtime)
    app.router.routes.extend(
        [
            *Inquiries(admin).routes(),
            *exports.routes(admin),
            *users.routes(admin),
            *holidays.routes(admin),
            *ops.routes(admin),
            *coordinates.routes(admin),
            *KbAdmin(admin).routes(),
        ]
    )
