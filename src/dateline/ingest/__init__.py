"""Ingest: readers (one per format), near-duplicate detection, and the ingest loop.

    from dateline.ingest import read_articles, ingest
    for item in read_articles(["in/"]):      # Article or Rejected, never an exception
        ...
    report = ingest(["in/"], open_store())   # read → quarantine → dedup → analyse → store
"""
from dateline.ingest.readers import ReadResult, Rejected, read_articles
from dateline.ingest.run import Ingest, IngestReport, ingest

__all__ = ["read_articles", "Rejected", "ReadResult", "ingest", "Ingest", "IngestReport"]
