"""The one outbound interface to WeChat: a Protocol, its value types and its errors.

Implementations are blocking (they do HTTP). From async code call them in a worker thread,
e.g. `await anyio.to_thread.run_sync(functools.partial(api.send_text, openid=o, text=t))`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Media:
    content: bytes
    content_type: str


@dataclass(frozen=True)
class QrTicket:
    ticket: str
    url: str


class WechatApi(Protocol):
    def access_token(self) -> str: ...

    def send_text(self, *, openid: str, text: str) -> None:
        """A customer-service (kefu) text; only inside the 48 h window after the villager wrote."""

    def send_template(self, *, openid: str, template_id: str, data: dict[str, Any], url: str | None) -> None: ...

    def download_media(self, *, media_id: str) -> Media: ...

    def create_qr_scene(self, *, scene: str) -> QrTicket:
        """A permanent QR code (QR_LIMIT_STR_SCENE) whose scan carries `scene`."""

    def create_temp_qr_scene(self, *, scene: str, expire_seconds: int) -> QrTicket:
        """A temporary QR code (QR_STR_SCENE) whose scan carries `scene`, valid `expire_seconds`."""

    def create_menu(self, *, menu: dict[str, Any]) -> None: ...


# Error codes WeChat answers with (errcode in the JSON body).
SYSTEM_BUSY = -1
INVALID_CREDENTIAL = 40001
INVALID_ACCESS_TOKEN = 40014
EXPIRED_ACCESS_TOKEN = 42001
OUTSIDE_WINDOW = 45015
QUOTA_USED = 45047
NOT_FOLLOWING = 43004
IP_NOT_WHITELISTED = 40164

TOKEN_CODES = frozenset({INVALID_CREDENTIAL, INVALID_ACCESS_TOKEN, EXPIRED_ACCESS_TOKEN})
# Retrying the same request can never succeed.
PERMANENT_CODES = frozenset(
    {
        40003,  # invalid openid
        40007,  # invalid media_id
        40037,  # invalid template_id
        NOT_FOLLOWING,
        OUTSIDE_WINDOW,
        44004,  # empty content
        45002,  # content too long
        47001,  # data format error
        47003,  # invalid template argument
        48001,  # api unauthorised
    }
)


class WechatApiError(Exception):
    """WeChat answered with a non-zero errcode (or could not be reached: errcode -1)."""

    def __init__(self, errcode: int, errmsg: str) -> None:
        self.errcode = errcode
        self.errmsg = errmsg
        super().__init__(f"WeChat error {errcode}: {errmsg}")

    @property
    def permanent(self) -> bool:
        """True when retrying the same request cannot help."""
        return self.errcode in PERMANENT_CODES

    @property
    def token_problem(self) -> bool:
        """True for 40001/40014/42001: refresh the access token once and retry."""
        return self.errcode in TOKEN_CODES


class TokenInvalid(WechatApiError):
    """40001/40014/42001: the access token is wrong or expired."""


class OutsideWindow(WechatApiError):
    """45015: the villager has not written in 48 h, so kefu messages are refused."""


class QuotaUsed(WechatApiError):
    """45047: the kefu quota for this villager's last message is used up."""


class NotFollowing(WechatApiError):
    """43004: the villager does not follow the account (any more)."""


class IpNotWhitelisted(WechatApiError):
    """40164: this server's IP is not in the account's IP whitelist."""

    def __str__(self) -> str:
        return (
            f"WeChat error {self.errcode}: {self.errmsg}\n"
            "本服务器的 IP 不在公众号的 IP 白名单中。请登录微信公众平台，"
            "在“设置与开发 → 基本配置 → IP白名单”中添加本服务器的出口 IP，然后重试。\n"
            "This server's IP is not whitelisted: add the server IP to the IP whitelist "
            "(mp.weixin.qq.com → Settings & Development → Basic configuration) and retry."
        )


class WechatUnavailable(WechatApiError):
    """WeChat could not be reached or answered with an HTTP error; always worth a retry."""

    def __init__(self, errmsg: str) -> None:
        super().__init__(SYSTEM_BUSY, errmsg)


_BY_CODE: dict[int, type[WechatApiError]] = {
    INVALID_CREDENTIAL: TokenInvalid,
    INVALID_ACCESS_TOKEN: TokenInvalid,
    EXPIRED_ACCESS_TOKEN: TokenInvalid,
    OUTSIDE_WINDOW: OutsideWindow,
    QUOTA_USED: QuotaUsed,
    NOT_FOLLOWING: NotFollowing,
    IP_NOT_WHITELISTED: IpNotWhitelisted,
}


def error_for(errcode: int, errmsg: str) -> WechatApiError:
    """The most specific exception for a WeChat errcode."""
    return _BY_CODE.get(errcode, WechatApiError)(errcode, errmsg)
