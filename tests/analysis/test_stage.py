"""The analysis stage: audits saved as they come, and an interrupted analysis marks its run."""
from __future__ import annotations

import os
import signal
from typing import Iterator

import pytest

from analysis import audit as audit_module
from analysis.failures import AnalysisFailed
from analysis.stage import analyze_run
from runstore import Page
from tests.builders import make_article

URLS = [f"http://site.test/{n}.html" for n in range(3)]


def crawled_run(store) -> str:
    run_id = store.start_run(["http://site.test/"], {})
    for url in URLS:
        store.record_page(run_id, Page(url=url, status=200, outcome="fetched"))
        store.save_article(run_id, make_article(url))
    store.set_run_status(run_id, "crawled")
    return run_id


def test_stage_analyze_run_audits_every_article(store):
    run_id = crawled_run(store)
    assert analyze_run(store, run_id, {}) == {"articles_analysed": 3, "articles_skipped": 0}
    assert sorted(a.url for a in store.audits(run_id)) == URLS
    assert store.run(run_id)["status"] == "analysed"


def test_stage_interrupted_analysis_keeps_the_audits_done_and_marks_the_run(store, monkeypatch):
    real_audit = audit_module.Auditor.audit

    def stopped_after_one(self, articles) -> Iterator:
        for done, audit in enumerate(real_audit(self, articles)):
            if done == 1:
                raise KeyboardInterrupt
            yield audit

    monkeypatch.setattr(audit_module.Auditor, "audit", stopped_after_one)
    run_id = crawled_run(store)
    with pytest.raises(KeyboardInterrupt):
        analyze_run(store, run_id, {})
    assert [a.url for a in store.audits(run_id)] == URLS[:1]
    run = store.run(run_id)
    assert run["status"] == "interrupted" and run["finished"]


def test_stage_audit_worker_killed_fails_the_run_and_keeps_the_audits_done(store, monkeypatch):
    # an out-of-memory kill of a worker process: the first batches' audits are saved, the run is
    # marked failed with the reason, and the command line gets an AnalysisFailed to report
    monkeypatch.setattr(audit_module, "WORKER_BATCH", 2)
    monkeypatch.setattr(audit_module, "AHEAD_PER_WORKER", 0)  # the first batch is read before the second goes out
    monkeypatch.setattr(audit_module, "_audit_in_worker", killed_at_its_second_batch)
    run_id = crawled_run(store)
    with pytest.raises(AnalysisFailed, match=f"run {run_id}: an audit worker process ended"):
        analyze_run(store, run_id, {"workers": 2})
    assert [a.url for a in store.audits(run_id)] == URLS[:2]
    run = store.run(run_id)
    assert run["status"] == "failed" and run["finished"] and "worker" in run["error"]


_REAL_WORKER = audit_module._audit_in_worker


def killed_at_its_second_batch(articles: bytes) -> bytes:
    """A worker's task that kills its own process when handed the batch holding the last article
    (at module level: the pool sends a task's function by name)."""
    if URLS[2] in articles.decode("latin-1"):
        os.kill(os.getpid(), signal.SIGKILL)
    return _REAL_WORKER(articles)
