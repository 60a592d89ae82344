"""What `healthaudit check` prints: the contract's JSON, or text an editor can read."""
from __future__ import annotations

import json

from reports.json_report import check_document
from runstore.records import Article, DocumentAudit


def render_check(pairs: list[tuple[Article, DocumentAudit]], errors: list[dict[str, str]],
                 fmt: str) -> str:
    if fmt == "json":
        return json.dumps(check_document(pairs, errors), indent=1, ensure_ascii=False) + "\n"
    lines = []
    for article, audit in pairs:
        lines.append(f"{article.url}: {len(audit.findings)} findings, disclaimer {audit.disclaimer}, "
                     f"grade {audit.metrics.get('flesch_kincaid_grade', 0):.1f}")
        for f in audit.findings:
            line = article.text.count("\n", 0, f.start) + 1
            lines.append(f"  {line}:{f.start}-{f.end} {f.severity} {f.rule}: {f.message}")
            if f.text:
                lines.append(f"      \"{_short(f.text)}\"")
    lines += [f"{e['url']}: error: {e['reason']}" for e in errors]
    return "\n".join(lines) + "\n"


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
