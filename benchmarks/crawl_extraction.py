"""favor_precision or not: word precision/recall of extract_article against each page's <article>.

The reference text of a page is the text of the headings, paragraphs and list items inside its
<article> element; everything else on the page (navigation, related boxes, comments, footer) is
boilerplate. Prints one row per page and the totals for both settings.

    .venv/bin/python benchmarks/crawl_extraction.py [DIR ...]   (default: demo/site)
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.extract import extract_article  # noqa: E402

TOKEN = re.compile(r"\w+")


def reference_words(page: bytes) -> Counter[str] | None:
    tree = lxml_html.document_fromstring(page)
    articles = tree.xpath("//article")
    if not articles:
        return None
    blocks = articles[0].xpath(".//h1|.//h2|.//h3|.//h4|.//p|.//li|.//blockquote")
    return Counter(w.lower() for b in blocks for w in TOKEN.findall(b.text_content()))


def scores(extracted: str, reference: Counter[str]) -> tuple[float, float]:
    got = Counter(w.lower() for w in TOKEN.findall(extracted))
    overlap = sum((got & reference).values())
    return overlap / max(sum(got.values()), 1), overlap / max(sum(reference.values()), 1)


def main(dirs: list[Path]) -> None:
    totals = {False: [0.0, 0.0], True: [0.0, 0.0]}
    pages = 0
    print(f"{'page':45} {'default P/R':>14} {'precision P/R':>14}")
    for path in sorted(p for d in dirs for p in d.rglob("*.html")):
        body = path.read_bytes()
        reference = reference_words(body)
        if not reference:
            continue
        row = []
        for favor in (False, True):
            found = extract_article(body, f"http://bench.example/{path.name}", favor_precision=favor)
            p, r = scores(found.text if found else "", reference)
            totals[favor][0] += p
            totals[favor][1] += r
            row.append(f"{p:.3f}/{r:.3f}")
        pages += 1
        print(f"{str(path.relative_to(dirs[0].parent))[-45:]:45} {row[0]:>14} {row[1]:>14}")
    for favor, (p, r) in totals.items():
        p, r = p / max(pages, 1), r / max(pages, 1)
        f1 = 2 * p * r / max(p + r, 1e-9)
        print(f"favor_precision={favor!s:5}: mean precision {p:.3f}, recall {r:.3f}, F1 {f1:.3f} "
              f"over {pages} pages")


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]] or [ROOT / "demo" / "site"])
