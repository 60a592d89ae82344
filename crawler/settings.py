"""Scrapy settings derived from healthaudit's [crawl] config."""
from __future__ import annotations

from typing import Any

from crawler.scope import start_hosts

RETRY_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# Scrapy components that do nothing for a healthaudit crawl, switched off for speed: the spider
# bounds depth and URL length itself (Scope, _page_request), and nothing reads Scrapy's stats
# (the run store counts pages). RefererMiddleware stays: RedirectMiddleware warns without it.
UNUSED_SPIDER_MIDDLEWARES = {
    "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware": None,
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None,
}
UNUSED_DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,  # replaced by ours
    "scrapy.downloadermiddlewares.httpauth.HttpAuthMiddleware": None,
    "scrapy.downloadermiddlewares.stats.DownloaderStats": None,
}
UNUSED_EXTENSIONS = {
    "scrapy.extensions.corestats.CoreStats": None,
    "scrapy.extensions.logstats.LogStats": None,
    "scrapy.extensions.memdebug.MemoryDebugger": None,
    "scrapy.extensions.feedexport.FeedExporter": None,
    "scrapy.extensions.spiderstate.SpiderState": None,
}


def scrapy_settings(crawl: dict[str, Any], db_path: str, run_id: str) -> dict[str, Any]:
    return {
        "HEALTHAUDIT_DB": db_path,
        "HEALTHAUDIT_RUN": run_id,
        "HEALTHAUDIT_RETRY_BACKOFF": crawl["retry_backoff"],
        "HEALTHAUDIT_MAX_WAIT": crawl["max_wait"],
        "ITEM_PIPELINES": {"crawler.pipelines.StorePipeline": 300},
        "DOWNLOADER_MIDDLEWARES": {**UNUSED_DOWNLOADER_MIDDLEWARES,
                                   "crawler.retry.BackoffRetryMiddleware": 550},
        "SPIDER_MIDDLEWARES": UNUSED_SPIDER_MIDDLEWARES,
        # After AutoThrottle (priority 0), so a Crawl-delay floor is applied last.
        "EXTENSIONS": {**UNUSED_EXTENSIONS, "crawler.crawldelay.CrawlDelay": 10},
        "STATS_CLASS": "scrapy.statscollectors.DummyStatsCollector",
        # Scrapy runs up to this many outputs of one callback as concurrent asyncio tasks;
        # the store pipeline is synchronous, so a handful of tasks per page is plenty (the
        # default, 100, made task creation a tenth of crawl time).
        "CONCURRENT_ITEMS": 4,
        "USER_AGENT": crawl["user_agent"],
        "ROBOTSTXT_OBEY": crawl["obey_robots"],
        "DOWNLOAD_DELAY": crawl["delay"],
        "CONCURRENT_REQUESTS": downloader_capacity(crawl),
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
        # Scrapy 2.19's HTTP endpoint that runs posted Python code in the crawl: not for us.
        "REMOTE_CONTROL_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "LOG_FORMAT": "%(levelname)s %(name)s: %(message)s",
        "DEPTH_LIMIT": 0,  # the spider bounds depth itself, counting sitemap entries as depth 1
        "HTTPCACHE_ENABLED": False,
    }


def downloader_capacity(crawl: dict[str, Any]) -> int:
    """How many requests Scrapy's downloader may hold. With no delay, a few beyond those in flight
    keep every connection busy. With a politeness delay the others would only wait there for
    their turn, and a stop (Ctrl-C, SIGTERM, a run that is gone) finishes each of them first:
    sixteen requests one second apart kept a stop waiting sixteen seconds."""
    in_flight = crawl["concurrency"] * max(len(start_hosts(crawl)), 1)  # Scrapy's slots go by host
    return max(16, 4 * in_flight) if crawl["delay"] <= 0 else in_flight
