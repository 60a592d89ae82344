"""pandas frames of a run's findings, articles and pages, read from the run store."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from runstore import RunStore
from runstore.records import SEVERITIES

FINDING_COLUMNS = ["id", "url", "title", "rule", "severity", "status", "change", "first_seen", "message",
                   "text", "start", "end", "cues", "strength", "support", "note"]
TRIAGE_COLUMNS = ["finding_id", "rule", "url", "status", "note", "updated"]
SEVERITY_ORDER = pd.CategoricalDtype(list(SEVERITIES), ordered=True)


@dataclass
class RunFrames:
    """Everything a report shows about one run (and, with --since, its diff)."""

    run: dict
    findings: pd.DataFrame
    articles: pd.DataFrame
    pages: pd.DataFrame
    triage_history: pd.DataFrame
    since: str | None = None


def findings_frame(store: RunStore, run_id: str) -> pd.DataFrame:
    titles = {a.url: a.title for a in store.articles(run_id)}
    triage = store.triage()
    first_seen = store.first_seen(run_id)
    rows = []
    for audit in store.audits(run_id):
        for f in audit.findings:
            state = triage.get(f.id, {})
            rows.append({
                "id": f.id, "url": audit.url, "title": titles.get(audit.url), "rule": f.rule,
                "severity": f.severity, "status": state.get("status", "open"), "change": None,
                "first_seen": first_seen.get(f.id, run_id),
                "message": f.message, "text": f.text, "start": f.start, "end": f.end,
                "cues": ", ".join(f.evidence.get("cues", [])),
                "strength": f.evidence.get("strength"), "support": f.evidence.get("support"),
                "note": state.get("note"),
            })
    frame = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    frame["severity"] = frame["severity"].astype(SEVERITY_ORDER)
    return frame.sort_values(["severity", "url", "start"]).reset_index(drop=True)


def articles_frame(store: RunStore, run_id: str, findings: pd.DataFrame) -> pd.DataFrame:
    audits = {a.url: a for a in store.audits(run_id)}
    counts = findings[findings["change"] != "resolved"].groupby("url").size()
    rows = []
    for article in store.articles(run_id):
        audit = audits.get(article.url)
        metrics = audit.metrics if audit else {}
        rows.append({
            "url": article.url, "title": article.title, "author": article.author,
            "published": article.published, "modified": article.modified,
            "last_reviewed": article.last_reviewed,
            "disclaimer": audit.disclaimer if audit else None,
            "words": metrics.get("words"), "flesch_kincaid_grade": metrics.get("flesch_kincaid_grade"),
            "flesch_reading_ease": metrics.get("flesch_reading_ease"),
            "smog_index": metrics.get("smog_index"), "gunning_fog": metrics.get("gunning_fog"),
            "dale_chall": metrics.get("dale_chall"), "findings": int(counts.get(article.url, 0)),
            "analysed": audit is not None,
        })
    return pd.DataFrame(rows)


def pages_frame(store: RunStore, run_id: str) -> pd.DataFrame:
    pages = store.pages(run_id)
    columns = ["url", "outcome", "status", "final_url", "content_type", "error", "duplicate_of",
               "fetched_at", "elapsed", "depth", "lastmod", "referrer"]
    return pd.DataFrame([{c: getattr(p, c) for c in columns} for p in pages], columns=columns)


def run_frames(store: RunStore, run_id: str, since: str | None = None) -> RunFrames:
    from reports.diff import diff_findings

    findings = findings_frame(store, run_id)
    if since:
        findings = diff_findings(findings, findings_frame(store, since))
    return RunFrames(store.run(run_id), findings, articles_frame(store, run_id, findings),
                     pages_frame(store, run_id), triage_frame(store, run_id, findings), since)


def triage_frame(store: RunStore, run_id: str, findings: pd.DataFrame) -> pd.DataFrame:
    """The triage history of the run's findings: who decided what, when (compliance sign-off)."""
    about = findings.drop_duplicates("id").set_index("id")[["rule", "url"]].to_dict("index")
    rows = [{**change, **about.get(change["finding_id"], {"rule": None, "url": None})}
            for change in store.triage_history(run_id)]
    return pd.DataFrame(rows, columns=TRIAGE_COLUMNS)
