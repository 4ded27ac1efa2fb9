"""QR codes rendered here from what a poster stores (never downloaded): the module matrix, PNG and SVG.

`qrcode` encodes the content (level H). Choosing the mask is where `qrcode` spends most of its time
(it builds all eight masked symbols in pure Python), so `encode` builds the unmasked-for-test symbol
once and derives the other seven by XOR with a per-version difference, then scores them with the same
penalty rules `qrcode` uses (tests check that the result is identical to `qrcode`'s own).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import qrcode
from PIL import Image
from qrcode.constants import ERROR_CORRECT_H

QUIET_ZONE = 4  # modules of light margin on each side, as the standard asks
_RUN = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = re.compile(r"(?=10111010000|00001011101)")
_DARK_RUN = re.compile(r"1+")
_MASK_DIFFS: dict[int, list[list[int]]] = {}  # version -> per mask, row bits XOR mask 0's


@dataclass(frozen=True)
class QrCode:
    content: str
    rows: tuple[str, ...]  # '1' dark, '0' light; no quiet zone

    @property
    def size(self) -> int:
        return len(self.rows)

    def dark_runs(self) -> Iterator[tuple[int, int, int]]:
        """(row, first column, length) of every horizontal run of dark modules."""
        for y, row in enumerate(self.rows):
            for m in _DARK_RUN.finditer(row):
                yield y, m.start(), m.end() - m.start()


def encode(content: str) -> QrCode:
    """The QR symbol for `content` at error correction H, with the mask `qrcode` would choose."""
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_H, border=0)
    qr.add_data(content)
    qr.best_fit()
    version: int = qr.version
    qr.makeImpl(True, 0)
    base = _row_bits(qr.modules)
    diffs = _MASK_DIFFS.get(version)
    if diffs is None:
        diffs = [[0] * len(base)]
        for mask in range(1, 8):
            qr.makeImpl(True, mask)
            diffs.append([a ^ b for a, b in zip(_row_bits(qr.modules), base, strict=True)])
        _MASK_DIFFS[version] = diffs
    n = len(base)
    scores = [_penalty([b ^ d for b, d in zip(base, diff, strict=True)], n) for diff in diffs]
    best = scores.index(min(scores))
    qr.makeImpl(False, best)
    return QrCode(content, tuple("".join("1" if m else "0" for m in row) for row in qr.modules))


def _row_bits(modules: list[list[bool | None]]) -> list[int]:
    return [int("".join("1" if m else "0" for m in row), 2) for row in modules]


def _penalty(rows: list[int], n: int) -> int:
    """ISO/IEC 18004 mask penalty, counted exactly as qrcode.util.lost_point counts it."""
    full = (1 << n) - 1
    lines = [format(r, f"0{n}b") for r in rows]
    lines += ["".join(col) for col in zip(*lines, strict=True)]
    text = "2".join(lines)  # one scan over all rows and columns; a '2' stops runs and patterns
    runs = sum(len(m) - 2 for m in _RUN.findall(text))
    blocks = 0
    for a, b in pairwise(rows):
        same_v = ~(a ^ b) & full
        same_h = ~(a ^ (a >> 1)) & (full >> 1)
        blocks += (same_v & (same_v >> 1) & same_h).bit_count()
    finders = len(_FINDER_LIKE.findall(text))
    dark = sum(r.bit_count() for r in rows)
    balance = int(abs(float(dark) / (n * n) * 100 - 50) / 5)
    return runs + 3 * blocks + 40 * finders + 10 * balance


def to_image(code: QrCode, *, scale: int = 10) -> Image.Image:
    """A black-on-white 1-bit image, `scale` pixels per module, with the quiet zone."""
    side = code.size + 2 * QUIET_ZONE
    img = Image.new("1", (side, side), 1)
    pixels = img.load()
    assert pixels is not None
    for y, x, length in code.dark_runs():
        for dx in range(length):
            pixels[QUIET_ZONE + x + dx, QUIET_ZONE + y] = 0
    return img.resize((side * scale, side * scale), Image.Resampling.NEAREST)


def write_png(code: QrCode, path: Path, *, scale: int = 10) -> None:
    to_image(code, scale=scale).save(path, format="PNG", optimize=True)


def to_svg(code: QrCode) -> str:
    """A scalable SVG: one path of dark runs on a white square, in module units."""
    side = code.size + 2 * QUIET_ZONE
    path = "".join(f"M{QUIET_ZONE + x} {QUIET_ZONE + y}h{n}v1h-{n}z" for y, x, n in code.dark_runs())
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" '
        f'width="{side * 10}" height="{side * 10}" shape-rendering="crispEdges">'
        f'<rect width="{side}" height="{side}" fill="#fff"/><path fill="#000" d="{path}"/></svg>\n'
    )


def write_svg(code: QrCode, path: Path) -> None:
    path.write_text(to_svg(code), encoding="utf-8")
