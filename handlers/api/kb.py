"""GET /api/kb/search?q=...&village=...: the policy search as JSON. Bad input is a 400/422 JSON answer."""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from starlette.requests import Request

from bot.context import Services
from knowledge.holder import KnowledgeHolder
from storage.repos.villages import Place

log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 200
MAX_LIMIT = 10
_VILLAGE = re.compile(r"[0-9]{12}")
_LIMIT = re.compile(r"[0-9]{1,2}")


class BadInput(ValueError):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def build_router(holder: KnowledgeHolder, services: Services, sessions: sessionmaker[Session]) -> APIRouter:
    router = APIRouter()

    def find_place(code: str) -> Place | None:
        if code in services.places:
            return services.places[code]
        with sessions() as session:
            return services.place(session, code)

    @router.get("/api/kb/search")
    def search(request: Request) -> JSONResponse:
        try:
            query, village, limit = _parse(request)
            place = find_place(village) if village else None
            if village and place is None:
                raise BadInput(422, f"unknown village code {village}")
        except BadInput as exc:
            return JSONResponse({"error": str(exc)}, status_code=exc.status)
        except SQLAlchemyError:
            log.warning("kb search: village lookup failed", exc_info=True)
            return JSONResponse({"error": "database unavailable"}, status_code=503)
        county = place.county_code[:6] if place else None
        try:
            result = holder.get().search(query, county_code=county, limit=limit)
        except Exception:
            log.exception("kb search failed for a %d-character query", len(query))
            return JSONResponse({"error": "search failed"}, status_code=503)
        body: dict[str, Any] = {
            "query": query,
            "village": village,
            "county": county,
            "hits": [
                {"entry_id": h.entry_id, "topics": list(h.topics), "score": round(h.score, 4), "title": h.title}
                for h in result.hits
            ],
            "confident": result.confident,
            "out_of_scope": result.out_of_scope,
            "kb_version": holder.version,
        }
        return JSONResponse(body)

    return router


def _parse(request: Request) -> tuple[str, str | None, int]:
    params = request.query_params
    for name in params:
        if len(params.getlist(name)) > 1:
            raise BadInput(400, f"{name} given more than once")
    raw = params.get("q")
    if raw is None:
        raise BadInput(400, "q is required")
    query = raw.strip()
    if not query:
        raise BadInput(422, "q is empty")
    if len(query) > MAX_QUERY_CHARS:
        raise BadInput(422, f"q is longer than {MAX_QUERY_CHARS} characters")
    if any(ord(c) < 32 and c not in "\t\n\r" for c in query):
        raise BadInput(422, "q contains control characters")
    village = params.get("village", "").strip() or None
    if village is not None and not _VILLAGE.fullmatch(village):
        raise BadInput(422, "village must be a 12-digit village code")
    limit_text = params.get("limit", "3").strip()
    if not _LIMIT.fullmatch(limit_text) or not 1 <= int(limit_text) <= MAX_LIMIT:
        raise BadInput(422, f"limit must be a whole number from 1 to {MAX_LIMIT}")
    return query, village, int(limit_text)
