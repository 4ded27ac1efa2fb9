"""Fonts for the streamed poster PDF: an embedded TrueType subset (the machine's Chinese font by default,
config/fonts.py), or the CID font STSong-Light, named but not embedded, when there is none.

Both write their PDF objects once, then turn a string into text-showing operators and measure it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFError, TTFontFile, makeToUnicodeCMap  # type: ignore[import-untyped]

from config.fonts import CJK_SUBFONT, cjk_font_path
from villages.posters.pdf_stream import PdfStream, num

CID_FONT = "STSong-Light"
# STSong-Light's metrics as reportlab writes them (Adobe-GB1; half-width Latin in CIDs 1-95).
_CID_WIDTHS = (
    b"1 [207 270 342 467 462 797 710 239 374] 10 [374 423 605 238 375 238 334 462] 18 26 462 27 28 238 "
    b"29 31 605 32 [344 748 684 560 695 739 563 511 729 793 318 312 666 526 896 758 772 544 772 628 "
    b"465 607 753 711 972 647 620 607 374 333 374 606 500 239 417 503 427 529 415 264 444 518 241 230 "
    b"495 228 793 527 524] 81 [524 504 338 336 277 517 450 652 466 452 407 370 258 370 605]"
)
_SUBSET_SIZE = 255  # codes 1..255 of a simple TrueType font; code 0 stays .notdef


class FontError(ValueError):
    """The font cannot be used for these posters (unreadable, or glyphs missing)."""


class PosterFont(Protocol):
    name: str

    def resources(self) -> bytes:
        """Entries of the page resources' /Font dictionary."""

    def show(self, text: str, size: float) -> bytes:
        """Operators that show `text` at `size` (inside BT ... ET, after the position is set)."""

    def width(self, text: str, size: float) -> float: ...


class CidFont:
    """STSong-Light, not embedded: small, but a reader without Adobe's Asian font pack shows boxes."""

    name = CID_FONT

    def __init__(self, pdf: PdfStream) -> None:
        self._metrics = UnicodeCIDFont(CID_FONT)
        descriptor = pdf.add_object(
            b"<< /Type /FontDescriptor /FontName /STSongStd-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
            b"/ItalicAngle 0 /Ascent 752 /Descent -271 /CapHeight 737 /StemV 58 /XHeight 553 /MissingWidth 500 >>"
        )
        descendant = pdf.add_object(
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 0 >> "
            b"/FontDescriptor %d 0 R /DW 1000 /W [%s] >>" % (descriptor, _CID_WIDTHS)
        )
        self._ref = pdf.add_object(
            b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
            b"/DescendantFonts [%d 0 R] >>" % descendant
        )

    def resources(self) -> bytes:
        return b"/C0 %d 0 R" % self._ref

    def show(self, text: str, size: float) -> bytes:
        # UniGB-UCS2-H: two bytes per character; characters beyond the BMP cannot be shown.
        encoded = "".join(c if ord(c) <= 0xFFFF else "?" for c in text).encode("utf-16-be")
        return b"/C0 %s Tf <%s> Tj" % (num(size), encoded.hex().encode("ascii"))

    def width(self, text: str, size: float) -> float:
        return float(self._metrics.stringWidth(text, size))


class TtfFont:
    """A TrueType font (or a .ttc member), embedded as subsets holding only the characters used."""

    def __init__(self, pdf: PdfStream, path: Path, chars: Iterable[str], *, subfont: int = 0) -> None:
        try:
            face = TTFontFile(str(path), subfontIndex=subfont)
        except (TTFError, OSError) as exc:
            raise FontError(f"cannot use {path} as a TrueType font: {exc}") from exc
        used = sorted({ord(c) for c in chars if c not in "\n"})
        missing = [chr(c) for c in used if c not in face.charToGlyph]
        if missing:
            raise FontError(f"{path} has no glyph for {len(missing)} characters, e.g. {''.join(missing[:20])}")
        self.name = face.name.decode("latin-1") if isinstance(face.name, bytes) else str(face.name)
        self._face = face
        self._code: dict[int, tuple[int, int]] = {}  # code point -> (subset, code in subset)
        self._refs: list[int] = []
        for index, start in enumerate(range(0, len(used), _SUBSET_SIZE)):
            subset = [0, *used[start : start + _SUBSET_SIZE]]
            for code, cp in enumerate(subset[1:], start=1):
                self._code[cp] = (index, code)
            self._refs.append(self._write_subset(pdf, index, subset))

    def _write_subset(self, pdf: PdfStream, index: int, subset: list[int]) -> int:
        face = self._face
        base = f"{_tag(index)}+{self.name}".encode("latin-1", "replace")
        program = face.makeSubset(subset)
        file_ref = pdf.add_stream(program, extra=b"/Length1 %d" % len(program))
        bbox = b" ".join(num(v) for v in face.bbox)
        descriptor = pdf.add_object(
            b"<< /Type /FontDescriptor /FontName /%s /Flags 4 /FontBBox [%s] /ItalicAngle %s /Ascent %s "
            b"/Descent %s /CapHeight %s /StemV %s /MissingWidth %s /FontFile2 %d 0 R >>"
            % (
                base,
                bbox,
                num(face.italicAngle),
                num(face.ascent),
                num(face.descent),
                num(face.capHeight),
                num(face.stemV),
                num(face.defaultWidth),
                file_ref,
            )
        )
        cmap = pdf.add_stream(makeToUnicodeCMap(base.decode("latin-1"), subset).encode("ascii"))
        widths = b" ".join(num(face.charWidths.get(cp, face.defaultWidth)) for cp in subset)
        return pdf.add_object(
            b"<< /Type /Font /Subtype /TrueType /BaseFont /%s /FirstChar 0 /LastChar %d /Widths [%s] "
            b"/FontDescriptor %d 0 R /ToUnicode %d 0 R >>" % (base, len(subset) - 1, widths, descriptor, cmap)
        )

    def resources(self) -> bytes:
        return b" ".join(b"/T%d %d 0 R" % (i, ref) for i, ref in enumerate(self._refs))

    def show(self, text: str, size: float) -> bytes:
        parts: list[bytes] = []
        current = -1
        run = bytearray()
        for ch in text:
            subset, code = self._code.get(ord(ch), (max(current, 0), 0))
            if subset != current and run:
                parts.append(b"/T%d %s Tf <%s> Tj" % (current, num(size), run.hex().encode("ascii")))
                run = bytearray()
            current = subset
            run.append(code)
        if run:
            parts.append(b"/T%d %s Tf <%s> Tj" % (current, num(size), run.hex().encode("ascii")))
        return b" ".join(parts)

    def width(self, text: str, size: float) -> float:
        widths = self._face.charWidths
        return float(sum(widths.get(ord(c), self._face.defaultWidth) for c in text)) * size / 1000.0


def default_font(pdf: PdfStream, chars: Iterable[str]) -> PosterFont:
    """The machine's Chinese TrueType font, embedded; STSong-Light when there is none, or it cannot be read, or
    it lacks a glyph of these posters (a rare character in a village's name)."""
    path = cjk_font_path()
    if path is not None:
        try:
            return TtfFont(pdf, path, chars, subfont=CJK_SUBFONT)
        except FontError:
            pass
    return CidFont(pdf)


def _tag(index: int) -> str:
    """Six capital letters naming a subset, as the PDF standard asks (AAAAAA+Font)."""
    letters = ""
    for _ in range(6):
        index, rest = divmod(index, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
