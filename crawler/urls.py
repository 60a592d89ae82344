"""URL canonicalisation, so each article is stored once."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|_ga|_hsenc|_hsmi|ref|ref_src)$", re.I)


def canonical_url(url: str) -> str:
    """Drop the fragment and tracking parameters, lower-case scheme and host, sort the query."""
    parts = urlsplit(url.strip())
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not TRACKING.match(k))
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query), ""))


def is_web_url(url: str) -> bool:
    """An absolute http(s) URL with a host: what a crawl can start from."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)
