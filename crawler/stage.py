"""The crawl stage: open a run, crawl into it, and judge whether the run itself failed."""
from __future__ import annotations

import logging
from typing import Any

from crawler.run import CrawlError, crawl_site
from crawler.urls import is_web_url
from runstore import RunStore

logger = logging.getLogger(__name__)


class RunFailed(Exception):
    """The run could not do its job (e.g. no start URL was reachable)."""


def crawl_run(store: RunStore, crawl: dict[str, Any]) -> str:
    """Crawl the configured site into a new run and return its id."""
    if not crawl["start_urls"] and not crawl["sitemaps"]:
        raise ValueError("no start URL: give one on the command line or in [crawl] start_urls")
    for url in crawl["start_urls"] + crawl["sitemaps"]:
        if not is_web_url(url):
            raise ValueError(f"not an http(s) URL: {url!r}")
    run_id = store.start_run(crawl["start_urls"] + crawl["sitemaps"], {"crawl": crawl})
    logger.info("run %s: crawling %s", run_id, ", ".join(crawl["start_urls"] + crawl["sitemaps"]))
    try:
        crawl_site(crawl, str(store.path), run_id, store.known_validators())
    except CrawlError as exc:
        store.set_run_status(run_id, "failed", error=str(exc), finished=True)
        raise RunFailed(f"run {run_id}: {exc}") from None
    except KeyboardInterrupt:
        store.set_run_status(run_id, "interrupted", error="interrupted during the crawl", finished=True)
        raise
    pages = store.pages(run_id)
    reached = [p for p in pages if p.outcome not in ("failed", "offsite", "disallowed", "redirect-offsite")]
    if not reached:
        reason = pages[0].error if pages else "nothing was fetched"
        store.set_run_status(run_id, "failed", error=f"no start URL reachable ({reason})", finished=True)
        raise RunFailed(f"run {run_id}: no start URL reachable ({reason})")
    store.set_run_status(run_id, "crawled")
    return run_id
