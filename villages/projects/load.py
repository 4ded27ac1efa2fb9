"""Load a projects CSV into the database. The caller owns the transaction and commits once per file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from storage.repos import projects as repo
from villages.places.registry import BadRow
from villages.projects.parse import read_projects

# Invented demo data (see the comment at its top), loaded by `qingfeng setup` only when QF_ENV=dev.
DEMO_PROJECTS = Path(__file__).parents[1] / "data" / "demo_projects.csv"


@dataclass(frozen=True)
class ProjectImportReport:
    counts: repo.ProjectCounts
    bad_rows: tuple[BadRow, ...]

    @property
    def ok(self) -> bool:
        return not self.bad_rows


def import_projects(session: Session, *, path: Path, now: datetime, demo: bool = False) -> ProjectImportReport:
    """Upsert every valid row (unique by village, name and year); bad rows are reported with line numbers."""
    parsed = read_projects(path, demo=demo)
    known = repo.existing_village_codes(session, codes=[row.village_code for _, row in parsed.rows])
    unknown = [BadRow(line, f"village_code {row.village_code} is not in the registry") for line, row in parsed.rows]
    bad = [b for b, (_, row) in zip(unknown, parsed.rows, strict=True) if row.village_code not in known]
    good = [row for _, row in parsed.rows if row.village_code in known]
    counts = repo.upsert_projects(session, rows=good, now=now)
    return ProjectImportReport(counts=counts, bad_rows=tuple(sorted((*parsed.bad, *bad), key=lambda b: b.line)))


def load_demo_projects(session: Session, *, now: datetime) -> ProjectImportReport:
    return import_projects(session, path=DEMO_PROJECTS, now=now, demo=True)
