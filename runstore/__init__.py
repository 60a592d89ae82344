"""The run store: one SQLite file through which the crawler, the audit and the reports meet."""
from __future__ import annotations

from runstore.records import Article, Block, DocumentAudit, Finding, Link, Page
from runstore.store import RunStore, StoreError

__all__ = ["Article", "Block", "DocumentAudit", "Finding", "Link", "Page", "RunStore", "StoreError"]
