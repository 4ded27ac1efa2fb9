"""Who sees which cases, enforced in the query: every staff read of a case goes through case_scope.

| role | sees |
| city | all cases |
| county_discipline | every case in its county (and the supervision list) |
| department | cases its unit leads or assists, in its county |
| town | cases its town government handles, never conflict-of-interest ones |
| admin | no case content |

The audit log is scoped the same way (audit_scope): the city reads all of it, a county's discipline
commission its county's rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, exists, false, or_, select, true
from sqlalchemy.orm import Session

from storage.models.cases import Case, CaseStatCell
from storage.models.staff import AuditEntry, CaseCoUnit, CaseRouting, StaffUser, Unit


class Role(StrEnum):
    """A staff account's role; the values are what the database and the forms hold."""

    CITY = "city"
    COUNTY_DISCIPLINE = "county_discipline"
    DEPARTMENT = "department"
    TOWN = "town"
    ADMIN = "admin"


ROLES: tuple[Role, ...] = tuple(Role)
ROLE_LABELS: dict[str, str] = {
    Role.CITY: "市级监督",
    Role.COUNTY_DISCIPLINE: "县纪委监委",
    Role.DEPARTMENT: "县直部门",
    Role.TOWN: "乡镇",
    Role.ADMIN: "系统管理员",
}
# Who may open which staff pages (handlers/admin/routes.py). The administrator runs the system and sees
# no case; the supervisors are the discipline commissions, the city's and each county's.
CASE_STAFF: tuple[Role, ...] = (Role.CITY, Role.COUNTY_DISCIPLINE, Role.DEPARTMENT, Role.TOWN)
SUPERVISORS: tuple[Role, ...] = (Role.CITY, Role.COUNTY_DISCIPLINE)
ADMINS: tuple[Role, ...] = (Role.ADMIN,)


@dataclass(frozen=True)
class Viewer:
    user_id: int
    username: str
    role: Role
    unit_code: str
    unit_name: str
    county_code: str | None
    display_name: str = ""  # the person's name, shown in the page header; the login name when none was given

    @property
    def actor(self) -> str:
        return f"staff:{self.username}"


def viewer_for(session: Session, user: StaffUser) -> Viewer:
    unit = session.get(Unit, user.unit_code)
    return Viewer(
        user_id=user.id,
        username=user.username,
        role=Role(user.role),
        unit_code=user.unit_code,
        unit_name=unit.name if unit else user.unit_code,
        county_code=unit.county_code if unit else None,
        display_name=user.display_name or user.username,
    )


def case_scope(viewer: Viewer) -> ColumnElement[bool]:
    if viewer.role == Role.CITY:
        return true()
    if viewer.role == Role.COUNTY_DISCIPLINE and viewer.county_code:
        return Case.county_code == viewer.county_code
    if viewer.role == Role.DEPARTMENT:
        # IN rather than a correlated EXISTS: both sides of the OR can then use an index (route_unit, and
        # the case ids from case_co_units), so a department's cases are never found by scanning them all.
        co = Case.id.in_(select(CaseCoUnit.case_id).where(CaseCoUnit.unit_code == viewer.unit_code))
        return or_(Case.route_unit == viewer.unit_code, co)
    if viewer.role == Role.TOWN:
        # A town also sees the cases it assists (a household's hardship: it visits), never one about cadres.
        conflict = exists().where(CaseRouting.case_id == Case.id, CaseRouting.conflict.is_(True))
        co = Case.id.in_(select(CaseCoUnit.case_id).where(CaseCoUnit.unit_code == viewer.unit_code))
        return and_(or_(Case.route_unit == viewer.unit_code, co), ~conflict)
    return false()


@dataclass(frozen=True)
class RollupScope:
    """case_scope split for the statistics' rollup (rows per month, county, unit and category):
    `cells` selects rollup rows, `cases` is the same set of cases as a condition on Case, and `rest`
    (disjoint from it) is the remainder of the scope the rollup cannot hold, or None."""

    cells: ColumnElement[bool]
    cases: ColumnElement[bool]
    rest: ColumnElement[bool] | None = None


def rollup_scope(viewer: Viewer) -> RollupScope | None:
    """cells ∪ rest is exactly case_scope(viewer); None for a role whose scope needs each case (town:
    never its conflict-of-interest cases)."""
    if viewer.role == Role.CITY:
        return RollupScope(true(), true())
    if viewer.role == Role.COUNTY_DISCIPLINE and viewer.county_code:
        return RollupScope(CaseStatCell.county_code == viewer.county_code, Case.county_code == viewer.county_code)
    if viewer.role == Role.DEPARTMENT:
        assisted = Case.id.in_(select(CaseCoUnit.case_id).where(CaseCoUnit.unit_code == viewer.unit_code))
        return RollupScope(
            CaseStatCell.route_unit == viewer.unit_code,
            Case.route_unit == viewer.unit_code,
            and_(assisted, Case.route_unit != viewer.unit_code),
        )
    if viewer.role == Role.TOWN:
        return None
    return RollupScope(false(), false())


def scoped_case(session: Session, viewer: Viewer, case_id: int) -> Case | None:
    return session.scalar(select(Case).where(Case.id == case_id, case_scope(viewer)))


def is_supervisor(viewer: Viewer) -> bool:
    return viewer.role in (Role.CITY, Role.COUNTY_DISCIPLINE)


def can_act(viewer: Viewer, case: Case) -> bool:
    """Handle the case: its lead unit, or a supervisor over it (scoping already checked)."""
    return is_supervisor(viewer) or case.route_unit == viewer.unit_code


def can_approve_extension(viewer: Viewer, routing: CaseRouting | None) -> bool:
    if viewer.role == Role.CITY:
        return True
    return routing is not None and viewer.unit_code == routing.supervising_unit


def can_reveal(viewer: Viewer) -> bool:
    return viewer.role in (Role.CITY, Role.COUNTY_DISCIPLINE)


def audit_scope(viewer: Viewer) -> ColumnElement[bool]:
    """The audit rows a supervisor reads, scoped like cases: the city's discipline commission the whole
    log; a county's discipline commission its county's rows (its cases, its staff's actions, changes
    to its accounts); anyone else none."""
    if viewer.role == Role.CITY:
        return true()
    if viewer.role == Role.COUNTY_DISCIPLINE and viewer.county_code:
        return AuditEntry.county_code == viewer.county_code
    return false()
