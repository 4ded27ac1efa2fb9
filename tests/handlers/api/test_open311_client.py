"""A GeoReport v2 client written elsewhere (civicbot, from PyPI) against /open311/v2 on a live server:
list services, read a definition, file a request, read it back, list by date, read a token.

civicbot sends the key with a POST only, as the specification's examples do; for its reads the key
goes as HTTP Basic credentials, set the ordinary urllib way (an opener sending them up front), and the
Idempotency-Key header the same way. Nothing in the library is changed.
"""

from __future__ import annotations

import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
from civicbot.http import HttpTransport, RateLimiter  # type: ignore[import-untyped]
from civicbot.open311 import Open311Client  # type: ignore[import-untyped]
from civicbot.registry import Endpoint  # type: ignore[import-untyped]
from sqlalchemy import Engine

from cases.interop import api_keys
from storage.db import make_sessionmaker, transaction
from storage.types import utcnow
from tests.browser_support import live
from tests.cases_support import VILLAGE
from tests.h5_support import h5_client

TOKEN = "grid-app-20261206-0001"


def test_a_georeport_client_from_pypi_files_reads_lists_and_resolves_a_token(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = h5_client(engine, tmp_path).app
    with transaction(make_sessionmaker(engine)) as session:
        _, key = api_keys.create(session, name="grid-app", unit_code="630223:jw", rate_per_hour=100, now=utcnow())
    with live(app) as base:
        passwords = urllib.request.HTTPPasswordMgrWithPriorAuth()
        passwords.add_password(None, base, "grid-app", key, is_authenticated=True)
        opener = urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(passwords))
        opener.addheaders = [("Idempotency-Key", TOKEN)]
        monkeypatch.setattr(urllib.request, "_opener", opener)
        endpoint = Endpoint(id="qingfeng", name="清风", base_url=f"{base}/open311/v2", write=True)
        client = Open311Client(endpoint, HttpTransport(rate_limiter=RateLimiter(0.0)), jurisdiction_id="630223")

        codes = [s["service_code"] for s in client.list_services()]
        assert "funds" in codes
        definition = client.get_service_definition("funds")
        assert definition["attributes"][0]["code"] == "cadre_level"
        sent = client.create_request(
            "funds",
            dry_run=False,
            confirm="SEND",
            api_key=key,
            validate_remote=True,  # the client checks its form against our definition first
            address_id=VILLAGE,
            description="村里把危房改造补助截留了 3000 元",
            attributes={"cadre_level": "village"},
        )
        number = sent.response[0]["service_request_id"]
        again = client.create_request(
            "funds",
            dry_run=False,
            confirm="SEND",
            api_key=key,
            address_id=VILLAGE,
            description="村里把危房改造补助截留了 3000 元",
            attributes={"cadre_level": "village"},
        )
        assert again.response[0]["service_request_id"] == number  # the same Idempotency-Key: one case

        read = client.get_request(number)
        assert read is not None and (read["service_request_id"], read["status"]) == (number, "open")
        now = utcnow()
        listed = client.list_requests(
            start_date=(now - timedelta(days=1)).isoformat(), end_date=(now + timedelta(days=1)).isoformat()
        )
        assert [r["service_request_id"] for r in listed] == [number]
        assert client.get_token(TOKEN) == [{"service_request_id": number, "token": TOKEN}]
