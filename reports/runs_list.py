"""What `healthaudit runs` prints: past runs, newest first."""
from __future__ import annotations

import json
from typing import Any


def render_runs(runs: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(runs, indent=1) + "\n"
    lines = [f"{'run':<20} {'started':<26} {'finished':<26} {'status':<9} summary"]
    for run in runs:
        summary = run["summary"]
        findings = summary.get("findings", {}).get("total", "-")
        pages = summary.get("pages", {}).get("fetched", "-")
        lines.append(f"{run['id']:<20} {run['started']:<26} {run['finished'] or '-':<26} "
                     f"{run['status']:<9} pages {pages}, findings {findings}"
                     + (f", error: {run['error']}" if run.get("error") else ""))
    return "\n".join(lines) + "\n"
