"""QR codes rendered locally: identical to `qrcode`'s own symbols, and a real decoder reads them back."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import qrcode
from PIL import Image
from qrcode.constants import ERROR_CORRECT_H

from tests.qr_support import read_qr_codes
from villages.posters.qr_batch import h5_url
from villages.posters.qr_image import QUIET_ZONE, encode, to_image, write_png, write_svg

WECHAT_URL = "http://weixin.qq.com/q/02Ab-cD_efGhIjKlMnOpQr"
H5_URL = h5_url("https://qingfeng.example.cn/", "630223106213-2")


def decode(path_or_image: Path | Image.Image) -> tuple[str, str]:
    image = Image.open(path_or_image) if isinstance(path_or_image, Path) else path_or_image
    found = read_qr_codes(image.convert("L"))
    assert len(found) == 1
    return found[0].text, found[0].ec_level


@pytest.mark.parametrize("content", [WECHAT_URL, H5_URL, "630223106213", "x" * 200, "https://例子.cn/v/1"])
def test_symbol_is_the_one_qrcode_makes(content: str) -> None:
    ref = qrcode.QRCode(error_correction=ERROR_CORRECT_H, border=0)
    ref.add_data(content)
    ref.make(fit=True)
    expected = tuple("".join("1" if m else "0" for m in row) for row in ref.modules)
    assert encode(content).rows == expected


@pytest.mark.parametrize(("kind", "content"), [("wechat", WECHAT_URL), ("h5", H5_URL)])
def test_png_decodes_to_the_stored_content_at_level_h(kind: str, content: str, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.png"
    write_png(encode(content), path, scale=4)
    assert decode(path) == (content, "H")


def test_png_has_a_white_quiet_zone_of_four_modules() -> None:
    code = encode(H5_URL)
    image = to_image(code, scale=3).convert("L")
    assert image.size == ((code.size + 2 * QUIET_ZONE) * 3,) * 2
    margin = QUIET_ZONE * 3
    border = image.crop((0, 0, image.width, margin))
    assert border.getextrema() == (255, 255)  # all white
    assert image.getpixel((margin, margin)) == 0  # the finder pattern's dark corner starts right after


def test_svg_is_valid_and_decodes(tmp_path: Path) -> None:
    code = encode(WECHAT_URL)
    path = tmp_path / "code.svg"
    write_svg(code, path)
    root = ET.parse(path).getroot()
    side = code.size + 2 * QUIET_ZONE
    assert root.get("viewBox") == f"0 0 {side} {side}"
    # Rasterise the path's rectangles ourselves and decode the result.
    d = root.find("{http://www.w3.org/2000/svg}path")
    assert d is not None
    image = Image.new("L", (side, side), 255)
    for x, y, n in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\3z", d.get("d", "")):
        for dx in range(int(n)):
            image.putpixel((int(x) + dx, int(y)), 0)
    assert decode(image.resize((side * 4, side * 4), Image.Resampling.NEAREST)) == (WECHAT_URL, "H")
