"""Strip what a photo says about its taker (GPS position, device, owner name) before it is stored.

A phone photo's EXIF block often holds the exact spot where it was taken, which for a report is
usually the villager's home: an anonymous reporter must not be findable that way. The pixels are
kept byte for byte (no re-encoding, so the evidence loses nothing); only metadata segments go.
A JPEG keeps its orientation tag alone, so a portrait photo still shows upright.
"""

from __future__ import annotations

import io
import struct

from PIL import Image

ORIENTATION = 0x0112
# JPEG segments that carry no pixels and may name a person or a place: EXIF/XMP (APP1), IPTC (APP13),
# comments. JFIF (APP0), ICC colour profiles (APP2) and Adobe's colour transform (APP14) stay.
_JPEG_DROP = {0xE1, 0xED, 0xFE} | set(range(0xE3, 0xED)) | {0xEF}
_PNG_DROP = {b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"}
_WEBP_DROP = {b"EXIF", b"XMP "}


def strip_metadata(content: bytes, content_type: str) -> bytes:
    """The photo without identifying metadata; content that does not parse is returned unchanged."""
    try:
        if content_type == "image/jpeg":
            return _jpeg(content)
        if content_type == "image/png":
            return _png(content)
        if content_type == "image/webp":
            return _webp(content)
    except (ValueError, struct.error):
        return content
    return content  # GIF carries no position or device fields


def _jpeg(content: bytes) -> bytes:
    if not content.startswith(b"\xff\xd8"):
        raise ValueError("not a JPEG")
    out = [b"\xff\xd8"]
    pos = 2
    orientation_kept = False
    while pos + 4 <= len(content):
        if content[pos] != 0xFF:
            raise ValueError("lost sync")
        marker = content[pos + 1]
        if marker == 0xDA:  # start of scan: the rest is image data
            out.append(content[pos:])
            return b"".join(out)
        (length,) = struct.unpack(">H", content[pos + 2 : pos + 4])
        segment = content[pos : pos + 2 + length]
        if len(segment) < 2 + length:
            raise ValueError("truncated segment")
        if marker in _JPEG_DROP:
            if marker == 0xE1 and not orientation_kept:
                kept = _orientation_segment(content)
                if kept:
                    out.append(kept)
                    orientation_kept = True
        else:
            out.append(segment)
        pos += 2 + length
    raise ValueError("no image data")


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
        if kind not in _PNG_DROP:
            out.append(content[pos:end])
        pos = end
        if kind == b"IEND":
            return b"".join(out)
    raise ValueError("no IEND")


def _webp(content: bytes) -> bytes:
    if content[:4] != b"RIFF" or content[8:12] != b"WEBP":
        raise ValueError("not a WebP")
    chunks: list[bytes] = []
    pos = 12
    while pos + 8 <= len(content):
        kind = content[pos : pos + 4]
        (size,) = struct.unpack("<I", content[pos + 4 : pos + 8])
        end = pos + 8 + size + (size & 1)  # chunks are padded to an even length
        if end > len(content) + 1:
            raise ValueError("truncated chunk")
        chunk = content[pos:end]
        if kind == b"VP8X" and len(chunk) >= 9:
            # Clear the EXIF (0x08) and XMP (0x04) flags for the chunks removed below.
            flags = chunk[8] & ~0x0C
            chunk = chunk[:8] + bytes([flags]) + chunk[9:]
        if kind not in _WEBP_DROP:
            chunks.append(chunk)
        pos = end
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body
