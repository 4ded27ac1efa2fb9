"""`qingfeng serve` in dev: WeChat's API stand-in on loopback, so everything sent to villagers is visible."""

from __future__ import annotations

import os

from config.settings import Settings, get_settings
from wechat.standin import StandinWechat

API_BASE_VARIABLE = "QF_WECHAT_API_BASE"


def start_local_wechat(settings: Settings, *, port: int = 0) -> StandinWechat | None:
    """Start the stand-in and point the outbound client at it; None in prod or when a base is set explicitly.

    The address goes into the environment (not only into `settings`) because uvicorn builds the app
    in its worker processes, which read their settings afresh. `port` is a wish (serve asks for the port
    after its own, so CLI commands such as `qr create` can be pointed at a stable address); when it is
    taken, any free port will do.
    """
    if settings.is_prod or "wechat_api_base" in settings.model_fields_set:
        return None
    try:
        standin = StandinWechat(appid=settings.wechat_appid, secret=settings.wechat_appsecret, port=port)
    except OSError:
        standin = StandinWechat(appid=settings.wechat_appid, secret=settings.wechat_appsecret)
    standin.start()
    os.environ[API_BASE_VARIABLE] = standin.url
    get_settings.cache_clear()
    return standin
