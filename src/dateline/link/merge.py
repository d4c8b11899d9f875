"""One event from many reports: fields reconciled, sources kept, agreement and contradictions shown.

Works on the event JSON (`Event.to_json()`) of each report, so that stored
reports can be re-merged without re-analysing their articles:

- date: the intersection of the reports' ranges when they overlap (else the first);
- place: the place most reports support, then the most precise;
- toll: UCDP low / best / high across sources (best = the lowest figure, as ACLED);
- sources, claims, evidence, article ids: the union;
- per field (type, actors, place, date, toll, munitions): "agree", "single" or
  "contradict", with who says what in `contradictions`.
"""
from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Optional

FIELDS_COMPARED = ("sub_event_type", "actor1", "actor2", "location", "fatalities", "munitions")


def _unique(items):
    out, seen = [], set()
    for x in items:
        key = repr(x)
        if key not in seen:
            seen.add(key)
            out.append(x)
    return out


def _date_range(reports: list[dict]) -> tuple[Optional[str], Optional[str], Optional[int], Optional[str]]:
    rs = [r for r in reports if r.get("date_earliest") and r.get("date_latest")]
    if not rs:
        return None, None, None, None
    lo = max(r["date_earliest"] for r in rs)
    hi = min(r["date_latest"] for r in rs)
    if lo > hi:
        first = rs[0]
        return first["date_earliest"], first["date_latest"], first.get("time_precision"), first.get("date_expression")
    width = (date.fromisoformat(hi) - date.fromisoformat(lo)).days
    precision = 1 if width == 0 else 2 if width <= 7 else 3
    exprs = [r.get("date_expression") for r in rs if r.get("date_expression")]
    return lo, hi, precision, exprs[0] if exprs else None


def _place(reports: list[dict]) -> dict:
    placed = [r for r in reports if r.get("latitude") is not None]
    if not placed:
        return {}
    counts = Counter((r.get("geonameid") or r.get("location")) for r in placed)
    best = min(placed, key=lambda r: (-counts[r.get("geonameid") or r.get("location")], r.get("geo_precision") or 3))
    keys = ("country", "admin1", "location", "location_text", "geonameid", "latitude", "longitude", "geo_precision")
    return {k: best.get(k) for k in keys}


def _toll(reports: list[dict], field: str) -> dict:
    known = [r for r in reports if r.get(field) is not None]
    if not known:
        return {field: None, f"{field}_low": None, f"{field}_high": None}
    lows = [r.get(f"{field}_low") if r.get(f"{field}_low") is not None else r[field] for r in known]
    highs = [r.get(f"{field}_high") if r.get(f"{field}_high") is not None else r[field] for r in known]
    return {field: min(r[field] for r in known), f"{field}_low": min(lows), f"{field}_high": max(highs)}


def _majority(values: list) -> Optional[str]:
    vals = [v for v in values if v]
    return Counter(vals).most_common(1)[0][0] if vals else None


def _pick_actor(values: list[Optional[str]]) -> Optional[str]:
    named = [v for v in values if v and not v.lower().startswith("unidentified") and "(generic)" not in v]
    return _majority(named) or _majority(values)


def merge_reports(event_id: str, reports: list[dict]) -> dict:
    """The linked event's JSON (same keys as `Event.to_json()`, plus `reports`).

    Reports are taken most confident first, then by id — not in arrival order — so that the
    same reports give the same event whatever order they were ingested in."""
    reports = sorted(reports, key=lambda r: (-(r.get("confidence") or 0), str(r["event_id"])))
    first = reports[0]
    etype_sub = Counter((r["event_type"], r["sub_event_type"]) for r in reports)
    (etype, sub), _ = max(etype_sub.items(), key=lambda kv: (kv[1], -reports.index(
        next(r for r in reports if (r["event_type"], r["sub_event_type"]) == kv[0]))))
    lo, hi, tp, expr = _date_range(reports)
    merged = dict(first)
    merged.update({
        "event_id": event_id,
        "article_ids": _unique(a for r in reports for a in r.get("article_ids") or []),
        "event_type": etype, "sub_event_type": sub,
        "actor1": _pick_actor([r.get("actor1") for r in reports]),
        "actor2": _pick_actor([r.get("actor2") for r in reports]),
        "date_earliest": lo, "date_latest": hi, "time_precision": tp, "date_expression": expr,
        "weapons": sorted({w for r in reports for w in r.get("weapons") or []}),
        "modality": "asserted" if any(r.get("modality") == "asserted" for r in reports) else first.get("modality"),
        "sources": _unique(s for r in reports for s in r.get("sources") or []),
        "attribution": [c for r in reports for c in r.get("attribution") or []],
        "evidence": _unique(e for r in reports for e in r.get("evidence") or []),
        "framing": _unique(f for r in reports for f in r.get("framing") or []),
        "confidence": max((r.get("confidence") or 0) for r in reports),
        "reports": [r["event_id"] for r in reports],
    })
    merged.update(_place(reports) or {})
    merged.update(_toll(reports, "fatalities"))
    merged.update(_toll(reports, "injured"))
    merged["claims"], merged["contradictions"], merged["agreement"] = _claims(reports)
    return merged


def _claims(reports: list[dict]) -> tuple[list[dict], list[dict], dict]:
    """Claims by source across reports; per field, who says what and whether they agree."""
    by_source: dict[str, dict] = {}
    for r in reports:
        for c in r.get("claims") or []:
            cur = by_source.setdefault(c["source"], {"source": c["source"], "via": c.get("via"), "says": {},
                                                      "evidence": [], "article_ids": []})
            for k, v in (c.get("says") or {}).items():
                cur["says"].setdefault(k, v)
            cur["evidence"].extend(c.get("evidence") or [])
            cur["article_ids"] = _unique(cur["article_ids"] + list(r.get("article_ids") or []))
        # What each report's sources say about the fields of the event as coded.
        for s in (r.get("sources") or ["article " + ",".join(r.get("article_ids") or [])]):
            cur = by_source.setdefault(s, {"source": s, "via": None, "says": {}, "evidence": [], "article_ids": []})
            for k in ("sub_event_type", "actor1", "location", "date_earliest", "fatalities"):
                if r.get(k) is not None:
                    cur["says"].setdefault(k, r[k])
    contradictions, agreement = [], {}
    for field in FIELDS_COMPARED + ("date_earliest", "injured"):
        values = {s: c["says"][field] for s, c in by_source.items()
                  if field in c["says"] and c["says"][field] not in (None, "unknown")}
        if field == "actor1":
            values = {s: v for s, v in values.items() if not str(v).lower().startswith("unidentified")} or values
        if not values:
            continue
        distinct = {str(v).split(" (")[0].lower() for v in values.values()}
        if len(values) == 1:
            agreement[field] = "single"
        elif len(distinct) == 1:
            agreement[field] = "agree"
        else:
            agreement[field] = "contradict"
            contradictions.append({"field": field, "values": values})
    for r in reports:  # contradictions found inside one article stay flagged
        for c in r.get("contradictions") or []:
            if c not in contradictions and c["field"] not in {x["field"] for x in contradictions}:
                contradictions.append(c)
                agreement[c["field"]] = "contradict"
    return list(by_source.values()), contradictions, agreement
