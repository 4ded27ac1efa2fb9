"""Real, small images for intake tests, and hostile ones: polyglots, GIF comments and XMP, pixel bombs."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

ZIP_TAIL = b"PK\x03\x04\x14\x00\x00\x00\x08\x00<html><script>alert(1)</script></html>"
GIF_COMMENT = b"owner 13800000000"
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description exif:GPSLatitude="36,30N"/></x:xmpmeta>'


def jpeg_bytes(size: int = 32) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (size, size), (200, 30, 30)).save(out, "JPEG", quality=85)
    return out.getvalue()


def gif_with_comment_and_xmp() -> bytes:
    """A GIF carrying a comment and an XMP application block (as Photoshop writes it)."""
    out = io.BytesIO()
    Image.new("P", (16, 16), 1).save(out, "GIF", comment=GIF_COMMENT)
    plain = out.getvalue()
    assert plain.endswith(b";") and GIF_COMMENT in plain
    xmp = b"\x21\xff\x0bXMP DataXMP" + b"".join(bytes([len(part)]) + part for part in _chunks(XMP, 255)) + b"\x00"
    return plain[:-1] + xmp + b";"


def huge_png(width: int = 30_000, height: int = 30_000) -> bytes:
    """A small file whose header claims `width` x `height` pixels (1-bit grey; only ten rows of data)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    rows = zlib.compress(b"\0" * ((width + 7) // 8 + 1) * 10)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def _chunks(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]
