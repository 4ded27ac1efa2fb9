"""Photos lose their GPS position, device and author fields before they are stored; pixels stay intact."""

from __future__ import annotations

import io

from PIL import Image, PngImagePlugin

from cases.evidence.photo_privacy import ORIENTATION, strip_metadata

GPS_IFD = 0x8825
MAKE, MODEL, ARTIST = 0x010F, 0x0110, 0x013B


def _picture() -> Image.Image:
    image = Image.new("RGB", (32, 16), (200, 30, 30))
    for x in range(16):
        image.putpixel((x, 3), (10, 200, 10))
    return image


def _exif(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[MAKE], exif[MODEL], exif[ARTIST] = "PhoneMaker", "Model X", "张三"
    exif[ORIENTATION] = orientation
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (36.0, 30.0, 0.0), 3: "E", 4: (102.0, 24.0, 0.0)})
    return exif


def _jpeg(orientation: int) -> bytes:
    out = io.BytesIO()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description exif:GPSLatitude="36,30N"/></x:xmpmeta>'
    _picture().save(out, "JPEG", quality=90, exif=_exif(orientation).tobytes(), xmp=xmp, comment=b"owner 13800000000")
    return out.getvalue()


def _pixels(content: bytes) -> bytes:
    with Image.open(io.BytesIO(content)) as image:
        return image.convert("RGB").tobytes()


def test_jpeg_loses_gps_device_author_and_comments_but_keeps_pixels_and_orientation() -> None:
    original = _jpeg(orientation=6)
    assert b"PhoneMaker" in original and b"GPSLatitude" in original and b"13800000000" in original
    stripped = strip_metadata(original, "image/jpeg")
    for trace in (b"PhoneMaker", b"Model X", "张三".encode(), b"GPSLatitude", b"13800000000"):
        assert trace not in stripped
    with Image.open(io.BytesIO(stripped)) as image:
        exif = image.getexif()
        assert dict(exif) == {ORIENTATION: 6}
        assert not exif.get_ifd(GPS_IFD)
    assert _pixels(stripped) == _pixels(original)
    # The compressed image data is the same bytes: nothing was re-encoded.
    assert stripped[stripped.index(b"\xff\xda") :] == original[original.index(b"\xff\xda") :]


def test_jpeg_without_rotation_keeps_no_exif_at_all() -> None:
    stripped = strip_metadata(_jpeg(orientation=1), "image/jpeg")
    assert b"Exif" not in stripped
    with Image.open(io.BytesIO(stripped)) as image:
        assert not image.getexif()


def test_png_text_and_exif_chunks_go() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Li Si 13800000000")
    info.add_itxt("Location", "36.5N 102.4E")
    out = io.BytesIO()
    _picture().save(out, "PNG", pnginfo=info, exif=_exif(1).tobytes())
    original = out.getvalue()
    stripped = strip_metadata(original, "image/png")
    for chunk in (b"tEXt", b"iTXt", b"eXIf"):
        assert chunk in original and chunk not in stripped
    assert _pixels(stripped) == _pixels(original)


def test_webp_exif_chunk_goes_and_the_file_still_decodes() -> None:
    out = io.BytesIO()
    _picture().save(out, "WEBP", lossless=True, exif=_exif(1).tobytes())
    original = out.getvalue()
    assert b"PhoneMaker" in original
    stripped = strip_metadata(original, "image/webp")
    assert b"PhoneMaker" not in stripped and b"EXIF" not in stripped
    assert int.from_bytes(stripped[4:8], "little") == len(stripped) - 8
    assert _pixels(stripped) == _pixels(original)


def test_unparseable_content_is_kept_as_it_came() -> None:
    broken = b"\xff\xd8\xff\xe1\x00"  # a JPEG cut off inside its first segment
    assert strip_metadata(broken, "image/jpeg") == broken
    gif = b"GIF89a" + b"\x00" * 20
    assert strip_metadata(gif, "image/gif") == gif
