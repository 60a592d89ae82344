"""The run summary: page outcomes, articles analysed, findings by rule, severity and change."""
from __future__ import annotations

from typing import Any

from reports.frames import RunFrames
from runstore import RunStore


SERVED = ("fetched", "unchanged", "not-article", "duplicate")


def run_summary(store: RunStore, frames: RunFrames) -> dict[str, Any]:
    pages = frames.pages
    outcomes = pages["outcome"].value_counts().to_dict() if not pages.empty else {}
    previous = store.previous_run(frames.run["id"], having="pages")
    removed = 0
    if previous:  # pages served before that are no longer reached, or now answer 404/410
        now = set(pages[pages["outcome"].isin(SERVED)]["url"])
        removed = sum(1 for p in store.pages(previous) if p.outcome in SERVED and p.url not in now)
    open_findings = frames.findings[frames.findings["change"] != "resolved"]
    stored = frames.run.get("summary", {})
    return {
        "pages": {
            "fetched": int(outcomes.get("fetched", 0) + outcomes.get("not-article", 0)
                           + outcomes.get("duplicate", 0)),
            "unchanged": int(outcomes.get("unchanged", 0)),
            "failed": int(outcomes.get("failed", 0)),
            "skipped": int(sum(v for k, v in outcomes.items()
                               if k not in ("fetched", "not-article", "duplicate", "unchanged", "failed"))),
            "removed": removed,
            "by_outcome": {k: int(v) for k, v in outcomes.items()},
        },
        "articles": {"analysed": int(stored.get("articles_analysed", 0)),
                     "skipped": int(stored.get("articles_skipped", 0)),
                     "total": int(len(frames.articles))},
        "findings": {
            "total": int(len(open_findings)),
            "by_rule": {k: int(v) for k, v in open_findings["rule"].value_counts().items()},
            "by_severity": {str(k): int(v) for k, v in
                            open_findings["severity"].value_counts(sort=False).items() if v},
            "by_change": ({k: int(v) for k, v in frames.findings["change"].value_counts().items()}
                          if frames.since else {}),
        },
    }
