"""Writing a run's reports in the requested formats; the entry point of the reports stage."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from reports.frames import run_frames
from reports.html import write_html
from reports.json_report import run_document
from reports.summary import run_summary
from reports.tables import write_csv, write_xlsx
from runstore import RunStore

logger = logging.getLogger(__name__)
FORMATS = ("html", "csv", "xlsx", "json")


@dataclass
class ReportResult:
    paths: list[Path]
    severities: list[str]  # of the findings that count for --fail-on (new ones with --since)


def write_reports(store: RunStore, run_id: str, formats: list[str], out: Path,
                  since: str | None = None) -> ReportResult:
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown report format {unknown[0]!r}; use {', '.join(FORMATS)}")
    if since:
        store.run(since)  # an unknown run id is an error, not an empty diff
    frames = run_frames(store, run_id, since)
    summary = run_summary(store, frames)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    if "json" in formats:
        path = out / "report.json"
        path.write_text(json.dumps(run_document(store, frames, summary), indent=1,
                                   ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    if "csv" in formats:
        paths += write_csv(frames, out)
    if "xlsx" in formats:
        paths += write_xlsx(frames, out)
    if "html" in formats:
        paths = write_html(store, frames, summary, out) + paths
    store.set_run_status(run_id, store.run(run_id)["status"], summary=summary)
    counting = frames.findings
    counting = counting[counting["change"] == "new"] if since else counting
    counting = counting[~counting["status"].isin(["false-positive", "accepted"])]
    logger.info("run %s: reports written to %s", run_id, out)
    return ReportResult(paths, [str(s) for s in counting["severity"]])
