"""`qingfeng chat`: a villager in the terminal, talking to the webhook exactly as WeChat would.

It follows the account by scanning the village's QR code (a subscribe event with `qrscene_<village>`),
sends the scripted messages (`--send`, `--location`, `--image`, in the order given), then, on a
terminal and with nothing scripted, reads messages from a `你> ` prompt. Without `--url` it runs the
app in-process on the configured database (migrated, registry loaded); with `--url` it posts over HTTP.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import httpx

from config.settings import Settings, get_settings
from handlers.runtime import Runtime
from storage.db import transaction
from storage.migrate import upgrade
from storage.repos.villages import count_villages
from villages.places.importer import import_registry
from villages.places.registry import PACKAGED_REGISTRY
from wechat.simulator import SimReply, SimRequest, Simulator, SimulatorError, media_id_for, new_openid

Post = Callable[[SimRequest], Coroutine[Any, Any, tuple[int, bytes]]]
Close = Callable[[], Coroutine[Any, Any, None]]
Step = tuple[str, str]  # (kind, argument): ("text", "低保"), ("location", "36.8,101.9"), ("image", PATH)

HELP = "输入文字发送；/位置 纬度,经度 发送位置；/图片 路径 发送图片；/退出 结束。"


def register(sub: Any) -> None:
    p = sub.add_parser("chat", help="talk to the webhook as a villager would from WeChat")
    p.add_argument("--village", required=True, help="12-digit village code (the QR scene)")
    p.add_argument("--safe", action="store_true", help="safe mode: encrypt requests with the EncodingAESKey")
    p.add_argument("--url", help="base URL of a running service (default: run the app in-process)")
    p.add_argument("--openid", help="the villager's openid (default: a fresh one)")
    p.add_argument("--send", dest="script", action="append", type=_step("text"), metavar="TEXT", default=[])
    p.add_argument("--location", dest="script", action="append", type=_location, metavar="LAT,LNG")
    p.add_argument("--image", dest="script", action="append", type=_step("image"), metavar="PATH")
    p.set_defaults(func=cmd_chat)


def _step(kind: str) -> Callable[[str], Step]:
    def convert(value: str) -> Step:
        return (kind, value)

    convert.__name__ = kind  # argparse names the type in its error messages
    return convert


def _location(value: str) -> Step:
    try:
        lat, lng = (float(part) for part in value.replace("，", ",").split(","))
    except ValueError:
        raise argparse.ArgumentTypeError("expected LAT,LNG, e.g. 36.84,101.95") from None
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        raise argparse.ArgumentTypeError("latitude must be within ±90 and longitude within ±180")
    return ("location", f"{lat},{lng}")


def cmd_chat(args: argparse.Namespace) -> int:
    settings = get_settings()
    sim = Simulator(
        token=settings.wechat_token,
        appid=settings.wechat_appid,
        aes_key=settings.wechat_aes_key,
        safe=args.safe,
        openid=args.openid or new_openid(),
    )
    script: list[Step] = list(args.script)
    interactive = not script and sys.stdin.isatty()
    with asyncio.Runner() as runner:
        try:
            post, close = runner.run(_connect(args.url, settings))
        except httpx.HTTPError as exc:
            print(f"无法连接 {args.url}: {exc}", file=sys.stderr)
            return 1
        try:
            return _converse(runner, post, sim, args.village, script, interactive)
        finally:
            runner.run(close())


def _converse(
    runner: asyncio.Runner, post: Post, sim: Simulator, village: str, script: list[Step], interactive: bool
) -> int:
    mode = "安全模式" if sim.safe else "明文模式"
    print(f"[{mode}] openid {sim.openid}，扫码关注村 {village}")
    if not script and not interactive:  # piped in (`echo 低保怎么申请 | qingfeng chat`): one message per line
        script = [step for line in sys.stdin if line.strip() and (step := _parse_line(line.strip())) is not None]
    steps: list[Step] = [("scan", village), *script]
    for step in steps:
        if step[0] != "scan":
            print(f"你> {_describe(step)}")
        if not _exchange(runner, post, sim, step):
            return 1
    if not interactive:
        return 0
    print(HELP)
    while True:
        try:
            line = input("你> ").strip()
        except EOFError:
            print()
            return 0
        if not line:
            continue
        if line in ("/退出", "/quit", "/exit"):
            return 0
        typed = _parse_line(line)
        if typed is None:
            print(HELP)
            continue
        _exchange(runner, post, sim, typed)


def _parse_line(line: str) -> Step | None:
    for prefixes, kind in ((("/位置", "/loc"), "location"), (("/图片", "/img"), "image")):
        for prefix in prefixes:
            if line.startswith(prefix):
                arg = line[len(prefix) :].strip()
                if kind == "location":
                    try:
                        return _location(arg)
                    except argparse.ArgumentTypeError:
                        return None
                return (kind, arg) if arg else None
    return None if line.startswith("/") else ("text", line)


def _describe(step: Step) -> str:
    kind, arg = step
    if kind == "location":
        return f"[位置 {arg}]"
    if kind == "image":
        return f"[图片 {arg}]"
    return arg


def _build(sim: Simulator, step: Step) -> SimRequest:
    kind, arg = step
    if kind == "scan":
        return sim.subscribe(scene=arg)
    if kind == "location":
        lat, lng = (float(part) for part in arg.split(","))
        return sim.location(lat, lng, label="")
    if kind == "image":
        path = Path(arg).expanduser().resolve()
        return sim.image(pic_url=path.as_uri(), media_id=media_id_for(path.read_bytes()))
    return sim.text(arg)


def _exchange(runner: asyncio.Runner, post: Post, sim: Simulator, step: Step) -> bool:
    try:
        request = _build(sim, step)
    except OSError as exc:
        print(f"（无法读取图片：{exc}）")
        return False
    try:
        status, body = runner.run(post(request))
        reply: SimReply = sim.parse_reply(status, body)
    except (httpx.HTTPError, SimulatorError) as exc:
        print(f"（出错了：{exc}）")
        return False
    if reply.text is None:
        print("清风> （公众号没有立即回复）")
    else:
        lines = reply.text.split("\n")
        print("\n".join(["清风> " + lines[0]] + [("      " + line).rstrip() for line in lines[1:]]))
    return True


def base_url(url: str) -> str:
    """The service's base address; the webhook's own address (…/wechat), as a newcomer may give it, works too."""
    return url.rstrip("/").removesuffix("/wechat")


async def _connect(url: str | None, settings: Settings) -> tuple[Post, Close]:
    """A function that posts one request to /wechat, and one that closes what it opened."""
    if url:
        client = httpx.AsyncClient(base_url=base_url(url), timeout=10.0)
        await client.get("/healthz")  # fail early, with a clear message, when nothing listens there
        return _poster(client), client.aclose
    from handlers.app import create_app  # in-process only; keeps `--url` free of the app's imports

    runtime = Runtime.from_settings(settings)
    prepare_database(runtime)
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(runtime)), base_url="http://qingfeng.local")

    async def close() -> None:
        await client.aclose()
        runtime.engine.dispose()

    return _poster(client), close


def _poster(client: httpx.AsyncClient) -> Post:
    async def post(request: SimRequest) -> tuple[int, bytes]:
        response = await client.post(
            "/wechat", params=request.query, content=request.body, headers={"Content-Type": "text/xml"}
        )
        return response.status_code, response.content

    return post


def prepare_database(runtime: Runtime) -> None:
    """What `qingfeng setup` does for the webhook: migrate, and load the packaged registry if empty."""
    upgrade(runtime.engine)
    with transaction(runtime.sessions) as session:
        if count_villages(session) == 0:
            import_registry(session, path=PACKAGED_REGISTRY)
