"""Second crawls and politeness: conditional requests, 304 reuse, robots.txt Crawl-delay."""
from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from demo.server import SiteServer, demo_site_root
from tests.crawler.conftest import crawl_config, crawl_result, run_crawl, wide_backlog
from tests.crawler.hostile_site import article, build_site, page


def test_recrawl_sends_validators_and_reuses_unchanged_articles(tmp_path: Path) -> None:
    db = tmp_path / "run.db"
    with wide_backlog(SiteServer(demo_site_root())) as server:
        config = crawl_config(server.base_url + "/")
        store, first = run_crawl(config, db)
        server.requests.clear()
        store, second = run_crawl(config, db, known=True)
        crawl = crawl_result(store, second, server.base_url, server)
    articles_before = {a.url: a for a in store.articles(first)}
    conditional = [path for _, path, headers in server.requests if "If-None-Match" in headers]
    assert len(conditional) == len(articles_before)
    unchanged = [p for p in crawl.pages.values() if p.outcome == "unchanged"]
    assert len(unchanged) == len(articles_before)
    assert all(p.status == 304 and p.content_hash for p in unchanged)
    for url, before in articles_before.items():
        assert crawl.articles[url].text == before.text


def test_recrawl_honours_robots_crawl_delay(tmp_path: Path) -> None:
    build_site(tmp_path)
    (tmp_path / "robots.txt").write_text("User-agent: *\nCrawl-delay: 0.4\n")
    (tmp_path / "index.html").write_text(
        "<html><body>" + "".join(f'<a href="/a{n}.html">{n}</a>' for n in range(1, 5)) + "</body></html>")
    times: list[float] = []

    def timed(handler: BaseHTTPRequestHandler) -> bool:
        times.append(time.monotonic())
        return False  # let the file server answer

    routes = {f"/a{n}.html": timed for n in range(1, 5)}
    with wide_backlog(SiteServer(tmp_path, routes=routes)) as server:
        store, run_id = run_crawl(crawl_config(server.base_url + "/", concurrency=4), tmp_path / "run.db")
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(times) == 4 and min(gaps) >= 0.35
    assert len(store.articles(run_id)) == 4



def test_recrawl_follows_the_stored_links_of_an_unchanged_page(tmp_path: Path) -> None:
    # a2 is linked only from a1: when a1 answers 304 there is no body to read its links from.
    (tmp_path / "index.html").write_text(page("Home", '<a href="/a1.html">First</a>'))
    (tmp_path / "a1.html").write_text(article("a1", 1, extra='<p>Next: <a href="/a2.html">a2</a></p>'))
    (tmp_path / "a2.html").write_text(article("a2", 2))
    with wide_backlog(SiteServer(tmp_path)) as server:
        config = crawl_config(server.base_url + "/")
        store, first = run_crawl(config, tmp_path / "run.db")
        store, second = run_crawl(config, tmp_path / "run.db", known=True)
    a1, a2 = server.base_url + "/a1.html", server.base_url + "/a2.html"
    pages = {p.url: p for p in store.pages(second)}
    assert pages[a1].outcome == "unchanged"
    assert pages[a2].outcome == "unchanged" and pages[a2].referrer == a1
    assert [a2, "a2", False] in store.known_validators()[a1]["links"]
    assert {a.url for a in store.articles(second)} == {a1, a2}
