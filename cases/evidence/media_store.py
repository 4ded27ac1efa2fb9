"""Where evidence files live: a small interface, with the file system now and object storage later."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Protocol


class MediaStore(Protocol):
    def put(self, *, key: str, content: bytes) -> None:
        """Store `content` under `key`; writing the same key again is harmless."""

    def get(self, *, key: str) -> bytes: ...

    def exists(self, *, key: str) -> bool: ...


class FileMediaStore:
    """Files under a root directory (QF_MEDIA_DIR); keys are content addresses like `ab/abcdef….jpg`."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError(f"media key escapes the store: {key!r}")
        return path

    def put(self, *, key: str, content: bytes) -> None:
        path = self._path(key)
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(content)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def get(self, *, key: str) -> bytes:
        return self._path(key).read_bytes()

    def exists(self, *, key: str) -> bool:
        return self._path(key).exists()

    def remove_older(self, *, prefix: str, before: datetime) -> int:
        """Delete the files under `prefix` last written before `before` (half-written ones too); how many."""
        removed = 0
        cutoff = before.timestamp()
        folder = self._path(prefix)
        for path in folder.rglob("*") if folder.is_dir() else ():
            try:
                if path.is_file() and path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed += 1
            except FileNotFoundError:  # removed meanwhile by another sweep
                continue
        return removed
