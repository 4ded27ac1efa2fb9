"""One poster page as PDF content operators: names, the code as vector squares, what to do, hotlines."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from storage.repos.villages import Place
from villages.places.hotlines import Hotline, Hotlines
from villages.posters.pdf_stream import num
from villages.posters.poster_fonts import PosterFont
from villages.posters.qr_image import QUIET_ZONE, QrCode

A4 = (595.28, 841.89)
A3 = (841.89, 1190.55)
SIZES = {"A4": A4, "A3": A3}

ACTIONS = (
    ("政策咨询", "问补贴、低保、医保等政策"),
    ("项目公开", "看本村的项目和资金"),
    ("反映问题", "发现问题，随时反映"),
    ("查询进度", "看反映的事办得怎么样"),
)
PRIVACY = ("可以匿名反映，我们依法为您保密。", "实名反映的，您的姓名和电话也严格保密。")
SCAN_HINT = {"wechat": "请用微信扫一扫", "h5": "用微信或手机相机扫一扫"}
HOTLINE_TITLE = "举报电话："
SCENE_LABEL = "编号 "
TITLE = "清风 村务监督"
_FIXED = (
    *(t for pair in ACTIONS for t in pair),
    *PRIVACY,
    *SCAN_HINT.values(),
    HOTLINE_TITLE,
    SCENE_LABEL,
    TITLE,
    "扫码可以：",
    "0123456789-  ",
)
_ACCENT = b"0.08 0.36 0.22"  # a deep green, prints well in grey too


@dataclass(frozen=True)
class PosterPage:
    place: Place
    scene: str
    kind: str  # 'wechat' or 'h5'
    content: str  # what the code holds


def poster_chars(places: Iterable[Place], hotlines: Hotlines) -> set[str]:
    """Every character a poster of these places can show (to subset an embedded font)."""
    chars = set("".join(_FIXED))
    for place in places:
        chars.update(place.county_name, place.town_name, place.name)
    for line in (*hotlines.default, *(h for lines in hotlines.counties.values() for h in lines)):
        chars.update(line.name, line.number)
    return chars


class Layout:
    """Draws pages of one size with one font. Coordinates are designed on A4 (bottom-up) and scaled."""

    def __init__(self, font: PosterFont, size: tuple[float, float], hotlines: Hotlines) -> None:
        self.font = font
        self.width, self.height = size
        self.k = self.width / A4[0]
        self.hotlines = hotlines

    def page(self, page: PosterPage, code: QrCode) -> bytes:
        k, w = self.k, self.width
        ops: list[bytes] = [b"0 g"]
        place = page.place
        ops.append(self._center(TITLE, 15, 805, color=_ACCENT))
        ops.append(self._center(f"{place.county_name} {place.town_name}", 22, 768))
        ops.append(self._center(place.name, 46, 712))
        side = 300 * k
        ops.append(qr_operators(code, x=(w - side) / 2, y=395 * k, side=side))
        ops.append(self._center(SCAN_HINT.get(page.kind, SCAN_HINT["h5"]), 20, 372))
        ops.append(self._center("扫码可以：", 18, 335, color=_ACCENT))
        for i, (title, hint) in enumerate(ACTIONS):
            cx = w / 2 + (-1 if i % 2 == 0 else 1) * 130 * k
            y = 292 if i < 2 else 222
            ops.append(self._at_center(title, 34, cx, y, color=_ACCENT))
            ops.append(self._at_center(hint, 13, cx, y - 24))
        box_y = 118
        ops.append(
            b"q %s RG %s w %s %s %s %s re S Q"
            % (_ACCENT, num(1.5 * k), num(40 * k), num(box_y * k), num(w - 80 * k), num(62 * k))
        )
        ops.append(self._center(PRIVACY[0], 20, 155))
        ops.append(self._center(PRIVACY[1], 13, 130))
        ops.extend(self._hotlines(self.hotlines.for_county(place.county_code), 90))
        ops.append(self._text(SCENE_LABEL + page.scene, 8, 40 * k, self._y(24)))
        return b"\n".join(ops)

    def _y(self, y_a4: float) -> float:
        """A y designed on A4 in this page's units (A3 is A4 scaled by the square root of 2)."""
        return y_a4 * self.k

    def _hotlines(self, lines: tuple[Hotline, ...], y: float) -> list[bytes]:
        ops: list[bytes] = []
        texts = [f"{h.name} {h.number}" for h in lines]
        row: list[str] = []
        for text in texts:
            candidate = "    ".join([*row, text])
            if row and self.font.width(HOTLINE_TITLE + candidate, 17 * self.k) > self.width - 80 * self.k:
                ops.append(self._center(HOTLINE_TITLE + "    ".join(row), 17, y))
                y -= 24
                row = []
            row.append(text)
        if row:
            ops.append(self._center(HOTLINE_TITLE + "    ".join(row), 17, y))
        return ops

    def _fit(self, text: str, size: float) -> float:
        size *= self.k
        room = self.width - 80 * self.k
        width = self.font.width(text, size)
        return size if width <= room else size * room / width

    def _center(self, text: str, size: float, y: float, *, color: bytes | None = None) -> bytes:
        return self._at_center(text, size, self.width / 2, y, color=color)

    def _at_center(self, text: str, size: float, cx: float, y: float, *, color: bytes | None = None) -> bytes:
        actual = self._fit(text, size)
        x = cx - self.font.width(text, actual) / 2
        return self._text(text, actual, x, self._y(y), color=color)

    def _text(self, text: str, size: float, x: float, y: float, *, color: bytes | None = None) -> bytes:
        show = self.font.show(text, size)
        body = b"BT %s %s Td %s ET" % (num(x), num(y), show)
        return body if color is None else b"q %s rg %s Q" % (color, body)


def qr_operators(code: QrCode, *, x: float, y: float, side: float) -> bytes:
    """The code (with its quiet zone) as filled rectangles in a square of `side` at (x, y) bottom-left."""
    modules = code.size + 2 * QUIET_ZONE
    m = side / modules
    # One module = one unit after the cm: exact squares, one path, one fill (no seams between runs).
    head = b"q %s 0 0 %s %s %s cm 1 g 0 0 %d %d re f 0 g" % (num(m), num(m), num(x), num(y), modules, modules)
    top = code.size + QUIET_ZONE
    rects = b" ".join(b"%d %d %d 1 re" % (QUIET_ZONE + cx, top - cy - 1, n) for cy, cx, n in code.dark_runs())
    return head + b"\n" + rects + b" f Q"
