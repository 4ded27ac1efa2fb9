"""Whether a base URL can go on a printed poster or into a link sent to villagers.

A poster is printed once and hangs on a wall for years: a code that leads to a developer's machine or a
county's internal network is worse than none, so anything but a public https:// origin is refused there.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

_LOCAL_NAMES = ("localhost", "localhost.localdomain")
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa")


def local_host(host: str) -> bool:
    """True for loopback, private-range, link-local and unspecified addresses and for local-only names."""
    host = host.strip("[]").lower().rstrip(".")
    if not host or host in _LOCAL_NAMES or host.endswith(_LOCAL_SUFFIXES) or ("." not in host and ":" not in host):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_unspecified or ip.is_reserved


def public_url_problem(url: str) -> str | None:
    """Why `url` cannot be the public origin of printed codes and links, or None when it can."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        return "不是有效的网址 / not a valid URL"
    if parts.scheme not in {"http", "https"} or not host:
        return "不是有效的网址 / not a valid URL"
    if local_host(host):
        return f"{host} 是本机或内网地址，村民扫码打不开 / {host} is a loopback or private address"
    if parts.scheme != "https":
        return "必须是 https:// 地址 / must be https://"
    return None
