"""The site spider: discovers pages through start URLs, sitemaps and in-site links."""
from __future__ import annotations

import hashlib
import logging
from datetime import datetime, timezone
from typing import Any, AsyncIterator, Iterable, Iterator
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import StopDownload
from scrapy.http import Request, Response, TextResponse

from crawler.content import binary_reason, is_html_type
from crawler.extract import DISCLAIMER_LINK, extract_article, extract_text_only, parse_html
from crawler.items import DisclaimerItem, LastmodItem, PageItem
from crawler.links import PageLink, PageLinks, non_page_extension, page_links
from crawler.outcomes import failure_outcome
from crawler.scope import Scope
from crawler.sitemaps import read_sitemap
from crawler.urls import canonical_url
from runstore.records import Page

logger = logging.getLogger(__name__)


class SiteSpider(scrapy.Spider):
    name = "healthaudit"

    def __init__(self, crawl: dict[str, Any], known: dict[str, dict[str, Any]], **kwargs: Any):
        super().__init__(**kwargs)
        self.crawl = crawl
        self.known = known
        self.scope = Scope(crawl)
        # Scrapy's OffsiteMiddleware uses this for the sitemap requests it redirects.
        self.allowed_domains = self.scope.allowed_domains
        self.seen: set[str] = set()  # every URL given an outcome or a request
        self.requested = 0
        self.parsed: set[str] = set()
        self.sitemaps_seen: set[str] = set()
        self.hashes: dict[str, str] = {}
        self.lastmods: dict[str, str] = {}
        self.disclaimer_urls: set[str] = set()
        self.disclaimers_done: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> SiteSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(spider.headers_received, signal=signals.headers_received)
        return spider

    async def start(self) -> AsyncIterator[Request]:
        for url in self.crawl["start_urls"]:
            for item in self._page_request(url, depth=0, force=True):
                yield item
        if not self.crawl["obey_robots"]:
            # With robots obeyed, RobotsTxtMiddleware reads it once and robots_parsed fires.
            roots = {f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in self.crawl["start_urls"]}
            for root in sorted(roots):
                yield Request(f"{root}/robots.txt", callback=self.parse_robots,
                              errback=self.discovery_failed, dont_filter=True)
        for url in self.crawl["sitemaps"]:
            for request in self._sitemap_request(url):
                yield request

    # -- discovery: robots.txt and sitemaps ----------------------------------
    def robots_parsed(self, robotparser: Any, request: Request) -> None:
        sitemaps = getattr(getattr(robotparser, "rp", None), "sitemaps", None) or ()
        for url in sitemaps:
            for sitemap_request in self._sitemap_request(urljoin(request.url, url)):
                self.crawler.engine.crawl(sitemap_request)

    def parse_robots(self, response: Response) -> Iterator[Request]:
        for line in response.text.splitlines() if isinstance(response, TextResponse) else ():
            key, _, value = line.partition(":")
            if key.strip().lower() == "sitemap" and value.strip():
                yield from self._sitemap_request(urljoin(response.url, value.strip()))

    def _sitemap_request(self, url: str) -> Iterator[Request]:
        url = canonical_url(url)
        if url in self.sitemaps_seen or not self.scope.host_allowed(url):
            return
        self.sitemaps_seen.add(url)
        yield Request(url, callback=self.parse_sitemap, errback=self.discovery_failed)

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        sitemap = read_sitemap(response.body, response.url, self.crawl["max_page_bytes"])
        for loc, lastmod in sitemap.entries:
            if sitemap.is_index:
                yield from self._sitemap_request(loc)
                continue
            url = canonical_url(loc)
            if lastmod:
                self.lastmods[url] = lastmod
                if url in self.seen:
                    yield LastmodItem(url, lastmod)
            yield from self._page_request(url, depth=1)

    def discovery_failed(self, failure: Any) -> None:
        logger.warning("sitemap or robots.txt not read: %s", failure.getErrorMessage())

    # -- which URLs are requested --------------------------------------------
    def _page_request(self, url: str, depth: int, force: bool = False, is_canonical: bool = False,
                      **meta: Any) -> Iterator[Request | PageItem]:
        """A request for `url` when it is new and in scope; off-site and trap URLs get a record."""
        if not is_canonical:
            url = canonical_url(url)
        if url in self.seen:
            return
        referrer = meta.get("referrer")
        if not self.scope.host_allowed(url):
            self.seen.add(url)
            yield PageItem(Page(url=url, outcome="offsite", fetched_at=_now(), depth=depth,
                                referrer=referrer,
                                error=f"off-site link{' on ' + referrer if referrer else ''}; not followed"))
            return
        if not force and (self.scope.excluded(url) or depth > self.crawl["max_depth"]
                          or self.requested >= self.crawl["max_pages"]):
            return
        self.seen.add(url)
        reason = self.scope.trap(url)
        ext = non_page_extension(url)
        if reason or ext:
            reason = reason or f"not a web page (.{ext} link); not fetched"
            yield PageItem(Page(url=url, outcome="skipped", error=reason, fetched_at=_now(), depth=depth,
                                referrer=referrer))
            return
        self.requested += 1
        # Query-less URLs first, so the clean URL of an article is the one stored.
        yield Request(url, callback=self.parse_page, errback=self.page_failed,
                      headers=self._validators(url), dont_filter=True,
                      priority=-1 if urlsplit(url).query else 0,
                      meta={**meta, "page_url": url, "link_depth": depth, "force": force,
                            "handle_httpstatus_all": True})

    def _validators(self, url: str) -> dict[str, str]:
        known = self.known.get(url) or {}
        headers = {}
        if known.get("etag"):
            headers["If-None-Match"] = known["etag"]
        if known.get("last_modified"):
            headers["If-Modified-Since"] = known["last_modified"]
        return headers

    def headers_received(self, headers: Any, body_length: int, request: Request,
                         spider: Any = None) -> None:
        """Stop downloading a page whose headers say it is not HTML (a PDF, an image)."""
        content_type = (headers.get(b"Content-Type") or b"").decode("latin-1")
        if request.meta.get("page_url") and not is_html_type(content_type):
            raise StopDownload(fail=False)

    # -- what came back ------------------------------------------------------
    def parse_page(self, response: Response) -> Iterator[Any]:
        page = self._page_record(response)
        status = response.status
        if 300 <= status < 400 and status != 304:
            yield from self._follow_redirect(response, page)
        elif status == 304:
            yield from self._unchanged(response, page)
        elif status >= 400:
            retries = response.meta.get("retry_times", 0)
            page.outcome = "failed"
            page.error = f"HTTP {status}" + (f" after {retries} retries" if retries else "")
            yield PageItem(page)
        elif not is_html_type(page.content_type or "") or not isinstance(response, TextResponse):
            page.outcome, page.error = "skipped", f"not HTML ({page.content_type or 'no content type'})"
            yield PageItem(page)
        elif reason := binary_reason(response.body):
            page.outcome, page.error = "skipped", reason
            yield PageItem(page)
        else:
            yield from self._parse_html(response, page)

    def _parse_html(self, response: TextResponse, page: Page) -> Iterable[Any]:
        try:
            tree = parse_html(response.text, page.url)
            links = page_links(tree, response.url) if tree is not None else PageLinks()
            item, canonical_requests = self._page_item(tree, page, links, response)
            results: list[Any] = [item]
            if page.url in self.disclaimer_urls and page.url not in self.disclaimers_done:
                self.disclaimers_done.add(page.url)
                results.append(DisclaimerItem(page.url, extract_text_only(tree, page.url)))
        except Exception as exc:  # one bad page must never stop the crawl
            logger.exception("%s: extraction failed", page.url)
            page.outcome, page.error = "failed", f"extraction error: {type(exc).__name__}: {exc}"[:300]
            return [PageItem(page)]
        self.parsed.add(page.url)
        item.links = [[link.url, link.text, link.paginates] for link in links.links
                      if self.scope.host_allowed(link.url)]
        return results + _attach_records(item, [*canonical_requests, *self._follow_links(response, links)])

    def _page_item(self, tree: Any, page: Page, links: PageLinks,
                   response: TextResponse) -> tuple[PageItem, list[Any]]:
        """The page's outcome and article, and the request for its rel=canonical URL if new."""
        page.content_hash = hashlib.sha1(response.body).hexdigest()
        if tree is None:
            page.outcome, page.error = "not-article", "unparseable HTML"
            return PageItem(page), []
        canonical, requests = links.canonical, []
        if (canonical and canonical != page.url and not response.meta.get("via_canonical")
                and self.scope.host_allowed(canonical)):
            requests = list(self._page_request(canonical, response.meta["link_depth"],
                                               via_canonical=True, referrer=page.url))
            if canonical in self.seen:  # the canonical URL is (being) stored: this is a copy
                page.outcome, page.duplicate_of = "duplicate", canonical
                return PageItem(page), requests
        return self._article_item(tree, page), requests

    def _article_item(self, tree: Any, page: Page) -> PageItem:
        article = extract_article(tree, page.url)
        if article is None:
            page.outcome = "not-article"
            return PageItem(page)
        first = self.hashes.setdefault(article.content_hash, page.url)
        if first != page.url:
            page.outcome, page.duplicate_of = "duplicate", first
            return PageItem(page)
        if article.disclaimer_url:
            article.disclaimer_url = canonical_url(article.disclaimer_url)
        return PageItem(page, article)

    def _follow_links(self, response: Response, links: PageLinks) -> Iterator[Request | PageItem]:
        depth = response.meta["link_depth"]
        pagination = response.meta.get("pagination", 0)
        referrer = response.meta["page_url"]
        new_disclaimers = self._note_disclaimers(links)
        for link in links.links:
            if not link.paginates:
                yield from self._page_request(link.url, depth + 1, is_canonical=True, referrer=referrer)
            elif pagination < self.crawl["max_pagination"]:
                # Turning a listing's page does not lead deeper: pagination has its own bound.
                yield from self._page_request(link.url, depth, is_canonical=True,
                                              pagination=pagination + 1, referrer=referrer)
        for url in new_disclaimers:
            if url not in self.seen or url in self.parsed:
                self.seen.discard(url)
                yield from self._page_request(url, depth + 1, force=True, referrer=referrer)

    def _note_disclaimers(self, links: PageLinks) -> list[str]:
        """Disclaimer links not met before; each site's disclaimer is fetched once."""
        new = []
        for link in links.links:
            if (link.url not in self.disclaimer_urls and len(link.text) < 40
                    and DISCLAIMER_LINK.search(link.text) and self.scope.host_allowed(link.url)):
                self.disclaimer_urls.add(link.url)
                new.append(link.url)
        return new

    def _follow_redirect(self, response: Response, page: Page) -> Iterator[Any]:
        chain = [*response.meta.get("redirect_chain", []), page.url]
        location = response.headers.get("Location")
        target = canonical_url(urljoin(response.url, location.decode("latin-1"))) if location else None
        page.outcome, page.final_url = "redirected", target
        if target is None:
            page.outcome, page.error = "failed", f"HTTP {response.status} without a Location header"
        elif target in chain:
            page.outcome, page.error = "failed", "redirect loop: " + " -> ".join([*chain, target])
        elif len(chain) > self.crawl["max_redirects"]:
            page.outcome, page.error = "failed", f"more than {self.crawl['max_redirects']} redirects"
        elif not self.scope.host_allowed(target):
            page.outcome, page.error = "redirect-offsite", f"redirects off-site to {target}; not followed"
        elif self.scope.excluded(target) and not response.meta.get("force"):
            page.error = f"redirects to {target}, which the exclude/include patterns keep out"
        yield PageItem(page)
        if page.outcome == "redirected" and target:
            yield from self._page_request(
                target, response.meta["link_depth"], force=response.meta.get("force", False),
                redirect_chain=chain, pagination=response.meta.get("pagination", 0),
                referrer=page.url)

    def _unchanged(self, response: Response, page: Page) -> Iterator[Any]:
        """A 304 reuses the stored article and follows the links stored with it (no body to read)."""
        stored = self.known.get(page.url)
        if stored is None:
            page.outcome, page.error = "failed", "HTTP 304 for a page with no stored copy"
            yield PageItem(page)
            return
        page.outcome = "unchanged"
        page.content_hash = stored["content_hash"]
        page.etag = page.etag or stored["etag"]
        page.last_modified = page.last_modified or stored["last_modified"]
        item = PageItem(page, reuse_stored=stored["run_id"], links=stored.get("links"))
        links = PageLinks([PageLink(url, text, paginates) for url, text, paginates in item.links or ()])
        self.parsed.add(page.url)
        requests = _attach_records(item, self._follow_links(response, links))
        yield item
        yield from requests

    def page_failed(self, failure: Any) -> Iterator[PageItem]:
        request = failure.request
        outcome, reason = failure_outcome(failure, self.crawl["max_page_bytes"])
        url = request.meta.get("page_url", request.url)
        page = Page(url=url, outcome=outcome, error=reason, fetched_at=_now(),
                    depth=request.meta.get("link_depth"), lastmod=self.lastmods.get(url),
                    referrer=request.meta.get("referrer"))
        logger.info("%s: %s: %s", url, outcome, reason)
        yield PageItem(page)

    def _page_record(self, response: Response) -> Page:
        headers = response.headers
        url = response.meta["page_url"]
        latency = response.meta.get("download_latency")
        return Page(
            url=url, status=response.status, final_url=response.url,
            content_type=_header(headers, "Content-Type"),
            etag=_header(headers, "ETag"), last_modified=_header(headers, "Last-Modified"),
            fetched_at=_now(), depth=response.meta.get("link_depth"),
            lastmod=self.lastmods.get(url), referrer=response.meta.get("referrer"),
            elapsed=round(latency, 4) if latency is not None else None)


def _attach_records(item: PageItem, outputs: Iterable[Request | PageItem]) -> list[Request]:
    """The requests among `outputs`, clean URLs first; the records of links not fetched go with
    the page's item. Scrapy may start a download before a callback's outputs are all scheduled
    (CONCURRENT_ITEMS), so priority alone would not keep a query copy behind its clean URL."""
    requests = []
    for output in outputs:
        if isinstance(output, PageItem):
            item.link_records.append(output.page)
        else:
            requests.append(output)
    return sorted(requests, key=lambda request: -request.priority)


def _header(headers: Any, name: str) -> str | None:
    value = headers.get(name)
    return value.decode("latin-1") if value else None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
