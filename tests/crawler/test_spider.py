"""The spider against the hostile site: scope, safety, traps, failures and what is stored."""
from __future__ import annotations

from collections import Counter

import pytest

from tests.crawler.conftest import Crawl
from tests.crawler.hostile_site import (
    COMMENT_MARKER, FOOTER_MARKER, HUGE_BYTES, LATIN_TEXT, NAV_MARKER,
)

REAL_ARTICLES = ["/a1.html", "/a2.html", "/a3.html", "/a4.html", "/a5.html", "/a6.html",
                 "/latin1.html", "/latin1-meta.html", "/broken-utf8.html", "/busy"]


def test_spider_stores_every_real_article_once(hostile_crawl: Crawl) -> None:
    stored = sorted(url.removeprefix(hostile_crawl.base) for url in hostile_crawl.articles)
    assert stored == sorted(REAL_ARTICLES)
    hashes = Counter(a.content_hash for a in hostile_crawl.articles.values())
    assert max(hashes.values()) == 1


def test_spider_never_requests_disallowed_or_offsite_urls(hostile_crawl: Crawl) -> None:
    requested = hostile_crawl.requested()
    assert not any(path.startswith("/private/") for path in requested)
    assert hostile_crawl.offsite is not None and hostile_crawl.offsite.requests == []
    assert not any(path.startswith(("mailto", "javascript", "tel")) or "/doc.pdf" in path
                   for path in requested)


def test_spider_requests_each_url_once_except_retries(hostile_crawl: Crawl) -> None:
    counts = Counter(hostile_crawl.requested())
    retried = {"/error500", "/slow", "/busy"}
    assert {path for path, n in counts.items() if n > 1} <= retried
    assert counts["/robots.txt"] == 1


@pytest.mark.parametrize(("path", "outcome", "reason"), [
    ("/private/secret.html", "disallowed", "robots.txt"),
    ("/go-offsite", "redirect-offsite", "off-site"),
    ("/loop-b", "failed", "redirect loop"),
    ("/slow", "failed", "timed out"),
    ("/huge", "failed", "max_page_bytes"),
    ("/binary", "skipped", "binary content"),
    ("/served-pdf.html", "skipped", "not HTML (application/pdf)"),
    ("/doc.pdf", "skipped", ".pdf link"),
    ("/error500", "failed", "HTTP 500 after 1 retries"),
    ("/missing.html", "failed", "HTTP 404"),
])
def test_spider_records_each_failure_with_its_reason(hostile_crawl: Crawl, path: str,
                                                    outcome: str, reason: str) -> None:
    page = hostile_crawl.page(path)
    assert page.outcome == outcome
    assert reason in (page.error or "")


def test_spider_records_offsite_links_without_following(hostile_crawl: Crawl) -> None:
    offsite = [p for p in hostile_crawl.pages.values() if p.outcome == "offsite"]
    assert any(p.url.startswith("http://127.0.0.2") for p in offsite)
    assert all(p.status is None for p in offsite)
    # The page that links off-site is named, in the record and in its reason.
    home = hostile_crawl.base + "/"
    landing = next(p for p in offsite if p.url.startswith("http://127.0.0.2"))
    assert landing.referrer == home and home in (landing.error or "")


def test_spider_follows_redirects_hop_by_hop(hostile_crawl: Crawl) -> None:
    first = hostile_crawl.page("/loop-a")
    assert first.outcome == "redirected" and first.final_url == hostile_crawl.base + "/loop-b"


def test_spider_bounds_calendar_chain_and_nesting_traps(hostile_crawl: Crawl) -> None:
    requested = hostile_crawl.requested()
    assert sum(p.startswith("/calendar") for p in requested) <= 5  # max_query_variants
    assert sum(p.startswith("/chain/") for p in requested) <= 4  # max_depth
    assert max(p.count("x/") for p in requested if p.startswith("/trap/")) <= 3
    skipped = [p for p in hostile_crawl.pages.values() if p.outcome == "skipped"]
    assert any("calendar or filter trap" in (p.error or "") for p in skipped)
    assert any("repeats" in (p.error or "") for p in skipped)


def test_spider_follows_pagination_beyond_link_depth(hostile_crawl: Crawl) -> None:
    # a5 is only linked from /news?page=4, deeper than max_depth counting every hop.
    assert hostile_crawl.base + "/a5.html" in hostile_crawl.articles


def test_spider_marks_query_copies_as_duplicates(hostile_crawl: Crawl) -> None:
    for path in ("/a1.html?session=1", "/a1.html?session=2"):
        page = hostile_crawl.page(path)
        assert page.outcome == "duplicate" and page.duplicate_of == hostile_crawl.base + "/a1.html"
    assert hostile_crawl.page("/a2.html?print=1").outcome == "duplicate"
    assert not any("utm_source" in url or "#" in url for url in hostile_crawl.pages)


def test_spider_waits_for_retry_after_on_429(hostile_crawl: Crawl) -> None:
    assert hostile_crawl.routes is not None
    first, second = hostile_crawl.routes.busy_times[:2]
    assert second - first >= 0.9
    assert hostile_crawl.page("/busy").outcome == "fetched"


def test_spider_stops_reading_a_huge_page(hostile_crawl: Crawl) -> None:
    assert hostile_crawl.routes is not None
    assert hostile_crawl.routes.huge_sent < HUGE_BYTES // 2


def test_spider_decodes_declared_charsets_and_survives_broken_bytes(hostile_crawl: Crawl) -> None:
    for path in ("/latin1.html", "/latin1-meta.html"):
        assert LATIN_TEXT in hostile_crawl.articles[hostile_crawl.base + path].text
    broken = hostile_crawl.articles[hostile_crawl.base + "/broken-utf8.html"]
    assert "and then fine text." in broken.text


def test_spider_keeps_the_article_without_its_surroundings(hostile_crawl: Crawl) -> None:
    article = hostile_crawl.articles[hostile_crawl.base + "/a1.html"]
    for marker in (NAV_MARKER, FOOTER_MARKER, COMMENT_MARKER):
        assert marker not in article.text
    assert article.title == "Article a1"
    assert article.author == "Dr Ada Lovelace" and article.author_credentials == "MD"
    assert article.citations and "Journal of Things" in article.citations[0]
    link = next(link for link in article.links if "pubmed" in link.href)
    assert article.text[link.start:link.end] == link.text == "the trial report"


def test_spider_fetches_the_disclaimer_once_and_stores_its_text(hostile_crawl: Crawl) -> None:
    assert hostile_crawl.requested().count("/disclaimer.html") == 1
    for article in hostile_crawl.articles.values():
        assert article.disclaimer_url == hostile_crawl.base + "/disclaimer.html"
        assert "does not give medical advice" in (article.site_disclaimer or "")


def test_spider_keeps_sitemap_lastmod(hostile_crawl: Crawl) -> None:
    assert hostile_crawl.page("/a1.html").lastmod == "2026-02-01"
    assert hostile_crawl.page("/a6.html").lastmod == "2026-02-06"


def test_spider_records_status_timing_and_final_url(hostile_crawl: Crawl) -> None:
    page = hostile_crawl.page("/a3.html")
    assert page.status == 200 and page.final_url == hostile_crawl.base + "/a3.html"
    assert page.elapsed is not None and page.fetched_at
    assert page.content_hash and page.etag
