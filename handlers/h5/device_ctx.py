"""What an H5 page receives: the device behind the request and the village of the poster it came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.responses import HTMLResponse

from handlers.h5.render import render
from handlers.web.page_kernel import PageCtx
from storage.repos.villages import Place


@dataclass
class DeviceCtx(PageCtx):
    device: str  # the device cookie's nonce
    new_device: bool  # no (valid) cookie came: this answer sets one
    place: Place | None = None  # the poster's village; None on the village search only
    scene: str = ""

    def render(self, name: str, status: int = 200, **values: Any) -> HTMLResponse:
        return render(name, status, place=self.place, scene=self.scene, csrf=self.csrf, **values)

    def field(self, key: str, limit: int = 200) -> str:
        value = self.form.get(key) if self.form is not None else None
        return value.strip()[:limit] if isinstance(value, str) else ""
