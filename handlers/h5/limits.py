"""The H5 page's rate limits, counted in the database per IP (a keyed hash, never stored raw) and per
device, and read here at call time (tests lower them)."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta

from sqlalchemy.orm import Session
from starlette.requests import Request

from cases.intake import ratelimit
from cases.reading import tracking
from cases.timeutil import chinese_time, local_date, next_local_midnight
from handlers.web.page_kernel import Refused
from storage.types import utcnow

# Requests that do work (search, every POST) per hour, and new reports per Beijing day. Many villagers
# share one carrier IP, so the IP limits are looser than the device limits.
ACTIONS_PER_HOUR_IP = 300
ACTIONS_PER_HOUR_DEVICE = 60
REPORTS_PER_DAY_IP = 30
# Photo uploads (staged until a report takes them) per device and per IP, each per hour and per Beijing
# day: (what, hourly, photos, kilobytes). A full report is 9 photos of a few MB; the IP shares are for
# many villagers behind one carrier address.
UPLOAD_QUOTAS = (
    ("dev", True, 40, 100 * 1024),
    ("dev", False, 100, 300 * 1024),
    ("ip", True, 300, 1024 * 1024),
    ("ip", False, 1000, 4 * 1024 * 1024),
)
# Wrong query codes per clock hour: per device, and per IP (looser, as above).
TRACK_MISSES_DEVICE = tracking.MAX_CODE_FAILURES
TRACK_MISSES_IP = 30
# A poster's H5 scans count each device once a day; an IP adds at most this many devices a day per poster,
# so reloading without a cookie does not inflate the count either.
SCANS_PER_DAY_IP = 100


class Tags:
    """Keyed hashes naming an IP or a device in rate-limit buckets."""

    def __init__(self, secret: str) -> None:
        self.secret = secret

    def ip(self, request: Request) -> str:
        ip = request.client.host if request.client else "unknown"
        return hmac.new(self.secret.encode(), b"h5-ip:" + ip.encode(), hashlib.sha256).hexdigest()[:24]

    def device(self, device: str) -> str:
        return hmac.new(self.secret.encode(), b"h5-device:" + device.encode(), hashlib.sha256).hexdigest()[:24]


def period(now: datetime, *, hourly: bool) -> tuple[str, datetime]:
    """The counting period's name and end: the clock hour, or the Beijing day."""
    if hourly:
        return now.strftime("%Y%m%d%H"), now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    return local_date(now).isoformat(), next_local_midnight(now)


def take(
    session: Session, *, what: str, ip_tag: str, device_tag: str, ip_limit: int, device_limit: int, hourly: bool
) -> None:
    """Count one `what` for the IP and the device, or neither; Refused (429) past either limit."""
    name, expires = period(utcnow(), hourly=hourly)
    try:
        with session.begin_nested():
            ratelimit.take(session, bucket=f"h5:{what}:ip:{ip_tag}:{name}", limit=ip_limit, expires_at=expires)
            ratelimit.take(session, bucket=f"h5:{what}:dev:{device_tag}:{name}", limit=device_limit, expires_at=expires)
    except ratelimit.RateLimited as exc:
        when = chinese_time(exc.retry_at)
        message = "今天提交的反映已达上限" if what == "report" else "操作太频繁了"
        raise Refused(429, f"{message}，请在 {when} 以后再试。急事请拨打 12388。") from exc
