"""`qingfeng serve` in dev: WeChat's API stand-in on loopback, so everything sent to villagers is visible."""

from __future__ import annotations

import os

from config.settings import Settings, get_settings
from wechat.standin import StandinWechat

API_BASE_VARIABLE = "QF_WECHAT_API_BASE"


def start_local_wechat(settings: Settings) -> StandinWechat | None:
    """Start the stand-in and point the outbound client at it; None in prod or when a base is set explicitly.

    The address goes into the environment (not only into `settings`) because uvicorn builds the app
    in its worker processes, which read their settings afresh.
    """
    if settings.is_prod or "wechat_api_base" in settings.model_fields_set:
        return None
    standin = StandinWechat(appid=settings.wechat_appid, secret=settings.wechat_appsecret).start()
    os.environ[API_BASE_VARIABLE] = standin.url
    get_settings.cache_clear()
    return standin
