"""Pure helpers of the crawler: URLs, scope, traps, content sniffing, links, retries, sitemaps."""
from __future__ import annotations

import gzip
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from lxml import html as lxml_html

from crawler.content import binary_reason, is_html_type
from crawler.extract import extract_article
from crawler.links import non_page_extension, page_links
from crawler.retry import retry_after_seconds
from crawler.scope import Scope
from crawler.sitemaps import read_sitemap
from crawler.urls import canonical_url
from runstore.settings import defaults
from tests.crawler.hostile_site import article, latin1_page


@pytest.mark.parametrize(("url", "expected"), [
    ("HTTP://Site.Example/a.html#top", "http://site.example/a.html"),
    ("http://site.example/a.html?utm_source=x&b=2&a=1&fbclid=y", "http://site.example/a.html?a=1&b=2"),
    ("http://site.example", "http://site.example/"),
])
def test_urls_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def scope(**overrides: object) -> Scope:
    crawl = defaults()["crawl"]
    crawl.update(start_urls=["http://site.example/"], max_query_variants=2, **overrides)
    return Scope(crawl)


@pytest.mark.parametrize(("url", "allowed"), [
    ("http://site.example/a", True), ("https://www.site.example/a", True),
    ("http://evilsite.example/a", False), ("http://site.example.evil.org/", False),
    ("mailto:x@site.example", False), ("ftp://site.example/f", False),
])
def test_scope_host_allowed(url: str, allowed: bool) -> None:
    assert scope().host_allowed(url) is allowed


def test_scope_host_allowed_with_ip_hosts() -> None:
    assert Scope({**defaults()["crawl"], "start_urls": ["http://127.0.0.1:8000/"]}).host_allowed(
        "http://127.0.0.1:8000/x")
    assert not Scope({**defaults()["crawl"], "start_urls": ["http://127.0.0.1:8000/"]}).host_allowed(
        "http://127.0.0.2:8000/x")


def test_scope_include_and_exclude_patterns() -> None:
    s = scope(include=["/health/"], exclude=[r"\?print="])
    assert not s.excluded("http://site.example/health/a")
    assert s.excluded("http://site.example/shop/a")
    assert s.excluded("http://site.example/health/a?print=1")


@pytest.mark.parametrize(("urls", "trapped"), [
    (["http://site.example/c?m=1", "http://site.example/c?m=2"], None),
    (["http://site.example/c?m=1", "http://site.example/c?m=2", "http://site.example/c?m=3"], "query-string"),
    (["http://site.example/a/a/a/a/"], "repeats"),
    (["http://site.example/" + "x" * 3000], "longer than"),
])
def test_scope_trap(urls: list[str], trapped: str | None) -> None:
    s = scope()
    reasons = [s.trap(u) for u in urls]
    assert (reasons[-1] is None) if trapped is None else trapped in reasons[-1]


@pytest.mark.parametrize(("body", "reason"), [
    (b"<html><body>fine</body></html>", None),
    (b"%PDF-1.7 ...", "PDF"),
    (b"\x89PNG\r\n\x1a\n....", "PNG"),
    (b"<html>\x00\x00\x00</html>", "NUL"),
    ("<p>caf\u00e9</p>".encode("latin-1"), None),
])
def test_content_binary_reason(body: bytes, reason: str | None) -> None:
    found = binary_reason(body)
    assert (found is None) if reason is None else reason in found


@pytest.mark.parametrize(("content_type", "html"), [
    ("text/html; charset=utf-8", True), ("application/xhtml+xml", True), ("", True),
    ("application/pdf", False), ("image/png", False), ("text/plain", False),
])
def test_content_is_html_type(content_type: str, html: bool) -> None:
    assert is_html_type(content_type) is html


def test_links_page_links_finds_canonical_pagination_and_skips_non_http() -> None:
    tree = lxml_html.document_fromstring("""<html><head><link rel="canonical" href="/a.html?x=1#f">
    <link rel="next" href="/list?page=2"></head><body>
    <a href="mailto:x@y">m</a><a href="javascript:void(0)">j</a><a href="tel:1">t</a>
    <a href="/b.html#c">Story</a><a href="/c.html" rel="nofollow">n</a>
    <nav class="pagination"><a href="/list?page=3">3</a></nav></body></html>""")
    found = page_links(tree, "http://site.example/list")
    assert found.canonical == "http://site.example/a.html?x=1"
    by_url = {link.url: link for link in found.links}
    assert set(by_url) == {"http://site.example/list?page=2", "http://site.example/b.html",
                           "http://site.example/list?page=3"}
    assert not by_url["http://site.example/b.html"].paginates
    assert by_url["http://site.example/list?page=3"].paginates


@pytest.mark.parametrize(("url", "ext"), [
    ("http://s/doc.PDF", "pdf"), ("http://s/img.jpg?x=1", "jpg"), ("http://s/a.html", None),
    ("http://s/dir.v2/", None), ("http://s/page", None),
])
def test_links_non_page_extension(url: str, ext: str | None) -> None:
    assert non_page_extension(url) == ext


def test_retry_retry_after_seconds() -> None:
    assert retry_after_seconds(b"7") == 7.0
    assert retry_after_seconds(None) is None and retry_after_seconds(b"soon") is None
    later = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=30), usegmt=True)
    assert 25 <= retry_after_seconds(later.encode()) <= 31


def test_sitemaps_read_sitemap_plain_gzipped_and_broken() -> None:
    body = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            b"<url><loc>http://s/a</loc><lastmod>2026-01-02</lastmod></url><url><loc>http://s/b</loc></url></urlset>")
    expected = [("http://s/a", "2026-01-02"), ("http://s/b", None)]
    assert read_sitemap(body, "http://s/sm.xml", 10**6).entries == expected
    assert read_sitemap(gzip.compress(body), "http://s/sm.xml.gz", 10**6).entries == expected
    assert read_sitemap(b"<not xml", "http://s/bad.xml", 10**6).entries == []


def test_extract_article_keeps_structure_links_and_references() -> None:
    found = extract_article(article("x", 3), "http://site.example/x.html")
    assert found is not None
    assert {"heading", "paragraph", "list-item"} <= {b.kind for b in found.blocks}
    assert found.citations and found.disclaimer_url == "http://site.example/disclaimer.html"
    for link in found.links:
        assert found.text[link.start:link.end] == link.text


def test_extract_article_keeps_the_dates_a_reader_sees() -> None:
    dates = '<p>Published <time datetime="2026-01-22">January 22, 2026</time> · Updated <time>Feb 9</time></p>'
    found = extract_article(article("x", 3, extra=dates), "http://site.example/x.html")
    assert found is not None and "Published January 22, 2026 · Updated Feb 9" in found.text


def test_extract_article_accepts_xhtml_with_xml_declaration() -> None:
    page = '<?xml version="1.0" encoding="iso-8859-1"?>\n' + latin1_page("latin")
    assert extract_article(page, "http://site.example/x.html") is not None


@pytest.mark.parametrize("page", [b"", b"\x00\x01\x02", "<html>", b"\xff\xfe<html>"])
def test_extract_article_survives_garbage(page: bytes | str) -> None:
    assert extract_article(page, "http://site.example/x.html") is None
