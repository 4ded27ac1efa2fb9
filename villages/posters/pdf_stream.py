"""A minimal PDF writer that streams: every page goes to the file as soon as it is drawn.

Only object offsets and page object numbers stay in memory (a few bytes per page), so a document
of any length is written in constant memory. The caller draws pages with PDF content operators.
"""

from __future__ import annotations

import zlib
from array import array
from typing import BinaryIO

CATALOG = 1
PAGES = 2


class PdfStream:
    def __init__(self, out: BinaryIO, *, compress: bool = True) -> None:
        self._out = out
        self._compress = compress
        self._offsets = array("q", [0, 0])  # object n at index n-1; 0 until written
        self._pages = array("l")
        self._pos = 0
        self._write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

    def _write(self, data: bytes) -> None:
        self._out.write(data)
        self._pos += len(data)

    def reserve(self) -> int:
        """A new object number, to be written later with `write_object` or `write_stream`."""
        self._offsets.append(0)
        return len(self._offsets)

    def write_object(self, number: int, body: bytes) -> int:
        if self._offsets[number - 1]:
            raise ValueError(f"object {number} written twice")
        self._offsets[number - 1] = self._pos
        self._write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
        return number

    def add_object(self, body: bytes) -> int:
        return self.write_object(self.reserve(), body)

    def add_stream(self, data: bytes, *, extra: bytes = b"", compress: bool | None = None) -> int:
        """A stream object; `extra` holds more dictionary entries, e.g. b"/Length1 1234"."""
        if self._compress if compress is None else compress:
            data = zlib.compress(data, 6)
            extra += b" /Filter /FlateDecode"
        head = b"<< /Length %d %s >>\nstream\n" % (len(data), extra)
        return self.add_object(head + data + b"\nendstream")

    def add_page(self, content: bytes, *, resources: int, width: float, height: float) -> int:
        contents = self.add_stream(content)
        page = self.add_object(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources %d 0 R /Contents %d 0 R >>"
            % (PAGES, num(width), num(height), resources, contents)
        )
        self._pages.append(page)
        return page

    @property
    def page_count(self) -> int:
        return len(self._pages)

    def close(self, *, title: str = "") -> None:
        """Write the page tree, catalog, cross-reference table and trailer."""
        kids = b" ".join(b"%d 0 R" % p for p in self._pages)
        self.write_object(PAGES, b"<< /Type /Pages /Count %d /Kids [%s] >>" % (len(self._pages), kids))
        self.write_object(CATALOG, b"<< /Type /Catalog /Pages %d 0 R >>" % PAGES)
        info = self.add_object(b"<< /Title %s /Producer (Qingfeng) >>" % text_string(title))
        missing = [n + 1 for n, offset in enumerate(self._offsets) if not offset]
        if missing:
            raise ValueError(f"objects reserved but never written: {missing[:5]}")
        xref = self._pos
        count = len(self._offsets) + 1
        lines = [b"xref\n0 %d\n0000000000 65535 f \n" % count]
        lines.extend(b"%010d 00000 n \n" % offset for offset in self._offsets)
        self._write(b"".join(lines))
        self._write(
            b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (count, CATALOG, info, xref)
        )


def num(value: float) -> bytes:
    """A PDF number: at most two decimals, no exponent."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return (text if text not in {"", "-0"} else "0").encode("ascii")


def text_string(text: str) -> bytes:
    """A PDF text string (UTF-16BE with BOM) as a hex literal."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"
