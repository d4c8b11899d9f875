"""Scoring the geoparser on a gold XML set (TR-News / GeoWebNews format).

Same rules as shared/tools/score_geo.py: recognition is span overlap with gold
toponyms that have coordinates; a predicted place that overlaps no gold
toponym counts against precision, unless it overlaps one without coordinates
that is not marked Non_Toponym (neutral). Resolution: share of found gold
toponyms within 161 km, mean and median error in km.
"""
from __future__ import annotations

from dateline.geodesy import haversine_km as km

import statistics
import xml.etree.ElementTree as ET
from typing import Callable, Optional

ACCURACY_KM = 161
MISSING_KM = 20000.0


def _num(x) -> Optional[float]:
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def load_gold(path: str) -> list[dict]:
    """Articles with their gold toponyms: (start, end, lat, lon, type); drifting spans realigned."""
    articles = []
    for i, a in enumerate(ET.parse(path).getroot()):
        text = a.findtext("text") or ""
        toponyms = []
        for t in a.iter("toponym"):
            name = t.findtext("extractedName") or t.findtext("phrase") or ""
            s, e = int(t.findtext("start")), int(t.findtext("end"))
            if text[s:e] != name:
                j = text.find(name, max(0, s - 15), e + 15 + len(name))
                if j >= 0:
                    s, e = j, j + len(name)
            lat = _num(t.findtext("latitude") or t.findtext("gaztag/lat"))
            lon = _num(t.findtext("longitude") or t.findtext("gaztag/lon"))
            toponyms.append((s, e, lat, lon, t.findtext("type") or ""))
        articles.append({"id": f"doc-{i}", "text": text, "toponyms": toponyms})
    return articles


def default_predict(text: str) -> list[tuple[int, int, Optional[float], Optional[float]]]:
    from dateline.cli.places import guess_language
    from dateline.geo import geoparse
    from dateline.nlp import load_nlp, normalise_for_nlp
    lang = guess_language(text)
    refs = geoparse(text, load_nlp(lang)(normalise_for_nlp(text)), lang)
    return [(r.start, r.end, r.place.latitude, r.place.longitude) for r in refs]


def score_articles(articles: list[dict], predict: Callable[[str], list]) -> dict:
    tp = fp = fn = 0
    errors: list[float] = []
    for art in articles:
        preds = predict(art["text"])
        hit, neutral = set(), set()
        for s, e, lat, lon, kind in art["toponyms"]:
            overlapping = [i for i, (ps, pe, _, _) in enumerate(preds) if ps < e and s < pe]
            if lat is None:
                if kind != "Non_Toponym":
                    neutral.update(overlapping)
                continue
            if not overlapping:
                fn += 1
                continue
            tp += 1
            hit.update(overlapping)
            _, _, plat, plon = preds[overlapping[0]]
            errors.append(km(lat, lon, plat, plon) if plat is not None and plon is not None else MISSING_KM)
        fp += len(set(range(len(preds))) - hit - neutral)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    within = sum(d <= ACCURACY_KM for d in errors)
    return {
        "articles": len(articles), "gold_toponyms": tp + fn, "found": tp, "false_positives": fp,
        "precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "accuracy_161km": round(within / len(errors), 4) if errors else 0.0,
        "end_to_end_161km": round(within / (tp + fn), 4) if tp + fn else 0.0,
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else 0.0,
        "median_error_km": round(statistics.median(errors), 1) if errors else 0.0,
    }


def score_geo_xml(path: str, predict: Optional[Callable[[str], list]] = None) -> dict:
    """Recognition P/R/F1 and resolution accuracy of the geoparser on a TR-News-format XML file."""
    return score_articles(load_gold(path), predict or default_predict)
