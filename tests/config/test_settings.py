"""Settings: QF_ variables, and prod refuses to start with placeholder secrets, naming each one."""

from __future__ import annotations

import pytest

from config.settings import Settings, UnsafeSettings, check_for_prod


def test_reads_qf_prefixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QF_DATABASE_URL", "sqlite:///elsewhere.db")
    monkeypatch.setenv("QF_FAR_REPORT_KM", "12.5")
    monkeypatch.setenv("QF_COOKIE_SECURE", "true")
    s = Settings()
    assert (s.database_url, s.far_report_km, s.cookie_secure) == ("sqlite:///elsewhere.db", 12.5, True)


def test_dev_defaults_are_accepted_in_dev() -> None:
    check_for_prod(Settings(env="dev"))


def test_prod_names_every_placeholder() -> None:
    with pytest.raises(UnsafeSettings) as err:
        check_for_prod(Settings(env="prod"))
    for name in ("QF_SECRET_KEY", "QF_IDENTITY_KEY", "QF_WECHAT_TOKEN", "QF_WECHAT_APPSECRET", "QF_WECHAT_AES_KEY"):
        assert name in str(err.value)


def prod(secret_key: str, identity_key: str) -> Settings:
    return Settings(
        env="prod",
        wechat_token="t-9f8e7d",
        wechat_appid="wx1234567890abcdef",
        wechat_appsecret="a" * 32,
        wechat_aes_key="ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut",
        secret_key=secret_key,
        identity_key=identity_key,
        public_base_url="https://qingfeng.haidong.example.cn",
        cookie_secure=True,
    )


def test_prod_refuses_a_session_cookie_that_is_not_secure() -> None:
    settings = prod("one-long-secret-value", "another-long-secret-value").model_copy(update={"cookie_secure": False})
    with pytest.raises(UnsafeSettings, match="QF_COOKIE_SECURE"):
        check_for_prod(settings)


def test_prod_rejects_identity_key_equal_to_secret_key() -> None:
    with pytest.raises(UnsafeSettings, match="QF_IDENTITY_KEY"):
        check_for_prod(prod("same-long-secret-value", "same-long-secret-value"))


def test_prod_with_real_values_starts() -> None:
    check_for_prod(prod("one-long-secret-value", "another-long-secret-value"))


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000",  # the dev default: a poster that leads to the developer's machine
        "https://localhost",
        "https://[::1]:8443",
        "https://10.0.3.7",
        "https://192.168.1.20",
        "https://172.20.0.5",
        "https://qingfeng",  # a bare intranet name
        "http://qingfeng.haidong.example.cn",  # not https
        "not a url",
    ],
)
def test_prod_refuses_a_public_base_url_villagers_cannot_reach(url: str) -> None:
    settings = prod("one-long-secret-value", "another-long-secret-value").model_copy(update={"public_base_url": url})
    with pytest.raises(UnsafeSettings, match="QF_PUBLIC_BASE_URL"):
        check_for_prod(settings)
