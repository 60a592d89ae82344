"""Any text audits without error, and every finding indexes the article text exactly."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.audit import Auditor
from analysis.corpora import article_from_plain_text

AUDITOR = Auditor()
PIECES = st.sampled_from(["This cream cures acne.", "Studies show", " miracle ", "\n\n", "References\n",
                          "Smith J, Roe K, et al. BMJ. 2020;1:2.", "Dr.", "?", "“", "\u200b", "\t" * 50,
                          " " * 500, "é", "🙂", "\r\n", "[1]", "100%"])
TEXTS = st.one_of(st.text(max_size=400), st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_audit_fuzz_any_text_offsets_inside(text):
    article = article_from_plain_text(text, "fuzz")
    audit = next(AUDITOR.audit([article]))
    for finding in audit.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert finding.text == article.text[finding.start:finding.end]
