"""The Auditor's contract: one audit per article, in order, offsets that index the text."""
from __future__ import annotations

import gc
import os
import signal

import pytest

from analysis.audit import Auditor
from analysis.failures import WorkerLost
from analysis.corpora import article_from_plain_text
from runstore.records import Article, Block, Link

TEXT = ("Knee Pain Relief\n\nDr. Jane Roe explains the options. This cream eliminates knee pain "
        "in days.\n\nThe brace reduces pain [2].\n")


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    return Auditor()


def test_audit_findings_offsets_index_the_text(auditor):
    articles = [article_from_plain_text(TEXT, "a"), Article(url="b", text=""), article_from_plain_text("x", "c")]
    audits = list(auditor.audit(articles))
    assert [a.url for a in audits] == ["a", "b", "c"]
    for article, audit in zip(articles, audits):
        for finding in audit.findings:
            assert article.text[finding.start:finding.end] == finding.text
            assert finding.id


def test_audit_findings_absolute_unsupported_is_critical(auditor):
    audit = next(auditor.audit([article_from_plain_text(TEXT, "a")]))
    rules = {(f.rule, f.severity) for f in audit.findings if "eliminates" in f.text}
    assert ("claim.unsupported", "critical") in rules and ("claim.absolute", "critical") in rules


def test_audit_findings_reference_in_paragraph_supports_claim(auditor):
    audit = next(auditor.audit([article_from_plain_text(TEXT, "a")]))
    assert not [f for f in audit.findings if f.rule == "claim.unsupported" and "brace" in f.text]


def test_audit_findings_link_in_paragraph_supports_claim(auditor):
    text = "Stretching relieves back pain, a trial found."
    article = Article(url="l", text=text, blocks=[Block("paragraph", 0, len(text))],
                      links=[Link("https://example.org/trial", "a trial", 33, 40)])
    audit = next(auditor.audit([article]))
    assert not [f for f in audit.findings if f.rule.startswith("claim.unsupported")]


def test_audit_findings_heading_not_a_claim(auditor):
    audit = next(auditor.audit([article_from_plain_text(TEXT, "a")]))
    assert not [f for f in audit.findings if f.rule.startswith("claim") and "Knee Pain Relief" in f.text]


def test_audit_findings_same_with_worker_processes(auditor):
    # more articles than one worker batch, so that batches come back from both workers
    articles = [article_from_plain_text(TEXT.replace("days", f"{n} days"), f"a{n}") for n in range(40)]
    articles.insert(7, Article(url="empty", text=""))
    alone = list(auditor.audit(articles))
    with Auditor({"workers": 2}) as pooled_auditor:
        pooled = list(pooled_auditor.audit(articles))
        # the pipeline stays out of this process's garbage collections while the workers run...
        assert gc.get_freeze_count() > 0
    # ... and is collected as usual again once they are stopped
    assert gc.get_freeze_count() == 0
    assert [a.url for a in pooled] == [a.url for a in articles]
    assert pooled == alone and any(a.findings for a in pooled)




def test_audit_worker_killed_mid_audit_stops_it_with_a_clear_error():
    # an out-of-memory kill of one worker: the audit stops at once, with what was read so far,
    # instead of waiting for the lost batch forever; the workers are stopped and a later audit
    # starts new ones
    articles = [article_from_plain_text(TEXT.replace("days", f"{n} days"), f"a{n}") for n in range(400)]
    with Auditor({"workers": 2}) as pooled_auditor:
        victim = next(iter(pooled_auditor._pool._processes))
        read = []
        with pytest.raises(WorkerLost, match="ended in the middle of the audit"):
            for audit in pooled_auditor.audit(articles):
                read.append(audit)
                if len(read) == 20:
                    os.kill(victim, signal.SIGKILL)
        assert 20 <= len(read) < len(articles) and pooled_auditor._pool is None
        assert list(pooled_auditor.audit(articles[:20])) == read[:20]


def test_audit_worker_results_share_equal_strings(auditor):
    # what a worker sends back is unchanged, only smaller: equal messages and cue words are one
    # string each, which pickle writes once
    from analysis.audit import _sharing_strings
    articles = [article_from_plain_text(TEXT.replace("days", f"{n} days"), f"a{n}") for n in range(3)]
    audits = list(auditor.audit(articles))
    before = [a.to_dict() if hasattr(a, "to_dict") else repr(a) for a in audits]
    shared = _sharing_strings(audits)
    assert [a.to_dict() if hasattr(a, "to_dict") else repr(a) for a in shared] == before
    # each article's claim finding words its message afresh ("This sentence claims ... (“eliminates”)")
    messages = [f.message for a in shared for f in a.findings if f.rule == "claim.unsupported"]
    cues = [c for a in shared for f in a.findings for c in f.evidence.get("cues", [])]
    assert len(messages) == 3 and len({id(m) for m in messages}) == 1
    assert len({id(c) for c in cues if c == "eliminates"}) == 1
