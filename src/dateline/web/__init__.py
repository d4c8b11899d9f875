"""The web face of dateline: a JSON API and a map page over a store.

`create_app(store_url)` builds the FastAPI app; `dateline serve` runs it.
This package is the only one that speaks HTTP.
"""
from __future__ import annotations

__all__ = ["create_app"]


def create_app(*args, **kwargs):
    from .app import create_app as _create_app
    return _create_app(*args, **kwargs)
