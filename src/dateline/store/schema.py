"""The tables, as SQLAlchemy Core objects (the migrations create them).

Dates are SQL DATEs, JSON documents are TEXT (portable across SQLite and
PostgreSQL). On PostgreSQL with PostGIS, `events.geom` (Point, 4326, GiST
index) is added by the migrations; it is not declared here, the store writes
and queries it by name when `Store.has_postgis`.
"""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.String(300), primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("url", sa.Text), sa.Column("outlet", sa.Text), sa.Column("title", sa.Text),
    sa.Column("language", sa.String(16)),
    sa.Column("published", sa.Date), sa.Column("published_precision", sa.String(8)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("source_file", sa.Text), sa.Column("record", sa.Text),
    sa.Column("ingested_at", sa.DateTime),
    sa.Column("near_duplicate_of", sa.String(300), index=True),
    sa.Column("similarity", sa.Float),
)

article_aliases = sa.Table(
    "article_aliases", metadata,
    sa.Column("alias_id", sa.String(300), primary_key=True),
    sa.Column("article_id", sa.String(300), primary_key=True),
    sa.Column("source_file", sa.Text), sa.Column("record", sa.Text),
)

article_lsh = sa.Table(
    "article_lsh", metadata,
    sa.Column("article_id", sa.String(300), primary_key=True),
    sa.Column("band", sa.Integer, primary_key=True),
    sa.Column("hash", sa.BigInteger, nullable=False),
)

events = sa.Table(
    "events", metadata,
    sa.Column("event_id", sa.String(300), primary_key=True),
    sa.Column("event_type", sa.String(100)), sa.Column("sub_event_type", sa.String(100)),
    sa.Column("actor1", sa.Text), sa.Column("actor2", sa.Text),
    sa.Column("country", sa.String(200)), sa.Column("admin1", sa.String(200)),
    sa.Column("location", sa.Text),
    sa.Column("latitude", sa.Float), sa.Column("longitude", sa.Float),
    sa.Column("geo_precision", sa.Integer),
    sa.Column("date_earliest", sa.Date), sa.Column("date_latest", sa.Date),
    sa.Column("time_precision", sa.Integer),
    sa.Column("fatalities", sa.Integer), sa.Column("fatalities_low", sa.Integer),
    sa.Column("fatalities_high", sa.Integer), sa.Column("injured", sa.Integer),
    sa.Column("weapons", sa.Text), sa.Column("modality", sa.String(20)),
    sa.Column("confidence", sa.Float),
    sa.Column("json", sa.Text, nullable=False),
    sa.Column("mentions", sa.Text),
    sa.Column("stored_at", sa.DateTime),
    # Query keys (migration 0003, written by store.core.query_keys): sort_day is date_earliest
    # or 9999-12-31; day_from/day_to the range with either end standing in for a missing one;
    # day_span = date_latest - date_earliest in days; *_lc the lowercase filter columns.
    sa.Column("sort_day", sa.Date), sa.Column("day_from", sa.Date), sa.Column("day_to", sa.Date),
    sa.Column("day_span", sa.Integer),
    sa.Column("country_lc", sa.String(200)), sa.Column("admin1_lc", sa.String(200)),
    sa.Column("modality_lc", sa.String(200)), sa.Column("event_type_lc", sa.String(200)),
    sa.Column("sub_event_type_lc", sa.String(200)),
)

event_articles = sa.Table(
    "event_articles", metadata,
    sa.Column("event_id", sa.String(300), primary_key=True),
    sa.Column("article_id", sa.String(300), primary_key=True),
    sa.Column("relation", sa.String(20), nullable=False, server_default="analysed"),
    sa.Column("seq", sa.Integer),
)

evidence = sa.Table(
    "evidence", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(300), nullable=False, index=True),
    sa.Column("article_id", sa.String(300), index=True),
    sa.Column("start_char", sa.Integer), sa.Column("end_char", sa.Integer),
    sa.Column("text", sa.Text), sa.Column("label", sa.String(50)),
)

event_sources = sa.Table(
    "event_sources", metadata,
    sa.Column("event_id", sa.String(300), primary_key=True),
    sa.Column("source", sa.String(300), primary_key=True),
    sa.Column("source_lc", sa.String(300)),
)

# Distinct actor names (as written) and source names (lowercase): substring filters match
# these few rows, then events by exact name through an index.
filter_names = sa.Table(
    "filter_names", metadata,
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("name", sa.String(300), primary_key=True),
)

claims = sa.Table(
    "claims", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(300), nullable=False, index=True),
    sa.Column("source", sa.Text), sa.Column("via", sa.Text),
    sa.Column("json", sa.Text, nullable=False),
)

quarantine = sa.Table(
    "quarantine", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key", sa.String(64), nullable=False, unique=True),
    sa.Column("file", sa.Text, nullable=False), sa.Column("record", sa.Text),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("raw", sa.LargeBinary),
    sa.Column("at", sa.DateTime),
)

reports = sa.Table(
    "reports", metadata,
    sa.Column("report_id", sa.String(300), primary_key=True),
    sa.Column("event_id", sa.String(300), nullable=False, index=True),
    sa.Column("date_earliest", sa.Date), sa.Column("date_latest", sa.Date),
    sa.Column("latitude", sa.Float), sa.Column("longitude", sa.Float),
    sa.Column("seq", sa.Integer),
    sa.Column("json", sa.Text, nullable=False),
)

link_splits = sa.Table(
    "link_splits", metadata,
    sa.Column("a", sa.String(300), primary_key=True),
    sa.Column("b", sa.String(300), primary_key=True),
)

store_meta = sa.Table(  # migration 0004: name → value; "generation" counts write transactions
    "store_meta", metadata,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)

event_redirects = sa.Table(  # migration 0005: a merged event's id → the event that absorbed it
    "event_redirects", metadata,
    sa.Column("old_id", sa.String(300), primary_key=True),
    sa.Column("new_id", sa.String(300), nullable=False, index=True),
    sa.Column("reason", sa.String(20), nullable=False),  # "linked" (a report bridged them) or "merged" (by hand)
)
