"""`qingfeng qr posters`: one page per stored poster, streamed into one PDF (and optional PNG/SVG files).

Posters print what `qr create` stored: the same kind and content every time, so a reprint never
changes a code on a wall. A village that has no poster row yet gets an h5 row first (its link works
with any account and any camera); a wechat row still waiting for its ticket is left out and counted.

Memory stays flat whatever the number of villages: rows are read a few hundred villages at a time,
each page is written to the file as soon as it is drawn, and the code is drawn as vector squares.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from sqlalchemy.orm import Session, sessionmaker

from storage.db import transaction
from storage.repos import posters
from storage.repos.villages import Place
from villages.places.hotlines import Hotlines
from villages.posters.pdf_stream import PdfStream
from villages.posters.poster_fonts import PosterFont, TtfFont, default_font
from villages.posters.poster_layout import SIZES, Layout, PosterPage, poster_chars
from villages.posters.qr_image import encode, write_png, write_svg

_VILLAGE_CHUNK = 200


@dataclass
class PosterStats:
    pages: int = 0
    waiting: list[str] = field(default_factory=list)  # scenes of wechat posters with no ticket yet


@dataclass(frozen=True)
class StoredSurvey:
    """What printing these places would carry, read before a page is drawn."""

    bare: list[Place]  # villages with no poster row: printing lists them, `qr create` makes them
    h5_origins: list[str]  # the distinct origins the h5 posters' links point at


def survey(sessions: sessionmaker[Session], *, places: Sequence[Place]) -> StoredSurvey:
    with transaction(sessions) as session:
        rows = posters.list_posters(session, village_codes=[p.code for p in places])
    have = {r.village_code for r in rows}
    origins = sorted({_origin(r.content) for r in rows if r.kind == "h5" and r.content})
    return StoredSurvey(bare=[p for p in places if p.code not in have], h5_origins=origins)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def stored_pages(sessions: sessionmaker[Session], places: Sequence[Place], stats: PosterStats) -> Iterator[PosterPage]:
    """The printable posters of these places, read a chunk of villages at a time."""
    for start in range(0, len(places), _VILLAGE_CHUNK):
        chunk = {p.code: p for p in places[start : start + _VILLAGE_CHUNK]}
        with transaction(sessions) as session:
            rows = posters.list_posters(session, village_codes=list(chunk))
        for row in rows:
            if row.content is None:
                stats.waiting.append(row.scene)
                continue
            yield PosterPage(place=chunk[row.village_code], scene=row.scene, kind=row.kind, content=row.content)


def write_posters(
    pages: Iterator[PosterPage],
    out: BinaryIO,
    *,
    size: str,
    hotlines: Hotlines,
    places: Sequence[Place],
    font_path: Path | None = None,
    png_dir: Path | None = None,
    svg_dir: Path | None = None,
    stats: PosterStats | None = None,
    progress: Callable[[int], None] | None = None,
) -> PosterStats:
    """Stream one page per poster into `out`, embedding a subset of `font_path` (a TrueType font), or by
    default of the machine's Chinese font (STSong-Light, not embedded, if there is none)."""
    stats = stats or PosterStats()
    pdf = PdfStream(out)
    chars = poster_chars(places, hotlines)
    font: PosterFont = default_font(pdf, chars) if font_path is None else TtfFont(pdf, font_path, chars)
    resources = pdf.add_object(b"<< /Font << %s >> /ProcSet [/PDF /Text] >>" % font.resources())
    layout = Layout(font, SIZES[size], hotlines)
    for dir_ in (png_dir, svg_dir):
        if dir_ is not None:
            dir_.mkdir(parents=True, exist_ok=True)
    for page in pages:
        code = encode(page.content)
        pdf.add_page(layout.page(page, code), resources=resources, width=layout.width, height=layout.height)
        if png_dir is not None:
            write_png(code, png_dir / f"{page.scene}.png")
        if svg_dir is not None:
            write_svg(code, svg_dir / f"{page.scene}.svg")
        stats.pages += 1
        if progress is not None:
            progress(stats.pages)
    pdf.close(title="清风 村务监督二维码")
    return stats
