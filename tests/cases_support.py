"""Helpers for case tests: a loaded registry, a submit policy, and reports."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from cases.identity import IdentityKeys
from cases.intake.submit import SubmitPolicy, Submitted, submit
from cases.validation import EvidenceInput, ReportInput
from storage.db import transaction
from storage.types import utcnow
from tests.webhook_support import MINI_REGISTRY
from villages.places.importer import import_registry

VILLAGE = "630223106213"
KEYS = IdentityKeys("test-identity-key")
POLICY = SubmitPolicy(keys=KEYS, reports_per_day=5, far_report_km=5.0)


def load_registry(sessions: sessionmaker[Session]) -> None:
    with transaction(sessions) as session:
        import_registry(session, path=MINI_REGISTRY)


def report(openid: str | None = "o-villager", *, photos: int = 0, **changes: object) -> ReportInput:
    values: dict[str, object] = {
        "category": "funds",
        "description": "村里把危房改造补助截留了 3000 元",
        "village_code": VILLAGE,
        "reporter_openid": openid,
        "cadre_level": "village",
        "evidence": tuple(EvidenceInput(kind="image", media_id=f"{openid}-m{i}") for i in range(photos)),
    }
    values.update(changes)
    return ReportInput(**values)  # type: ignore[arg-type]


def submit_once(sessions: sessionmaker[Session], item: ReportInput, key: str, attempts: int = 8) -> Submitted:
    """Submit in its own transaction, retrying the transaction as an edge would on a lost race."""
    for _ in range(attempts):
        try:
            with transaction(sessions) as session:
                return submit(session, report=item, key=key, policy=POLICY, now=utcnow())
        except (IntegrityError, OperationalError):
            continue
    raise RuntimeError("submit kept failing")
