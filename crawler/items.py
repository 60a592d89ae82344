"""Items the spider yields to the store pipeline."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from runstore.records import Article, Page


@dataclass
class PageItem:
    """One fetch outcome, with the article extracted from it when there is one."""

    page: Page
    article: Article | None = None
    reuse_stored: str | None = None  # run id whose stored article a 304 reuses
    # The page's in-site links as [url, text, paginates], stored so a 304 can follow them again.
    links: list[Any] | None = None
    # Outcomes of links on this page that are not fetched (off-site, traps, documents): carried
    # with the page rather than as an item each, which doubled the items of a crawl.
    link_records: list[Page] = field(default_factory=list)


@dataclass
class DisclaimerItem:
    """The text of a site's disclaimer page, linked from its articles."""

    url: str
    text: str


@dataclass
class LastmodItem:
    """A sitemap <lastmod> for a page that was reached (and maybe stored) before the sitemap."""

    url: str
    lastmod: str
