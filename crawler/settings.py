"""Scrapy settings derived from healthaudit's [crawl] config."""
from __future__ import annotations

from typing import Any

RETRY_CODES = [500, 502, 503, 504, 522, 524, 408, 429]


def scrapy_settings(crawl: dict[str, Any], db_path: str, run_id: str) -> dict[str, Any]:
    return {
        "HEALTHAUDIT_DB": db_path,
        "HEALTHAUDIT_RUN": run_id,
        "HEALTHAUDIT_RETRY_BACKOFF": crawl["retry_backoff"],
        "HEALTHAUDIT_MAX_WAIT": crawl["max_wait"],
        "ITEM_PIPELINES": {"crawler.pipelines.StorePipeline": 300},
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "crawler.retry.BackoffRetryMiddleware": 550,
        },
        # After AutoThrottle (priority 0), so a Crawl-delay floor is applied last.
        "EXTENSIONS": {"crawler.crawldelay.CrawlDelay": 10},
        "USER_AGENT": crawl["user_agent"],
        "ROBOTSTXT_OBEY": crawl["obey_robots"],
        "DOWNLOAD_DELAY": crawl["delay"],
        "CONCURRENT_REQUESTS": max(16, crawl["concurrency"] * 4),
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawl["concurrency"],
        "AUTOTHROTTLE_ENABLED": crawl["autothrottle"] and crawl["delay"] > 0,
        "AUTOTHROTTLE_START_DELAY": max(crawl["delay"], 0.1),
        "AUTOTHROTTLE_MAX_DELAY": max(crawl["max_delay"], crawl["delay"]),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(crawl["concurrency"]),
        "DOWNLOAD_TIMEOUT": crawl["timeout"],
        "RETRY_TIMES": crawl["retries"],
        "RETRY_HTTP_CODES": RETRY_CODES,
        "DOWNLOAD_MAXSIZE": crawl["max_page_bytes"],
        "DOWNLOAD_WARNSIZE": 0,
        # Page requests carry handle_httpstatus_all, so the spider follows their redirects
        # itself and checks every hop against the scope; robots.txt and sitemaps use Scrapy's.
        "REDIRECT_MAX_TIMES": crawl["max_redirects"],
        "METAREFRESH_ENABLED": False,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "LOG_FORMAT": "%(levelname)s %(name)s: %(message)s",
        "DEPTH_LIMIT": 0,  # the spider bounds depth itself, counting sitemap entries as depth 1
        "HTTPCACHE_ENABLED": False,
    }
