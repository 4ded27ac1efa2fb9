"""/dev/phone: chat with the bot as a villager, through the real webhook, and read what WeChat delivered.

Each message is built the way WeChat builds it (signed, with a fresh timestamp and a random nonce;
encrypted unless the account is configured plain) and posted to the app's own /wechat. What the
service sends back, now (the passive reply) or later (kefu and template messages through the
WeChat API stand-in), is read from the stand-in's per-villager chat, which the page polls.
Installed only in dev.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from bot.context import Services
from bot.menu import MAIN_MENU
from config.settings import Settings
from handlers.runtime import Runtime
from villages.places.scene import parse_scene
from wechat.simulator import SimRequest, Simulator, SimulatorError

HERE = Path(__file__).resolve().parent
_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
OPENID = re.compile(r"o[A-Za-z0-9_-]{27}")
MAX_TEXT = 2000
MAX_SCENE = 64
# Photos a phone accepts; WeChat would recompress anything else into one of these.
PHOTO_TYPES = frozenset({"image/jpeg", "image/png"})
# Custom headers cannot be sent cross-site without a CORS preflight, which this app never grants.
GUARD_HEADER = "x-dev-phone"
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_TIMEOUT = httpx.Timeout(30.0)


class BadInput(ValueError):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def account_is_plain(settings: Settings) -> bool:
    """Whether WeChat would post this account's messages in plaintext (QF_WECHAT_MODE=plain).

    Compatible and safe accounts get encrypted bodies, as WeChat sends them in safe mode.
    """
    # getattr: the setting arrives with the security work (#15); until then every account is compatible.
    mode = getattr(settings, "wechat_mode", "compatible")
    return mode == "plain" or not settings.wechat_aes_key


class DevPhone:
    def __init__(self, runtime: Runtime, services: Services) -> None:
        self.settings = runtime.settings
        self.services = services
        base = self.settings.wechat_api_base.rstrip("/")
        # Only a stand-in on this machine has the side door; never knock on WeChat's real API.
        self.standin = base if urlsplit(base).hostname in _LOOPBACK else None

    # --- pages ------------------------------------------------------------------------------

    async def page(self, request: Request) -> Response:
        scene = request.query_params.get("scene", "").strip()[:MAX_SCENE]
        parsed = parse_scene(scene) if scene else None
        place = self.services.places.get(parsed.village_code) if parsed else None
        html = _env.get_template("phone.html").render(
            scene=scene,
            place=place,
            standin=self.standin is not None,
            api_base=self.settings.wechat_api_base,
            menu=MAIN_MENU,  # the quick buttons: every numbered item the chat menu offers, so none goes missing
        )
        return HTMLResponse(html, headers={"Cache-Control": "no-store"})

    async def villages(self, request: Request) -> Response:
        query = request.query_params.get("q", "").strip()[:40]
        index = self.services.place_index
        if not query or index is None:
            return JSONResponse({"villages": []})
        found = [m.place for m in index.find(query, limit=8) if m.place.is_village]
        return JSONResponse({"villages": [{"code": p.code, "name": p.name, "full_name": p.full_name} for p in found]})

    # --- messages ---------------------------------------------------------------------------

    async def send(self, request: Request) -> Response:
        """Post one message or event from the phone (JSON) to the webhook; answer the passive reply."""
        try:
            _guard(request)
            data = await _json_body(request)
            sim = self._simulator(data.get("openid"))
            kind = data.get("type")
            if kind == "text":
                text = _text(data.get("text"))
                return await self._deliver(request, sim, sim.text(text), shown=text)
            if kind == "location":
                lat, lng = _coordinate(data.get("lat"), 90), _coordinate(data.get("lng"), 180)
                label = _text(data.get("label") or "我的位置")
                shown = f"[位置] {label}（{lat:.5f}, {lng:.5f}）"
                return await self._deliver(request, sim, sim.location(lat, lng, label=label), shown=shown)
            if kind == "scan":
                scene = _scene(data.get("scene"))
                event = sim.subscribe(scene) if data.get("follow") is True else sim.scan(scene)
                return await self._deliver(request, sim, event, shown=f"[扫码] {scene}")
            raise BadInput("不支持的消息类型。")
        except BadInput as exc:
            return JSONResponse({"error": str(exc)}, status_code=exc.status)

    async def photo(self, request: Request) -> Response:
        """A photo from the phone: stored in the stand-in as WeChat media, then sent as an image message."""
        try:
            _guard(request)
            if self.standin is None:
                raise BadInput("没有连接本机的微信接口替身，发不了图片。", status=409)
            async with request.form(max_files=1, max_fields=4) as form:
                sim = self._simulator(form.get("openid"))
                upload = form.get("photo")
                if not isinstance(upload, UploadFile):
                    raise BadInput("请选择一张照片。")
                content = await upload.read(self.settings.media_max_bytes + 1)
                content_type = upload.content_type or ""
            if len(content) > self.settings.media_max_bytes:
                raise BadInput("照片太大。", status=413)
            if content_type not in PHOTO_TYPES or not content:
                raise BadInput("只能发送 JPG 或 PNG 照片。")
            stored = await self._standin("POST", "media", content=content, headers={"Content-Type": content_type})
            if stored is None:
                raise BadInput("本机的微信接口替身没有响应，发不了图片。", status=409)
            media_id = str(stored["media_id"])
            # WeChat's PicUrl is informational; the service downloads the photo by MediaId.
            pic_url = f"{self.standin}/standin/media/{media_id}"
            return await self._deliver(request, sim, sim.image(pic_url=pic_url, media_id=media_id), shown="[图片]")
        except BadInput as exc:
            return JSONResponse({"error": str(exc)}, status_code=exc.status)

    async def messages(self, request: Request) -> Response:
        """This villager's chat as the stand-in recorded it, lines numbered above `after`."""
        openid = request.query_params.get("openid", "")
        after = request.query_params.get("after", "0")
        if not OPENID.fullmatch(openid) or not after.isdigit():
            return JSONResponse({"error": "openid 或 after 不对。"}, status_code=400)
        found = await self._standin("GET", "chat", params={"openid": openid, "after": after})
        if found is None:
            return JSONResponse({"standin": False, "lines": []})
        return JSONResponse({"standin": True, "lines": found["lines"]})

    # --- plumbing ---------------------------------------------------------------------------

    def _simulator(self, openid: object) -> Simulator:
        if not isinstance(openid, str) or not OPENID.fullmatch(openid):
            raise BadInput("openid 格式不对。")
        s = self.settings
        plain = account_is_plain(s)
        return Simulator(
            token=s.wechat_token, appid=s.wechat_appid, aes_key=s.wechat_aes_key, safe=not plain, openid=openid
        )

    async def _deliver(self, request: Request, sim: Simulator, message: SimRequest, *, shown: str) -> Response:
        """Post `message` to this app's /wechat exactly as WeChat would, and log both sides in the stand-in."""
        logged = await self._note(sim.openid, "in", shown)
        transport = httpx.ASGITransport(app=request.app, client=("127.0.0.1", 0))
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1", timeout=_TIMEOUT) as app:
            res = await app.post("/wechat", params=message.query, content=message.body)
        try:
            reply = sim.parse_reply(res.status_code, res.content).text
        except SimulatorError as exc:
            if logged:
                await self._note(sim.openid, "reply", f"（公众号后台没有接受这条消息：HTTP {res.status_code}）")
            return JSONResponse({"error": f"公众号后台没有接受这条消息：{exc}"}, status_code=502)
        if logged and reply:
            await self._note(sim.openid, "reply", reply)
        return JSONResponse({"logged": logged, "shown": shown, "reply": reply})

    async def _note(self, openid: str, kind: str, text: str) -> bool:
        return await self._standin("POST", "chat", json={"openid": openid, "kind": kind, "text": text}) is not None

    async def _standin(self, method: str, path: str, **kwargs: Any) -> dict[str, Any] | None:
        """A call to the stand-in's side door; None when there is no stand-in or it does not answer."""
        if self.standin is None:
            return None
        try:
            async with httpx.AsyncClient(timeout=_TIMEOUT) as client:
                res = await client.request(method, f"{self.standin}/standin/{path}", **kwargs)
            found = res.json() if res.status_code == 200 else None
        except (httpx.HTTPError, ValueError):
            return None
        return found if isinstance(found, dict) else None

    def routes(self) -> list[Route]:
        return [
            Route("/dev/phone", self.page, methods=["GET"]),
            Route("/dev/phone/static/phone.js", _static("phone.js", "text/javascript; charset=utf-8")),
            Route("/dev/phone/static/phone.css", _static("phone.css", "text/css; charset=utf-8")),
            Route("/dev/phone/villages", self.villages, methods=["GET"]),
            Route("/dev/phone/messages", self.messages, methods=["GET"]),
            Route("/dev/phone/send", self.send, methods=["POST"]),
            Route("/dev/phone/photo", self.photo, methods=["POST"]),
        ]


