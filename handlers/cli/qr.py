"""`qingfeng qr create` (poster rows and WeChat codes) and `qingfeng qr posters` (the printable PDF)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from config.public_url import public_url_problem
from config.settings import Settings
from handlers.runtime import Runtime
from storage.db import transaction
from storage.repos.villages import Place, list_places
from storage.types import utcnow
from villages.places.hotlines import HotlineError, load_hotlines
from villages.posters.poster_fonts import FontError
from villages.posters.poster_pdf import PosterStats, stored_pages, survey, write_posters
from villages.posters.qr_batch import KINDS, RateLimit, create_tickets, ensure_posters, select_places
from wechat.client import make_api

DB_NOT_READY = "数据库未就绪，请先运行 qingfeng setup / database not ready: run `qingfeng setup` first"
EXIT_LIMIT = 3
ALLOW_LOCAL_HELP = "dev only: allow a loopback or private QF_PUBLIC_BASE_URL (codes that only work on this network)"


def base_url_refused(settings: Settings, *, allow_local: bool, what: str) -> bool:
    """Say where the codes will lead before anything is made; refuse an origin villagers cannot reach."""
    url = settings.public_base_url
    print(f"{what}将指向 / codes and links will carry: {url}")
    problem = public_url_problem(url)
    if problem is None:
        return False
    if allow_local and not settings.is_prod:
        print(f"注意：{problem}（--allow-local，仅供开发测试）", file=sys.stderr)
        return False
    print(
        f"拒绝：QF_PUBLIC_BASE_URL={url}：{problem}\n"
        "请把 QF_PUBLIC_BASE_URL 设为对外的 https:// 地址；仅开发测试时可加 --allow-local",
        file=sys.stderr,
    )
    return True


def register(sub: Any) -> None:
    qr = sub.add_parser("qr", help="QR codes and printable posters for the villages")
    qsub = qr.add_subparsers(dest="qr_command", required=True)
    create = qsub.add_parser("create", help="add poster rows and make their codes (resumable)")
    create.add_argument("--county", help="only this county (12-digit code)")
    create.add_argument("--posters-per-village", type=int, default=1, metavar="N")
    create.add_argument("--kind", choices=KINDS, default="wechat", help="wechat: parametric code; h5: link")
    create.add_argument("--rate", type=float, default=10.0, help="WeChat calls per second (0: no limit)")
    create.add_argument("--allow-local", action="store_true", help=ALLOW_LOCAL_HELP)
    create.set_defaults(func=cmd_create)
    posters = qsub.add_parser("posters", help="one PDF page per poster")
    where = posters.add_mutually_exclusive_group()
    where.add_argument("--county", help="only this county (12-digit code)")
    where.add_argument("--town", help="only this town (12-digit code)")
    where.add_argument("--villages", type=Path, metavar="FILE", help="village codes, one per line")
    posters.add_argument("--size", choices=("A4", "A3"), required=True)
    posters.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    posters.add_argument(
        "--font", type=Path, metavar="PATH.ttf", help="embed this TrueType font (default: wqy-microhei if installed)"
    )
    posters.add_argument("--png", type=Path, metavar="DIR", help="also write <scene>.png per poster")
    posters.add_argument("--svg", type=Path, metavar="DIR", help="also write <scene>.svg per poster")
    posters.add_argument("--allow-local", action="store_true", help=ALLOW_LOCAL_HELP)
    posters.set_defaults(func=cmd_posters)


class _Progress:
    """One line on stderr at most every `every` seconds, and at the end."""

    def __init__(self, what: str, every: float = 1.0) -> None:
        self.what = what
        self.every = every
        self.start = time.monotonic()
        self.last = 0.0

    def __call__(self, done: int, total: int | None = None) -> None:
        now = time.monotonic()
        if now - self.last < self.every and done != total:
            return
        self.last = now
        rate = done / max(now - self.start, 1e-6)
        if total:
            eta = (total - done) / rate if rate else 0.0
            line = f"{self.what}: {done}/{total} ({done * 100 // total}%), {rate:.1f}/s, ETA {eta:.0f}s"
        else:
            line = f"{self.what}: {done}, {rate:.1f}/s"
        print(line, file=sys.stderr, flush=True)


def _places(rt: Runtime) -> list[Place]:
    with transaction(rt.sessions) as session:
        return list_places(session)


def cmd_create(args: argparse.Namespace) -> int:
    if args.posters_per_village < 1:
        print("--posters-per-village must be at least 1", file=sys.stderr)
        return 2
    rt = Runtime.from_settings()
    if base_url_refused(rt.settings, allow_local=args.allow_local, what="二维码和链接"):
        rt.engine.dispose()
        return 2
    try:
        places = select_places(_places(rt), county=args.county)
        if not places:
            print(f"没有找到村 / no villages{' in county ' + args.county if args.county else ''}", file=sys.stderr)
            return 2
        rows = ensure_posters(
            rt.sessions,
            places=places,
            per_village=args.posters_per_village,
            kind=args.kind,
            public_base_url=rt.settings.public_base_url,
            now=utcnow(),
        )
        print(f"posters: {rows.added} added, {rows.existing} already there ({len(places)} villages)")
        if rows.other_kind:
            other = "h5" if args.kind == "wechat" else "wechat"
            print(f"{rows.other_kind} existing posters are {other} codes and stay so: a printed code never changes")
        if args.kind == "h5":
            return 0
        with make_api(rt.settings, sessions=rt.sessions) as api:
            result = create_tickets(
                rt.sessions,
                api,
                village_codes=[p.code for p in places],
                rate=RateLimit(args.rate),
                progress=_Progress("codes"),
            )
    except DBAPIError:
        print(DB_NOT_READY, file=sys.stderr)
        return 1
    finally:
        rt.engine.dispose()
    print(f"codes: {result.created} created, {result.already} already had one, {result.pending} waiting")
    if result.stopped == "limit":
        print(f"已达到永久二维码上限，已停止 / stopped at the permanent code limit: {result.error}", file=sys.stderr)
        return EXIT_LIMIT
    if result.stopped == "error":
        print(f"微信接口出错，已停止；再次运行可继续 / stopped, run again to resume: {result.error}", file=sys.stderr)
        return 1
    return 0


def read_village_file(path: Path) -> list[str]:
    """Village codes, one per line (the first comma- or space-separated field); # starts a comment."""
    codes: list[str] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        field = line.split("#", 1)[0].replace(",", " ").split()
        if field:
            codes.append(field[0])
    return codes


