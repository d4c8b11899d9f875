"""Storage: the only package that knows SQL.

    from dateline.store import open_store, EventFilters
    store = open_store()                     # ./dateline.db, or $DATELINE_DB, or a URL
    store.save_article_events(article, events)
    rows, total = store.query_events(EventFilters(country="Syria"), limit=50)
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from dateline.store.core import Store, open_store, resolve_url
    from dateline.store.filters import EventFilters, parse_bbox, parse_day

# Loaded on first use (PEP 562): `dateline extract` uses store.export without a database,
# and importing SQLAlchemy alone cost it ~0.5 s of start-up.
_LAZY = {"Store": "core", "open_store": "core", "resolve_url": "core",
         "EventFilters": "filters", "parse_bbox": "filters", "parse_day": "filters"}

__all__ = list(_LAZY)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dateline.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"dateline.store.{module}"), name)
    globals()[name] = value
    return value
