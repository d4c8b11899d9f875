"""The first schema: articles, events and their evidence, sources, claims, quarantine.

Revision ID: 0001
Revises:
"""
import logging

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(300)
log = logging.getLogger("dateline.store")


def _articles() -> None:
    op.create_table(
        "articles",
        sa.Column("id", ID, primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("url", sa.Text), sa.Column("outlet", sa.Text), sa.Column("title", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("published", sa.Date), sa.Column("published_precision", sa.String(8)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source_file", sa.Text), sa.Column("record", sa.Text),
        sa.Column("ingested_at", sa.DateTime),
        sa.Column("near_duplicate_of", ID), sa.Column("similarity", sa.Float),
    )
    op.create_index("ix_articles_near_duplicate_of", "articles", ["near_duplicate_of"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "article_aliases",
        sa.Column("alias_id", ID, primary_key=True), sa.Column("article_id", ID, primary_key=True),
        sa.Column("source_file", sa.Text), sa.Column("record", sa.Text),
    )
    op.create_table(
        "article_lsh",
        sa.Column("article_id", ID, primary_key=True), sa.Column("band", sa.Integer, primary_key=True),
        sa.Column("hash", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_article_lsh_band_hash", "article_lsh", ["band", "hash"])


def _events() -> None:
    op.create_table(
        "events",
        sa.Column("event_id", ID, primary_key=True),
        sa.Column("event_type", sa.String(100)), sa.Column("sub_event_type", sa.String(100)),
        sa.Column("actor1", sa.Text), sa.Column("actor2", sa.Text),
        sa.Column("country", sa.String(200)), sa.Column("admin1", sa.String(200)), sa.Column("location", sa.Text),
        sa.Column("latitude", sa.Float), sa.Column("longitude", sa.Float), sa.Column("geo_precision", sa.Integer),
        sa.Column("date_earliest", sa.Date), sa.Column("date_latest", sa.Date), sa.Column("time_precision", sa.Integer),
        sa.Column("fatalities", sa.Integer), sa.Column("fatalities_low", sa.Integer),
        sa.Column("fatalities_high", sa.Integer), sa.Column("injured", sa.Integer),
        sa.Column("weapons", sa.Text), sa.Column("modality", sa.String(20)), sa.Column("confidence", sa.Float),
        sa.Column("json", sa.Text, nullable=False), sa.Column("mentions", sa.Text),
        sa.Column("stored_at", sa.DateTime),
    )
    for col in ["event_type", "sub_event_type", "country", "admin1", "date_earliest", "date_latest",
                "modality", "actor1", "actor2"]:
        op.create_index(f"ix_events_{col}", "events", [col])
    op.create_index("ix_events_lat_lon", "events", ["latitude", "longitude"])
    op.create_table(
        "event_articles",
        sa.Column("event_id", ID, primary_key=True), sa.Column("article_id", ID, primary_key=True),
        sa.Column("relation", sa.String(20), nullable=False, server_default="analysed"),
        sa.Column("seq", sa.Integer),
    )
    op.create_index("ix_event_articles_article_id", "event_articles", ["article_id"])


def _children() -> None:
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", ID, nullable=False), sa.Column("article_id", ID),
        sa.Column("start_char", sa.Integer), sa.Column("end_char", sa.Integer),
        sa.Column("text", sa.Text), sa.Column("label", sa.String(50)),
    )
    op.create_index("ix_evidence_event_id", "evidence", ["event_id"])
    op.create_index("ix_evidence_article_id", "evidence", ["article_id"])
    op.create_table(
        "event_sources",
        sa.Column("event_id", ID, primary_key=True), sa.Column("source", sa.String(300), primary_key=True),
    )
    op.create_index("ix_event_sources_source", "event_sources", ["source"])
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", ID, nullable=False), sa.Column("source", sa.Text), sa.Column("via", sa.Text),
        sa.Column("json", sa.Text, nullable=False),
    )
    op.create_index("ix_claims_event_id", "claims", ["event_id"])
    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(64), nullable=False, unique=True),
        sa.Column("file", sa.Text, nullable=False), sa.Column("record", sa.Text),
        sa.Column("reason", sa.Text, nullable=False), sa.Column("raw", sa.LargeBinary),
        sa.Column("at", sa.DateTime),
    )


def _postgis() -> None:
    """PostgreSQL: a PostGIS point + GiST index when the extension exists (else plain lat/lon)."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    available = bind.execute(sa.text("select 1 from pg_available_extensions where name = 'postgis'")).first()
    if not available:
        log.info("PostGIS not available: events keep plain latitude/longitude")
        return
    try:
        with bind.begin_nested():
            bind.execute(sa.text("create extension if not exists postgis"))
    except sa.exc.DBAPIError as e:
        log.info("PostGIS not enabled (%s): events keep plain latitude/longitude", str(e).splitlines()[0])
        return
    op.execute("alter table events add column geom geometry(Point, 4326)")
    op.execute("create index ix_events_geom on events using gist (geom)")


def upgrade() -> None:
    _articles()
    _events()
    _children()
    _postgis()


def downgrade() -> None:
    for t in ["quarantine", "claims", "event_sources", "evidence", "event_articles", "events",
              "article_lsh", "article_aliases", "articles"]:
        op.drop_table(t)
