"""The JSON API: events, one event, one article, GeoJSON, stats, and the two
curation verbs (split, merge) that need a write token.

Every route reads through the store's Python API (`query_events`, `get_event`,
`get_article`, `stats`); nothing here builds SQL.
"""
from __future__ import annotations

import hmac
import json
import inspect
import re
from datetime import date
from typing import Annotated, Any, Optional
from urllib.parse import quote

from fastapi import APIRouter, Body, Depends, Header, HTTPException, Path, Query, Request, Response
from fastapi.responses import RedirectResponse

from . import models as m
from .filters import (MAX_GEOJSON, MAX_OFFSET, MAX_PAGE, WebFilters, clean_text, invalid,
                      parse_bbox, to_store_filters)

MAX_ID = 300  # the store's id columns are VARCHAR(300)
_BAD_ID = re.compile(r"[\x00-\x1f\x7f]")

router = APIRouter(prefix="/api", tags=["events"])


def get_store(request: Request) -> Any:
    return request.app.state.store


def web_filters(
    since: Annotated[Optional[date], Query(description="events on or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[Optional[date], Query(description="events on or before this day (YYYY-MM-DD)")] = None,
    country: Annotated[Optional[str], Query(max_length=200, description="country name, e.g. Syria")] = None,
    admin1: Annotated[Optional[str], Query(max_length=200, description="first-level region, e.g. Deir ez-Zor")] = None,
    type: Annotated[Optional[str], Query(max_length=200, description="ACLED event type or sub-type")] = None,
    actor: Annotated[Optional[str], Query(max_length=200, description="actor name or id (actor1 or actor2)")] = None,
    source: Annotated[Optional[str], Query(max_length=200, description="a source that reports the event")] = None,
    bbox: Annotated[Optional[str], Query(max_length=200, description="minlon,minlat,maxlon,maxlat")] = None,
    q: Annotated[Optional[str], Query(max_length=200, description="text search")] = None,
    modality: Annotated[Optional[str], Query(max_length=40, description="asserted, claimed, alleged, denied, foiled…")] = None,
) -> WebFilters:
    if since and until and since > until:
        raise invalid("until", "since must be on or before until", str(until))
    return WebFilters(
        since=since, until=until,
        country=clean_text("country", country), admin1=clean_text("admin1", admin1),
        type=clean_text("type", type), actor=clean_text("actor", actor),
        source=clean_text("source", source), bbox=parse_bbox(bbox),
        q=clean_text("q", q), modality=clean_text("modality", modality),
    )


Filters = Annotated[WebFilters, Depends(web_filters)]
Store = Annotated[Any, Depends(get_store)]


# List totals are counted up to TOTAL_CAP (or offset + limit, if more): a larger count is reported
# as that cap + 1 with "total_exact": false ("more than 10000"); exact below it.
TOTAL_CAP = 10_000


def _capped(fn: Any) -> bool:
    try:
        return "total_cap" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def _cap(limit: int, offset: int) -> int:
    """Count up to TOTAL_CAP, or past the page asked for (so paging on stays possible)."""
    return max(TOTAL_CAP, offset + limit)


def _total(total: int, limit: int, offset: int) -> tuple[int, bool]:
    """(total to report, exact?): over the cap, the cap + 1 ("more than cap")."""
    cap = _cap(limit, offset)
    return min(total, cap + 1), total <= cap


def _query(store: Any, wf: WebFilters, limit: int, offset: int) -> tuple[list[dict], int]:
    flt = to_store_filters(store, wf)
    kw = {"total_cap": _cap(limit, offset)} if _capped(store.query_events) else {}
    try:
        rows, total = store.query_events(flt, limit, offset, **kw)
    except (ValueError, TypeError) as e:  # the store refusing a value is the client's problem
        raise HTTPException(400, f"bad filter: {e}") from None
    return [_plain(r) for r in rows], int(total)


def _query_json(store: Any, wf: WebFilters, limit: int, offset: int) -> Optional[tuple[list[str], int]]:
    """The page as the stored JSON texts (no parse/re-serialise), when the store offers it."""
    fn = getattr(store, "query_events_json", None)
    if fn is None:
        return None
    flt = to_store_filters(store, wf)
    try:
        rows, total = fn(flt, limit, offset, total_cap=_cap(limit, offset))
    except (ValueError, TypeError) as e:
        raise HTTPException(400, f"bad filter: {e}") from None
    return rows, int(total)




def _plain(row: Any) -> dict:
    if isinstance(row, dict):
        return row
    if hasattr(row, "to_json"):
        return row.to_json()
    if hasattr(row, "_mapping"):
        return dict(row._mapping)
    return dict(row)


def json_response(body: dict, media_type: str = "application/json") -> Response:
    """Serialise a list response directly: the rows already have the documented shape (the
    store writes them from `Event.to_json()`), and re-validating hundreds of events per
    request through pydantic costs more than the query. The schema is still published
    (response_model) and checked by the tests and schemathesis."""
    return Response(json.dumps(body, ensure_ascii=False, separators=(",", ":"), default=str).encode(),
                    media_type=media_type)


def _check_id(kind: str, value: str) -> str:
    # Ids come from file names and hashes; any printable text is a value to look up (the
    # store binds it as a parameter), control characters are never an id.
    if not value or len(value) > MAX_ID or _BAD_ID.search(value):
        raise HTTPException(404, f"no {kind} {value!r}")
    return value


@router.get("/events", response_model=m.EventPage, summary="Events matching the filters, one page")
def list_events(
    store: Store, wf: Filters,
    limit: Annotated[int, Query(ge=1, description=f"page size (default 100; values over {MAX_PAGE} are clamped to {MAX_PAGE})")] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
):
    limit = min(limit, MAX_PAGE)
    raw = _query_json(store, wf, limit, offset)
    if raw is not None:  # the stored documents go out as they are (they have the EventOut shape)
        rows, total = raw
        total, exact = _total(total, limit, offset)
        body = (f'{{"events":[{",".join(rows)}],"total":{total},"total_exact":{"true" if exact else "false"},'
                f'"limit":{limit},"offset":{offset}}}')
        return Response(body.encode(), media_type="application/json")
    events, total = _query(store, wf, limit, offset)
    total, exact = _total(total, limit, offset)
    return json_response({"events": events, "total": total, "total_exact": exact, "limit": limit, "offset": offset})


@router.get("/events.geojson", response_model=m.FeatureCollection,
            summary="Events with coordinates as a GeoJSON FeatureCollection",
            responses={200: {"content": {"application/geo+json": {}}}})
def events_geojson(
    store: Store, wf: Filters,
    limit: Annotated[int, Query(ge=1, description=f"most features (default 1000; clamped to {MAX_GEOJSON})")] = 1000,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
):
    limit = min(limit, MAX_GEOJSON)
    events, total = _query(store, wf, limit, offset)
    feats = []
    for e in events:
        lat, lon = e.get("latitude"), e.get("longitude")
        if lat is None or lon is None:
            continue
        feats.append({
            "type": "Feature", "id": str(e["event_id"]),
            "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
            "properties": {k: e.get(k) for k in (
                "event_id", "event_type", "sub_event_type", "actor1", "actor2", "location",
                "country", "admin1", "geo_precision", "date_earliest", "date_latest",
                "fatalities", "modality", "sources")},
        })
    total, exact = _total(total, limit, offset)
    return json_response({"type": "FeatureCollection", "features": feats, "total": total, "total_exact": exact},
                         "application/geo+json")


@router.get("/events/{event_id}", response_model=m.EventDetail,
            responses={404: {"model": m.Problem},
                       308: {"description": "the event was merged into another: Location is where it lives now"}},
            summary="One event: mentions, sources, claims, contradictions, evidence spans")
def get_event(store: Store, event_id: Annotated[str, Path(max_length=MAX_ID)]):
    ev = store.get_event(_check_id("event", event_id))
    if ev is None:
        moved = store.redirect_of(event_id)
        if moved is None:
            raise HTTPException(404, f"no event {event_id!r}")
        # A merged event's old links keep working: permanent redirect to the event that absorbed it.
        return RedirectResponse(f"/api/events/{quote(moved['event_id'], safe='')}", status_code=308,
                                headers={"X-Dateline-Merged": moved["reason"]})
    return _plain(ev)


@router.get("/articles/{article_id}", response_model=m.ArticleOut,
            responses={404: {"model": m.Problem}}, tags=["articles"],
            summary="An article's text with the spans to highlight")
def get_article(store: Store, article_id: Annotated[str, Path(max_length=MAX_ID)]):
    art = store.get_article(_check_id("article", article_id))
    if art is None:
        raise HTTPException(404, f"no article {article_id!r}")
    art = dict(_plain(art))
    art.setdefault("article_id", art.get("id", article_id))
    if art.get("published") is not None and not isinstance(art["published"], str):
        art["published"] = art["published"].isoformat()
    art.setdefault("spans", [])
    return art


@router.get("/stats", response_model=m.Stats, tags=["stats"],
            summary="Counts by type, ISO week and country (of the events matching the filters)")
def stats(store: Store, wf: Filters):
    active = wf.active()
    if _takes_filters(store.stats):
        return normalise_stats(store.stats(to_store_filters(store, wf)))
    if active:
        raise HTTPException(400, "this store gives stats of all events only; drop the filters")
    return normalise_stats(store.stats())


def _takes_filters(fn: Any) -> bool:
    try:
        return len(inspect.signature(fn).parameters) >= 1
    except (TypeError, ValueError):
        return False


def normalise_stats(raw: Any) -> dict:
    """Accept the store's stats as dicts or as lists of (key, count) pairs / row dicts."""
    raw = dict(raw or {})
    out: dict[str, Any] = {}
    for key, names in (("by_type", ("by_type", "types", "event_type")),
                       ("by_week", ("by_week", "weeks", "week")),
                       ("by_country", ("by_country", "countries", "country"))):
        val = next((raw[n] for n in names if n in raw), {})
        out[key] = _counts(val)
    total = raw.get("total", raw.get("events"))
    out["total"] = int(total) if isinstance(total, (int, float)) else sum(out["by_type"].values())
    for k, v in raw.items():  # pass through anything else the store reports
        if k not in out and isinstance(v, (int, float, str)):
            out[k] = v
    return out


def _counts(val: Any) -> dict[str, int]:
    if isinstance(val, dict):
        return {str(k): int(v) for k, v in val.items()}
    out: dict[str, int] = {}
    for item in val or []:
        if isinstance(item, dict):
            vals = list(item.values())
            key = next((item[k] for k in ("key", "name", "week", "event_type", "country") if k in item), vals[0])
            cnt = next((item[k] for k in ("count", "n", "events") if k in item), vals[-1])
        else:
            key, cnt = item[0], item[1]
        out[str(key)] = int(cnt)
    return out


# --- curation (write) -------------------------------------------------------------

def require_writer(request: Request, authorization: Annotated[Optional[str], Header()] = None) -> None:
    token = request.app.state.write_token
    if not token:
        raise HTTPException(403, "read-only server: start it with --write-token to allow edits")
    given = (authorization or "").removeprefix("Bearer ").strip() if (authorization or "").startswith("Bearer ") else ""
    if not given or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})


