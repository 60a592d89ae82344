"""Honouring robots.txt Crawl-delay: a per-host floor under the download delay."""
from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response

logger = logging.getLogger(__name__)


class CrawlDelay:
    """Reads Crawl-delay when RobotsTxtMiddleware parses a robots.txt and keeps that host's
    downloader slot at least that slow, also after AutoThrottle adjusts it."""

    def __init__(self, crawler: Any, max_wait: float):
        self.crawler = crawler
        self.max_wait = max_wait
        self.floors: dict[str, float] = {}
        crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(self.response_downloaded, signal=signals.response_downloaded)

    @classmethod
    def from_crawler(cls, crawler: Any) -> CrawlDelay:
        if not crawler.settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        return cls(crawler, crawler.settings.getfloat("HEALTHAUDIT_MAX_WAIT", 60.0))

    def robots_parsed(self, robotparser: Any, request: Request) -> None:
        user_agent = self.crawler.settings.get("USER_AGENT")
        delay = robotparser.crawl_delay(user_agent)
        if not delay:
            return
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        self.floors[key] = min(float(delay), self.max_wait)
        logger.info("%s: robots.txt asks Crawl-delay %.1f s; honouring %.1f s",
                    key, delay, self.floors[key])
        _, slot = downloader._get_slot(request)
        self._apply(slot, self.floors[key])

    def response_downloaded(self, response: Response, request: Request, spider: Any = None) -> None:
        key = request.meta.get("download_slot")
        if key in self.floors:
            self._apply(self.crawler.engine.downloader.slots.get(key), self.floors[key])

    @staticmethod
    def _apply(slot: Any, floor: float) -> None:
        if slot is None:
            return
        slot.delay = max(slot.delay, floor)
        slot.jitter = 0.0  # a random jitter would undercut the floor by half
