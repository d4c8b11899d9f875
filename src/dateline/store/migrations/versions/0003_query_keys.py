"""Query keys on events (sort day, non-null day range, lowercase filter columns), the indexes
that make filtered pages index range scans, a table of distinct actor/source names, and
substring (trigram) text indexes: FTS5 on SQLite, pg_trgm GIN on PostgreSQL when available.

Revision ID: 0003
Revises: 0002
"""
import logging

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

log = logging.getLogger("dateline.store")
NO_DAY = "9999-12-31"  # sort_day of undated events: they sort last (as `date_earliest IS NULL` did)

LC = ["country", "admin1", "modality", "event_type", "sub_event_type"]


def _columns() -> None:
    with op.batch_alter_table("events") as b:
        b.add_column(sa.Column("sort_day", sa.Date))
        b.add_column(sa.Column("day_from", sa.Date))
        b.add_column(sa.Column("day_to", sa.Date))
        b.add_column(sa.Column("day_span", sa.Integer))
        for col in LC:
            b.add_column(sa.Column(f"{col}_lc", sa.String(200)))
    with op.batch_alter_table("event_sources") as b:
        b.add_column(sa.Column("source_lc", sa.String(300)))


def _backfill() -> None:
    bind = op.get_bind()
    lcs = ", ".join(f"{c}_lc = lower({c})" for c in LC)
    if bind.dialect.name == "postgresql":
        span = "date_latest - date_earliest"
        no_day = f"date '{NO_DAY}'"
    else:
        span = "CAST(julianday(date_latest) - julianday(date_earliest) AS INTEGER)"
        no_day = f"'{NO_DAY}'"
    op.execute(f"update events set sort_day = coalesce(date_earliest, {no_day}), "
               "day_from = coalesce(date_earliest, date_latest), day_to = coalesce(date_latest, date_earliest), "
               f"day_span = coalesce({span}, 0), {lcs}")
    op.execute("update event_sources set source_lc = lower(source)")


def _indexes() -> None:
    op.create_index("ix_events_sort", "events", ["sort_day", "event_id"])
    # country: ordered, and covering the type columns for country + type pages
    op.create_index("ix_events_country_lc_sort", "events",
                    ["country_lc", "sort_day", "event_id", "event_type_lc", "sub_event_type_lc"])
    for col in LC[1:]:
        op.create_index(f"ix_events_{col}_lc_sort", "events", [f"{col}_lc", "sort_day", "event_id"])
    for col in ["event_type", "sub_event_type"]:  # country + type (either column)
        op.create_index(f"ix_events_country_{col}_sort", "events",
                        ["country_lc", f"{col}_lc", "sort_day", "event_id"])
    # dates (+ type): a covering range scan on day_from
    op.create_index("ix_events_days", "events", ["day_from", "day_to", "event_type_lc", "sub_event_type_lc",
                                                 "sort_day", "event_id"])
    op.create_index("ix_events_day_span", "events", ["day_span"])
    op.create_index("ix_events_geo_sort", "events", ["latitude", "longitude", "sort_day", "event_id"])
    for col in ["actor1", "actor2"]:  # supersede the plain actor indexes (same prefix)
        op.drop_index(f"ix_events_{col}", "events")
        op.create_index(f"ix_events_{col}_sort", "events", [col, "sort_day", "event_id"])
    op.create_index("ix_events_id_sort", "events", ["event_id", "sort_day"])
    op.create_index("ix_event_sources_source_lc", "event_sources", ["source_lc", "event_id"])
    op.create_index("ix_event_sources_event_lc", "event_sources", ["event_id", "source_lc"])


def _names() -> None:
    """Distinct actor and source names: a substring filter matches names here (a few hundred
    rows), then the events by exact, indexed name."""
    op.create_table(
        "filter_names",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("name", sa.String(300), primary_key=True),
    )
    op.execute("insert into filter_names (kind, name) select distinct 'actor', actor1 from events "
               "where actor1 is not null and length(actor1) <= 300")
    op.execute("insert into filter_names (kind, name) select distinct 'actor', actor2 from events e "
               "where actor2 is not null and length(actor2) <= 300 and not exists "
               "(select 1 from filter_names n where n.kind = 'actor' and n.name = e.actor2)")
    op.execute("insert into filter_names (kind, name) select distinct 'source', source_lc from event_sources "
               "where source_lc is not null")


