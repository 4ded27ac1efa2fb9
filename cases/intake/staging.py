"""Photos uploaded on the H5 form wait in a staging area until a case takes them.

The preview step stores a photo under `staging/`, where no case points; submitting copies it to its
content address, which the case's evidence names. The background worker removes staged files older
than STAGED_FOR, so a preview never sent costs disk for two hours at most.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from cases.evidence.media_store import FileMediaStore, MediaStore

STAGING = "staging"
STAGED_FOR = timedelta(hours=2)


def stage(store: MediaStore, *, content: bytes, digest: str, ext: str) -> str:
    """Store an upload for a while; the key is new for every upload, so one sweep never hits another's file."""
    key = f"{STAGING}/{digest}.{secrets.token_hex(8)}.{ext}"
    store.put(key=key, content=content)
    return key


def is_staged(key: str) -> bool:
    return key.startswith(STAGING + "/")


def promote(store: FileMediaStore, *, key: str) -> str:
    """The permanent key of a staged photo, stored there now (raises FileNotFoundError once swept)."""
    if not is_staged(key):
        return key
    digest, _token, ext = key.removeprefix(STAGING + "/").split(".")
    permanent = f"{digest[:2]}/{digest}.{ext}"
    if not store.exists(key=permanent):
        store.put(key=permanent, content=store.get(key=key))
    return permanent


def sweep(store: FileMediaStore, *, now: datetime) -> int:
    """Remove staged files no case took in time; how many went."""
    return store.remove_older(prefix=STAGING, before=now - STAGED_FOR)
