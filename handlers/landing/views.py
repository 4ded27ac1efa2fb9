"""The landing page at `/` and the favicon.

In dev it links everything a newcomer wants to try: the dev phone, the admin pages with the demo
logins that exist in this database, an H5 village page and the docs. In prod it names the service
and nothing else: no links, versions or paths for anyone probing the public port.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from bot.context import Services
from cases.staff.accounts import DEMO_PASSWORD, DEMO_STAFF
from handlers.runtime import Runtime
from storage.models import Poster
from storage.models.staff import StaffUser

HERE = Path(__file__).resolve().parent
_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
# The village the README's tour and `qingfeng chat` use (土观村, with invented demo projects).
DEMO_VILLAGE = "630223106213"
FAVICON = (HERE / "static" / "favicon.svg").read_bytes()
CSS = (HERE / "static" / "landing.css").read_bytes()
_CACHED = {"Cache-Control": "max-age=86400"}


class Landing:
    def __init__(self, runtime: Runtime, services: Services) -> None:
        self.runtime = runtime
        self.services = services

    async def home(self, _request: Request) -> Response:
        if self.runtime.settings.is_prod:
            return HTMLResponse(_env.get_template("prod.html").render())
        with self.runtime.sessions() as session:
            logins = self._demo_logins(session)
            village = self._h5_village(session)
        html = _env.get_template("dev.html").render(logins=logins, password=DEMO_PASSWORD, village=village)
        return HTMLResponse(html, headers={"Cache-Control": "no-store"})

    @staticmethod
    def _demo_logins(session: Any) -> list[tuple[str, str]]:
        """The demo accounts present here, in the order `qingfeng setup` prints them."""
        present = set(session.scalars(select(StaffUser.username).where(StaffUser.active.is_(True))))
        return [(username, name) for username, _role, _unit, name in DEMO_STAFF if username in present]

    def _h5_village(self, session: Any) -> tuple[str, str] | None:
        """(scene, name) of a real village page: the demo village, else a printed poster, else any village."""
        places = self.services.places
        if DEMO_VILLAGE in places:
            return DEMO_VILLAGE, places[DEMO_VILLAGE].full_name
        poster = session.scalars(select(Poster).order_by(Poster.id).limit(1)).first()
        if poster is not None and poster.village_code in places:
            return poster.scene, places[poster.village_code].full_name
        village = next((p for p in places.values() if p.is_village), None)
        return (village.code, village.full_name) if village is not None else None

    def routes(self) -> list[Route]:
        return [
            Route("/", self.home, methods=["GET"]),
            Route("/favicon.ico", _fixed(FAVICON, "image/svg+xml"), methods=["GET"]),
            Route("/landing.css", _fixed(CSS, "text/css; charset=utf-8"), methods=["GET"]),
        ]


def _fixed(content: bytes, media_type: str) -> Any:
    async def serve(_request: Request) -> Response:
        return Response(content, media_type=media_type, headers=_CACHED)

    return serve


def install_landing(app: Any, runtime: Runtime, services: Services) -> None:
    app.router.routes.extend(Landing(runtime, services).routes())
