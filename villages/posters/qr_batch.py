"""Poster rows and their codes, in batches: `qingfeng qr create`.

Two steps, each committed as it goes so that a crash or an error mid-batch loses nothing and a rerun
resumes where it stopped:

1. `ensure_posters` adds the missing rows (village × poster number). An h5 row gets its content
   (QF_PUBLIC_BASE_URL/v/<scene>) at once; a wechat row gets it with its ticket.
2. `create_tickets` asks WeChat for a permanent QR_LIMIT_STR_SCENE code for each wechat row that has
   no ticket yet, one committed row per code, rate-limited, and stops cleanly at the limit of
   100,000 permanent codes (counted here, or answered by WeChat).

A row's kind and content are never changed afterwards, so a reprint shows the very same code.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from storage.db import transaction
from storage.repos import posters
from storage.repos.villages import Place
from villages.places.scene import format_scene
from wechat.api import SYSTEM_BUSY, QrTicket, WechatApi, WechatApiError

KINDS = ("wechat", "h5")
WECHAT_QR_LIMIT = 100_000  # permanent codes per official account
LIMIT_ERRCODES = frozenset({45029})  # "qrcode count out of limit"
RETRY_ERRCODES = frozenset({SYSTEM_BUSY, 45009})  # busy, unreachable, or API frequency limit
RETRIES = 3
_ROW_CHUNK = 500

Progress = Callable[[int, int], None]  # (codes done in this run, codes this run set out to make)


def h5_url(public_base_url: str, scene: str) -> str:
    return f"{public_base_url.rstrip('/')}/v/{scene}"


def select_places(
    places: Sequence[Place],
    *,
    county: str | None = None,
    town: str | None = None,
    codes: Sequence[str] | None = None,
) -> list[Place]:
    """Villages that get posters (industrial-park units never do), filtered and in code order."""
    wanted = None if codes is None else set(codes)
    return sorted(
        (
            p
            for p in places
            if p.is_village
            and (county is None or p.county_code == county)
            and (town is None or p.town_code == town)
            and (wanted is None or p.code in wanted)
        ),
        key=lambda p: p.code,
    )


@dataclass(frozen=True)
class EnsureResult:
    added: int  # new rows
    existing: int  # rows that were already there (kept as they are)
    other_kind: int  # of those, rows of the other kind: their code is on a wall, so it stays


def _check_request(kind: str, per_village: int) -> None:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    if per_village < 1:
        raise ValueError("at least one poster per village")


def ensure_posters(
    sessions: sessionmaker[Session],
    *,
    places: Sequence[Place],
    per_village: int,
    kind: str,
    public_base_url: str,
    now: datetime,
) -> EnsureResult:
    """Add poster rows 1..per_village for each place, committing every few hundred villages."""
    _check_request(kind, per_village)
    added = existing = other_kind = 0
    for start in range(0, len(places), _ROW_CHUNK):
        with transaction(sessions) as session:
            done = add_missing_posters(
                session,
                places=places[start : start + _ROW_CHUNK],
                per_village=per_village,
                kind=kind,
                public_base_url=public_base_url,
                now=now,
            )
        added, existing, other_kind = added + done.added, existing + done.existing, other_kind + done.other_kind
    return EnsureResult(added=added, existing=existing, other_kind=other_kind)


def add_missing_posters(
    session: Session,
    *,
    places: Sequence[Place],
    per_village: int,
    kind: str,
    public_base_url: str,
    now: datetime,
) -> EnsureResult:
    """Add poster rows 1..per_village for each place in the caller's transaction (the staff page's)."""
    _check_request(kind, per_village)
    existing = other_kind = 0
    stored = {
        (r.village_code, r.poster_no): r for r in posters.list_posters(session, village_codes=[p.code for p in places])
    }
    new: list[posters.NewPoster] = []
    for place in places:
        for number in range(1, per_village + 1):
            row = stored.get((place.code, number))
            if row is not None:
                existing += 1
                other_kind += row.kind != kind
                continue
            scene = format_scene(place.code, number)
            content = h5_url(public_base_url, scene) if kind == "h5" else None
            new.append(posters.NewPoster(place.code, number, scene, kind, content))
    added = posters.add_posters(session, rows=new, now=now)
    return EnsureResult(added=added, existing=existing, other_kind=other_kind)


@dataclass(frozen=True)
class BatchResult:
    created: int  # codes made in this run
    already: int  # wechat posters that had a ticket already (not requested again)
    pending: int  # wechat posters still without a ticket
    stopped: str | None = None  # None (all done), "limit" or "error"
    error: str | None = None


@dataclass
class RateLimit:
    """At most `per_second` calls per second (0: no limit)."""

    per_second: float
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _next: float | None = None

    def wait(self) -> None:
        if self.per_second <= 0:
            return
        now = self.clock()
        if self._next is not None and self._next > now:
            self.sleep(self._next - now)
            now = self._next
        self._next = now + 1.0 / self.per_second


def create_tickets(
    sessions: sessionmaker[Session],
    api: WechatApi,
    *,
    village_codes: Sequence[str],
    rate: RateLimit,
    limit: int = WECHAT_QR_LIMIT,
    progress: Progress | None = None,
) -> BatchResult:
    """Make the missing WeChat codes of these villages' wechat posters, committing each one."""
    with transaction(sessions) as session:
        rows = [r for r in posters.list_posters(session, village_codes=village_codes) if r.kind == "wechat"]
        used = posters.count_tickets(session)
    todo = [r for r in rows if r.ticket is None]
    already = len(rows) - len(todo)
    created = 0
    for row in todo:
        if used + created >= limit:
            return BatchResult(created, already, len(todo) - created, "limit", f"{limit} permanent codes used")
        try:
            ticket = _create_with_retries(api, row.scene, rate)
        except WechatApiError as exc:
            stopped = "limit" if exc.errcode in LIMIT_ERRCODES else "error"
            return BatchResult(created, already, len(todo) - created, stopped, str(exc))
        with transaction(sessions) as session:
            posters.set_ticket(session, poster_id=row.id, ticket=ticket.ticket, content=ticket.url)
        created += 1
        if progress is not None:
            progress(created, len(todo))
    return BatchResult(created, already, 0)


def _create_with_retries(api: WechatApi, scene: str, rate: RateLimit) -> QrTicket:
    for attempt in range(RETRIES + 1):
        rate.wait()
        try:
            return api.create_qr_scene(scene=scene)
        except WechatApiError as exc:
            if exc.errcode not in RETRY_ERRCODES or attempt == RETRIES:
                raise
            rate.sleep(0.5 * 2**attempt)
    raise AssertionError("unreachable")
