"""Evidence intake: the one way a photo or voice note gets into the media store, from the chat's download
job and from the H5 upload alike.

A file is known by its bytes, never by its name or declared type: the one table below names each format
by its full signature (a WebP is `RIFF....WEBP`, not any RIFF file; a GIF is `GIF87a` or `GIF89a`). A
photo then loses its metadata and whatever follows its end, and must decode (photo_privacy.clean_image).
The cleaned bytes are addressed by their SHA-256.

`take_in` does all of it for one file. The H5 form checks a batch first and stores it only once the
device's quota has room for it, so it calls the two halves, `examine` and `keep`, itself.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cases.evidence.media_store import MediaStore
from cases.evidence.photo_privacy import UnsafeImage, clean_image
from cases.intake import staging
from cases.validation import EvidenceKind


@dataclass(frozen=True)
class Format:
    kind: EvidenceKind
    content_type: str
    ext: str
    prefixes: tuple[bytes, ...]
    # A second mark at a fixed offset, for containers whose first bytes are shared (RIFF holds WAV and AVI too).
    mark_at: int = 0
    mark: bytes = b""

    def matches(self, content: bytes) -> bool:
        if not content.startswith(self.prefixes):
            return False
        return not self.mark or content[self.mark_at : self.mark_at + len(self.mark)] == self.mark


# Every format we keep, photos as the H5 form and WeChat send them, voice notes as WeChat sends them.
FORMATS: tuple[Format, ...] = (
    Format(EvidenceKind.IMAGE, "image/jpeg", "jpg", (b"\xff\xd8\xff",)),
    Format(EvidenceKind.IMAGE, "image/png", "png", (b"\x89PNG\r\n\x1a\n",)),
    Format(EvidenceKind.IMAGE, "image/gif", "gif", (b"GIF87a", b"GIF89a")),
    Format(EvidenceKind.IMAGE, "image/webp", "webp", (b"RIFF",), mark_at=8, mark=b"WEBP"),
    Format(EvidenceKind.VOICE, "audio/amr", "amr", (b"#!AMR",)),
    Format(EvidenceKind.VOICE, "audio/ogg", "ogg", (b"OggS",)),
    Format(EvidenceKind.VOICE, "audio/silk", "silk", (b"#!SILK",)),
    Format(EvidenceKind.VOICE, "audio/mpeg", "mp3", (b"ID3",)),
)
EXTENSIONS = {f.content_type: f.ext for f in FORMATS}


class NotAccepted(ValueError):
    """A file we do not keep; the message is for the log, never for the villager."""


class WrongType(NotAccepted):
    """Not one of the formats of its kind (or not the type it was declared as)."""


class Unusable(NotAccepted):
    """Of a kept format, but broken, or a photo too large in pixels to decode safely."""


@dataclass(frozen=True)
class Accepted:
    """A file as it may be stored: cleaned, typed by its bytes, with its content address."""

    kind: EvidenceKind
    content: bytes
    content_type: str
    ext: str
    sha256: str

    @property
    def size_bytes(self) -> int:
        return len(self.content)

    @property
    def key(self) -> str:
        return f"{self.sha256[:2]}/{self.sha256}.{self.ext}"


def sniff(kind: EvidenceKind, content: bytes) -> Format:
    """The format of `content` among those of `kind`; WrongType if none."""
    for fmt in FORMATS:
        if fmt.kind == kind and fmt.matches(content):
            return fmt
    raise WrongType(f"unexpected content for {kind}: {content[:8]!r}")


def examine(kind: EvidenceKind, content: bytes, *, declared: str | None = None) -> Accepted:
    """Check and clean one file; `declared`, when given (a browser's upload), must agree with the bytes."""
    fmt = sniff(kind, content)
    if declared is not None and declared != fmt.content_type:
        raise WrongType(f"declared {declared}, content is {fmt.content_type}")
    if kind == EvidenceKind.IMAGE:
        try:
            content = clean_image(content, fmt.content_type)  # no GPS or device traces, nothing after the end
        except UnsafeImage as exc:
            raise Unusable(f"unusable image: {exc}") from exc
    return Accepted(kind, content, fmt.content_type, fmt.ext, hashlib.sha256(content).hexdigest())


def keep(store: MediaStore, accepted: Accepted, *, staged: bool = False) -> str:
    """Store an accepted file and return its key: its content address, or a staging key (H5 previews)."""
    if staged:
        return staging.stage(store, content=accepted.content, digest=accepted.sha256, ext=accepted.ext)
    store.put(key=accepted.key, content=accepted.content)
    return accepted.key


def take_in(
    store: MediaStore, kind: EvidenceKind, content: bytes, *, declared: str | None = None
) -> tuple[Accepted, str]:
    """examine, then keep at the content address: the whole intake of one file."""
    accepted = examine(kind, content, declared=declared)
    return accepted, keep(store, accepted)
