"""The store pipeline: writes every fetch outcome and article into the run store."""
from __future__ import annotations

import logging
import sys
import time
from typing import Any

from crawler.items import DisclaimerItem, LastmodItem, PageItem
from runstore import RunStore

logger = logging.getLogger(__name__)


class StorePipeline:
    """Writes items as they come, so a crawl that dies keeps what it fetched."""

    def __init__(self, db_path: str, run_id: str):
        self.store = RunStore(db_path)
        # WAL with synchronous=NORMAL: no fsync per page, yet a killed crawl keeps its rows
        # (only a power cut may lose the last ones). A per-page fsync halved crawl speed.
        self.store.db.execute("PRAGMA synchronous=NORMAL")
        self.run_id = run_id
        self.disclaimers: dict[str, str] = {}
        self.waiting_for_disclaimer: dict[str, str] = {}  # article URL -> disclaimer URL
        self.late_lastmods: dict[str, str] = {}
        self.counts = {"pages": 0, "articles": 0}
        self.last_report = 0.0

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        return cls(crawler.settings.get("HEALTHAUDIT_DB"), crawler.settings.get("HEALTHAUDIT_RUN"))

    def process_item(self, item: Any) -> Any:
        if isinstance(item, DisclaimerItem):
            self.disclaimers[item.url] = item.text
        elif isinstance(item, LastmodItem):
            self.late_lastmods[item.url] = item.lastmod
        else:
            self._store_page(item)
        return item

    def _store_page(self, item: PageItem) -> None:
        article = item.article
        if item.reuse_stored:
            article = self.store.article(item.reuse_stored, item.page.url)
        self.store.record_page(self.run_id, item.page)
        if article is not None:
            if article.disclaimer_url in self.disclaimers:
                article.site_disclaimer = self.disclaimers[article.disclaimer_url]
            elif article.disclaimer_url:
                self.waiting_for_disclaimer[article.url] = article.disclaimer_url
            self.store.save_article(self.run_id, article)
            self.counts["articles"] += 1
        self.counts["pages"] += 1
        self._progress()

    def _progress(self) -> None:
        now = time.monotonic()
        if now - self.last_report >= 2.0:
            self.last_report = now
            end = "\r" if sys.stderr.isatty() else "\n"
            sys.stderr.write(f"crawl: {self.counts['pages']} pages, {self.counts['articles']} articles{end}")
            sys.stderr.flush()

    def close_spider(self, spider: Any = None) -> None:
        # Articles stored before their site's disclaimer page was read get its text now.
        for url, disclaimer_url in self.waiting_for_disclaimer.items():
            text = self.disclaimers.get(disclaimer_url)
            article = self.store.article(self.run_id, url) if text else None
            if article is not None:
                article.site_disclaimer = text
                self.store.save_article(self.run_id, article)
        if self.late_lastmods:
            for page in self.store.pages(self.run_id):
                if page.lastmod is None and page.url in self.late_lastmods:
                    page.lastmod = self.late_lastmods[page.url]
                    self.store.record_page(self.run_id, page)
        logger.info("crawl stored %d pages, %d articles", self.counts["pages"], self.counts["articles"])
        self.store.close()
