"""Fixtures: the hostile site on 127.0.0.1, an off-site server on 127.0.0.2, and crawls of them."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest

from crawler.run import crawl_site
from demo.server import SiteServer
from runstore import RunStore
from runstore.records import Article, Page
from runstore.settings import defaults
from tests.crawler.hostile_site import HostileRoutes, build_site

# Small limits so the whole suite runs in seconds.
TEST_CRAWL = {"delay": 0.0, "concurrency": 4, "timeout": 2, "retries": 1, "retry_backoff": 0.05,
              "max_page_bytes": 1_000_000, "max_depth": 4, "max_query_variants": 5,
              "max_pagination": 10, "max_pages": 200, "max_wait": 2.0}


@dataclass
class Crawl:
    """The outcome of one crawl: its pages and articles by URL, and the servers it met."""

    base: str
    pages: dict[str, Page]
    articles: dict[str, Article]
    server: SiteServer
    offsite: SiteServer | None = None
    routes: HostileRoutes | None = None

    def page(self, path: str) -> Page:
        return self.pages[self.base + path]

    def requested(self, server: SiteServer | None = None) -> list[str]:
        return [path for _, path, _ in (server or self.server).requests]


def wide_backlog(server: SiteServer) -> SiteServer:
    """socketserver's backlog of 5 drops connections under concurrency (1 s SYN retries)."""
    server.httpd.socket.listen(64)
    return server


def crawl_config(start_url: str, **overrides: Any) -> dict[str, Any]:
    config = defaults()["crawl"]
    config.update(TEST_CRAWL)
    config["start_urls"] = [start_url]
    config.update(overrides)
    return config


def run_crawl(config: dict[str, Any], db: Path, known: bool = False) -> tuple[RunStore, str]:
    store = RunStore(db)
    run_id = store.start_run(config["start_urls"], config)
    crawl_site(config, str(db), run_id, store.known_validators() if known else {})
    return store, run_id


def crawl_result(store: RunStore, run_id: str, base: str, server: SiteServer, **extra: Any) -> Crawl:
    pages = {p.url: p for p in store.pages(run_id)}
    articles = {a.url: a for a in store.articles(run_id)}
    return Crawl(base, pages, articles, server, **extra)


@pytest.fixture(scope="session")
def hostile_crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawl]:
    root = tmp_path_factory.mktemp("hostile")
    build_site(root)
    offsite_root = tmp_path_factory.mktemp("offsite")
    (offsite_root / "landing.html").write_text("<html><body>elsewhere</body></html>")
    with SiteServer(offsite_root, host="127.0.0.2") as offsite:
        routes = HostileRoutes(offsite.base_url)
        with SiteServer(root, routes=routes.routes()) as server:
            wide_backlog(server)
            try:
                store, run_id = run_crawl(crawl_config(server.base_url + "/"), root / "run.db")
                yield crawl_result(store, run_id, server.base_url, server, offsite=offsite, routes=routes)
            finally:
                routes.release.set()
