"""The site spider: discovers pages through start URLs, sitemaps and in-site links."""
from __future__ import annotations

import hashlib
import logging
import re
import time
from datetime import datetime, timezone
from typing import Any, AsyncIterator, Iterator
from urllib.parse import urlparse

import scrapy
from scrapy.http import Request, Response
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from crawler.extract import extract_article, extract_text_only
from crawler.items import DisclaimerItem, PageItem
from crawler.urls import canonical_url
from runstore.records import Page

logger = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


class SiteSpider(scrapy.Spider):
    name = "healthaudit"

    def __init__(self, crawl: dict[str, Any], known: dict[str, dict[str, Any]], **kwargs: Any):
        super().__init__(**kwargs)
        self.crawl = crawl
        self.known = known
        self.allowed_domains = crawl["allowed_domains"] or sorted(
            {urlparse(u).hostname for u in crawl["start_urls"] + crawl["sitemaps"]} - {None})
        self.include = [re.compile(p) for p in crawl["include"]]
        self.exclude = [re.compile(p) for p in crawl["exclude"]]
        # LinkExtractor's allow_domains ignores IP hosts, so scope is checked in _in_scope.
        self.links = LinkExtractor(unique=True)
        self.seen: set[str] = set()
        self.hashes: dict[str, str] = {}
        self.disclaimers_requested: set[str] = set()

    async def start(self) -> AsyncIterator[Request]:
        for url in self.crawl["start_urls"]:
            for request in self._page_request(url, depth=0, force=True):
                yield request
        roots = {f"{urlparse(u).scheme}://{urlparse(u).netloc}" for u in self.crawl["start_urls"]}
        for root in sorted(roots):
            yield Request(f"{root}/robots.txt", callback=self.parse_robots,
                          errback=self.sitemap_failed, dont_filter=True)
        for url in self.crawl["sitemaps"]:
            yield Request(url, callback=self.parse_sitemap, errback=self.sitemap_failed)

    # -- discovery ----------------------------------------------------------
    def parse_robots(self, response: Response) -> Iterator[Request]:
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            yield Request(url, callback=self.parse_sitemap, errback=self.sitemap_failed)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        try:
            sitemap = Sitemap(response.body)
        except Exception as exc:  # lxml raises several kinds on bad XML
            logger.warning("%s: unreadable sitemap: %s", response.url, exc)
            return
        for entry in sitemap:
            loc = entry.get("loc")
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                yield Request(loc, callback=self.parse_sitemap, errback=self.sitemap_failed)
            else:
                yield from self._page_request(loc, depth=1, lastmod=entry.get("lastmod"))

    def sitemap_failed(self, failure: Any) -> None:
        logger.info("sitemap or robots.txt not read: %s", failure.getErrorMessage())

    def _page_request(self, url: str, depth: int, lastmod: str | None = None,
                      force: bool = False) -> Iterator[Request]:
        url = canonical_url(url)
        if url in self.seen or (not force and not self._in_scope(url)):
            return
        if len(self.seen) >= self.crawl["max_pages"] or depth > self.crawl["max_depth"]:
            return
        self.seen.add(url)
        headers = {}
        known = self.known.get(url)
        if known and known.get("etag"):
            headers["If-None-Match"] = known["etag"]
        if known and known.get("last_modified"):
            headers["If-Modified-Since"] = known["last_modified"]
        yield Request(url, callback=self.parse_page, errback=self.page_failed, headers=headers,
                      meta={"depth": depth, "lastmod": lastmod, "started": time.monotonic(),
                            "handle_httpstatus_all": True},
                      dont_filter=True)

    def _in_scope(self, url: str) -> bool:
        host = urlparse(url).hostname or ""
        if not any(host == d or host.endswith("." + d) for d in self.allowed_domains):
            return False
        if self.include and not any(p.search(url) for p in self.include):
            return False
        return not any(p.search(url) for p in self.exclude)

    # -- pages --------------------------------------------------------------
    def parse_page(self, response: Response) -> Iterator[Any]:
        page = self._page_record(response)
        content_type = response.headers.get("Content-Type", b"").decode("latin-1").lower()
        if response.status == 304 and page.url in self.known:
            page.outcome = "unchanged"
            page.content_hash = self.known[page.url]["content_hash"]
            page.etag = page.etag or self.known[page.url]["etag"]
            page.last_modified = page.last_modified or self.known[page.url]["last_modified"]
            yield PageItem(page, reuse_stored=self.known[page.url]["run_id"])
            return
        if response.status >= 400:
            page.outcome, page.error = "failed", f"HTTP {response.status}"
            yield PageItem(page)
            return
        if not content_type.startswith(HTML_TYPES) or not hasattr(response, "text"):
            page.outcome, page.error = "skipped", f"not HTML ({content_type or 'no content type'})"
            yield PageItem(page)
            return
        page.content_hash = hashlib.sha1(response.body).hexdigest()
        article = extract_article(response.text, page.url)
        if article is None:
            page.outcome = "not-article"
        elif article.content_hash in self.hashes:
            page.outcome, page.duplicate_of = "duplicate", self.hashes[article.content_hash]
            article = None
        else:
            self.hashes[article.content_hash] = page.url
        yield PageItem(page, article)
        if article is not None and article.disclaimer_url:
            yield from self._disclaimer_request(article.disclaimer_url)
        yield from self._follow_links(response)

    def _follow_links(self, response: Response) -> Iterator[Request]:
        depth = response.meta.get("depth", 0) + 1
        for link in self.links.extract_links(response):
            if link.nofollow:
                continue
            yield from self._page_request(link.url, depth)

    def _disclaimer_request(self, url: str) -> Iterator[Request]:
        if url in self.disclaimers_requested or urlparse(url).hostname not in self.allowed_domains:
            return
        self.disclaimers_requested.add(url)
        yield Request(url, callback=self.parse_disclaimer, errback=self.sitemap_failed,
                      dont_filter=True)

    def parse_disclaimer(self, response: Response) -> Iterator[DisclaimerItem]:
        if response.status == 200 and hasattr(response, "text"):
            yield DisclaimerItem(response.request.url, extract_text_only(response.text, response.url))

    def page_failed(self, failure: Any) -> Iterator[PageItem]:
        request = failure.request
        page = Page(url=request.url, outcome="failed", error=failure.getErrorMessage()[:500],
                    fetched_at=_now(), depth=request.meta.get("depth"),
                    elapsed=time.monotonic() - request.meta.get("started", time.monotonic()))
        logger.info("%s: failed: %s", request.url, page.error)
        yield PageItem(page)

    def _page_record(self, response: Response) -> Page:
        request = response.request
        headers = response.headers
        return Page(
            url=request.meta.get("redirect_urls", [request.url])[0] if request else response.url,
            status=response.status, final_url=response.url,
            content_type=headers.get("Content-Type", b"").decode("latin-1") or None,
            etag=_header(headers, "ETag"), last_modified=_header(headers, "Last-Modified"),
            fetched_at=_now(), depth=response.meta.get("depth"), lastmod=response.meta.get("lastmod"),
            elapsed=time.monotonic() - response.meta.get("started", time.monotonic()))


def _header(headers: Any, name: str) -> str | None:
    value = headers.get(name)
    return value.decode("latin-1") if value else None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
