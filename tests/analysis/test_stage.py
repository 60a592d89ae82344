"""The analysis stage: audits saved as they come, and an interrupted analysis marks its run."""
from __future__ import annotations

from typing import Iterator

import pytest

from analysis import audit as audit_module
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
