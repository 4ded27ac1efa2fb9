"""The poster PDF: one page per poster, names in the text layer, the right size, fonts, the code itself."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from config import fonts as config_fonts
from storage.repos.villages import Place
from tests.conftest import IN_CI
from tests.qr_support import read_qr_codes
from villages.places.hotlines import Hotline, Hotlines, load_hotlines
from villages.posters.poster_fonts import FontError
from villages.posters.poster_layout import A3, A4, ACTIONS, PRIVACY, PosterPage, poster_chars
from villages.posters.poster_pdf import write_posters

PLACES = [
    Place("630223106213", "土观村", "630223106000", "威远镇", "630223000000", "互助土族自治县", True),
    Place("630202101201", "新庄村", "630202101000", "高庙镇", "630202000000", "乐都区", True),
]
HOTLINES = Hotlines(
    default=(Hotline("纪检监察举报电话", "12388"),), counties={"630202000000": (Hotline("区纪委", "0972-1234567"),)}
)
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")


def pages(n: int = 1) -> list[PosterPage]:
    out = []
    for p in PLACES:
        for i in range(1, n + 1):
            scene = p.code if i == 1 else f"{p.code}-{i}"
            out.append(PosterPage(p, scene, "h5", f"https://qingfeng.example.cn/v/{scene}"))
    return out


def render(size: str = "A4", font: Path | None = None, n: int = 1) -> pypdf.PdfReader:
    buf = io.BytesIO()
    stats = write_posters(iter(pages(n)), buf, size=size, hotlines=HOTLINES, places=PLACES, font_path=font)
    assert stats.pages == len(PLACES) * n
    return pypdf.PdfReader(io.BytesIO(buf.getvalue()))


def test_one_page_per_poster_with_names_actions_privacy_hotlines_and_scene() -> None:
    reader = render(n=2)
    assert len(reader.pages) == 4
    texts = [page.extract_text() for page in reader.pages]
    for text, page in zip(texts, pages(2), strict=True):
        for part in (page.place.county_name, page.place.town_name, page.place.name, page.scene, "12388"):
            assert part in text
        for title, _hint in ACTIONS:
            assert title in text
        assert PRIVACY[0] in text
    assert "0972-1234567" in texts[2] and "0972-1234567" not in texts[0]  # county lines only in that county


@pytest.mark.parametrize(("size", "box"), [("A4", A4), ("A3", A3)])
def test_page_size(size: str, box: tuple[float, float]) -> None:
    page = render(size).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(box, abs=0.01)


def _page_fonts(reader: pypdf.PdfReader) -> pypdf.generic.DictionaryObject:
    resources = reader.pages[0]["/Resources"]
    assert isinstance(resources, pypdf.generic.DictionaryObject)
    fonts = resources["/Font"].get_object()
    assert isinstance(fonts, pypdf.generic.DictionaryObject)
    return fonts


def _assert_cid_font_not_embedded(reader: pypdf.PdfReader) -> None:
    fonts = _page_fonts(reader)
    font = next(iter(fonts.values())).get_object()
    assert font["/BaseFont"] == "/STSong-Light" and font["/Encoding"] == "/UniGB-UCS2-H"
    descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
    assert "/FontFile2" not in descriptor and "/FontFile" not in descriptor


def test_without_a_chinese_truetype_font_the_default_is_the_cid_font_not_embedded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(config_fonts, "CJK_FONT_CANDIDATES", (tmp_path / "wqy-microhei.ttc",))
    _assert_cid_font_not_embedded(render())


def test_a_default_font_lacking_a_glyph_falls_back_to_the_cid_font(monkeypatch: pytest.MonkeyPatch) -> None:
    latin = [p for p in _truetype_fonts() if "dejavu" in p.name.lower() or "liberation" in p.name.lower()]
    if not latin:
        pytest.skip("no Latin-only TrueType font on this machine")
    monkeypatch.setattr(config_fonts, "CJK_FONT_CANDIDATES", (latin[0],))
    reader = render()
    _assert_cid_font_not_embedded(reader)
    assert "新庄村" in reader.pages[1].extract_text()


def test_by_default_the_machines_chinese_font_is_embedded() -> None:
    if config_fonts.cjk_font_path() is None:
        reason = "no Chinese TrueType font here (install fonts-wqy-microhei)"
        if IN_CI:
            pytest.fail(reason + "; .ci/run installs it")
        pytest.skip(reason)
    reader = render()
    assert all(part in reader.pages[1].extract_text() for part in ("乐都区", "高庙镇", "新庄村", "12388"))
    for ref in _page_fonts(reader).values():
        font_dict = ref.get_object()
        assert font_dict["/Subtype"] == "/TrueType" and "+WenQuanYiMicroHei" in str(font_dict["/BaseFont"])
        assert "/FontFile2" in font_dict["/FontDescriptor"].get_object()


def test_drawn_code_decodes(tmp_path: Path) -> None:
    """The vector code, re-drawn from the page's own rectangles, holds the stored content."""
    buf = io.BytesIO()
    write_posters(iter(pages()), buf, size="A4", hotlines=HOTLINES, places=PLACES)
    content = pypdf.PdfReader(io.BytesIO(buf.getvalue())).pages[0].get_contents()
    assert content is not None
    ops = content.get_data().decode("latin-1")
    qr = ops[ops.index(" cm 1 g ") :].split(" f Q", 1)[0]
    side = int(qr.split(" re f")[0].split()[-1])
    image = Image.new("L", (side, side), 255)
    for rect in qr.split("0 g\n", 1)[1].split(" re")[:-1]:
        x, y, w, _h = (int(v) for v in rect.split())
        for dx in range(w):
            image.putpixel((x + dx, side - 1 - y), 0)
    found = read_qr_codes(image.resize((side * 4, side * 4), Image.Resampling.NEAREST))
    assert [(f.text, f.ec_level) for f in found] == [(pages()[0].content, "H")]


