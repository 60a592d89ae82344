"""The audit of the bundled demo articles agrees with what their author meant them to show."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.audit import Auditor
from crawler.files import read_document

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = json.loads((ROOT / "demo" / "expected.json").read_text())
ARTICLES = sorted(path for path in EXPECTED if path != "non_articles")


@pytest.fixture(scope="module")
def audits():
    articles = [read_document(str(ROOT / "demo" / "site" / path.lstrip("/"))) for path in ARTICLES]
    return dict(zip(ARTICLES, Auditor().audit(articles)))


@pytest.mark.parametrize("path", ARTICLES)
def test_demo_audit_reports_the_expected_rules(audits, path):
    # info findings are notes for the editor (a hedged benefit with no source), not problems
    rules = {f.rule for f in audits[path].findings if f.severity != "info"}
    spec = EXPECTED[path]
    assert set(spec["expect"]) - rules == set(), "missed"
    assert set(spec["expect_not"]) & rules == set(), "reported though it must not be"


@pytest.mark.parametrize("path", ARTICLES)
def test_demo_audit_flags_the_marked_sentences(audits, path):
    claims = [f.text for f in audits[path].findings if f.rule.startswith("claim.")]
    for passage in EXPECTED[path].get("must_flag", []):
        assert any(passage in text or text in passage for text in claims), passage
    for passage in EXPECTED[path].get("must_not_flag", []):
        assert not any(passage in text for text in claims), passage
