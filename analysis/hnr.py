"""HealthNewsReview evaluation: do our document rules agree with the experts' ratings of press releases?"""
from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from runstore.records import Article, Block, DocumentAudit

logger = logging.getLogger(__name__)

# HealthNewsReview criterion → the rule whose finding predicts "Not Satisfactory".
CRITERIA = {
    "sensational": "claim.absolute",
    "harms": "balance.risks-missing",
    "funding_coi": "trust.disclosure",
}
NOT_SATISFACTORY, SATISFACTORY = "Not Satisfactory", "Satisfactory"
TARGET_BALANCED_ACCURACY = 0.80


@dataclass
class Agreement:
    """Confusion counts of one criterion: a finding predicts "Not Satisfactory"."""

    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    true_neg: int = 0

    def add(self, predicted: bool, actual: bool) -> None:
        if predicted and actual:
            self.true_pos += 1
        elif predicted:
            self.false_pos += 1
        elif actual:
            self.false_neg += 1
        else:
            self.true_neg += 1

    @property
    def precision(self) -> float:
        return _ratio(self.true_pos, self.true_pos + self.false_pos)

    @property
    def recall(self) -> float:
        return _ratio(self.true_pos, self.true_pos + self.false_neg)

    @property
    def specificity(self) -> float:
        return _ratio(self.true_neg, self.true_neg + self.false_pos)

    @property
    def balanced_accuracy(self) -> float:
        return (self.recall + self.specificity) / 2


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def read_releases(path: str) -> list[dict]:
    """The rated releases of a JSON-lines file: text, criteria ratings, explanations."""
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def release_article(release: dict) -> Article:
    """An Article from a release's text: blocks split on blank lines, a short first line as title.

    The record's own "title" is the reviewers' verdict, not the release's headline, so it is
    left out: it would tell the audit the answer."""
    text = release.get("text") or ""
    blocks = []
    for match in re.finditer(r"\S(?:.*?\S)?(?=\n\s*\n|\s*$)", text, re.S):
        blocks.append(Block("paragraph", match.start(), match.end()))
    title = None
    if blocks:
        first = text[blocks[0].start:blocks[0].end]
        if "\n" not in first and len(first) < 150 and not re.search(r"[.!?:;,]['\")\]]?$", first):
            blocks[0].kind = "heading"
            title = first
    url = release.get("source_url") or f"hnr:{release.get('id', '')}"
    return Article(url=url, text=text, title=title, blocks=blocks)


def score(releases: list[dict], audits: Iterable[DocumentAudit]) -> dict[str, Agreement]:
    """Agreement per criterion; releases rated "Not Applicable" (or unrated) are left out."""
    scores = {criterion: Agreement() for criterion in CRITERIA}
    for release, audit in zip(releases, audits, strict=True):
        fired = {f.rule for f in audit.findings}
        for criterion, rule in CRITERIA.items():
            rating = (release.get("criteria") or {}).get(criterion)
            if rating in (NOT_SATISFACTORY, SATISFACTORY):
                scores[criterion].add(rule in fired, rating == NOT_SATISFACTORY)
    return scores


def hnr_report(path: str, audit_texts: Callable[[list[Article]], list[DocumentAudit]]) -> str:
    """Printable lines: precision, recall and balanced accuracy of predicting "Not Satisfactory"."""
    releases = read_releases(path)
    audits = audit_texts([release_article(r) for r in releases])
    scores = score(releases, audits)
    lines = [f"{Path(path).name}: {len(releases)} releases; a finding predicts 'Not Satisfactory'"]
    for criterion, agreement in scores.items():
        a = agreement
        verdict = "ok" if a.balanced_accuracy >= TARGET_BALANCED_ACCURACY else "below target"
        lines.append(
            f"  {criterion:<12} -> {CRITERIA[criterion]:<22} n={a.true_pos + a.false_pos + a.false_neg + a.true_neg:<4}"
            f"precision {a.precision:.2f}  recall {a.recall:.2f}  balanced accuracy "
            f"{a.balanced_accuracy:.2f} (target {TARGET_BALANCED_ACCURACY:.2f}, {verdict})  "
            f"[tp {a.true_pos} fp {a.false_pos} fn {a.false_neg} tn {a.true_neg}]")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """python -m analysis.hnr [PATH]: print the HNR figures with the default audit settings."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", default="../shared/eval/hnr_releases_dev.jsonl")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    from analysis.audit import Auditor

    auditor = Auditor()
    sys.stdout.write(hnr_report(args.path, lambda articles: list(auditor.audit(articles))) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
