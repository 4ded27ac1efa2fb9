"""Where to find a TrueType font with Chinese glyphs to embed in the PDFs (scoreboard report, posters).

A PDF that only names the CID font STSong-Light shows boxes in a reader without Adobe's Asian font pack;
an embedded font prints the same everywhere. The Dockerfile and .ci/run install fonts-wqy-microhei.
"""

from __future__ import annotations

from pathlib import Path

# Tried in order; the first that exists is embedded (subfont 0 of a .ttc collection).
CJK_FONT_CANDIDATES: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),  # Debian / Ubuntu fonts-wqy-microhei
    Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),  # Fedora, Alpine
    Path("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc"),  # Arch
)
CJK_SUBFONT = 0


def cjk_font_path(candidates: tuple[Path, ...] | None = None) -> Path | None:
    """The first candidate font file that exists, or None (then the PDFs fall back to STSong-Light)."""
    for path in CJK_FONT_CANDIDATES if candidates is None else candidates:
        if path.is_file():
            return path
    return None
