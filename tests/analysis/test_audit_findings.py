"""The Auditor's contract: one audit per article, in order, offsets that index the text."""
from __future__ import annotations

import gc
import multiprocessing.pool

import pytest

from analysis.audit import Auditor
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



def test_audit_worker_pool_waits_on_workers_and_notices_only():
    # The pool's worker-minding thread wakes when a worker ends or the pool is told something
    # (a ThreadPool's waits the same way); woken at every result too, it spun while the results
    # thread read them. The hook is the stdlib Pool's: a Python without it would keep its own way.
    assert "_get_sentinels" in vars(multiprocessing.pool.Pool)
    with Auditor({"workers": 2}) as pooled_auditor:
        pool = pooled_auditor._pool
        assert pool._get_sentinels() == [pool._change_notifier._reader]
        # the workers themselves are still watched, so one that dies is replaced
        assert len(multiprocessing.pool.Pool._get_worker_sentinels(pool._pool)) == 2


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
