"""Open311 GeoReport v2 for other systems (#22): see docs/open311.md."""

from __future__ import annotations

from fastapi import FastAPI

from bot.context import Services
from handlers.api.open311.gate import Open311Api, VillageFinder
from handlers.api.open311.routes import build_router
from handlers.jobs.cases_jobs import case_policy
from handlers.runtime import Runtime
from villages.places.lookup import PlaceIndex

# A village named in address_string must match this well, and be the only one in the key's area that does.
MIN_ADDRESS_SCORE = 85.0


def village_finder(index: PlaceIndex) -> VillageFinder:
    def find(text: str, area: str) -> str | None:
        hits = [m for m in index.find(text[:200], limit=20) if m.place.code.startswith(area)]
        good = [m for m in hits if m.score >= MIN_ADDRESS_SCORE]
        if len(good) == 1 or (len(good) > 1 and good[0].score > good[1].score):
            return good[0].place.code
        return None

    return find


def install_open311(app: FastAPI, runtime: Runtime, services: Services) -> None:
    index = services.place_index
    assert index is not None, "create_app builds the place index first"
    api = Open311Api(
        sessions=runtime.sessions,
        policy=case_policy(runtime),
        public_base_url=runtime.settings.public_base_url,
        find_village=village_finder(index),
    )
    app.include_router(build_router(api))
