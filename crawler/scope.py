"""Which URLs a crawl may request: allowed hosts, include/exclude patterns and trap bounds."""
from __future__ import annotations

import logging
import re
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

MAX_URL_LENGTH = 2048
MAX_SEGMENT_REPEATS = 3  # /a/b/a/b/a/b/... is a relative-link trap, not a real section


def start_hosts(crawl: dict[str, Any]) -> set[str]:
    """The hosts of the crawl's start URLs and sitemaps."""
    return {urlsplit(u).hostname for u in crawl["start_urls"] + crawl["sitemaps"]} - {None}  # type: ignore[return-value]


class Scope:
    """The boundary of one crawl. `refusal` also counts URLs, so ask it once per new URL."""

    def __init__(self, crawl: dict[str, Any]):
        self.allowed_domains = ([d.lower().lstrip(".") for d in crawl["allowed_domains"]]
                                or sorted(start_hosts(crawl)))
        self.include = [re.compile(p) for p in crawl["include"]]
        self.exclude = [re.compile(p) for p in crawl["exclude"]]
        self.max_query_variants = crawl["max_query_variants"]
        self.query_variants: Counter[str] = Counter()

    def host_allowed(self, url: str) -> bool:
        """True for http(s) URLs on an allowed host or one of its subdomains."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("http", "https"):
            return False
        # Domain matching rather than LinkExtractor's allow_domains, which ignores IP hosts.
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def excluded(self, url: str) -> bool:
        """True when the include/exclude patterns keep `url` out."""
        if self.include and not any(p.search(url) for p in self.include):
            return True
        return any(p.search(url) for p in self.exclude)

    def trap(self, url: str) -> str | None:
        """Why `url` looks like a crawler trap, or None. Counts query variants per path."""
        if len(url) > MAX_URL_LENGTH:
            return f"URL longer than {MAX_URL_LENGTH} characters"
        parts = urlsplit(url)
        segments = [s for s in parts.path.split("/") if s]
        repeats = Counter(segments).most_common(1)
        if repeats and repeats[0][1] > MAX_SEGMENT_REPEATS:
            return f"path segment {repeats[0][0]!r} repeats {repeats[0][1]} times (a crawler trap)"
        if parts.query:
            key = f"{parts.netloc}{parts.path}"
            self.query_variants[key] += 1
            if self.query_variants[key] > self.max_query_variants:
                return (f"more than {self.max_query_variants} query-string variants of "
                        f"{parts.path} (a calendar or filter trap)")
        return None
