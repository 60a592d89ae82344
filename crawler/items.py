"""Items the spider yields to the store pipeline."""
from __future__ import annotations

from dataclasses import dataclass

from runstore.records import Article, Page


@dataclass
class PageItem:
    """One fetch outcome, with the article extracted from it when there is one."""

    page: Page
    article: Article | None = None
    reuse_stored: str | None = None  # run id whose stored article a 304 reuses


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
