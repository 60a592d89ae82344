"""Hand-built articles, audits and runs for the tests."""
from __future__ import annotations

from pathlib import Path

from runstore import Article, Block, DocumentAudit, Finding, Page, RunStore

ARTICLE_TEXT = ("Migraine surgery\n\nThe operation cures migraines for good. "
                "Studies show it is safe.\n\nConsult your doctor.")


def make_article(url: str, text: str = ARTICLE_TEXT, title: str = "Migraine surgery") -> Article:
    return Article(url=url, text=text, title=title, content_hash=str(hash(text)),
                   blocks=[Block("heading", 0, 16), Block("paragraph", 18, len(text))])


def make_audit(article: Article, passages: list[tuple[str, str, str]]) -> DocumentAudit:
    """An audit with one finding per (rule, severity, passage) found in the article text."""
    findings = []
    for rule, severity, passage in passages:
        start = article.text.index(passage)
        findings.append(Finding(rule=rule, severity=severity, message=f"{rule} message",
                                text=passage, start=start, end=start + len(passage),
                                evidence={"cues": ["cure"], "strength": "absolute", "support": "none"}))
    audit = DocumentAudit(article.url, "advisory-only", {"words": 14.0, "flesch_kincaid_grade": 9.5},
                          findings)
    audit.assign_ids()
    return audit


def add_run(store: RunStore, articles_and_passages: dict[str, list[tuple[str, str, str]]]) -> str:
    run_id = store.start_run(["http://site.test/"], {})
    for url, passages in articles_and_passages.items():
        article = make_article(url)
        store.record_page(run_id, Page(url=url, status=200, outcome="fetched"))
        store.save_article(run_id, article)
        store.save_audit(run_id, make_audit(article, passages), article.content_hash)
    store.record_page(run_id, Page(url="http://site.test/gone.html", status=404, outcome="failed",
                                   error="HTTP 404"))
    store.set_run_status(run_id, "analysed")
    return run_id
