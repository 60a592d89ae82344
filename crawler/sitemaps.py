"""Reading sitemaps and sitemap indexes (plain or gzipped) into (loc, lastmod) entries."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

logger = logging.getLogger(__name__)


@dataclass
class SitemapEntries:
    """The entries of one sitemap file; `is_index` when they name further sitemaps."""

    is_index: bool = False
    entries: list[tuple[str, str | None]] = field(default_factory=list)


def read_sitemap(body: bytes, url: str, max_size: int) -> SitemapEntries:
    """Entries of a sitemap body; empty (and logged) when it is unreadable."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = gunzip(body, max_size=max_size)
        except (OSError, ValueError) as exc:
            logger.warning("%s: unreadable gzipped sitemap: %s", url, exc)
            return SitemapEntries()
    try:
        sitemap = Sitemap(body)
    except Exception as exc:  # lxml raises several kinds on bad XML
        logger.warning("%s: unreadable sitemap: %s", url, exc)
        return SitemapEntries()
    found = SitemapEntries(is_index=sitemap.type == "sitemapindex")
    for entry in sitemap:
        loc = (entry.get("loc") or "").strip()
        if loc:
            found.entries.append((loc, (entry.get("lastmod") or "").strip() or None))
    return found
