"""The two seed articles: every must sentence flagged, no must-not sentence flagged."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.audit import Auditor
from analysis.corpora import article_from_plain_text

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
FLAGGING = {"claim.unsupported", "claim.vague-attribution"}

pytestmark = pytest.mark.skipif(not (SEEDS / "labels.json").exists(), reason="shared seeds not present")


@pytest.fixture(scope="module")
def seed_audits():
    labels = json.loads((SEEDS / "labels.json").read_text(encoding="utf-8"))
    names = [n for n in labels if n.endswith(".txt")]
    articles = [article_from_plain_text((SEEDS / n).read_text(encoding="utf-8"), n) for n in names]
    audits = list(Auditor().audit(articles))
    return [(labels[n], a) for n, a in zip(names, audits)]


def test_audit_seeds_must_sentences_flagged_unsupported(seed_audits):
    for label, audit in seed_audits:
        for passage in label["claims"]["must"]:
            assert any(passage in f.text and f.rule == "claim.unsupported" for f in audit.findings), passage


def test_audit_seeds_vague_attribution_passages_flagged(seed_audits):
    for label, audit in seed_audits:
        for passage in label["claims"].get("vague_attribution", []):
            assert any(passage in f.text and f.rule == "claim.vague-attribution" for f in audit.findings), passage


def test_audit_seeds_must_not_sentences_left_alone(seed_audits):
    for label, audit in seed_audits:
        allowed = [p for group in ("must", "may", "vague_attribution", "absolute")
                   for p in label["claims"][group]]
        for finding in audit.findings:
            if finding.rule in ("claim.unsupported", "claim.absolute"):
                assert any(p in finding.text for p in allowed), (finding.rule, finding.text)


def test_audit_seeds_disclaimer_status(seed_audits):
    for label, audit in seed_audits:
        assert audit.disclaimer == label["disclaimer"]


def test_audit_seeds_document_rules(seed_audits):
    for label, audit in seed_audits:
        rules = {f.rule for f in audit.findings}
        assert set(label["document_rules"]) <= rules
        assert not set(label["not_document_rules"]) & rules
