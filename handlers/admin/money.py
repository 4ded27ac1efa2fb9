"""补贴比对 for staff (/admin/money): the cross-check rules with each one's clues and precision (查实 share),
the latest clues, the runs, and the share of payments households have confirmed, per village.

Every figure counts only the clues whose cases the viewer may see (cases.access.case_scope): a town never
sees a clue about a cadre of its villages. Persons show masked; each view is an audit row. The county's
discipline commission and the city may run the rules now (the worker also runs them once a month)."""

from __future__ import annotations

from sqlalchemy import select
from starlette.responses import RedirectResponse, Response

from cases.access import SUPERVISORS, case_scope
from cases.identity import IdentityKeys
from cases.intake.submit import SubmitPolicy
from cases.money import clues, confirmations
from cases.money.checks import rules
from cases.reading.scoreboard import this_month
from cases.workdays import WorkCalendar
from handlers.admin.views import StaffCtx
from handlers.web.params import whole
from storage.models import County, Village
from storage.models.cases import Case
from storage.models.money import MoneyClue, MoneyPayment, MoneyRun
from storage.types import utcnow

SEVERITY = {"high": "高", "medium": "中", "review": "需核实"}
RULE_OWNERS = "县纪委监委（各规则线索按分办规则交办，回避规则同群众反映）"
UNKNOWN_RULE = "已停用的比对规则"  # a clue of a rule no longer shipped: never its code
LATEST = 100
MAX_PAYMENTS_SHOWN = 500


def _county(ctx: StaffCtx) -> str:
    v = ctx.viewer
    if v.role != "city":
        return (v.county_code or "-")[:6]
    chosen = (ctx.request.query_params.get("county") or "").strip()[:6]
    known = {c[:6] for c in ctx.session.scalars(select(County.code))}
    return chosen if chosen in known else ""


async def money_page(ctx: StaffCtx) -> Response:
    v = ctx.viewer
    county = _county(ctx)
    scope = case_scope(v)
    latest_q = (
        select(MoneyClue, Case.number, Case.status, Case.finding)
        .join(Case, Case.id == MoneyClue.case_id)
        .where(scope)
        .order_by(MoneyClue.first_seen_at.desc(), MoneyClue.id.desc())
        .limit(LATEST)
    )
    runs_q = select(MoneyRun).order_by(MoneyRun.started_at.desc()).limit(5)
    if county:
        latest_q = latest_q.where(MoneyClue.county_code == county)
        runs_q = runs_q.where((MoneyRun.county_code == county) | MoneyRun.county_code.is_(None))
    latest = ctx.session.execute(latest_q).all()
    village_names = _village_names(ctx, {row[0].village_code for row in latest}, county)
    # The same figures as the scoreboard's 补贴发放确认 (cases/money/confirmations.py), this month's window.
    month = this_month(utcnow())
    share = confirmations.by_village(ctx.session, v, month=month, choice=county, every=True).villages if county else []
    ctx.audit("view_money", county=county, clues=len(latest))
    return ctx.render(
        "money.html",
        rules=rules(),
        tallies=clues.tallies(ctx.session, scope=scope, county=county),
        latest=latest,
        runs=ctx.session.scalars(runs_q).all(),
        share=sorted(share, key=lambda row: row.code),
        names=village_names,
        county=county,
        counties=ctx.session.scalars(select(County).order_by(County.code)).all() if v.role == "city" else [],
        may_run=v.role in SUPERVISORS and bool(county),
        severity=SEVERITY,
        owners=RULE_OWNERS,
        yuan=clues.yuan,
        new_clues=ctx.request.query_params.get("done", "")[:6],
        unknown_rule=UNKNOWN_RULE,
    )


def _village_names(ctx: StaffCtx, codes: set[str], county: str) -> dict[str, str]:
    query = select(Village.code, Village.name)
    query = query.where(Village.code.like(f"{county}%")) if county else query.where(Village.code.in_(codes))
    return {code: name for code, name in ctx.session.execute(query)}


async def clue_page(ctx: StaffCtx) -> Response:
    """The payments behind one clue, masked; every view is an audit row on the clue's case."""
    v = ctx.viewer
    clue_id = whole(str(ctx.request.path_params.get("clue_id", "")), low=1, high=2**62)
    row = None
    if clue_id is not None:
        row = ctx.session.execute(
            select(MoneyClue, Case.number)
            .join(Case, Case.id == MoneyClue.case_id)
            .where(MoneyClue.id == clue_id, case_scope(v))
        ).first()
    if row is None:
        return ctx.render("error.html", 404, message="没有找到这条线索，或您无权查看。")
    clue, number = row
    ids = [str(i) for i in clue.evidence][:MAX_PAYMENTS_SHOWN]
    payments = ctx.session.scalars(
        select(MoneyPayment)
        .where(MoneyPayment.payment_id.in_(ids))
        .order_by(MoneyPayment.period_start, MoneyPayment.payment_id)
    ).all()
    ctx.audit("view_money_payments", clue.case_id, clue=clue.id, rule=clue.rule, payments=len(payments))
    return ctx.render(
        "money_clue.html",
        clue=clue,
        number=number,
        rule=rules().get(clue.rule),
        payments=payments,
        more=max(0, len(clue.evidence) - len(ids)),
        names=_village_names(ctx, {clue.village_code, *(p.village_code for p in payments)}, ""),
        yuan=clues.yuan,
        unknown_rule=UNKNOWN_RULE,
    )


class MoneyRunner:
    def __init__(self, keys: IdentityKeys, calendar: WorkCalendar) -> None:
        self.policy = SubmitPolicy(keys=keys, calendar=calendar)

    async def run_now(self, ctx: StaffCtx) -> Response:
        v = ctx.viewer
        county = (v.county_code or "")[:6]
        if v.role == "city":
            chosen = str(ctx.request.state.form.get("county") or "").strip()[:6]
            county = chosen if chosen in {c[:6] for c in ctx.session.scalars(select(County.code))} else ""
        if not county:
            return ctx.render("error.html", 400, message="请先选择县区再运行比对。")
        found = clues.run(ctx.session, policy=self.policy, now=utcnow(), county=county, trigger="admin")
        ctx.audit("money_run", county=county, findings=len(found), new=sum(c.new for c in found))
        suffix = f"&county={county}" if v.role == "city" else ""
        return RedirectResponse(f"/admin/money?done={sum(c.new for c in found)}{suffix}", status_code=303)