def cmd_posters(args: argparse.Namespace) -> int:
    if args.font is not None and not args.font.is_file():
        print(f"no such font file: {args.font}", file=sys.stderr)
        return 2
    codes = None
    if args.villages is not None:
        if not args.villages.is_file():
            print(f"no such file: {args.villages}", file=sys.stderr)
            return 2
        codes = read_village_file(args.villages)
    try:
        hotlines = load_hotlines()
    except HotlineError as exc:
        print(exc, file=sys.stderr)
        return 1
    rt = Runtime.from_settings()
    part = args.out.with_name(args.out.name + ".part")
    try:
        every = _places(rt)
        if codes is not None:
            unknown = sorted(set(codes) - {p.code for p in every})
            if unknown:
                print(f"unknown village codes in {args.villages}: {', '.join(unknown[:10])}", file=sys.stderr)
                return 2
        places = select_places(every, county=args.county, town=args.town, codes=codes)
        if not places:
            print("没有可打印的村 / no villages to print", file=sys.stderr)
            return 2
        found = survey(rt.sessions, places=places)
        for origin in found.h5_origins:
            settings = rt.settings.model_copy(update={"public_base_url": origin})
            if base_url_refused(settings, allow_local=args.allow_local, what="H5 海报的链接"):
                return 2
        bare = found.bare
        if bare:
            print(
                f"{len(bare)} 个村还没有海报，未打印 / villages with no poster yet, not printed: "
                f"{', '.join(f'{p.name}({p.code})' for p in bare[:10])}{' …' if len(bare) > 10 else ''}\n"
                "  先运行 / first run: qingfeng qr create [--kind h5]",
                file=sys.stderr,
            )
        stats = PosterStats()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with part.open("wb") as out:
            write_posters(
                stored_pages(rt.sessions, places, stats),
                out,
                size=args.size,
                hotlines=hotlines,
                places=places,
                font_path=args.font,
                png_dir=args.png,
                svg_dir=args.svg,
                stats=stats,
                progress=_Progress("pages"),
            )
        os.replace(part, args.out)
    except FontError as exc:
        print(f"字体不可用 / font not usable: {exc}", file=sys.stderr)
        return 2
    except DBAPIError:
        print(DB_NOT_READY, file=sys.stderr)
        return 1
    finally:
        part.unlink(missing_ok=True)
        rt.engine.dispose()
    print(f"{stats.pages} pages written to {args.out}")
    if stats.waiting:
        print(
            f"{len(stats.waiting)} wechat posters have no code yet and were left out "
            f"(run `qingfeng qr create`), e.g. {', '.join(stats.waiting[:5])}",
            file=sys.stderr,
        )
    return 0
