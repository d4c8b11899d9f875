"""Storage: the only package that knows SQL.

    from dateline.store import open_store, EventFilters
    store = open_store()                     # ./dateline.db, or $DATELINE_DB, or a URL
    store.save_article_events(article, events)
    rows, total = store.query_events(EventFilters(country="Syria"), limit=50)
"""
from dateline.store.core import Store, open_store, resolve_url
from dateline.store.filters import EventFilters, parse_bbox, parse_day

__all__ = ["Store", "open_store", "resolve_url", "EventFilters", "parse_bbox", "parse_day"]
