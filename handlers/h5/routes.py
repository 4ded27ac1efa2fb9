"""Every route of the H5 page behind the posters, `/v/<scene>`: policy search, the village's projects, a
report form, tracking by case number plus query code, 我家补贴. Works without JavaScript; every page goes
through the page kernel (handlers/web/page_kernel.py) behind the device gate (handlers/h5/edge.py)."""

from __future__ import annotations

from typing import Any

from starlette.routing import Route

from bot.context import Services
from handlers.h5.edge import H5
from handlers.h5.home import HomePages
from handlers.h5.money import MoneyPages
from handlers.h5.render import static
from handlers.h5.report_form import ReportPages
from handlers.h5.track import TrackPages
from handlers.h5.wechat_code import wechat_code
from handlers.runtime import Runtime
from knowledge.holder import KnowledgeHolder


def h5_routes(h5: H5) -> list[Route]:
    home, report, track, money = HomePages(h5), ReportPages(h5), TrackPages(h5), MoneyPages(h5)
    page, scene, base = h5.page, "/v/{scene:str}", "/v/{scene:str}/money"
    return [
        Route("/v/static/h5.css", static("h5.css", "text/css")),
        Route("/v/static/h5.js", static("h5.js", "text/javascript")),
        Route("/v", page(home.find, scene=False), methods=["GET"]),
        Route("/v/find", page(home.find, scene=False, action=True), methods=["GET"]),
        Route(scene, page(home.home), methods=["GET"]),
        Route(scene + "/search", page(home.search, action=True), methods=["GET"]),
        Route(scene + "/code.png", page(wechat_code), methods=["GET"]),
        Route(scene + "/report", page(report.report_form), methods=["GET"]),
        Route(scene + "/report", page(report.report_post), methods=["POST"]),
        Route(scene + "/track", page(track.track_form), methods=["GET"]),
        Route(scene + "/track", page(track.track_post), methods=["POST"]),
        Route(scene + "/rate", page(track.rate_post), methods=["POST"]),
        Route(base, page(money.show), methods=["GET"]),
        Route(base + "/link", page(money.link), methods=["POST"]),
        Route(base + "/answer", page(money.answer), methods=["POST"]),
        Route(base + "/unlink", page(money.unlink), methods=["POST"]),
    ]


def install_h5(app: Any, runtime: Runtime, services: Services, knowledge: KnowledgeHolder) -> None:
    """Add the /v routes (the H5 page behind every poster) to the FastAPI app."""
    app.router.routes.extend(h5_routes(H5(runtime, services, knowledge)))