def _text_sqlite() -> None:
    """FTS5 trigram indexes (substring, case-insensitive) over articles.text and evidence.text,
    kept in step by triggers."""
    for table, key in (("articles", "rowid"), ("evidence", "id")):
        fts = f"{table}_fts"
        op.execute(f"create virtual table {fts} using fts5(text, content='{table}', "
                   f"content_rowid='{key}', tokenize='trigram')")
        op.execute(f"insert into {fts}(rowid, text) select {key}, text from {table}")
        op.execute(f"create trigger {fts}_ai after insert on {table} begin "
                   f"insert into {fts}(rowid, text) values (new.{key}, new.text); end")
        op.execute(f"create trigger {fts}_ad after delete on {table} begin "
                   f"insert into {fts}({fts}, rowid, text) values ('delete', old.{key}, old.text); end")
        op.execute(f"create trigger {fts}_au after update of text on {table} begin "
                   f"insert into {fts}({fts}, rowid, text) values ('delete', old.{key}, old.text); "
                   f"insert into {fts}(rowid, text) values (new.{key}, new.text); end")


def _text_postgresql() -> None:
    bind = op.get_bind()
    if not bind.execute(sa.text("select 1 from pg_available_extensions where name = 'pg_trgm'")).first():
        log.info("pg_trgm not available: text search scans (ILIKE)")
        return
    try:
        with bind.begin_nested():
            bind.execute(sa.text("create extension if not exists pg_trgm"))
    except sa.exc.DBAPIError as e:
        log.info("pg_trgm not enabled (%s): text search scans (ILIKE)", str(e).splitlines()[0])
        return
    try:  # e.g. the extension lives in a schema off the search_path: go on without the indexes
        with bind.begin_nested():
            bind.execute(sa.text("create index ix_articles_text_trgm on articles using gin (text gin_trgm_ops)"))
            bind.execute(sa.text("create index ix_evidence_text_trgm on evidence using gin (text gin_trgm_ops)"))
    except sa.exc.DBAPIError as e:
        log.info("no trigram indexes (%s): text search scans (ILIKE)", str(e).splitlines()[0])


def upgrade() -> None:
    _columns()
    _backfill()
    _indexes()
    _names()
    if op.get_bind().dialect.name == "sqlite":
        _text_sqlite()
    elif op.get_bind().dialect.name == "postgresql":
        _text_postgresql()
    op.execute("analyze")  # planner statistics for the new indexes


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for table in ("articles", "evidence"):
            for t in ("ai", "ad", "au"):
                op.execute(f"drop trigger if exists {table}_fts_{t}")
            op.execute(f"drop table if exists {table}_fts")
    else:
        op.execute("drop index if exists ix_articles_text_trgm")
        op.execute("drop index if exists ix_evidence_text_trgm")
    op.drop_table("filter_names")
    op.drop_index("ix_event_sources_source_lc", "event_sources")
    op.drop_index("ix_event_sources_event_lc", "event_sources")
    for name in ["ix_events_sort", "ix_events_days", "ix_events_day_span", "ix_events_geo_sort",
                 "ix_events_id_sort", "ix_events_actor1_sort", "ix_events_actor2_sort",
                 "ix_events_country_event_type_sort", "ix_events_country_sub_event_type_sort",
                 *[f"ix_events_{c}_lc_sort" for c in LC]]:
        op.drop_index(name, "events")
    for col in ["actor1", "actor2"]:
        op.create_index(f"ix_events_{col}", "events", [col])
    with op.batch_alter_table("event_sources") as b:
        b.drop_column("source_lc")
    with op.batch_alter_table("events") as b:
        for col in ["sort_day", "day_from", "day_to", "day_span", *[f"{c}_lc" for c in LC]]:
            b.drop_column(col)
