"""Separated powers over staff accounts: the administrator (role `admin`, no case content) cannot give
anyone, itself included, access to cases on its own.

Creating an account of a role with case access, or setting a new password for one, is stored as a
pending request (`staff_account_requests`, the password only as its argon2 hash) and takes effect when
a supervisor of that level confirms it:

- `city` and `county_discipline` accounts (supervisors: the whole city or county, reveal real-name
  reporters) are confirmed by a `city` user (市纪委监委);
- `department` and `town` accounts are confirmed by the `county_discipline` user of the account's
  county (县纪委监委), or by a `city` user; an account at a unit outside any county, by a `city` user;
- nobody confirms a change to their own account, and a request not decided within 7 days lapses.

Accounts of role `admin` have no case access: the administrator creates them and resets their passwords
directly. Requests, confirmations and refusals are audit rows in the confirming county's log (the
city's for city-level requests), so the supervisor sees them there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, false, select, true
from sqlalchemy.orm import Session

from cases.access import SUPERVISORS, Role, Viewer
from storage.models.staff import AccountRequest, StaffUser, Unit

CASE_ROLES: tuple[Role, ...] = (Role.CITY, Role.COUNTY_DISCIPLINE, Role.DEPARTMENT, Role.TOWN)
SUPERVISOR_ROLES = SUPERVISORS  # one list of the discipline commissions, next to the access rules
REQUEST_TTL = timedelta(days=7)
KIND_LABELS = {"create": "新建账号", "reset": "重置密码"}


class RequestRefused(ValueError):
    """An account request that cannot be made or decided; the message is shown on the page."""


@dataclass(frozen=True)
class Confirmer:
    role: Role  # city or county_discipline
    county_code: str | None  # the county whose discipline commission confirms; None: the city


def needs_confirmation(role: str) -> bool:
    return role in CASE_ROLES


def confirmer_for(session: Session, *, role: str, unit_code: str) -> Confirmer:
    unit = session.get(Unit, unit_code)
    county = unit.county_code if unit is not None else None
    if role in SUPERVISOR_ROLES or county is None:
        return Confirmer(Role.CITY, None)
    return Confirmer(Role.COUNTY_DISCIPLINE, county)


def may_confirm(viewer: Viewer, request: AccountRequest) -> bool:
    if viewer.username == request.username:
        return False
    if viewer.role == Role.CITY:
        return True
    return (
        viewer.role == Role.COUNTY_DISCIPLINE
        and request.confirm_role == Role.COUNTY_DISCIPLINE
        and viewer.county_code is not None
        and viewer.county_code == request.county_code
    )


def confirmable(viewer: Viewer) -> ColumnElement[bool]:
    """The pending requests this viewer may decide (may_confirm as a query condition)."""
    if viewer.role == Role.CITY:
        scope: ColumnElement[bool] = true()
    elif viewer.role == Role.COUNTY_DISCIPLINE and viewer.county_code:
        scope = and_(
            AccountRequest.confirm_role == Role.COUNTY_DISCIPLINE, AccountRequest.county_code == viewer.county_code
        )
    else:
        return false()
    return and_(scope, AccountRequest.status == "pending", AccountRequest.username != viewer.username)


def open_request(
    session: Session,
    *,
    kind: str,
    username: str,
    display_name: str,
    role: str,
    unit_code: str,
    password_hash: str,
    requested_by: str,
    now: datetime,
) -> AccountRequest:
    waiting = session.scalar(
        select(AccountRequest.id).where(
            AccountRequest.username == username,
            AccountRequest.status == "pending",
            AccountRequest.requested_at > now - REQUEST_TTL,
        )
    )
    if waiting is not None:
        raise RequestRefused(f"{username} 已有一项申请在等待确认，请等确认或拒绝后再提交")
    confirmer = confirmer_for(session, role=role, unit_code=unit_code)
    row = AccountRequest(
        kind=kind,
        username=username,
        display_name=display_name[:64],
        role=role,
        unit_code=unit_code,
        confirm_role=confirmer.role,
        county_code=confirmer.county_code,
        password_hash=password_hash,
        requested_by=requested_by[:64],
        requested_at=now,
        status="pending",
    )
    session.add(row)
    session.flush()
    return row


def decide(session: Session, *, request: AccountRequest, viewer: Viewer, approve: bool, now: datetime) -> None:
    """Confirm (apply) or refuse a pending request; the stored password hash is dropped either way."""
    if request.status != "pending":
        raise RequestRefused("这项申请已经处理过了")
    if not may_confirm(viewer, request):
        raise RequestRefused("您无权确认这项申请")
    if request.requested_at <= now - REQUEST_TTL:
        raise RequestRefused("这项申请已超过 7 天，已失效，请管理员重新提交")
    if approve:
        _apply(session, request, now)
    _close(request, "confirmed" if approve else "refused", viewer, now)


def _close(request: AccountRequest, status: str, viewer: Viewer, now: datetime) -> None:
    request.status, request.decided_by, request.decided_at = status, viewer.username, now
    request.password_hash = ""


def _apply(session: Session, request: AccountRequest, now: datetime) -> None:
    user = session.scalar(select(StaffUser).where(StaffUser.username == request.username).with_for_update())
    if request.kind == "create":
        if user is not None:
            raise RequestRefused(f"用户名 {request.username} 已被占用，这项申请不能执行")
        if session.get(Unit, request.unit_code) is None:
            raise RequestRefused("申请中的单位已不存在")
        session.add(
            StaffUser(
                username=request.username,
                display_name=request.display_name,
                password_hash=request.password_hash,
                role=request.role,
                unit_code=request.unit_code,
                active=True,
                failed_logins=0,
                session_epoch=0,
                created_at=now,
                must_change_password=True,  # the administrator chose the password
            )
        )
    else:
        if user is None or user.role != request.role or user.unit_code != request.unit_code:
            raise RequestRefused(f"{request.username} 的账号已变更，这项申请不能执行")
        user.password_hash, user.failed_logins, user.locked_until = request.password_hash, 0, None
        user.session_epoch += 1  # the old password's sessions end
        user.must_change_password = True
    session.flush()
