"""A hostile health site for crawler tests: static articles plus routes that misbehave."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, urlsplit

WORDS = ("blood pressure sleep vitamin knee pain migraine vaccine fever diet exercise heart "
         "kidney liver skin acne asthma allergy insulin glucose cholesterol therapy dose trial "
         "patient doctor nurse clinic symptom risk benefit evidence review study").split()
ARTICLES = ("a1", "a2", "a3", "a4", "a5", "a6")
NAV_MARKER, FOOTER_MARKER, COMMENT_MARKER = "NAVMARKER", "FOOTERMARKER", "COMMENTMARKER"
HUGE_BYTES = 60 * 1024 * 1024


def sentence(seed: int, n: int) -> str:
    words = [WORDS[(seed * 7 + i * 3 + i * i) % len(WORDS)] for i in range(n)]
    return " ".join(words).capitalize() + "."


def paragraphs(seed: int, count: int = 4) -> str:
    return "\n".join(f"<p>{' '.join(sentence(seed * 31 + p * 5 + s, 9 + s) for s in range(5))}</p>"
                     for p in range(count))


def page(title: str, body: str, head: str = "", charset: str = "utf-8") -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{title}</title>{head}</head><body>
<nav><a href="/">Home</a> <a href="/news">News {NAV_MARKER}</a></nav>
{body}
<footer><p>{FOOTER_MARKER} All rights reserved.</p>
<a href="/disclaimer.html">Medical disclaimer</a></footer>
</body></html>"""


def article(name: str, seed: int, extra: str = "", head: str = "") -> str:
    ld = {"@context": "https://schema.org", "@type": "MedicalWebPage", "headline": f"Article {name}",
          "author": {"@type": "Person", "name": "Dr Ada Lovelace", "honorificSuffix": "MD"},
          "datePublished": "2026-01-0%d" % (seed % 9 + 1)}
    head += f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    body = f"""<main><article><h1>Article {name}</h1>
{paragraphs(seed)}
<ul><li>{sentence(seed + 100, 8)}</li><li>{sentence(seed + 101, 8)}</li></ul>
<p>See <a href="https://pubmed.example.org/{seed}">the trial report</a> for details.</p>
{extra}
<h2>References</h2>
<p>Smith J. A trial of things. Journal of Things. 2024;{seed}:1-9.</p>
</article>
<section class="comments"><h3>Comments</h3><p>{COMMENT_MARKER} great post!</p></section></main>"""
    return page(f"Article {name}", body, head)


LATIN_TEXT = "Caf\u00e9 na\u00efve cr\u00e8me br\u00fbl\u00e9e."


def latin1_page(name: str) -> str:
    return article(name, 7 if name == "latin" else 9, extra=f"<p>{LATIN_TEXT}</p>").replace(
        'charset="utf-8"', 'charset="iso-8859-1"')


def build_site(root: Path) -> None:
    """Write the static part of the site under `root`; __BASE_URL__ is filled in when served."""
    (root / "private").mkdir(parents=True, exist_ok=True)
    files = {
        "robots.txt": "User-agent: *\nDisallow: /private/\nSitemap: __BASE_URL__/sitemap.xml\n",
        "sitemap.xml": _sitemap_index(),
        "sitemap-articles.xml": _urlset(("a1", "2026-02-01"), ("a3", "2026-02-03"), ("a6", "2026-02-06")),
        "index.html": page("Home", _home_links()),
        "a1.html": article("a1", 1, head='<link rel="canonical" href="/a1.html">'),
        "a2.html": article("a2", 2),
        "a3.html": article("a3", 3, extra='<p>Contact <a href="mailto:x@example.org">us</a> or '
                           '<a href="javascript:void(0)">print</a> or <a href="tel:123">call</a>.</p>'),
        "a4.html": article("a4", 4),
        "a5.html": article("a5", 5),
        "a6.html": article("a6", 6),
        "disclaimer.html": page("Disclaimer", "<main><h1>Disclaimer</h1><p>This site does not give "
                                "medical advice. Always consult your doctor.</p></main>"),
        "private/secret.html": article("secret", 99),
    }
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    broken = article("broken", 8, extra="<p>Bad bytes here: @@ and then fine text.</p>").encode("utf-8")
    (root / "broken-utf8.html").write_bytes(broken.replace(b"@@", b"\xff\xfe\xc3("))


def _home_links() -> str:
    hrefs = ["/a1.html#comments", "/a1.html?session=1", "/a1.html?session=2", "/a2.html",
             "/a2.html?utm_source=news&fbclid=x", "/a2.html?print=1", "/a3.html", "/private/secret.html",
             "__OFFSITE__/landing.html", "/go-offsite", "/loop-a", "/calendar?month=0", "/chain/1",
             "/slow", "/huge", "/binary", "/served-pdf.html", "/doc.pdf", "/latin1.html",
             "/broken-utf8.html", "/latin1-meta.html", "/error500", "/missing.html", "/busy", "/trap/x/", "/news"]
    items = "".join(f'<li><a href="{h}">Link {i}</a></li>' for i, h in enumerate(hrefs))
    return f"<main><h1>Home</h1><ul>{items}</ul></main>"


def _sitemap_index() -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            "<sitemap><loc>__BASE_URL__/sitemap-articles.xml</loc></sitemap></sitemapindex>")


