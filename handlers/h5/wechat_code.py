"""The village's WeChat official-account QR code, shown on the H5 home page when opened inside WeChat."""

from __future__ import annotations

import io

from sqlalchemy import select
from starlette.responses import Response

from handlers.h5.device_ctx import DeviceCtx
from handlers.h5.render import page_error
from storage.models import Poster
from villages.posters import qr_image


def wechat_poster(ctx: DeviceCtx) -> str | None:
    """The content of this poster's WeChat code, else of the village's first one."""
    assert ctx.place is not None
    rows = ctx.session.execute(
        select(Poster.scene, Poster.content)
        .where(Poster.village_code == ctx.place.code, Poster.kind == "wechat", Poster.content.is_not(None))
        .order_by(Poster.poster_no)
    ).all()
    for scene, content in rows:
        if scene == ctx.scene:
            return str(content)
    return str(rows[0][1]) if rows else None


async def wechat_code(ctx: DeviceCtx) -> Response:
    content = wechat_poster(ctx)
    if content is None:
        return page_error("本村还没有公众号二维码。", 404)
    buf = io.BytesIO()
    qr_image.to_image(qr_image.encode(content), scale=8).save(buf, format="PNG")
    return Response(buf.getvalue(), media_type="image/png", headers={"Cache-Control": "max-age=3600"})
