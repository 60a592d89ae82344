"""The store pipeline: writes every fetch outcome and article into the run store."""
from __future__ import annotations

import logging
import sys
import time
from typing import Any

from twisted.internet import task

from crawler.items import DisclaimerItem, LastmodItem, PageItem
from runstore import RunStore
from runstore.records import Article, Page

logger = logging.getLogger(__name__)

# One transaction per batch: a commit per page cost a tenth of crawl time. A crawl that dies
# loses at most the last second, or the last BATCH_ITEMS items, of what it fetched.
BATCH_ITEMS = 50
BATCH_SECONDS = 1.0


class StorePipeline:
    """Writes items in small batches as they come, so a crawl that dies keeps what it fetched."""

    def __init__(self, db_path: str, run_id: str):
        self.store = RunStore(db_path)
        # WAL with synchronous=NORMAL: no fsync per commit, yet a killed crawl keeps its rows
        # (only a power cut may lose the last ones).
        self.store.db.execute("PRAGMA synchronous=NORMAL")
        self.run_id = run_id
        self.disclaimers: dict[str, str] = {}
        self.waiting_for_disclaimer: dict[str, str] = {}  # article URL -> disclaimer URL
        self.late_lastmods: dict[str, str] = {}
        self.counts = {"pages": 0, "articles": 0}
        self.last_report = 0.0
        self.last_line = ""
        self.pending_pages: list[tuple[Page, list[Any] | None]] = []
        self.pending_articles: list[Article] = []
        self.flusher = task.LoopingCall(self.flush)

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        return cls(crawler.settings.get("HEALTHAUDIT_DB"), crawler.settings.get("HEALTHAUDIT_RUN"))

    def open_spider(self, spider: Any = None) -> None:
        self.flusher.start(BATCH_SECONDS, now=False)

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
        links = item.links
        if item.reuse_stored:
            article = self.store.article(item.reuse_stored, item.page.url)
        self.pending_pages.append((item.page, links))
        self.pending_pages.extend((page, None) for page in item.link_records)
        if article is not None:
            if article.disclaimer_url in self.disclaimers:
                article.site_disclaimer = self.disclaimers[article.disclaimer_url]
            elif article.disclaimer_url:
                self.waiting_for_disclaimer[article.url] = article.disclaimer_url
            self.pending_articles.append(article)
            self.counts["articles"] += 1
        self.counts["pages"] += 1 + len(item.link_records)
        if len(self.pending_pages) >= BATCH_ITEMS:
            self.flush()
        self._progress()

    def flush(self) -> None:
        """Write the pending pages and articles in one transaction."""
        if self.pending_pages or self.pending_articles:
            self.store.record_crawl_batch(self.run_id, self.pending_pages, self.pending_articles)
            self.pending_pages, self.pending_articles = [], []

    def _progress(self, final: bool = False) -> None:
        now = time.monotonic()
        if final or now - self.last_report >= 2.0:
            self.last_report = now
            line = f"crawl: {self.counts['pages']} pages, {self.counts['articles']} articles"
            tty = sys.stderr.isatty()
            if final and line == self.last_line and not tty:
                return  # a plain log gets each line once; a terminal needs its line ended
            self.last_line = line
            end = "\r" if tty and not final else "\n"
            sys.stderr.write(line + end)
            sys.stderr.flush()

    def close_spider(self, spider: Any = None) -> None:
        if self.flusher.running:
            self.flusher.stop()
        self.flush()
        # Articles stored before their site's disclaimer page was read get its text now.
        for url, disclaimer_url in self.waiting_for_disclaimer.items():
            text = self.disclaimers.get(disclaimer_url)
            article = self.store.article(self.run_id, url) if text else None
            if article is not None:
                article.site_disclaimer = text
                self.pending_articles.append(article)
        self.flush()
        if self.late_lastmods:
            self.store.set_lastmods(self.run_id, self.late_lastmods)
        self._progress(final=True)
        logger.info("crawl stored %d pages, %d articles", self.counts["pages"], self.counts["articles"])
        self.store.close()
