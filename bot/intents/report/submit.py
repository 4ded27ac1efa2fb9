"""Filing the draft as a case, a report or a hardship application."""

from __future__ import annotations

from bot import report_prompts as p
from bot.context import Context, Reply
from bot.intents.report.draft import HARDSHIP, draft_data, policy
from cases.intake import report_drafts
from cases.intake.ratelimit import RateLimited
from cases.intake.submit import submit
from cases.timeutil import chinese_time
from cases.validation import (
    MAX_DESCRIPTION,
    Channel,
    InvalidReport,
    LocationInput,
    LocationSource,
    ReportInput,
)
from storage.models.cases import ReportDraft


def submit_report(ctx: Context, draft: ReportDraft) -> Reply:
    data = draft_data(draft)
    loc = data.get("location")
    report = ReportInput(
        category=str(data.get("category", "")),
        description=p.description_of(data),
        village_code=ctx.place.code if ctx.place else "",
        reporter_openid=ctx.user.openid,
        anonymous=bool(data.get("anonymous", True)),
        name=data.get("name"),
        phone=data.get("phone"),
        cadre_level=data.get("cadre_level"),
        cadre_level_inferred=bool(data.get("cadre_inferred")),
        location=LocationInput(
            lat=float(loc["lat"]),
            lng=float(loc["lng"]),
            source=LocationSource(str(loc["source"])),
            label=loc.get("label") or None,
            accuracy_m=loc.get("accuracy_m"),
        )
        if isinstance(loc, dict)
        else None,
        evidence=report_drafts.evidence(ctx.session, draft_id=draft.draft_id),
        channel=Channel.CHAT,
    )
    return file_report(ctx, draft, report)


def file_report(ctx: Context, draft: ReportDraft, report: ReportInput, *, hardship: bool = False) -> Reply:
    try:
        done = submit(ctx.session, report=report, key=f"chat:{draft.draft_id}", policy=policy(ctx), now=ctx.now)
    except InvalidReport as exc:
        return Reply("还不能提交：\n" + "\n".join(exc.problems) + "\n\n回复 2 修改。")
    except RateLimited as exc:
        return Reply(
            f"您今天已提交 {policy(ctx).reports_per_day} 次反映，请在 {chinese_time(exc.retry_at)} 后再提交。\n"
            "草稿会为您保留 24 小时。急事请拨打 12388。"
        )
    report_drafts.discard(ctx.session, draft=draft)
    ctx.reset()
    return Reply(p.hardship_submitted_text(done) if hardship else p.submitted_text(done))


def submit_hardship(ctx: Context, draft: ReportDraft) -> Reply:
    data = draft_data(draft)
    report = ReportInput(
        category=HARDSHIP,
        description=p.hardship_description(data)[:MAX_DESCRIPTION],
        village_code=ctx.place.code if ctx.place else "",
        reporter_openid=ctx.user.openid,
        anonymous=False,
        name=data.get("name"),
        phone=data.get("phone"),
        cadre_level=None,
        location=None,
        evidence=report_drafts.evidence(ctx.session, draft_id=draft.draft_id),
        channel=Channel.CHAT,
    )
    return file_report(ctx, draft, report, hardship=True)
