"""Store fixtures: the same tests on SQLite and on PostgreSQL.

PostgreSQL runs when DATELINE_TEST_PG names a server (scripts/postgres.sh
prints one); each test gets its own schema (search_path) that is dropped after.
Without it the PostgreSQL cases are skipped with a visible reason.
"""
from __future__ import annotations

import os
import uuid
from urllib.parse import quote

import pytest


PG = os.environ.get("DATELINE_TEST_PG")


def _pg_schema_url(base: str):
    import sqlalchemy as sa
    from dateline.store import resolve_url
    schema = f"t_{uuid.uuid4().hex[:10]}"
    eng = sa.create_engine(resolve_url(base))
    with eng.begin() as c:
        c.execute(sa.text(f"create schema {schema}"))
    sep = "&" if "?" in base else "?"
    return eng, schema, f"{base}{sep}options={quote(f'-csearch_path={schema},public')}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'dateline.db'}"
        return
    if not PG:
        pytest.skip("PostgreSQL: DATELINE_TEST_PG not set (run scripts/postgres.sh)")
    import sqlalchemy as sa
    try:
        eng, schema, url = _pg_schema_url(PG)
    except sa.exc.OperationalError as e:
        pytest.skip(f"PostgreSQL at DATELINE_TEST_PG not reachable: {str(e).splitlines()[0]}")
    yield url
    with eng.begin() as c:
        c.execute(sa.text(f"drop schema {schema} cascade"))
    eng.dispose()


@pytest.fixture
def store(store_url):
    from dateline.store import open_store
    s = open_store(store_url)
    yield s
    s.close()
