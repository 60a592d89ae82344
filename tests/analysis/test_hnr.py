"""HNR evaluation: releases become Articles, ratings become agreement figures."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.hnr import Agreement, hnr_report, release_article
from runstore.records import Article, DocumentAudit, Finding

RELEASE = "New Pill Cures Colds\n\nThe pill cures colds, said Dr. Lee.\n\nIt was tested on 10 people."


def release(text: str, **ratings: str) -> dict:
    return {"id": "r", "title": "Reviewers say the release overreaches", "text": text,
            "criteria": ratings, "explanations": {k: "" for k in ratings}}


def test_hnr_release_article_blocks_and_title() -> None:
    doc = release_article(release(RELEASE))
    assert [doc.text[b.start:b.end] for b in doc.blocks] == [
        "New Pill Cures Colds", "The pill cures colds, said Dr. Lee.", "It was tested on 10 people."]
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "paragraph"]
    assert doc.title == "New Pill Cures Colds"
    assert "overreaches" not in doc.text


def test_hnr_release_article_without_headline() -> None:
    doc = release_article(release("Boston, May 1 - A study found that the pill works.\n\nMore text."))
    assert doc.title is None and {b.kind for b in doc.blocks} == {"paragraph"}


@pytest.mark.parametrize("pairs, precision, recall, balanced", [
    ([(True, True), (False, False)], 1.0, 1.0, 1.0),
    ([(True, True), (True, False), (False, True), (False, False)], 0.5, 0.5, 0.5),
    ([(True, False), (True, False)], 0.0, 0.0, 0.0),
])
def test_hnr_agreement_figures(pairs: list[tuple[bool, bool]], precision: float, recall: float,
                               balanced: float) -> None:
    agreement = Agreement()
    for predicted, actual in pairs:
        agreement.add(predicted, actual)
    assert (agreement.precision, agreement.recall, agreement.balanced_accuracy) == \
        pytest.approx((precision, recall, balanced))


def test_hnr_report_scores_rules_and_skips_not_applicable(tmp_path: Path) -> None:
    rows = [
        release("Miracle cure works.", sensational="Not Satisfactory", harms="Not Applicable",
                funding_coi="Satisfactory"),
        release("A careful study.", sensational="Satisfactory", harms="Not Satisfactory",
                funding_coi="Not Satisfactory"),
    ]
    path = tmp_path / "hnr.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")

    def audit_texts(articles: list[Article]) -> list[DocumentAudit]:
        audits = []
        for doc in articles:
            rules = ["claim.absolute"] if "Miracle" in doc.text else ["balance.risks-missing"]
            findings = [Finding(rule, "high", "", "", 0, 0) for rule in rules]
            audits.append(DocumentAudit(doc.url, "missing", {}, findings))
        return audits

    report = hnr_report(str(path), audit_texts)
    lines = {line.split()[0]: line for line in report.splitlines()[1:]}
    assert "2 releases" in report.splitlines()[0]
    assert "balanced accuracy 1.00" in lines["sensational"]
    assert "n=1" in lines["harms"] and "recall 1.00" in lines["harms"]
    assert "recall 0.00" in lines["funding_coi"] and "tn 1" in lines["funding_coi"]