def _truetype_fonts() -> list[Path]:
    return sorted(p for d in FONT_DIRS if d.is_dir() for p in d.rglob("*") if p.suffix.lower() in {".ttf", ".ttc"})


def _cjk_font() -> Path | None:
    """A TrueType font on this machine that has every character a poster needs (fonts-wqy-microhei)."""
    from reportlab.pdfbase.ttfonts import TTFontFile  # type: ignore[import-untyped]

    needed = {ord(c) for c in poster_chars(PLACES, load_hotlines()) | poster_chars(PLACES, HOTLINES)}
    for path in _truetype_fonts():
        try:
            face = TTFontFile(str(path))
        except Exception:
            continue
        if needed <= set(face.charToGlyph):
            return path
    return None


def test_font_embeds_a_truetype_subset() -> None:
    font = _cjk_font()
    if font is None:
        reason = "no TrueType font with Chinese glyphs here (install fonts-wqy-microhei)"
        if IN_CI:
            pytest.fail(reason + "; .ci/run installs it")
        pytest.skip(reason)
    reader = render(font=font)
    text = reader.pages[1].extract_text()
    assert all(part in text for part in ("乐都区", "高庙镇", "新庄村", "12388", ACTIONS[0][0]))
    fonts = _page_fonts(reader)
    for ref in fonts.values():
        font_dict = ref.get_object()
        assert font_dict["/Subtype"] == "/TrueType" and "+" in str(font_dict["/BaseFont"])
        assert "/FontFile2" in font_dict["/FontDescriptor"].get_object()


def test_a_font_without_chinese_glyphs_is_refused() -> None:
    latin = [p for p in _truetype_fonts() if "dejavu" in p.name.lower() or "liberation" in p.name.lower()]
    if not latin:
        pytest.skip("no Latin-only TrueType font on this machine")
    with pytest.raises(FontError, match="no glyph for"):
        render(font=latin[0])


def test_a_file_that_is_not_a_font_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "not-a-font.ttf"
    bogus.write_bytes(b"hello")
    with pytest.raises(FontError, match="cannot use"):
        render(font=bogus)
