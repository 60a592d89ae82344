"""A generated health site for crawl benchmarks: sections, paginated listings, articles."""
from __future__ import annotations

import json
import random
from pathlib import Path

WORDS = ("blood pressure sleep vitamin knee pain migraine vaccine fever diet exercise heart "
         "kidney liver skin acne asthma allergy insulin glucose cholesterol therapy dose trial "
         "patient doctor nurse clinic symptom risk benefit evidence review study may help reduce "
         "the of and in with for people who have daily weeks months adults children older").split()
PER_SECTION = 1000
PER_LISTING = 50


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 18))).capitalize() + "."


def _page(title: str, main: str, head: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Bench Health</title>{head}</head>
<body><header><a href="/">Bench Health</a><nav><ul>
<li><a href="/">Home</a></li><li><a href="/about.html">About</a></li></ul></nav></header>
<main>{main}</main>
<footer><p>Sign up for our newsletter. All rights reserved.</p>
<a href="/disclaimer.html">Medical disclaimer</a> <a href="/about.html">About us</a></footer>
</body></html>"""


def _article(n: int, total: int) -> str:
    rng = random.Random(n)
    paras = "\n".join(f"<p>{' '.join(_sentence(rng) for _ in range(5))}</p>" for _ in range(6))
    related = " ".join(f'<a href="/s{m // PER_SECTION}/a{m}.html">Related story {m}</a>'
                       for m in (rng.randrange(total) for _ in range(3)))
    ld = {"@context": "https://schema.org", "@type": "MedicalWebPage", "headline": f"Article {n}",
          "author": {"@type": "Person", "name": f"Author {n % 17}"}, "datePublished": "2026-01-15"}
    main = (f"<article><h1>Article {n}</h1>{paras}<h2>What to do</h2><ul>"
            f"<li>{_sentence(rng)}</li><li>{_sentence(rng)}</li></ul>"
            f'<p>Read <a href="https://pubmed.example.org/{n}">the study</a>.</p>'
            f"<h2>References</h2><p>Doe J. A study {n}. J Things. 2025.</p></article>"
            f'<aside class="related">{related}</aside>')
    return _page(f"Article {n}", main, f'<script type="application/ld+json">{json.dumps(ld)}</script>')


def _listing(section: int, page: int, articles: list[int], last: bool) -> str:
    items = "".join(f'<li><a href="/s{section}/a{n}.html">Article {n}</a></li>' for n in articles)
    nxt = "" if last else f'<a rel="next" href="/s{section}/page{page + 1}.html">Next page</a>'
    return _page(f"Section {section}", f"<h1>Section {section}, page {page}</h1><ul>{items}</ul>{nxt}")


def build_site(root: Path, articles: int) -> None:
    """Write a site of `articles` article pages (plus listings) under `root`."""
    sections = (articles + PER_SECTION - 1) // PER_SECTION
    for section in range(sections):
        (root / f"s{section}").mkdir(parents=True, exist_ok=True)
        numbers = list(range(section * PER_SECTION, min(articles, (section + 1) * PER_SECTION)))
        chunks = [numbers[i:i + PER_LISTING] for i in range(0, len(numbers), PER_LISTING)]
        for page, chunk in enumerate(chunks, start=1):
            html = _listing(section, page, chunk, last=page == len(chunks))
            (root / f"s{section}" / f"page{page}.html").write_text(html, encoding="utf-8")
        for n in numbers:
            (root / f"s{section}" / f"a{n}.html").write_text(_article(n, articles), encoding="utf-8")
    links = "".join(f'<li><a href="/s{s}/page1.html">Section {s}</a></li>' for s in range(sections))
    (root / "index.html").write_text(_page("Home", f"<h1>Home</h1><ul>{links}</ul>"), encoding="utf-8")
    (root / "about.html").write_text(_page("About", "<h1>About</h1><p>About us.</p>"), encoding="utf-8")
    (root / "disclaimer.html").write_text(
        _page("Disclaimer", "<h1>Disclaimer</h1><p>This site does not give medical advice.</p>"),
        encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nDisallow:\n", encoding="utf-8")
