"""report.json and check's JSON: the finding schema of the contract."""
from __future__ import annotations

import math
from importlib.metadata import PackageNotFoundError, version
from typing import Any, Iterable

import pandas as pd

from runstore import RunStore
from runstore.records import Article, DocumentAudit


def tool_version() -> str:
    try:
        return version("healthaudit")
    except PackageNotFoundError:
        return "0+unknown"


def document_dict(article: Article, audit: DocumentAudit | None) -> dict[str, Any]:
    return {
        "url": article.url, "title": article.title, "author": article.author,
        "published": article.published, "modified": article.modified, "text": article.text,
        "disclaimer": audit.disclaimer if audit else None,
        "metrics": audit.metrics if audit else {},
        "findings": [f.to_dict() for f in audit.findings] if audit else [],
    }


def check_document(pairs: Iterable[tuple[Article, DocumentAudit]],
                   errors: list[dict[str, str]]) -> dict[str, Any]:
    """The JSON document of `healthaudit check` (no run)."""
    return {"tool": "healthaudit", "version": tool_version(), "run": None,
            "documents": [document_dict(a, d) for a, d in pairs], "errors": errors}


def run_document(store: RunStore, frames: Any, summary: dict[str, Any]) -> dict[str, Any]:
    """The JSON document of a run's report: findings carry triage status and, with --since, change."""
    run_id = frames.run["id"]
    audits = {a.url: a for a in store.audits(run_id)}
    by_url = {url: group for url, group in frames.findings.groupby("url", sort=False)}
    documents = []
    for article in store.articles(run_id):
        doc = document_dict(article, audits.get(article.url))
        group = by_url.get(article.url)
        doc["findings"] = [] if group is None else [_finding(row) for _, row in group.iterrows()]
        documents.append(doc)
    failures = frames.pages[frames.pages["outcome"].isin(["failed", "skipped", "offsite", "disallowed"])]
    return {
        "tool": "healthaudit", "version": tool_version(), "run": run_id,
        "since": frames.since, "summary": summary, "documents": documents,
        "errors": [{"url": r.url, "reason": r.error or r.outcome} for r in failures.itertuples()],
    }


def _finding(row: pd.Series) -> dict[str, Any]:
    evidence = {"cues": [c for c in (row["cues"] or "").split(", ") if c]}
    for key in ("strength", "support"):
        if _present(row[key]):
            evidence[key] = row[key]
    finding = {"id": row["id"], "rule": row["rule"], "severity": str(row["severity"]),
               "message": row["message"], "text": row["text"], "start": int(row["start"]),
               "end": int(row["end"]), "evidence": evidence, "status": row["status"]}
    if _present(row["change"]):
        finding["change"] = row["change"]
    return finding


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))
