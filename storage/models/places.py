"""Models of places and what is posted in them: counties, towns and villages (the registry), the printed
codes on village walls and their daily scans, and the village projects published with their funds."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Boolean, Date, Float, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class County(Base):
    __tablename__ = "counties"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))


class Town(Base):
    __tablename__ = "towns"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    county_code: Mapped[str] = mapped_column(ForeignKey("counties.code"), index=True)
    name: Mapped[str] = mapped_column(String(64))


class Village(Base):
    """A village-level unit. `is_village` is false for industrial-park units: no poster for them."""

    __tablename__ = "villages"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    town_code: Mapped[str] = mapped_column(ForeignKey("towns.code"), index=True)
    county_code: Mapped[str] = mapped_column(ForeignKey("counties.code"), index=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    urban_rural_code: Mapped[str | None] = mapped_column(String(3))
    is_village: Mapped[bool] = mapped_column(Boolean, default=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lng: Mapped[float | None] = mapped_column(Float)
    # 'gcj02' (WeChat) or 'wgs84' (browsers); a point without its datum is ambiguous by ~500 m.
    datum: Mapped[str | None] = mapped_column(String(8))


class Poster(Base):
    """A printed code on a wall. Kind and content never change once printed, so a reprint is identical."""

    __tablename__ = "posters"
    __table_args__ = (UniqueConstraint("village_code", "poster_no", name="uq_poster_village_no"),)
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    village_code: Mapped[str] = mapped_column(ForeignKey("villages.code"), index=True)
    poster_no: Mapped[int] = mapped_column(Integer)
    scene: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # 'wechat' (parametric code) or 'h5' (link)
    content: Mapped[str | None] = mapped_column(Text)  # what the QR code holds
    ticket: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]


class ScanDaily(Base):
    """Scans and H5 visits per poster scene and day; no openid or IP is kept for this."""

    __tablename__ = "scan_daily"
    scene: Mapped[str] = mapped_column(String(64), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)  # subscribe, scan, h5
    count: Mapped[int] = mapped_column(Integer, default=0)
    first_seen: Mapped[datetime]
    last_seen: Mapped[datetime]


class Project(Base):
    """A village project and its funds, as published (项目公开)."""

    __tablename__ = "projects"
    __table_args__ = (UniqueConstraint("village_code", "name", "year", name="uq_project_village_name_year"),)
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    village_code: Mapped[str] = mapped_column(ForeignKey("villages.code"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer)
    fund_source: Mapped[str] = mapped_column(String(100))
    amount_yuan: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    implementing_unit: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(32))
    start_date: Mapped[date | None] = mapped_column(Date)
    completion_date: Mapped[date | None] = mapped_column(Date)
    beneficiaries: Mapped[int | None] = mapped_column(Integer)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime]
