"""Photos on the H5 report form: checked (type by magic bytes, size), cleaned of GPS and device traces,
counted against the device's and the IP's quotas, staged until a report takes them, and carried between
the form's steps in signed hidden fields."""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass

from starlette.datastructures import UploadFile

from cases.evidence.photo_privacy import UnsafeImage, clean_image
from cases.intake import ratelimit, staging
from cases.timeutil import chinese_time
from cases.validation import MAX_PHOTOS
from handlers.h5 import limits
from handlers.h5.device_ctx import DeviceCtx
from handlers.h5.edge import H5
from handlers.h5.render import mb
from handlers.web import staff_auth
from handlers.web.params import whole
from storage.types import utcnow

log = logging.getLogger(__name__)
IMAGE_TYPES: dict[str, tuple[bytes, ...]] = {
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/webp": (b"RIFF",),
}
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}


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
        accepted: list[tuple[bytes, str]] = []
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
            magic = IMAGE_TYPES.get(declared)
            webp_ok = declared != "image/webp" or content[8:12] == b"WEBP"
            if magic is None or not content.startswith(magic) or not webp_ok:
                problems.append(f"“{name}”不是照片（只收 JPG、PNG、GIF、WEBP 格式）。")
                continue
            try:
                content = clean_image(content, declared)  # no GPS or device traces, nothing after the picture
            except UnsafeImage as exc:
                log.info("h5: photo refused: %s", exc)
                problems.append(f"照片“{name}”无法识别（文件损坏或像素太多），请换一张。")
                continue
            accepted.append((content, declared))
        self._count(ctx, accepted)
        photos: list[Photo] = []
        for content, declared in accepted:
            digest = hashlib.sha256(content).hexdigest()
            key = staging.stage(self.h5.store, content=content, digest=digest, ext=EXTENSIONS[declared])
            photos.append(Photo(key, digest, declared, len(content), self._sign(key, declared, len(content))))
        return photos

    def _count(self, ctx: DeviceCtx, accepted: list[tuple[bytes, str]]) -> None:
        """Count the photos and their kilobytes against the device's and the IP's quotas, or count nothing."""
        if not accepted:
            return
        kib = sum(-(-len(content) // 1024) for content, _ in accepted)
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
