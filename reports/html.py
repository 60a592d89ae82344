"""The HTML report: an overview page and one page per article, readable offline."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd
from markupsafe import Markup, escape

from reports.frames import RunFrames
from runstore import RunStore
from runstore.records import SEVERITIES

# Rules about the article as a whole: the passage they point at is only the article's title.
WHOLE_ARTICLE_RULES = {"disclaimer.missing", "readability.grade", "trust.author", "trust.date",
                       "trust.references", "trust.disclosure"}
# Page outcomes left out of "Pages not audited": pages that were audited or were not articles,
# and links out of the site (an article's citations, mostly), which are listed apart.
AUDITED_OR_OFFSITE = ["fetched", "unchanged", "not-article", "offsite"]
ENV = jinja2.Environment(loader=jinja2.PackageLoader("reports", "templates"),
                         autoescape=jinja2.select_autoescape(["html"]), trim_blocks=True,
                         lstrip_blocks=True)


def write_html(store: RunStore, frames: RunFrames, summary: dict[str, Any], out: Path) -> list[Path]:
    articles_dir = out / "articles"
    articles_dir.mkdir(parents=True, exist_ok=True)
    pages = {}
    for article in store.articles(frames.run["id"]):
        rows = _records(frames.findings[frames.findings["url"] == article.url])
        name = article_page_name(article.url)
        pages[article.url] = f"articles/{name}"
        whole, passages = findings_by_passage(rows)
        (articles_dir / name).write_text(ENV.get_template("article.html").render(
            run=frames.run, article=article, findings=rows, whole=whole, passages=passages,
            body=highlight(article.text, rows),
            info=_records(frames.articles[frames.articles["url"] == article.url])[0],
            since=frames.since), encoding="utf-8")
    articles = _records(frames.articles.sort_values("findings", ascending=False))
    index = out / "index.html"
    index.write_text(ENV.get_template("index.html").render(
        run=frames.run, summary=summary, articles=articles, pages=pages, since=frames.since,
        failures=_records(frames.pages[~frames.pages["outcome"].isin(AUDITED_OR_OFFSITE)]),
        offsite=_records(frames.pages[frames.pages["outcome"] == "offsite"]),
        resolved=_records(frames.findings[frames.findings["change"] == "resolved"]),
    ), encoding="utf-8")
    return [index]


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts with pandas' missing values (NaN, NA) turned into None for the templates."""
    return [{k: (None if _missing(v) else v) for k, v in row.items()} for row in frame.to_dict("records")]


def _missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def article_page_name(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:12] + ".html"


def findings_by_passage(findings: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The findings about the whole article, and the others grouped by the passage they flag
    (one entry per sentence, with all its findings), the passage with the worst finding first."""
    whole = [f for f in findings if f["rule"] in WHOLE_ARTICLE_RULES]
    grouped: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for finding in findings:
        if finding["rule"] not in WHOLE_ARTICLE_RULES:
            grouped.setdefault((finding["start"], finding["end"]), []).append(finding)
    passages = [{"text": group[0]["text"], "start": start, "end": end,
                 "findings": sorted(group, key=lambda f: _rank(f["severity"]))}
                for (start, end), group in grouped.items()]
    passages.sort(key=lambda p: (_rank(p["findings"][0]["severity"]), p["start"]))
    return whole, passages


def highlight(text: str, findings: list[dict[str, Any]]) -> Markup:
    """The article text with each finding's passage marked and linked to its entry."""
    spans = [f for f in findings if f.get("change") != "resolved" and f["end"] > f["start"]]
    cuts = sorted({0, len(text), *(f["start"] for f in spans), *(f["end"] for f in spans)})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        piece = escape(text[start:end])
        covering = [f for f in spans if f["start"] <= start and end <= f["end"]]
        if covering:
            worst = min(covering, key=lambda f: _rank(f["severity"]))
            ids = " ".join(f["id"] for f in covering)
            piece = Markup('<mark class="sev-{}" title="{}"><a href="#f-{}">{}</a></mark>').format(
                worst["severity"], ids, worst["id"], piece)
        out.append(piece)
    return Markup("").join(out)


def _rank(severity: Any) -> int:
    """Highest severity first; an unknown one after all of them."""
    return SEVERITIES.index(str(severity)) if str(severity) in SEVERITIES else len(SEVERITIES)
