"""Photos on the H5 report form: checked (size here; type by its bytes, GPS and device traces and SHA-256
in the one evidence intake, cases.evidence.intake), counted against the device's and the IP's quotas,
staged until a report takes them, and carried between the form's steps in signed hidden fields."""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass

from starlette.datastructures import UploadFile

from cases.evidence import intake
from cases.intake import ratelimit
from cases.timeutil import chinese_time
from cases.validation import MAX_PHOTOS, EvidenceKind
from handlers.h5 import limits
from handlers.h5.device_ctx import DeviceCtx
from handlers.h5.edge import H5
from handlers.h5.render import mb
from handlers.web import staff_auth
from handlers.web.params import whole
from storage.types import utcnow

log = logging.getLogger(__name__)


class UploadQuota(Exception):
    """The device's or the IP's photo quota is used up; `message` is for the villager."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Photo:
    storage_key: str
    sha256: str
    content_type: str
    size_bytes: int
    sig: str = ""


class Uploads:
    def __init__(self, h5: H5) -> None:
        self.h5 = h5

    def _sign(self, key: str, content_type: str, size: int) -> str:
        body = f"{key}|{content_type}|{size}".encode()
        return hmac.new(self.h5.secret.encode(), b"h5-photo:" + body, hashlib.sha256).hexdigest()[:32]

    def kept(self, ctx: DeviceCtx) -> list[Photo]:
        """Photos uploaded on an earlier step, carried in signed hidden fields (never a path we did not write)."""
        kept: list[Photo] = []
        if ctx.form is None:
            return kept
        for raw in ctx.form.getlist("photo")[:MAX_PHOTOS]:
            parts = raw.split("|") if isinstance(raw, str) else []
            size = whole(parts[2]) if len(parts) == 4 else None
            if size is None:
                continue
            key, content_type, sig = parts[0], parts[1], parts[3]
            if not staff_auth.same_token(sig, self._sign(key, content_type, size)) or not self.h5.store.exists(key=key):
                continue
            kept.append(Photo(key, key.split("/")[-1].split(".")[0], content_type, size, sig))
        return kept

    async def take(self, ctx: DeviceCtx, problems: list[str], *, room: int) -> list[Photo]:
        """The photos of this post, staged; what is wrong with any goes to `problems`. UploadQuota past a quota."""
        assert ctx.form is not None
        max_bytes = self.h5.max_bytes
        files = [f for f in ctx.form.getlist("photos") if isinstance(f, UploadFile) and f.filename]
        if len(files) > room:
            problems.append(f"照片最多 {MAX_PHOTOS} 张，这次多了 {len(files) - room} 张，请少选几张。")
            return []
        accepted: list[intake.Accepted] = []
        for f in files:
            name = (f.filename or "照片")[:40]
            declared = (f.content_type or "").split(";")[0].strip().lower()
            content = await f.read(max_bytes + 1)
            if not content:
                problems.append(f"照片“{name}”是空文件。")
                continue
            if len(content) > max_bytes:
                problems.append(f"照片“{name}”太大，每张不超过 {mb(max_bytes)}。")
                continue
            try:
                accepted.append(intake.examine(EvidenceKind.IMAGE, content, declared=declared))
            except intake.WrongType:
                problems.append(f"“{name}”不是照片（只收 JPG、PNG、GIF、WEBP 格式）。")
            except intake.Unusable as exc:
                log.info("h5: photo refused: %s", exc)
                problems.append(f"照片“{name}”无法识别（文件损坏或像素太多），请换一张。")
        self._count(ctx, accepted)  # before anything is written: the quota bounds the disk too
        photos: list[Photo] = []
        for a in accepted:
            key, size = intake.keep(self.h5.store, a, staged=True), a.size_bytes
            photos.append(Photo(key, a.sha256, a.content_type, size, self._sign(key, a.content_type, size)))
        return photos

    def _count(self, ctx: DeviceCtx, accepted: list[intake.Accepted]) -> None:
        """Count the photos and their kilobytes against the device's and the IP's quotas, or count nothing."""
        if not accepted:
            return
        kib = sum(-(-a.size_bytes // 1024) for a in accepted)
        now = utcnow()
        tags = {"dev": self.h5.device_tag(ctx), "ip": self.h5.ip_tag(ctx.request)}
        try:
            with ctx.session.begin_nested():
                for who, hourly, photo_limit, kib_limit in limits.UPLOAD_QUOTAS:
                    period, expires = limits.period(now, hourly=hourly)
                    base = f"h5:up:{who}:{tags[who]}:{period}"
                    for unit, limit, amount in ((":n", photo_limit, len(accepted)), (":kb", kib_limit, kib)):
                        ratelimit.take(ctx.session, bucket=base + unit, limit=limit, expires_at=expires, amount=amount)
        except ratelimit.RateLimited as exc:
            raise UploadQuota(
                f"上传的照片太多了，请在 {chinese_time(exc.retry_at)} 以后再上传。已选好的照片和填写的内容都还在。"
            ) from exc
