"""Beijing time for dates villagers read (China has no daylight saving time)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "CST")


def local_date(moment: datetime) -> date:
    return moment.astimezone(BEIJING).date()


def next_local_midnight(moment: datetime) -> datetime:
    """The next 00:00 in Beijing, as UTC."""
    day = local_date(moment) + timedelta(days=1)
    return datetime(day.year, day.month, day.day, tzinfo=BEIJING).astimezone(UTC)


def end_of_day_after(moment: datetime, days: int) -> datetime:
    """23:59:59 Beijing time, `days` calendar days after `moment`'s date, as UTC."""
    day = local_date(moment) + timedelta(days=days)
    return datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=BEIJING).astimezone(UTC)


def chinese_date(moment: datetime) -> str:
    d = local_date(moment)
    return f"{d.year}年{d.month}月{d.day}日"


def chinese_time(moment: datetime) -> str:
    local = moment.astimezone(BEIJING)
    return f"{local.month}月{local.day}日 {local.hour:02d}:{local.minute:02d}"