Writer = Annotated[None, Depends(require_writer)]


@router.post("/events/{event_id}/split", response_model=dict[str, Any], tags=["curation"],
             responses={401: {"model": m.Problem}, 403: {"model": m.Problem},
                        404: {"model": m.Problem}, 501: {"model": m.Problem}},
             summary="Split the mentions from some articles out of an event (needs the write token)")
def split_event(_: Writer, store: Store, event_id: Annotated[str, Path(max_length=MAX_ID)],
                body: Annotated[m.SplitRequest, Body()]):
    fn = getattr(store, "split_event", None)
    if fn is None:
        raise HTTPException(501, "this store cannot split events")
    if store.get_event(_check_id("event", event_id)) is None:
        raise HTTPException(404, f"no event {event_id!r}")
    try:
        result = fn(event_id, body.article_ids)
    except (ValueError, KeyError) as e:
        raise HTTPException(400, f"cannot split: {e}") from None
    return _result(result)


@router.post("/events/merge", response_model=dict[str, Any], tags=["curation"],
             responses={401: {"model": m.Problem}, 403: {"model": m.Problem}, 501: {"model": m.Problem}},
             summary="Merge events into one (needs the write token)")
def merge_events(_: Writer, store: Store, body: Annotated[m.MergeRequest, Body()]):
    fn = getattr(store, "merge_events", None)
    if fn is None:
        raise HTTPException(501, "this store cannot merge events")
    for eid in body.event_ids:
        _check_id("event", eid)
    try:
        result = fn(body.event_ids)
    except (ValueError, KeyError) as e:
        raise HTTPException(400, f"cannot merge: {e}") from None
    return _result(result)


def _result(result: Any) -> dict:
    if isinstance(result, dict):
        return result
    if isinstance(result, str):
        return {"event_id": result}
    if isinstance(result, (list, tuple)):
        return {"event_ids": [str(x) for x in result]}
    return {"ok": True}
