"""Running one crawl. Each crawl gets its own process: Twisted's reactor cannot restart."""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from typing import Any

logger = logging.getLogger(__name__)
# Scrapy components that log an expected network failure with its whole traceback; the failure
# itself is recorded with its reason in the run store, so one line in the log is enough.
ONE_LINE_LOGGERS = ("scrapy.downloadermiddlewares.robotstxt",)
STOP_GRACE = 60  # seconds a stopped crawl gets to finish its requests in flight and store them
PARENT_CHECK = 1.0  # seconds between two checks that the run which started the crawl is still there


class WithoutTraceback(logging.Filter):
    """Keeps a record's message and drops its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = record.exc_text = None
        return True


class CrawlError(Exception):
    """The crawl process could not run or died."""


def crawl_site(crawl: dict[str, Any], db_path: str, run_id: str,
               known: dict[str, dict[str, Any]]) -> None:
    """Crawl into run `run_id` of the store at `db_path`; pages land there as they come.

    Interrupted or terminated, the crawl process is stopped too, and waited for: Scrapy closes
    the spider and the store keeps every page fetched until then."""
    job = json.dumps({"crawl": crawl, "db": db_path, "run": run_id, "known": known})
    # A session of its own: a Ctrl-C in the terminal reaches this process only, which then
    # stops the crawl once (a second signal would make Scrapy stop without storing).
    with subprocess.Popen([sys.executable, "-m", "crawler.run"], stdin=subprocess.PIPE, text=True,
                          start_new_session=True) as child:
        try:
            child.communicate(job)
        except BaseException:
            _stop(child)
            raise
    if child.returncode != 0:
        raise CrawlError(f"the crawl process exited with status {child.returncode}")


def _stop(child: subprocess.Popen) -> None:
    child.terminate()
    try:
        child.wait(STOP_GRACE)
    except subprocess.TimeoutExpired:
        logger.warning("the crawl process did not stop within %d s; killed", STOP_GRACE)
        child.kill()
        child.wait()


def _crawl_in_this_process(job: dict[str, Any]) -> None:
    from scrapy.crawler import CrawlerProcess

    from crawler.settings import scrapy_settings
    from crawler.spider import SiteSpider

    settings = scrapy_settings(job["crawl"], job["db"], job["run"])
    process = CrawlerProcess(settings)
    process.crawl(SiteSpider, crawl=job["crawl"], known=job["known"])
    # Scrapy leaves the root logger at NOTSET and filters in its handler, so every debug call
    # (one per request and item in Scrapy, several per page in trafilatura) built a record.
    logging.root.setLevel(settings["LOG_LEVEL"])
    for name in ONE_LINE_LOGGERS:
        logging.getLogger(name).addFilter(WithoutTraceback())
    _stop_when_orphaned(process, os.getppid())
    process.start()


def _stop_when_orphaned(process: Any, parent: int) -> None:
    """Stop the crawl, as a Ctrl-C would, once the run that started it is gone (killed with
    SIGKILL, or out of memory): its pages stay stored, and it no longer crawls for nobody.
    A process whose parent has died is handed to another (init), so its parent id changes."""
    from twisted.internet import task

    def check() -> None:
        if os.getppid() != parent:
            logger.warning("the run that started this crawl is gone; the crawl stops and keeps what it stored")
            watch.stop()
            process.stop()

    watch = task.LoopingCall(check)
    watch.start(PARENT_CHECK, now=False)


if __name__ == "__main__":
    _crawl_in_this_process(json.load(sys.stdin))
