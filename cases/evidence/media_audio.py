"""Browser-playable copies of voice notes.

WeChat sends voice notes as AMR (sometimes Speex in Ogg, or SILK), which no browser plays. Staff hear
them as Ogg/Opus: free codecs, so Debian's Chromium (built without the proprietary ones) plays them,
as does every current browser. The ffmpeg that the `imageio-ffmpeg` wheel ships does the conversion;
no system ffmpeg is needed.

When: lazily, the first time a case page shows the note, and cached in the media store next to the
original under a key derived from the original's content address. Not at download time, because
- notes stored before this existed need the same path anyway, so the lazy one must exist;
- the download job then stays about fetching and keeping the original: an ffmpeg failure can never
  turn a good download into a failed one, nor be retried as if WeChat were at fault;
- the cached key follows from the original's key, so no column (and no migration) records it.
The original is never changed or removed; if conversion fails, staff can still download it.
"""

from __future__ import annotations

import logging
import subprocess
from dataclasses import dataclass

import imageio_ffmpeg

from cases.evidence.media_store import MediaStore

log = logging.getLogger(__name__)

PLAYABLE_TYPE = "audio/ogg"
PLAYABLE_SUFFIX = ".play.ogg"
TIMEOUT_S = 60.0
# The demuxer to name for each stored content type (see cases.evidence.media_jobs); others are probed.
_INPUT_FORMATS = {"audio/amr": "amr", "audio/ogg": "ogg", "audio/mpeg": "mp3"}


@dataclass(frozen=True)
class Playable:
    """The store key of the playable copy, or why there is none."""

    key: str | None
    error: str | None = None


class ConversionFailed(RuntimeError):
    pass


def playable_key(original_key: str) -> str:
    stem = original_key.rsplit(".", 1)[0] if "." in original_key.rsplit("/", 1)[-1] else original_key
    return stem + PLAYABLE_SUFFIX


def ffmpeg_exe() -> str:
    return str(imageio_ffmpeg.get_ffmpeg_exe())


def to_ogg_opus(content: bytes, *, content_type: str | None = None, exe: str | None = None) -> bytes:
    """Mono Ogg/Opus at 24 kbit/s (plenty for speech); ConversionFailed with ffmpeg's reason."""
    try:
        program = exe or ffmpeg_exe()
    except RuntimeError as exc:  # imageio-ffmpeg found no binary for this platform
        raise ConversionFailed(f"no ffmpeg: {exc}") from exc
    command = [program, "-hide_banner", "-nostdin", "-loglevel", "error"]
    fmt = _INPUT_FORMATS.get((content_type or "").split(";")[0].strip().lower())
    if fmt:
        command += ["-f", fmt]
    command += ["-i", "pipe:0", "-vn", "-map_metadata", "-1", "-ac", "1", "-c:a", "libopus", "-b:a", "24k"]
    command += ["-application", "voip", "-f", "ogg", "pipe:1"]
    try:
        done = subprocess.run(  # noqa: S603 - a fixed argument list, the file only on stdin
            command, input=content, capture_output=True, timeout=TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ConversionFailed(f"ffmpeg did not run: {exc}") from exc
    if done.returncode != 0 or not done.stdout.startswith(b"OggS"):
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        raise ConversionFailed(f"ffmpeg exit {done.returncode}: {reason[0][:300]}")
    return done.stdout


def ensure_playable(
    store: MediaStore, *, original_key: str, content_type: str | None, exe: str | None = None
) -> Playable:
    """The cached playable copy, converting the original once if there is none yet. Never raises for a
    bad file: the failure comes back as `error`, so the case page can say so and offer the original."""
    key = playable_key(original_key)
    try:
        if store.exists(key=key):
            return Playable(key)
        content = store.get(key=original_key)
    except (OSError, ValueError) as exc:
        log.warning("voice note %s unreadable: %s", original_key, exc)
        return Playable(None, f"original unreadable: {exc}")
    try:
        converted = to_ogg_opus(content, content_type=content_type, exe=exe)
        store.put(key=key, content=converted)
    except (ConversionFailed, OSError) as exc:
        log.warning("voice note %s not converted: %s", original_key, exc)
        return Playable(None, str(exc))
    return Playable(key)
