"""The store pipeline: writes every fetch outcome and article into the run store."""
from __future__ import annotations

import logging
import sys
import time

from crawler.items import DisclaimerItem, PageItem
from runstore import RunStore

logger = logging.getLogger(__name__)


class StorePipeline:
    """Writes items as they come, so a crawl that dies keeps what it fetched."""

    def __init__(self, db_path: str, run_id: str):
        self.store = RunStore(db_path)
        self.run_id = run_id
        self.disclaimers: dict[str, str] = {}
        self.counts = {"pages": 0, "articles": 0}
        self.last_report = 0.0

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("HEALTHAUDIT_DB"), crawler.settings.get("HEALTHAUDIT_RUN"))

    def process_item(self, item):
        if isinstance(item, DisclaimerItem):
            self.disclaimers[item.url] = item.text
            return item
        article = item.article
        if item.reuse_stored:
            article = self.store.article(item.reuse_stored, item.page.url)
        self.store.record_page(self.run_id, item.page)
        if article is not None:
            self.store.save_article(self.run_id, article)
            self.counts["articles"] += 1
        self.counts["pages"] += 1
        self._progress()
        return item

    def _progress(self) -> None:
        now = time.monotonic()
        if now - self.last_report >= 2.0:
            self.last_report = now
            end = "\r" if sys.stderr.isatty() else "\n"
            sys.stderr.write(f"crawl: {self.counts['pages']} pages, {self.counts['articles']} articles{end}")
            sys.stderr.flush()

    def close_spider(self):
        for article in self.store.articles(self.run_id):
            text = self.disclaimers.get(article.disclaimer_url or "")
            if text and article.site_disclaimer != text:
                article.site_disclaimer = text
                self.store.save_article(self.run_id, article)
        logger.info("crawl stored %d pages, %d articles", self.counts["pages"], self.counts["articles"])
        self.store.close()
