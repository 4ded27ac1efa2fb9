"""Strip what a photo says about its taker (GPS position, device, owner name) before it is stored,
and keep only what is a photo.

A phone photo's EXIF block often holds the exact spot where it was taken, which for a report is
usually the villager's home: an anonymous reporter must not be findable that way. The pixels are
kept byte for byte (no re-encoding, so the evidence loses nothing); only metadata segments go.
A JPEG keeps its orientation tag alone, so a portrait photo still shows upright.

`clean_image` is the one intake check (H5 uploads and the chat's downloads): besides the metadata it
drops whatever follows the image's own end (a ZIP or a page appended to a JPEG makes a polyglot that
other programs open as something else) and refuses a file that does not decode, or whose size in
pixels would make decoding it a memory bomb (known from the header, before any pixel is decoded).
"""

from __future__ import annotations

import io
import struct
import warnings
from collections.abc import Callable

from PIL import Image

ORIENTATION = 0x0112
# 40 megapixels: above every phone camera's photo (a 200 MP sensor saves 50 MP only in a special mode),
# and about 160 MB once decoded.
MAX_PIXELS = 40_000_000
# JPEG segments that carry no pixels and may name a person or a place: EXIF/XMP (APP1), IPTC (APP13),
# comments. JFIF (APP0), ICC colour profiles (APP2) and Adobe's colour transform (APP14) stay.
_JPEG_DROP = {0xE1, 0xED, 0xFE} | set(range(0xE3, 0xED)) | {0xEF}
# PNG and WebP keep only the chunks that draw the picture: text, EXIF, XMP and private chunks go.
_PNG_KEEP = {
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT", b"pHYs", b"bKGD",
    b"acTL", b"fcTL", b"fdAT",
}  # fmt: skip
_WEBP_KEEP = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}
# GIF application extensions that only say how to loop an animation; any other (XMP among them) goes.
_GIF_KEEP_APPS = {b"NETSCAPE2.0", b"ANIMEXTS1.0"}
_PIL_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF", "image/webp": "WEBP"}


class UnsafeImage(ValueError):
    """Not a photo we keep; the message is for the log, never for the villager."""


def strip_metadata(content: bytes, content_type: str) -> bytes:
    """The photo without identifying metadata; content that does not parse is returned unchanged."""
    strip = _STRIPPERS.get(content_type)
    if strip is None:
        return content
    try:
        return strip(content)
    except (ValueError, struct.error):
        return content


def clean_image(content: bytes, content_type: str) -> bytes:
    """The photo as it may be stored: metadata stripped, cut at its end, decodable within MAX_PIXELS.

    Raises UnsafeImage for anything else."""
    strip = _STRIPPERS.get(content_type)
    if strip is None:
        raise UnsafeImage(f"not a photo type: {content_type}")
    try:
        cleaned = strip(content)
    except (ValueError, struct.error) as exc:
        raise UnsafeImage(f"malformed {content_type}: {exc}") from exc
    _check_decodes(cleaned, _PIL_FORMATS[content_type])
    return cleaned


def _check_decodes(content: bytes, pil_format: str) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content), formats=[pil_format]) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise UnsafeImage(f"{width}x{height} pixels is over {MAX_PIXELS}")
                image.load()
    except UnsafeImage:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise UnsafeImage(f"too many pixels: {exc}") from exc
    except Exception as exc:  # Pillow raises many kinds on broken files; all mean "not a photo"
        raise UnsafeImage(f"does not decode as {pil_format}: {type(exc).__name__}") from exc


def _jpeg(content: bytes) -> bytes:
    if not content.startswith(b"\xff\xd8"):
        raise ValueError("not a JPEG")
    out = [b"\xff\xd8"]
    pos = 2
    orientation_kept = False
    while pos + 2 <= len(content):
        if content[pos] != 0xFF:
            raise ValueError("lost sync")
        marker = content[pos + 1]
        if marker == 0xFF:  # fill byte before a marker
            pos += 1
            continue
        if marker == 0xD9:  # end of image: whatever follows is not part of the photo
            out.append(b"\xff\xd9")
            return b"".join(out)
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # markers without a length
            out.append(content[pos : pos + 2])
            pos += 2
            continue
        if pos + 4 > len(content):
            raise ValueError("truncated marker")
        (length,) = struct.unpack(">H", content[pos + 2 : pos + 4])
        end = pos + 2 + length
        if end > len(content) or length < 2:
            raise ValueError("truncated segment")
        if marker == 0xDA:  # start of scan: its entropy-coded data runs to the next real marker
            end = _scan_end(content, end)
            out.append(content[pos:end])
        elif marker in _JPEG_DROP:
            if marker == 0xE1 and not orientation_kept:
                kept = _orientation_segment(content)
                if kept:
                    out.append(kept)
                    orientation_kept = True
        else:
            out.append(content[pos:end])
        pos = end
    raise ValueError("no end of image")