def _guard(request: Request) -> None:
    if request.headers.get(GUARD_HEADER) != "1":
        raise BadInput("只接受开发手机页面发出的请求。", status=403)


async def _json_body(request: Request) -> dict[str, Any]:
    if not request.headers.get("content-type", "").startswith("application/json"):
        raise BadInput("请求应为 JSON。")
    try:
        data = await request.json()
    except ValueError as exc:
        raise BadInput("JSON 格式不对。") from exc
    if not isinstance(data, dict):
        raise BadInput("JSON 格式不对。")
    return data


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise BadInput("消息不能为空。")
    if len(value) > MAX_TEXT:
        raise BadInput("消息太长。", status=413)
    return value.strip()


def _coordinate(value: object, limit: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not -limit <= value <= limit:
        raise BadInput("位置坐标不对。")
    return float(value)


def _scene(value: object) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_SCENE:
        raise BadInput("二维码场景值不对。")
    return value.strip()


def _static(name: str, media_type: str) -> Callable[[Request], Awaitable[Response]]:
    content = (HERE / "static" / name).read_bytes()

    async def serve(_request: Request) -> Response:
        return Response(content, media_type=media_type, headers={"Cache-Control": "no-cache"})

    return serve


def install_devphone(app: Any, runtime: Runtime, services: Services) -> None:
    """Add /dev/phone in dev; in prod nothing under /dev exists."""
    if runtime.settings.env == "dev":
        app.router.routes.extend(DevPhone(runtime, services).routes())