def _urlset(*entries: tuple[str, str]) -> str:
    urls = "".join(f"<url><loc>__BASE_URL__/{n}.html</loc><lastmod>{d}</lastmod></url>" for n, d in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>')


class PrefixRoutes(dict):
    """Routes whose keys ending in '*' answer every path with that prefix."""

    def get(self, path: str, default: object = None) -> object:  # type: ignore[override]
        if path in self:
            return self[path]
        for key, route in self.items():
            if key.endswith("*") and path.startswith(key[:-1]):
                return route
        return default


class HostileRoutes:
    """The misbehaving paths, with what they observed (times, bytes sent)."""

    def __init__(self, offsite_base: str):
        self.offsite_base = offsite_base
        self.release = threading.Event()  # set at teardown so the slow page stops waiting
        self.busy_times: list[float] = []
        self.huge_sent = 0

    def routes(self) -> PrefixRoutes:
        table: dict[str, Callable[[BaseHTTPRequestHandler], bool]] = {
            "/": self.home, "/go-offsite": self.go_offsite, "/loop-a": self.loop_a,
            "/loop-b": self.loop_b, "/calendar": self.calendar, "/chain/*": self.chain,
            "/slow": self.slow, "/huge": self.huge, "/binary": self.binary,
            "/served-pdf.html": self.served_pdf, "/error500": self.error500, "/busy": self.busy,
            "/trap/*": self.trap, "/news": self.news, "/latin1.html": self.latin1,
            "/latin1-meta.html": self.latin1_meta,
        }
        return PrefixRoutes(table)

    def home(self, h: BaseHTTPRequestHandler) -> bool:
        body = page("Home", _home_links()).replace("__OFFSITE__", self.offsite_base)
        return _send(h, 200, body.encode())

    def go_offsite(self, h: BaseHTTPRequestHandler) -> bool:
        return _send(h, 302, b"", location=f"{self.offsite_base}/landing.html")

    def loop_a(self, h: BaseHTTPRequestHandler) -> bool:
        return _send(h, 301, b"", location="/loop-b")

    def loop_b(self, h: BaseHTTPRequestHandler) -> bool:
        return _send(h, 301, b"", location="/loop-a")

    def calendar(self, h: BaseHTTPRequestHandler) -> bool:
        month = int(parse_qs(urlsplit(h.path).query).get("month", ["0"])[0])
        body = (f'<main><h1>Events, month {month}</h1><a href="/calendar?month={month - 1}">Previous month</a> '
                f'<a href="/calendar?month={month + 1}">Next month</a></main>')
        return _send(h, 200, page("Calendar", body).encode())

    def chain(self, h: BaseHTTPRequestHandler) -> bool:
        n = int(h.path.rstrip("/").rsplit("/", 1)[-1])
        body = f'<main><h1>Part {n}</h1><a href="/chain/{n + 1}">Continue to part {n + 1}</a></main>'
        return _send(h, 200, page("Chain", body).encode())

    def trap(self, h: BaseHTTPRequestHandler) -> bool:
        body = '<main><h1>Trap</h1><a href="x/">A relative link that nests forever</a></main>'
        return _send(h, 200, page("Trap", body).encode())

    def news(self, h: BaseHTTPRequestHandler) -> bool:
        n = int(parse_qs(urlsplit(h.path).query).get("page", ["1"])[0])
        links = {1: "/a2.html", 2: "/a3.html", 3: "/a4.html", 4: "/a5.html"}.get(n, "/a1.html")
        nxt = f'<a rel="next" href="/news?page={n + 1}">Next page</a>' if n < 6 else ""
        body = f'<main><h1>News page {n}</h1><a href="{links}">Story</a> {nxt}</main>'
        return _send(h, 200, page("News", body).encode())

    def slow(self, h: BaseHTTPRequestHandler) -> bool:
        self.release.wait(10)  # longer than the crawl's timeout; released at teardown
        return _send(h, 200, article("slow", 50).encode())

    def huge(self, h: BaseHTTPRequestHandler) -> bool:
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.end_headers()  # no Content-Length: the client only learns the size by reading
        chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
        try:
            h.wfile.write(b"<html><body>")
            while self.huge_sent < HUGE_BYTES:
                h.wfile.write(chunk)
                self.huge_sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        return True

    def latin1(self, h: BaseHTTPRequestHandler) -> bool:
        """Latin-1 bytes, declared in the Content-Type header."""
        return _send(h, 200, latin1_page("latin").encode("latin-1"),
                     content_type="text/html; charset=iso-8859-1")

    def latin1_meta(self, h: BaseHTTPRequestHandler) -> bool:
        """Latin-1 bytes, declared only in the page's <meta charset>."""
        return _send(h, 200, latin1_page("latinmeta").encode("latin-1"), content_type="text/html")

    def binary(self, h: BaseHTTPRequestHandler) -> bool:
        return _send(h, 200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)

    def served_pdf(self, h: BaseHTTPRequestHandler) -> bool:
        return _send(h, 200, b"%PDF-1.4\n" + b"0" * 5000, content_type="application/pdf")

    def error500(self, h: BaseHTTPRequestHandler) -> bool:
        return _send(h, 500, b"<html><body>Internal error</body></html>")

    def busy(self, h: BaseHTTPRequestHandler) -> bool:
        self.busy_times.append(time.monotonic())
        if len(self.busy_times) == 1:
            return _send(h, 429, b"slow down", retry_after="1")
        return _send(h, 200, article("busy", 60).encode())


def _send(h: BaseHTTPRequestHandler, status: int, body: bytes, location: str | None = None,
          content_type: str = "text/html; charset=utf-8", retry_after: str | None = None) -> bool:
    try:
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        if location:
            h.send_header("Location", location)
        if retry_after:
            h.send_header("Retry-After", retry_after)
        h.end_headers()
        h.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the crawler gave up on this page (timeout); that is the point of the test
    return True
