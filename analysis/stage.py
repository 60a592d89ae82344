"""The analysis stage: audit a run's articles, reusing audits of unchanged articles."""
from __future__ import annotations

import hashlib
import logging
import sys
from pathlib import Path
from typing import Any

from analysis.failures import AnalysisFailed
from runstore import RunStore
from runstore.store import ANALYSIS_FINISHED

logger = logging.getLogger(__name__)


def analyze_run(store: RunStore, run_id: str, audit_config: dict[str, Any]) -> dict[str, int]:
    """Audit every article of `run_id`; an article whose text and rules are unchanged since
    the previous analysed run keeps that run's audit (same finding ids) without re-analysis."""
    from analysis.audit import Auditor  # spaCy loads only when there is work

    articles = store.articles(run_id)
    # the newest run that audited every article: one stopped part-way has fewer audits to reuse
    previous = store.previous_run(run_id, having="audits", statuses=ANALYSIS_FINISHED)
    reusable = store.audit_hashes(previous) if previous else {}
    old = {a.url: a for a in store.audits(previous)} if previous else {}
    version = rules_fingerprint(audit_config)
    key = {a.url: f"{a.content_hash}:{version}" for a in articles}
    fresh = [a for a in articles if not a.content_hash or reusable.get(a.url) != key[a.url]]
    for article in articles:
        if article not in fresh:
            store.save_audit(run_id, old[article.url], key[article.url], reused=True)
    done = 0
    try:
        with Auditor(audit_config) as auditor:
            for article, audit in zip(fresh, auditor.audit(fresh)):
                store.save_audit(run_id, audit, key[article.url])
                done += 1
                _progress(done, len(fresh))
    except KeyboardInterrupt:  # the audits saved so far stay; the next run redoes the rest
        store.set_run_status(run_id, "interrupted", error="interrupted during the analysis", finished=True)
        raise
    except AnalysisFailed as exc:  # as above: what was saved stays, the next run redoes the rest
        store.set_run_status(run_id, "failed", error=str(exc), finished=True)
        raise AnalysisFailed(f"run {run_id}: {exc}") from None
    counts = {"articles_analysed": len(fresh), "articles_skipped": len(articles) - len(fresh)}
    store.set_run_status(run_id, "analysed", summary=counts)
    logger.info("run %s: analysed %d articles, %d unchanged", run_id, *counts.values())
    return counts


def rules_fingerprint(audit_config: dict[str, Any]) -> str:
    """Changes whenever the audit's code, bundled rules, user rule files or settings change."""
    digest = hashlib.sha1(repr(sorted(audit_config.items())).encode())
    here = Path(__file__).resolve().parent
    files = sorted(here.rglob("*.py")) + sorted(here.rglob("*.toml"))
    for path in files + [Path(p) for p in audit_config.get("rule_files", [])]:
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\ranalyse [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
    elif done == total or done % 50 == 0:
        sys.stderr.write(f"analyse: {done}/{total} articles\n")
    sys.stderr.flush()