def _scan_end(content: bytes, pos: int) -> int:
    """Where a scan's data ends: the first 0xFF that is not a stuffed byte, a restart marker or fill."""
    while True:
        pos = content.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= len(content):
            raise ValueError("scan runs past the end")
        follower = content[pos + 1]
        if follower == 0x00 or 0xD0 <= follower <= 0xD7:
            pos += 2
        elif follower == 0xFF:
            pos += 1
        else:
            return pos


def _orientation_segment(content: bytes) -> bytes:
    """An APP1 segment holding only the orientation tag, or b'' when the photo has none."""
    with Image.open(io.BytesIO(content)) as image:
        orientation = image.getexif().get(ORIENTATION)
    if not orientation or orientation == 1:
        return b""
    exif = Image.Exif()
    exif[ORIENTATION] = int(orientation)
    payload = exif.tobytes()
    if not payload.startswith(b"Exif"):
        payload = b"Exif\x00\x00" + payload
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def _png(content: bytes) -> bytes:
    signature = b"\x89PNG\r\n\x1a\n"
    if not content.startswith(signature):
        raise ValueError("not a PNG")
    out = [signature]
    pos = len(signature)
    while pos + 12 <= len(content):
        (length,) = struct.unpack(">I", content[pos : pos + 4])
        kind = content[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(content):
            raise ValueError("truncated chunk")
        if kind in _PNG_KEEP:
            out.append(content[pos:end])
        pos = end
        if kind == b"IEND":  # whatever follows is not part of the photo
            return b"".join(out)
    raise ValueError("no IEND")


def _webp(content: bytes) -> bytes:
    if content[:4] != b"RIFF" or content[8:12] != b"WEBP":
        raise ValueError("not a WebP")
    (riff_size,) = struct.unpack("<I", content[4:8])
    riff_end = 8 + riff_size  # whatever follows the RIFF container is not part of the photo
    if riff_end > len(content) + 1:
        raise ValueError("truncated RIFF")
    chunks: list[bytes] = []
    pos = 12
    while pos + 8 <= riff_end:
        kind = content[pos : pos + 4]
        (size,) = struct.unpack("<I", content[pos + 4 : pos + 8])
        end = pos + 8 + size + (size & 1)  # chunks are padded to an even length
        if end > riff_end + 1:
            raise ValueError("truncated chunk")
        chunk = content[pos:end]
        if kind == b"VP8X" and len(chunk) >= 9:
            # Clear the EXIF (0x08) and XMP (0x04) flags for the chunks removed below.
            flags = chunk[8] & ~0x0C
            chunk = chunk[:8] + bytes([flags]) + chunk[9:]
        if kind in _WEBP_KEEP:
            chunks.append(chunk)
        pos = end
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _gif(content: bytes) -> bytes:
    """The GIF without comments, XMP or other application data, and nothing after its trailer."""
    if content[:6] not in (b"GIF87a", b"GIF89a") or len(content) < 13:
        raise ValueError("not a GIF")
    pos = 13 + _colour_table_size(content[10])
    out = [content[:pos]]
    while pos < len(content):
        block = content[pos]
        if block == 0x3B:  # trailer
            out.append(b";")
            return b"".join(out)
        if block == 0x21 and pos + 2 <= len(content):  # extension: label, then sub-blocks
            label = content[pos + 1]
            end = _sub_blocks_end(content, pos + 2)
            application = content[pos + 3 : pos + 14] if content[pos + 2] == 11 else b""
            if label != 0xFE and (label != 0xFF or application in _GIF_KEEP_APPS):
                out.append(content[pos:end])
        elif block == 0x2C and pos + 10 <= len(content):  # image: descriptor, colour table, LZW data
            start = pos + 10 + _colour_table_size(content[pos + 9])
            end = _sub_blocks_end(content, start + 1)
            out.append(content[pos:end])
        else:
            raise ValueError(f"unknown GIF block {block:#x}")
        pos = end
    raise ValueError("no GIF trailer")


def _colour_table_size(flags: int) -> int:
    return 3 << ((flags & 0x07) + 1) if flags & 0x80 else 0


def _sub_blocks_end(content: bytes, pos: int) -> int:
    while pos < len(content):
        size = content[pos]
        pos += 1 + size
        if size == 0:
            return pos
    raise ValueError("truncated GIF data")


_STRIPPERS: dict[str, Callable[[bytes], bytes]] = {
    "image/jpeg": _jpeg,
    "image/png": _png,
    "image/webp": _webp,
    "image/gif": _gif,
}
