"""All configuration, read from QF_* environment variables (and an optional .env file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from config.public_url import public_url_problem

# Values a developer might leave in place; prod refuses them by name.
PLACEHOLDERS = frozenset({"", "changeme", "change-me", "dev", "dev-secret", "secret", "test", "placeholder"})
DEV_SECRET = "dev-secret"  # noqa: S105 - the known-unsafe dev default that prod refuses
# 43 characters, a valid EncodingAESKey shape; only ever used in dev and tests.
DEV_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QF_", env_file=".env", extra="ignore")

    env: Literal["dev", "prod"] = "dev"
    database_url: str = "sqlite:///var/qingfeng.db"
    test_postgres_url: str = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

    wechat_token: str = "qingfeng-dev-token"  # noqa: S105 - dev default, refused in prod
    wechat_appid: str = "wx0000000000000000"
    wechat_appsecret: str = DEV_SECRET
    wechat_aes_key: str = DEV_AES_KEY
    wechat_aes_key_previous: str = ""
    wechat_api_base: str = "https://api.weixin.qq.com"
    wechat_template_id: str = ""
    wechat_follow_url: str = ""
    # The account's message encryption mode as set in WeChat's console: plain bodies are refused in
    # `safe` (a plain signature does not cover the body), encrypted ones in `plain`.
    wechat_mode: Literal["plain", "compatible", "safe"] = "compatible"
    # A signed webhook request older or newer than this is refused; its nonce is remembered as long.
    wechat_max_skew_s: int = Field(default=300, ge=30, le=3600)

    secret_key: str = DEV_SECRET
    identity_key: str = DEV_SECRET
    identity_key_previous: str = ""
    cookie_secure: bool = False
    public_base_url: str = "http://127.0.0.1:8000"
    media_dir: Path = Path("var/media")
    far_report_km: float = 5.0
    # Reports one villager may file per day (Beijing date); counted in the database.
    reports_per_day: int = Field(default=5, ge=1)
    # Staff login attempts per client address and per typed username in each 15-minute window, counted in
    # the database before any password is checked (every process sees them).
    login_attempts_per_ip: int = Field(default=30, ge=1)
    login_attempts_per_account: int = Field(default=10, ge=1)
    # Largest photo or voice file downloaded from WeChat for a case.
    media_max_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    # An XYZ tile server (Web Mercator, WGS-84), e.g. https://tiles.example.org/{z}/{x}/{y}.png; empty: the
    # case page shows coordinates and map links only, no embedded map.
    map_tile_url: str = ""
    # A request body must arrive within this many seconds, plus one second per QF_BODY_MIN_RATE_KB
    # kilobytes declared (a photo upload on a slow phone gets the time its size needs); else 408.
    body_timeout_s: float = Field(default=30.0, gt=0)
    body_min_rate_kb: float = Field(default=64.0, gt=0)

    # Seconds a webhook request may spend before answering `success` and replying via the outbox.
    reply_budget_s: float = Field(default=4.0, gt=0)
    run_background: bool = True
    # /metrics answers only `Authorization: Bearer <token>`; empty: only requests from this machine.
    metrics_token: str = ""
    # The administrator's pages warn once a delivery to WeChat has kept failing this long.
    outbox_alert_minutes: float = Field(default=30.0, gt=0)
    # Beijing-time hour after which, on working days, staff who chose a daily digest get it (cases/staff/alerts.py).
    staff_digest_hour: int = Field(default=8, ge=0, le=23)
    # Policy entries the service loads and `qingfeng kb reload` checks (empty: the packaged knowledge/entries).
    kb_dir: Path | None = None
    # Seconds between a process's checks of the knowledge-base version row (a reload switches within this).
    kb_poll_s: float = Field(default=5.0, ge=0)
    # Seconds the worker's lease lasts unless renewed (every second): if its process dies, another process's
    # worker takes over within this. At least 2 s, so one late renewal does not hand the work over.
    worker_lease_s: float = Field(default=30.0, ge=2)

    @field_validator("map_tile_url")
    @classmethod
    def _tile_template(cls, value: str) -> str:
        value = value.strip()
        if value and (
            not value.startswith(("https://", "http://")) or any(p not in value for p in ("{z}", "{x}", "{y}"))
        ):
            raise ValueError("QF_MAP_TILE_URL must be an http(s) URL with {z}, {x} and {y} in it, or empty")
        return value

    @property
    def is_prod(self) -> bool:
        return self.env == "prod"

    def problems(self) -> list[str]:
        """Names of settings that are unsafe for production (empty when fine)."""
        if not self.is_prod:
            return []
        bad: list[str] = []
        for name in ("wechat_token", "wechat_appid", "wechat_appsecret", "secret_key", "identity_key"):
            value = str(getattr(self, name))
            if value.strip().lower() in PLACEHOLDERS or value in {DEV_SECRET, "qingfeng-dev-token"}:
                bad.append(f"QF_{name.upper()}")
        if self.wechat_appid == "wx0000000000000000":
            bad.append("QF_WECHAT_APPID")
        if self.wechat_aes_key == DEV_AES_KEY:
            bad.append("QF_WECHAT_AES_KEY")
        if self.secret_key == self.identity_key:
            bad.append("QF_IDENTITY_KEY (must differ from QF_SECRET_KEY)")
        if not self.cookie_secure:
            bad.append("QF_COOKIE_SECURE (must be true: the staff session cookie may travel only over HTTPS)")
        url_problem = public_url_problem(self.public_base_url)
        if url_problem:
            bad.append(f"QF_PUBLIC_BASE_URL ({self.public_base_url}: {url_problem})")
        return sorted(set(bad))


class UnsafeSettings(RuntimeError):
    pass


def check_for_prod(settings: Settings) -> None:
    problems = settings.problems()
    if problems:
        raise UnsafeSettings("refusing to start in prod; set real values for: " + ", ".join(problems))


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
